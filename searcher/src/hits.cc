#include "hits.h"

#include <unordered_set>

#include "amendment_link.h"
#include "every_unit.h"
#include "identical.h"
#include "missing.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/searcher/snippet.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

namespace {

// Whether a search folds identical texts: grouped, and not asked to show them apart.
bool folds(const SearchRequest& request) { return request.group_by_document && request.distinct; }

// What is already on the page, to take each document (grouped) or clause once, and each
// text once when folding (a candidate of text 0, from an older layout, by its document).
struct Page {
  Page(std::size_t n, const SearchRequest& request)
      : need(n), grouped(request.group_by_document), distinct(folds(request)) {}
  std::size_t need;
  bool grouped;
  bool distinct;
  std::vector<Candidate> ordered;
  std::unordered_set<std::string> seen_docs;
  std::unordered_set<std::uint64_t> seen_texts;
  std::unordered_set<Xapian::docid> seen_clauses;

  bool full() const { return ordered.size() >= need; }
  // At least the candidates of a fresh match that add() would skip.
  std::size_t seen() const { return grouped ? seen_docs.size() : seen_clauses.size(); }
  void add(Candidate c) {
    if (distinct && c.text != 0 && seen_texts.count(c.text)) return;
    if (grouped ? !seen_docs.insert(c.doc_id).second : !seen_clauses.insert(c.xid).second) return;
    if (distinct && c.text != 0) seen_texts.insert(c.text);
    ordered.push_back(std::move(c));
  }
};

// The documents holding every unit, from their clauses (grouped only).
void add_every_unit(SearchContext& ctx, const ParsedQuery& pq, const Filters& filters,
                    const Xapian::MatchDecider* decider, Sort sort, Page& page) {
  for (auto& hit : documents_with_every_unit(ctx, pq.units, filters, decider,
                                             page.need + page.seen(), sort, page.distinct)) {
    if (page.full()) break;
    Candidate c;
    c.xid = hit.summary;
    c.weight = hit.score;
    c.tier = Tier::kAllWordsInDocument;
    c.summary = true;
    c.table_document = hit.table_document;
    c.doc_id = std::move(hit.doc_id);
    c.date = std::move(hit.date);
    c.text = hit.text;
    page.add(std::move(c));
  }
}

// The matches of `m` as candidates of `tier`, in order.
void add_matches(SearchContext& ctx, const Xapian::MSet& m, const TierQuery& tier, bool dated,
                 Page& page) {
  const FacetTable* table = ctx.index.table();
  for (auto it = m.begin(); it != m.end() && !page.full(); ++it) {
    Candidate c;
    c.xid = *it;
    c.weight = it.get_weight();
    c.tier = tier.tier;
    c.summary = tier.summary;
    c.table_document = table ? table->document_of(c.xid) : FacetTable::kNone;
    if (c.table_document != FacetTable::kNone) {
      c.doc_id = table->id(c.table_document);
      if (page.distinct) c.text = table->text(c.table_document);
    } else {
      const Xapian::Document doc = it.get_document();
      c.doc_id = doc.get_value(schema::kSlotDocId);
      if (page.distinct) c.text = schema::text_key_value(doc.get_value(schema::kSlotText));
    }
    if (dated) c.date = it.get_sort_key();
    page.add(std::move(c));
  }
}

// The top of one ranked tier (totals and facets come from the counting pass).
void add_tier(SearchContext& ctx, const TierQuery& tier, bool has_words,
              const Xapian::MatchDecider* decider, const SearchRequest& request, Page& page) {
  for (const Query& part : chronological_parts(tier.query, request.sort)) {
    if (page.full()) return;
    Xapian::Enquire e = enquire(ctx, part, request.sort);
    // Folding: one clause per text, which is one per document for the others.
    if (request.group_by_document) {
      e.set_collapse_key(page.distinct ? schema::kSlotText : schema::kSlotDocId, 1);
    }
    if (tier.tier == Tier::kKnownItem && request.sort == Sort::kRelevance) {
      e.set_sort_by_relevance_then_value(schema::kSlotDate, true);  // equal: newest first
    }
    if (!has_words && !request.group_by_document && request.sort == Sort::kRelevance) {
      e.set_docid_order(Xapian::Enquire::ASCENDING);  // filter-only: index order
    }
    const auto fetch = static_cast<Xapian::doccount>(page.need + page.seen());
    Xapian::MSet m = e.get_mset(0, fetch, 0, nullptr, decider);
    add_matches(ctx, m, tier, by_date(request.sort), page);
  }
}

// The documents holding every word in one chronological order (grouped, sorted by date):
// those with every word in one clause and those with them spread over clauses, merged by
// date; a document in both keeps its best clause.
void add_complete_by_date(SearchContext& ctx, const ParsedQuery& pq, const TierQuery& in_clause,
                          bool has_words, const Filters& filters,
                          const Xapian::MatchDecider* decider, const SearchRequest& request,
                          Page& page) {
  Page one(page.need, request);
  Page spread(page.need, request);
  add_tier(ctx, in_clause, has_words, decider, request, one);
  add_every_unit(ctx, pq, filters, decider, request.sort, spread);
  auto a = one.ordered.begin(), b = spread.ordered.begin();
  while (!page.full() && (a != one.ordered.end() || b != spread.ordered.end())) {
    const bool take_a = b == spread.ordered.end() ||
                        (a != one.ordered.end() && !earlier_in(request.sort, b->date, a->date));
    page.add(std::move(take_a ? *a++ : *b++));
  }
}

// The clause that best represents a document matched through its summary or by filters
// alone: the best-ranked matching clause, else its first clause (of the filtered kind).
Xapian::Document best_clause(Xapian::Database& db, const std::string& doc_id, const Query& words,
                             const Filters& filters) {
  Query scope(schema::bounded_term(schema::kDocPrefix, doc_id));
  Query base = words.empty() ? Query(std::string(schema::kClauseTerm)) : words;
  Filters inside = filters;
  inside.documents = Query();  // the document itself passed the document-level filters
  Xapian::Enquire e(db);
  e.set_query(inside.on_clauses(Query(Query::OP_FILTER, base, scope)));
  e.set_weighting_scheme(schema::bm25_weight());
  if (words.empty()) e.set_sort_by_value(schema::kSlotOrder, false);
  Xapian::MSet m = e.get_mset(0, 1);
  if (!m.empty()) return m.begin().get_document();
  // Nothing matched at clause level (e.g. a kind filter met only by another clause):
  // fall back to the document's first clause.
  Xapian::Enquire first(db);
  first.set_query(Query(Query::OP_FILTER, Query(std::string(schema::kClauseTerm)), scope));
  first.set_sort_by_value(schema::kSlotOrder, false);
  m = first.get_mset(0, 1);
  if (!m.empty()) return m.begin().get_document();
  return Xapian::Document();
}

}  // namespace

SpeechFields speech_fields(format::StoredClause& c) {
  SpeechFields s;
  s.speaker = std::move(c.speaker);
  s.speaker_label = std::move(c.speaker_label);
  s.speaker_role = std::move(c.speaker_role);
  s.speaker_kind = std::move(c.speaker_kind);
  s.group = std::move(c.group);
  s.headings = std::move(c.headings);
  s.amendment = std::move(c.amendment);
  for (const auto& [begin, end] : c.directions) s.directions.push_back({begin, end});
  return s;
}

namespace {

// A speech's snippet begins with its speaker as printed: "M. Julien Aubert : …", the
// highlights shifted by what was put before them.
void lead_with_speaker(Hit& hit) {
  if (hit.speech.speaker_label.empty()) return;
  const std::string lead = hit.speech.speaker_label + "\u00a0: ";
  hit.snippet.insert(0, lead);
  for (auto& r : hit.snippet_highlights) {
    r.begin += lead.size();
    r.end += lead.size();
  }
}

// The clause fields of a hit from a clause's Xapian document.
void fill_clause(Hit& hit, const std::string& stored, const Xapian::Document& doc,
                 const std::unordered_set<std::string>& terms, analyzers::FrenchAnalyzer& analyzer) {
  format::StoredClause c;
  if (!format::decode(stored, &c)) return;
  if (c.index != 0) hit.clause_id = schema::clause_id(doc.get_value(schema::kSlotDocId), c.index);
  hit.kind = std::move(c.kind);
  hit.number = std::move(c.number);
  hit.text = std::move(c.text);
  hit.highlights = find_highlights(hit.text, terms, analyzer);
  Snippet s = make_snippet(hit.text, hit.highlights);
  hit.snippet = std::move(s.text);
  hit.snippet_highlights = std::move(s.highlights);
  hit.speech = speech_fields(c);
  lead_with_speaker(hit);
}

// The document fields of a hit (and the amendment its speech names, linked). `d`: the
// document in the facet table, if known.
void fill_document(Hit& hit, Shards& index, std::uint32_t d) {
  format::StoredDocument s;
  if (!index.summary_of(hit.document_id, &s, d)) return;
  if (!hit.speech.amendment.empty()) {
    hit.speech.amendment_id = linked_amendment(index, hit.speech.amendment, s.legislature, s.texte_ref);
  }
  hit.title = std::move(s.title);
  hit.type = std::move(s.type);
  hit.institution = std::move(s.institution);
  hit.date = std::move(s.date);
}

}  // namespace

std::vector<Candidate> rank_candidates(SearchContext& ctx, const ParsedQuery& pq,
                                       const TierPlan& plan, const Filters& filters,
                                       const Xapian::MatchDecider* decider,
                                       const SearchRequest& request) {
  Page page(request.offset + request.limit, request);
  const bool merge = by_date(request.sort) && request.group_by_document;
  for (std::size_t t = 0; t < plan.tiers.size() && !page.full(); ++t) {
    const TierQuery& tier = plan.tiers[t];
    const bool spread_next = t + 1 < plan.tiers.size() &&
                             plan.tiers[t + 1].tier == Tier::kAllWordsInDocument;
    if (merge && tier.tier == Tier::kAllWordsInClause && spread_next) {
      add_complete_by_date(ctx, pq, tier, plan.has_words, filters, decider, request, page);
      ++t;  // the next tier was merged in
    } else if (tier.tier == Tier::kAllWordsInDocument) {
      add_every_unit(ctx, pq, filters, decider, request.sort, page);
    } else {
      add_tier(ctx, tier, plan.has_words, decider, request, page);
    }
  }
  return std::move(page.ordered);
}

std::vector<Hit> make_hits(SearchContext& ctx, analyzers::FrenchAnalyzer& analyzer,
                           const std::vector<Candidate>& candidates, const ParsedQuery& pq,
                           const TierPlan& plan, const Filters& filters,
                           const SearchRequest& request, const FacetCounter& spy) {
  std::vector<Hit> hits;
  Xapian::Database& db = ctx.index.db();
  const bool grouped = request.group_by_document;
  for (std::size_t i = request.offset; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    Hit hit;
    hit.document_id = c.doc_id;
    hit.score = c.weight;
    hit.tier = c.tier;
    hit.matching_clauses = spy.clauses_of(c.doc_id);
    Xapian::Document clause = c.summary ? best_clause(db, c.doc_id, plan.any_words, filters)
                                        : db.get_document(c.xid);
    fill_clause(hit, ctx.index.stored(clause), clause, plan.terms, analyzer);
    fill_document(hit, ctx.index, c.table_document);
    if (c.tier == Tier::kSomeWords) {
      hit.missing = grouped ? missing_in_document(db, pq, c.doc_id, filters)
                            : missing_in_clause(clause, pq);
    }
    if (folds(request)) {
      hit.identical = identical_documents(ctx.index, c.text, c.doc_id, c.table_document, spy);
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace hemicycle::searcher
