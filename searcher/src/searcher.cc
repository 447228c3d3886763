#include "hemicycle/searcher/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "doc_filter.h"
#include "facet_spy.h"
#include "facet_table.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/analyzers/unicode.h"
#include "hemicycle/model/document.h"
#include "hemicycle/format/records.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/format/store.h"
#include "hemicycle/searcher/query.h"
#include "hemicycle/searcher/snippet.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

const char* to_string(Tier tier) {
  switch (tier) {
    case Tier::kAllWordsInClause:
      return "all_words_in_clause";
    case Tier::kAllWordsInDocument:
      return "all_words_in_document";
    case Tier::kSomeWords:
      return "some_words";
    case Tier::kFilterOnly:
      return "filter_only";
  }
  return "some_words";
}

namespace {

Query combine(Query::op op, const std::vector<Query>& parts) {
  if (parts.empty()) return Query();
  if (parts.size() == 1) return parts.front();
  return Query(op, parts.begin(), parts.end());
}

// The clause-level query for one word or phrase: a term, or a phrase of its terms whose
// window spans the stop words the analyzer dropped.
Query clause_query(const QueryItem& item) {
  if (item.tokens.size() == 1) return Query(item.tokens.front().text);
  std::vector<Query> terms;
  for (const auto& t : item.tokens) terms.emplace_back(t.text);
  Xapian::termcount window = item.tokens.back().position - item.tokens.front().position + 1;
  return Query(Query::OP_PHRASE, terms.begin(), terms.end(), window);
}

Query unit_query(const std::vector<QueryItem>& unit, Query (*make)(const QueryItem&)) {
  std::vector<Query> alternatives;
  for (const auto& item : unit) alternatives.push_back(make(item));
  return combine(Query::OP_OR, alternatives);
}

// Rewards clauses where consecutive words of the query stand next to each other as typed
// (Lucene's "pf2"): for each pair of neighbouring single-item units, a phrase over both,
// whose window allows only the gaps the query itself has. Empty when there is no such pair.
Query adjacency_boost(const std::vector<std::vector<QueryItem>>& units) {
  std::vector<Query> pairs;
  for (std::size_t i = 0; i + 1 < units.size(); ++i) {
    if (units[i].size() != 1 || units[i + 1].size() != 1) continue;
    const auto& a = units[i].front().tokens;
    const auto& b = units[i + 1].front().tokens;
    std::vector<Query> terms;
    for (const auto& t : a) terms.emplace_back(t.text);
    for (const auto& t : b) terms.emplace_back(t.text);
    Xapian::termcount window = (a.back().position - a.front().position + 1) +
                               (b.back().position - b.front().position + 1);
    pairs.emplace_back(Query::OP_PHRASE, terms.begin(), terms.end(), window);
  }
  return combine(Query::OP_OR, pairs);
}

// The documents a query excludes (`-word`, `-"phrase"`): by facet table document with one
// database and a table, else by id.
struct Exclusions {
  const FacetTable* table = nullptr;
  std::vector<std::uint8_t> documents;  // by table document, when `table`
  std::unordered_set<std::string> ids;  // otherwise
  bool any = false;

  void add(std::uint32_t d) {
    documents[d] = 1;
    any = true;
  }
  void add(std::string id) {
    ids.insert(std::move(id));
    any = true;
  }
  bool excludes(std::uint32_t d) const { return d < documents.size() && documents[d]; }
};

// Rejects the excluded documents' summaries and clauses.
class ExcludeDocuments : public Xapian::MatchDecider {
 public:
  explicit ExcludeDocuments(const Exclusions* excluded) : excluded_(excluded) {}
  bool operator()(const Xapian::Document& doc) const override {
    if (excluded_->table) {
      const std::uint32_t d = excluded_->table->document_of(doc.get_docid());
      if (d != FacetTable::kNone) return !excluded_->excludes(d);
      // Written after the table was read: by its id.
      const std::uint32_t found = excluded_->table->find(doc.get_value(schema::kSlotDocId));
      return !excluded_->excludes(found);
    }
    return !excluded_->ids.count(doc.get_value(schema::kSlotDocId));
  }

 private:
  const Exclusions* excluded_;
};

struct Candidate {
  Xapian::docid xid = 0;
  std::string doc_id;
  double weight = 0;
  Tier tier = Tier::kSomeWords;
  bool summary = false;
  std::uint32_t table_document = FacetTable::kNone;  // its document in the facet table
};

}  // namespace

struct Searcher::Impl {
  std::vector<std::string> paths;
  SearcherOptions options;
  Xapian::Database db;                 // every shard, searched as one
  std::vector<Xapian::Database> shards;  // each shard alone (metadata is per database)
  analyzers::FrenchAnalyzer analyzer;
  std::unique_ptr<FacetTable> table;  // see SearcherOptions::facet_table
  format::store::Unpacker unpacker;  // the stored JSON's dictionaries, of every shard

  // The JSON stored for a summary or a clause (empty if it cannot be read).
  std::string stored(const Xapian::Document& doc) {
    const std::string frame = doc.get_value(schema::kSlotStored);
    if (frame.empty()) return doc.get_data();  // an index written before the store
    std::string json;
    if (unpacker.unpack(frame, &json)) return json;
    // A dictionary a writer added since we opened: read them again, once.
    for (auto& shard : shards) {
      shard.reopen();
      unpacker.load(shard);
    }
    unpacker.unpack(frame, &json);
    return json;
  }

  void load_table() {
    table.reset();
    if (!options.facet_table) return;
    for (const auto& p : paths) {
      if (p.rfind("tcp://", 0) == 0) return;  // remote: counted the slow way
    }
    try {
      table = std::make_unique<FacetTable>(db, shards);
    } catch (const std::length_error&) {
      // More documents than the table addresses: facets are counted from the values.
    }
  }

  // After a reopen: read what was added, or everything again if a database was replaced.
  void update_table() {
    if (table && table->update(db, shards)) return;
    load_table();
  }

  std::unique_ptr<FacetCounter> counter(std::vector<const schema::Field*> fields) {
    if (table) return std::make_unique<TableFacetSpy>(std::move(fields), *table);
    return std::make_unique<FacetSpy>(std::move(fields));
  }

  // The current search's time budget (options.time_limit_seconds from its start).
  std::chrono::steady_clock::time_point deadline;
  bool out_of_time = false;

  void open() {
    Xapian::Database combined;
    std::vector<Xapian::Database> alone;
    for (const auto& p : paths) {
      try {
        if (p.rfind("tcp://", 0) == 0) {
          std::string hostport = p.substr(6);
          auto colon = hostport.rfind(':');
          if (colon == std::string::npos) {
            throw std::runtime_error("remote database " + p + ": expected tcp://HOST:PORT");
          }
          unsigned port = static_cast<unsigned>(std::stoul(hostport.substr(colon + 1)));
          alone.push_back(Xapian::Remote::open(hostport.substr(0, colon), port));
        } else {
          alone.emplace_back(p);
        }
        combined.add_database(alone.back());
      } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot open the index " + p + ": " + e.get_msg());
      }
    }
    db = combined;
    shards = std::move(alone);
    for (const auto& shard : shards) unpacker.load(shard);
    load_table();
  }

  // The summary's metadata for a document id, parsed. `d`: the document in the facet
  // table, if known (the summary is then read by docid, without a term lookup).
  bool summary_of(const std::string& doc_id, format::StoredDocument* out,
                  std::uint32_t d = FacetTable::kNone) {
    Xapian::docid summary = 0;
    if (table && d < table->documents()) {
      summary = table->summary(d);
    } else {
      const std::string term = schema::bounded_term(schema::kUniquePrefix, doc_id);
      auto it = db.postlist_begin(term);
      if (it == db.postlist_end(term)) return false;
      summary = *it;
    }
    return format::decode(stored(db.get_document(summary)), out);
  }

  Xapian::Enquire enquire(const Query& q, Sort sort) {
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(schema::bm25_weight());
    if (sort == Sort::kDate) e.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    if (options.time_limit_seconds > 0) {
      // One search runs several matches: together they share the time limit.
      double left = std::chrono::duration<double>(deadline - std::chrono::steady_clock::now())
                        .count();
      if (left <= 0) {
        out_of_time = true;
        left = 0.001;  // finish this match with what the first documents give
      }
      e.set_time_limit(left);
    }
    return e;
  }

  // The documents where an excluded word or phrase appears (in any clause).
  Exclusions excluded_documents(const ParsedQuery& pq) {
    Exclusions out;
    if (pq.excluded.empty()) return out;
    if (table && table->single_database()) {
      out.table = table.get();
      out.documents.assign(table->documents(), 0);
    }
    std::vector<Query> phrases;
    for (const auto& item : pq.excluded) {
      if (item.tokens.size() > 1 || !out.table) {
        phrases.push_back(clause_query(item));
        continue;
      }
      // A word: its postings, through the table.
      for (std::uint32_t d : table_documents_holding(item.tokens.front().text)) out.add(d);
    }
    if (phrases.empty()) return out;
    Xapian::Enquire e(db);
    e.set_query(combine(Query::OP_OR, phrases));
    e.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet m = e.get_mset(0, db.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) {
      const std::uint32_t d = out.table ? out.table->document_of(*it) : FacetTable::kNone;
      if (d != FacetTable::kNone) {
        out.add(d);
      } else if (out.table) {
        const std::uint32_t found = out.table->find(it.get_document().get_value(schema::kSlotDocId));
        if (found != FacetTable::kNone) out.add(found);
      } else {
        out.add(it.get_document().get_value(schema::kSlotDocId));
      }
    }
    return out;
  }

  // The filters of a query, as they apply to clause documents and to summaries. Document
  // facets are terms of the summaries only: clauses are restricted to the documents whose
  // summary passes, through a DocumentFilterSource.
  struct Filters {
    std::vector<Query> clause_must, clause_must_not;    // kind, date
    std::vector<Query> summary_must, summary_must_not;  // every field, date
    Query documents;  // summaries that pass the document-level filters; empty: all do
    // The same filters seen from the facet table, for counting from postings: the
    // summaries of the documents that pass every document-level filter (fields, date,
    // document id; empty: all pass), and the clause kinds allowed (bit per ClauseKind).
    Query passing_summaries;
    std::uint32_t kinds = ~std::uint32_t{0};
    std::shared_ptr<DocumentRanges> ranges = std::make_shared<DocumentRanges>();

    Query on_clauses(Query q) const {
      std::vector<Query> must = clause_must;
      if (!documents.empty()) {
        must.emplace_back((new DocumentFilterSource(documents, ranges))->release());
      }
      if (!must.empty()) q = Query(Query::OP_FILTER, q, combine(Query::OP_AND, must));
      if (!clause_must_not.empty()) {
        q = Query(Query::OP_AND_NOT, q, combine(Query::OP_OR, clause_must_not));
      }
      return q;
    }
    Query on_summaries(Query q) const {
      if (!summary_must.empty()) q = Query(Query::OP_FILTER, q, combine(Query::OP_AND, summary_must));
      if (!summary_must_not.empty()) {
        q = Query(Query::OP_AND_NOT, q, combine(Query::OP_OR, summary_must_not));
      }
      return q;
    }
  };

  static Query date_query(const DateRange& date) {
    if (!date.from.empty() && !date.to.empty()) {
      return Query(Query::OP_VALUE_RANGE, schema::kSlotDate, date.from, date.to);
    }
    if (!date.from.empty()) return Query(Query::OP_VALUE_GE, schema::kSlotDate, date.from);
    return Query(Query::OP_VALUE_LE, schema::kSlotDate, date.to);
  }

  Filters filters_of(const ParsedQuery& pq) {
    Filters f;
    if (table && table->single_database()) f.ranges->table = table.get();
    std::map<std::string_view, std::vector<Query>> by_field;
    std::vector<Query> doc_must, doc_must_not;
    for (const auto& ff : pq.filters) {
      Query term(schema::facet_term(*ff.field, ff.value));
      if (ff.negated) {
        f.summary_must_not.push_back(term);
        (ff.field->clause_level ? f.clause_must_not : doc_must_not).push_back(term);
      } else {
        by_field[ff.field->name].push_back(term);
      }
    }
    for (auto& [name, values] : by_field) {
      Query any = combine(Query::OP_OR, values);
      f.summary_must.push_back(any);
      (schema::find_field(name)->clause_level ? f.clause_must : doc_must).push_back(any);
    }
    if (pq.date) {
      const Query range = date_query(*pq.date);
      f.clause_must.push_back(range);
      f.summary_must.push_back(range);
    }
    if (!pq.document_id.empty()) {
      Query one(schema::bounded_term(schema::kDocPrefix, pq.document_id));
      f.clause_must.push_back(one);
      f.summary_must.push_back(one);
    }
    if (!doc_must.empty() || !doc_must_not.empty()) {
      Query docs = doc_must.empty() ? Query(std::string(schema::kSummaryTerm))
                                    : combine(Query::OP_AND, doc_must);
      if (!doc_must_not.empty()) {
        docs = Query(Query::OP_AND_NOT, docs, combine(Query::OP_OR, doc_must_not));
      }
      f.documents = docs;
    }
    // For counting from postings: the summary-level conditions but the kinds (a summary
    // has every kind of its clauses; the clause's own kind is checked instead).
    std::vector<Query> passing = doc_must;
    std::uint32_t selected = 0, refused = 0;
    bool any_selected = false;
    for (const auto& ff : pq.filters) {
      if (!ff.field->clause_level) continue;
      const std::string term = schema::facet_term(*ff.field, ff.value);
      const auto kind = model::clause_kind_from_string(term.substr(ff.field->prefix.size()));
      const std::uint32_t bit = kind ? 1u << static_cast<unsigned>(*kind) : 0;
      if (ff.negated) {
        refused |= bit;
      } else {
        selected |= bit;
        any_selected = true;
      }
    }
    f.kinds = (any_selected ? selected : ~std::uint32_t{0}) & ~refused;
    if (pq.date) passing.push_back(date_query(*pq.date));
    if (!pq.document_id.empty()) passing.emplace_back(schema::bounded_term(schema::kUniquePrefix, pq.document_id));
    if (!passing.empty() || !doc_must_not.empty()) {
      Query q{std::string(schema::kSummaryTerm)};
      if (!passing.empty()) q = Query(Query::OP_FILTER, q, combine(Query::OP_AND, passing));
      if (!doc_must_not.empty()) q = Query(Query::OP_AND_NOT, q, combine(Query::OP_OR, doc_must_not));
      f.passing_summaries = q;
    }
    return f;
  }

  // Fills the clause fields of a hit from a clause's Xapian document.
  void fill_clause(Hit& hit, const Xapian::Document& doc,
                   const std::unordered_set<std::string>& terms) {
    format::StoredClause c;
    if (!format::decode(stored(doc), &c)) return;
    if (c.index != 0) hit.clause_id = schema::clause_id(doc.get_value(schema::kSlotDocId), c.index);
    hit.kind = std::move(c.kind);
    hit.number = std::move(c.number);
    hit.text = std::move(c.text);
    hit.highlights = find_highlights(hit.text, terms, analyzer);
    Snippet s = make_snippet(hit.text, hit.highlights);
    hit.snippet = std::move(s.text);
    hit.snippet_highlights = std::move(s.highlights);
  }

  // `d`: the document in the facet table, if known.
  void fill_document(Hit& hit, std::uint32_t d) {
    format::StoredDocument s;
    if (!summary_of(hit.document_id, &s, d)) return;
    hit.title = std::move(s.title);
    hit.type = std::move(s.type);
    hit.institution = std::move(s.institution);
    hit.date = std::move(s.date);
  }

  // Counts the clauses holding any item of `units` (words, or phrases) that pass the
  // filters `f` and whose document is not excluded into `spy`, each once, in docid order.
  // For one database with a FacetTable (spy.counts_docids()): it
  // walks the postings of each word into a bitmap, where a match with the spy attached
  // costs ~40 ns a clause in Xapian 1.4 (a Document made for each), this ~10 (164,000
  // clauses of "article 88-4 de la Constitution": 6.3 -> 2.2 ms).
  void count_clauses_with_any(const std::vector<std::vector<QueryItem>>& units,
                              const Filters& f,
                              const Exclusions& excluded,
                              FacetCounter& spy) {
    std::vector<std::uint64_t> bits(db.get_lastdocid() / 64 + 1, 0);
    auto set = [&](Xapian::docid g) { bits[g >> 6] |= std::uint64_t{1} << (g & 63); };
    struct Collect : Xapian::MatchSpy {
      std::function<void(Xapian::docid)> set;
      void operator()(const Xapian::Document& doc, double) override { set(doc.get_docid()); }
    } phrases;
    phrases.set = set;
    std::vector<Query> phrase_queries;
    for (const auto& unit : units) {
      for (const auto& item : unit) {
        if (item.tokens.size() > 1) {
          phrase_queries.push_back(clause_query(item));
          continue;
        }
        const std::string& term = item.tokens.front().text;
        for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) {
          set(*it);
        }
      }
    }
    if (!phrase_queries.empty()) {
      Xapian::Enquire e = enquire(combine(Query::OP_OR, phrase_queries), Sort::kRelevance);
      e.set_weighting_scheme(Xapian::BoolWeight());
      e.add_matchspy(&phrases);
      e.get_mset(0, 0, db.get_doccount());
    }
    // The documents that may count: those passing the document filters, less the excluded.
    std::vector<std::uint8_t> allowed;
    if (!f.passing_summaries.empty() || excluded.any) {
      allowed.assign(table->documents(), f.passing_summaries.empty() ? 1 : 0);
      if (!f.passing_summaries.empty()) {
        struct Allow : Xapian::MatchSpy {
          const FacetTable* table;
          std::vector<std::uint8_t>* allowed;
          void operator()(const Xapian::Document& doc, double) override {
            const std::uint32_t d = table->document_of(doc.get_docid());
            if (d < allowed->size()) (*allowed)[d] = 1;
          }
        } allow;
        allow.table = table.get();
        allow.allowed = &allowed;
        Xapian::Enquire e = enquire(f.passing_summaries, Sort::kRelevance);
        e.set_weighting_scheme(Xapian::BoolWeight());
        e.add_matchspy(&allow);
        e.get_mset(0, 0, db.get_doccount());
        if (!f.documents.empty() && f.ranges->table) {
          // The clauses of these documents are what the ranked passes' DocumentFilterSource
          // needs too (the date and document id it gets twice are document-level anyway):
          // give it them rather than have it match the summaries again.
          std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges;
          for (std::uint32_t d = 0; d < allowed.size(); ++d) {
            if (!allowed[d]) continue;
            const auto range = table->clause_range(d);
            if (range.first <= range.second) ranges.push_back(range);
          }
          std::sort(ranges.begin(), ranges.end());
          f.ranges->by_database.emplace(db.get_uuid(), std::move(ranges));
        }
      }
      if (excluded.any) {
        for (std::uint32_t d = 0; d < allowed.size(); ++d) {
          if (excluded.excludes(d)) allowed[d] = 0;
        }
      }
    }
    spy.add(bits, allowed.empty() ? nullptr : &allowed, f.kinds);
  }

  // The facet table's documents with a clause holding `term`, each once, from its postings.
  std::vector<std::uint32_t> table_documents_holding(const std::string& term) {
    std::vector<std::uint8_t> seen(table->documents(), 0);
    std::vector<std::uint32_t> documents;
    for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) {
      const std::uint32_t d = table->document_of(*it);
      if (d != FacetTable::kNone && !seen[d]) {
        seen[d] = 1;
        documents.push_back(d);
      }
    }
    return documents;
  }

  // How many documents hold a term in some clause; without a table (remote shards), how
  // many clauses.
  std::size_t documents_holding(const std::string& term) {
    return table ? table_documents_holding(term).size() : db.get_termfreq(term);
  }

  // A document holding every unit of a query, in one clause or several.
  struct DocumentHit {
    std::string doc_id;
    std::uint32_t table_document = FacetTable::kNone;
    Xapian::docid summary = 0;  // its summary's docid, when the table knows it
    double score = 0;           // sum over the units of the unit's best clause weight
    std::string date;           // when sorting by date
  };

  // The documents where every unit appears in some clause passing the filters, best first
  // (by date first with Sort::kDate), at most `limit`. The ranking tier between "all the
  // words in one clause" and "some words". With one local index and no filter, from the
  // postings of each word; else from a match per unit.
  std::vector<DocumentHit> documents_with_every_unit(
      const std::vector<std::vector<QueryItem>>& units, const Filters& f,
      const Xapian::MatchDecider* mdecider, std::size_t limit, Sort sort) {
    const std::size_t n = units.size();
    if (n < 2 || n > 64) return {};
    const bool direct = table && f.clause_must.empty() && f.clause_must_not.empty() &&
                        f.documents.empty() && mdecider == nullptr;
    // Documents seen, by local index: the table's document, or a number given here.
    std::vector<DocumentHit> docs;
    std::vector<std::uint64_t> masks;
    std::vector<float> best;  // n per document
    std::vector<std::uint32_t> local_of;  // table document -> local index + 1
    std::unordered_map<std::string, std::uint32_t> local_by_id;
    if (table) local_of.assign(table->documents(), 0);

    // Rarest units first: after the first, only documents already seen can still qualify.
    std::vector<std::pair<Xapian::doccount, std::size_t>> order;
    for (std::size_t u = 0; u < n; ++u) {
      Xapian::doccount freq = 0;
      for (const auto& item : units[u]) freq += db.get_termfreq(item.tokens.front().text);
      order.emplace_back(freq, u);
    }
    std::sort(order.begin(), order.end());

    // The units of the ranks before `rank`, as mask bits.
    auto masks_needed = [&](std::size_t rank) {
      std::uint64_t m = 0;
      for (std::size_t r = 0; r < rank; ++r) m |= std::uint64_t{1} << order[r].second;
      return m;
    };
    const double docs_total = std::max<double>(db.get_doccount(), 1);
    const double k = schema::kBm25K1 * schema::kWdfScale;
    // With the table a match's Xapian document is never read.
    const auto no_document = [] { return Xapian::Document(); };
    for (std::size_t rank = 0; rank < n; ++rank) {
      const std::size_t u = order[rank].second;
      const std::uint64_t bit = std::uint64_t{1} << u;
      // One matching clause g with weight w for unit u; `doc` read lazily without table.
      auto visit = [&](Xapian::docid g, double w, auto&& doc) {
        std::uint32_t local;
        if (table) {
          const std::uint32_t d = table->document_of(g);
          if (d == FacetTable::kNone) return;
          if (local_of[d] == 0) {
            if (rank > 0) return;
            docs.push_back({table->id(d), d, table->summary(d), 0, {}});
            masks.push_back(0);
            best.resize(best.size() + n, 0.0f);
            local_of[d] = static_cast<std::uint32_t>(docs.size());
          }
          local = local_of[d] - 1;
        } else {
          const Xapian::Document x = doc();
          std::string id = x.get_value(schema::kSlotDocId);
          auto it = local_by_id.find(id);
          if (it == local_by_id.end()) {
            if (rank > 0) return;
            it = local_by_id.emplace(id, static_cast<std::uint32_t>(docs.size())).first;
            docs.push_back({std::move(id), FacetTable::kNone, 0, 0, x.get_value(schema::kSlotDate)});
            masks.push_back(0);
            best.resize(best.size() + n, 0.0f);
          }
          local = it->second;
        }
        masks[local] |= bit;
        float& b = best[local * n + u];
        b = std::max(b, static_cast<float>(w));
      };
      std::vector<Query> matched;  // what the postings cannot answer: a match
      for (const auto& item : units[u]) {
        if (!direct || item.tokens.size() > 1) {
          matched.push_back(clause_query(item));
          continue;
        }
        const std::string& term = item.tokens.front().text;
        const double freq = db.get_termfreq(term);
        const double idf = std::log(1 + (docs_total - freq + 0.5) / (freq + 0.5));
        for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) {
          const double wdf = it.get_wdf();
          visit(*it, idf * (k + 1) * wdf / (k + wdf), no_document);
        }
      }
      if (matched.empty()) continue;
      Query q = f.on_clauses(combine(Query::OP_OR, matched));
      if (rank > 0 && table && table->single_database()) {
        // Only the documents every rarer unit reached can still qualify: match (and check
        // phrase positions) within their clauses only.
        auto ranges = std::make_shared<std::vector<std::pair<Xapian::docid, Xapian::docid>>>();
        const std::uint64_t needed = masks_needed(rank);
        for (std::size_t i = 0; i < docs.size(); ++i) {
          if ((masks[i] & needed) == needed) ranges->push_back(table->clause_range(docs[i].table_document));
        }
        std::sort(ranges->begin(), ranges->end());
        if (ranges->empty()) break;
        q = Query(Query::OP_FILTER, q, Query((new DocidRangesSource(ranges))->release()));
      }
      Xapian::Enquire e = enquire(q, Sort::kRelevance);
      if (table && table->single_database()) {
        // Every match with its weight, through a spy: no match set to build and sort.
        struct Visit : Xapian::MatchSpy {
          std::function<void(Xapian::docid, double)> fn;
          void operator()(const Xapian::Document& doc, double w) override { fn(doc.get_docid(), w); }
        } spy;
        spy.fn = [&](Xapian::docid g, double w) { visit(g, w, no_document); };
        e.add_matchspy(&spy);
        e.get_mset(0, 0, db.get_doccount(), nullptr, mdecider);
      } else {
        Xapian::MSet m = e.get_mset(0, db.get_doccount(), 0, nullptr, mdecider);
        for (auto it = m.begin(); it != m.end(); ++it) {
          visit(*it, it.get_weight(), [&] { return it.get_document(); });
        }
      }
    }

    const std::uint64_t full = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
    std::vector<DocumentHit> out;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (masks[i] != full) continue;
      DocumentHit h = std::move(docs[i]);
      for (std::size_t u = 0; u < n; ++u) h.score += best[i * n + u];
      if (sort == Sort::kDate && h.summary != 0) {
        h.date = db.get_document(h.summary).get_value(schema::kSlotDate);
      }
      out.push_back(std::move(h));
    }
    auto better = [&](const DocumentHit& a, const DocumentHit& b) {
      if (sort == Sort::kDate && a.date != b.date) return a.date > b.date;
      return a.score != b.score ? a.score > b.score : a.doc_id < b.doc_id;
    };
    const std::size_t keep = std::min(limit, out.size());
    std::partial_sort(out.begin(), out.begin() + static_cast<long>(keep), out.end(), better);
    out.resize(keep);
    return out;
  }

  // The clause that best represents a document matched through its summary or by filters
  // alone: the best-ranked matching clause, else its first clause (of the filtered kind).
  Xapian::Document best_clause(const std::string& doc_id, const Query& words,
                               const Filters& filters) {
    Query scope(schema::bounded_term(schema::kDocPrefix, doc_id));
    Query base = words.empty() ? Query(std::string(schema::kClauseTerm)) : words;
    Filters inside = filters;
    inside.documents = Query();  // the document itself passed the document-level filters
    Query q = inside.on_clauses(Query(Query::OP_FILTER, base, scope));
    Xapian::Enquire e(db);
    e.set_query(q);
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
};

Searcher::Searcher(const std::vector<std::string>& databases, SearcherOptions options)
    : impl_(std::make_unique<Impl>()) {
  if (databases.empty()) throw std::runtime_error("no index given");
  impl_->paths = databases;
  impl_->options = options;
  impl_->open();
}

Searcher::~Searcher() = default;

bool Searcher::reopen() {
  bool changed = impl_->db.reopen();
  for (auto& shard : impl_->shards) changed = shard.reopen() || changed;
  if (changed) impl_->update_table();
  return changed;
}

namespace {

// Runs `fn`, and once more after reopening if a writer changed the database under it.
template <typename Fn>
auto retry_modified(Xapian::Database& db, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::DatabaseModifiedError&) {
    db.reopen();
    return fn();
  }
}

}  // namespace

SearchResult Searcher::search(const SearchRequest& request) {
  return retry_modified(impl_->db, [&] { return search_once(request); });
}

std::optional<DocumentView> Searcher::document(const std::string& id) {
  return retry_modified(impl_->db, [&] { return document_once(id); });
}

std::vector<Suggestion> Searcher::suggest(const std::string& query, std::size_t limit) {
  return retry_modified(impl_->db, [&] { return suggest_once(query, limit); });
}

IndexInfo Searcher::info() {
  return retry_modified(impl_->db, [&] {
    IndexInfo info;
    Xapian::Database& db = impl_->db;
    info.documents = db.get_termfreq(std::string(schema::kSummaryTerm));
    info.clauses = db.get_termfreq(std::string(schema::kClauseTerm));
    // The newest commit of the shards (metadata of a combined database is the first's).
    for (const auto& path : impl_->paths) {
      if (path.rfind("tcp://", 0) == 0) continue;
      try {
        std::string t = Xapian::Database(path).get_metadata(std::string(schema::kLastCommitKey));
        if (t > info.last_commit) info.last_commit = t;
      } catch (const Xapian::Error&) {
      }
    }
    return info;
  });
}

std::vector<Suggestion> Searcher::suggest_once(const std::string& raw, std::size_t limit) {
  Impl& im = *impl_;
  const std::string query = analyzers::sanitize_utf8(raw);
  std::vector<Suggestion> out;
  auto tokens = im.analyzer.normalize(query);
  if (tokens.empty() || tokens.back().end != query.size()) return out;  // no word being typed
  const analyzers::Token& last = tokens.back();
  if (last.text.size() < 2) return out;

  // The lexicon (metadata "XF<folded word>" -> the word as written) of every shard, grouped
  // by stem, ranked by the clauses holding the stem; the documents are counted for those
  // kept.
  struct Word {
    std::string stem;
    std::string form;
    bool lower = false;
    std::size_t clauses = 0;
  };
  std::unordered_map<std::string, Word> by_stem;
  const std::string prefix = std::string(schema::kSuggestPrefix) + last.text;
  constexpr std::size_t kScanLimit = 2000;  // bounds the work for a short, common prefix
  for (auto& shard : im.shards) {
    std::size_t scanned = 0;
    for (auto k = shard.metadata_keys_begin(prefix); k != shard.metadata_keys_end(prefix); ++k) {
      if (++scanned > kScanLimit) break;
      const std::string form = shard.get_metadata(*k);
      if (form.empty()) continue;
      auto stems = im.analyzer.analyze(form);
      if (stems.size() != 1) continue;
      const std::string& stem = stems.front().text;
      const bool lower = analyzers::lowercase_initial(form);
      auto [it, fresh] = by_stem.try_emplace(stem);
      Word& w = it->second;
      if (fresh) {
        w.stem = stem;
        w.clauses = im.db.get_termfreq(stem);
      }
      // One form per stem: lowercase if there is one, then the shortest ("ingérence"
      // rather than "ingérences").
      if (w.form.empty() || (lower && !w.lower) ||
          (lower == w.lower && form.size() < w.form.size())) {
        w.form = form;
        w.lower = lower;
      }
    }
  }
  std::vector<Word> words;
  for (auto& [stem, w] : by_stem) {
    if (w.clauses > 0) words.push_back(std::move(w));  // 0: every clause holding it deleted
  }
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.clauses != b.clauses ? a.clauses > b.clauses : a.form < b.form;
  });
  if (words.size() > limit) words.resize(limit);
  for (const Word& w : words) {
    out.push_back({w.form, query.substr(0, last.begin) + w.form, im.documents_holding(w.stem)});
  }
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    return a.documents > b.documents;
  });
  return out;
}

std::size_t Searcher::document_count() {
  return impl_->db.get_termfreq(std::string(schema::kSummaryTerm));
}

SearchResult Searcher::search_once(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  Impl& im = *impl_;

  // Invalid UTF-8 (from a terminal in another encoding, a broken URL…) becomes U+FFFD, so
  // that every message and JSON document we write is valid UTF-8.
  im.deadline = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                             std::chrono::duration<double>(im.options.time_limit_seconds));
  im.out_of_time = false;
  const std::string query = analyzers::sanitize_utf8(request.query);
  ParsedQuery pq = parse_query(query, im.analyzer);
  if (!pq.ok()) throw QueryError(pq.error);
  pq.filters.insert(pq.filters.end(), request.filters.begin(), request.filters.end());
  if (request.date) {
    std::string err = add_date_bounds(request.date->from, request.date->to, pq.date);
    if (!err.empty()) throw QueryError(err);
  }
  std::vector<const schema::Field*> facet_fields;
  if (request.facets.empty()) {
    for (const auto& f : schema::fields()) facet_fields.push_back(&f);
  } else {
    for (const auto& name : request.facets) {
      const schema::Field* f = schema::find_field(name);
      if (!f) throw QueryError("unknown facet « " + name + " »");
      facet_fields.push_back(f);
    }
  }

  SearchResult result;
  result.query = query;
  result.offset = request.offset;
  result.limit = request.limit;
  result.grouped = request.group_by_document;
  result.sort = request.sort;
  result.notes = pq.notes;

  pq.document_id = analyzers::sanitize_utf8(request.document_id);
  if (pq.units.empty() && pq.filters.empty() && !pq.date && pq.excluded.empty() &&
      pq.document_id.empty()) {
    // Nothing left to search for (empty, or only stop words): no hit rather than everything.
    result.notes.push_back("nothing to search for: give words or a field:value filter");
    result.facets = FacetSpy(facet_fields).facets(0);
    result.took_ms = std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - started).count();
    return result;
  }

  const Impl::Filters filters = im.filters_of(pq);
  const Exclusions excluded = im.excluded_documents(pq);
  ExcludeDocuments decider(&excluded);
  const Xapian::MatchDecider* mdecider = excluded.any ? &decider : nullptr;
  const Xapian::doccount all = std::max<Xapian::doccount>(im.db.get_doccount(), 1);

  // The words of the query, as terms to highlight.
  std::unordered_set<std::string> terms;
  std::vector<Query> unit_clauses;
  for (const auto& unit : pq.units) {
    for (const auto& item : unit) {
      for (const auto& t : item.tokens) terms.insert(t.text);
    }
    unit_clauses.push_back(unit_query(unit, clause_query));
  }
  const bool has_words = !unit_clauses.empty();
  const Query any_words = combine(Query::OP_OR, unit_clauses);
  const Query proximity = adjacency_boost(pq.units);
  auto boosted = [&](const Query& q) {
    return proximity.empty() ? q : Query(Query::OP_AND_MAYBE, q, proximity);
  };

  // Tiers, best first: every word in one clause; every word in the document; some words.
  struct TierQuery {
    Tier tier;
    Query query;
    bool summary;  // matches summary documents rather than clauses
  };
  std::vector<TierQuery> tiers;
  if (!has_words) {
    tiers.push_back({Tier::kFilterOnly,
                     Query(std::string(request.group_by_document ? schema::kSummaryTerm
                                                                 : schema::kClauseTerm)),
                     request.group_by_document});
  } else {
    tiers.push_back({Tier::kAllWordsInClause, combine(Query::OP_AND, unit_clauses), false});
    if (unit_clauses.size() > 1) {
      if (request.group_by_document) {
        // Computed from the clauses of each word (documents_with_every_unit), no query.
        tiers.push_back({Tier::kAllWordsInDocument, Query(), true});
      }
      tiers.push_back({Tier::kSomeWords, any_words, false});
    }
  }
  const TierQuery widest = tiers.back();  // before filters and boosts, for counting
  // Adjacent words rank first among the clauses holding them all. (Not in the other tiers:
  // checking positions in every clause with some of the words costs too much.)
  if (has_words) tiers.front().query = boosted(tiers.front().query);
  for (auto& t : tiers) {
    t.query = t.summary ? filters.on_summaries(t.query) : filters.on_clauses(t.query);
  }

  // Totals, facet counts and matching clauses per document: one pass over every match of
  // the widest tier, then, when that tier matched clauses, one over the summaries of the
  // documents it found (the facets live on the summaries).
  const Query summaries{std::string(schema::kSummaryTerm)};
  auto count = [&](const Impl::Filters& f, FacetCounter& spy) {
    if (has_words && !widest.summary && spy.counts_docids()) {
      // Words: the clauses holding any of them, straight from the postings, kept when their
      // document passes the filters and is not excluded, and their kind is allowed.
      im.count_clauses_with_any(pq.units, f, excluded, spy);
      return;
    }
    Xapian::Enquire e = im.enquire(
        widest.summary ? f.on_summaries(widest.query) : f.on_clauses(widest.query),
        Sort::kRelevance);
    e.set_weighting_scheme(Xapian::BoolWeight());
    e.add_matchspy(&spy);
    e.get_mset(0, 0, all, nullptr, mdecider);
    if (spy.needs_summaries() && !widest.summary && spy.documents() > 0) {
      spy.restrict_to_seen();
      Xapian::Enquire s = im.enquire(f.on_summaries(summaries), Sort::kRelevance);
      s.set_weighting_scheme(Xapian::BoolWeight());
      s.add_matchspy(&spy);
      s.get_mset(0, 0, all, nullptr, mdecider);
    }
  };
  std::unique_ptr<FacetCounter> counter = im.counter(facet_fields);
  FacetCounter& spy = *counter;
  count(filters, spy);
  result.facets = spy.facets(request.facet_values);

  // Multi-select facets: a field selected apart is counted without its own selection.
  for (auto& facet : result.facets) {
    auto own = [&](const FieldFilter& ff) {
      return ff.selected && !ff.negated && ff.field->name == facet.field;
    };
    if (std::none_of(pq.filters.begin(), pq.filters.end(), own)) continue;
    ParsedQuery others = pq;
    others.filters.erase(std::remove_if(others.filters.begin(), others.filters.end(), own),
                         others.filters.end());
    std::unique_ptr<FacetCounter> alone = im.counter({schema::find_field(facet.field)});
    count(im.filters_of(others), *alone);
    facet.values = std::move(alone->facets(request.facet_values).front().values);
  }

  const std::size_t need = request.offset + request.limit;
  std::vector<Candidate> ordered;
  std::unordered_set<std::string> seen_docs;
  std::unordered_set<Xapian::docid> seen_clauses;
  for (const auto& tier : tiers) {
    if (ordered.size() >= need) break;
    if (tier.tier == Tier::kAllWordsInDocument) {
      for (auto& hit : im.documents_with_every_unit(pq.units, filters, mdecider,
                                                     need + seen_docs.size(), request.sort)) {
        if (ordered.size() >= need) break;
        if (!seen_docs.insert(hit.doc_id).second) continue;
        Candidate c;
        c.xid = hit.summary;
        c.weight = hit.score;
        c.tier = tier.tier;
        c.summary = true;
        c.table_document = hit.table_document;
        c.doc_id = std::move(hit.doc_id);
        ordered.push_back(std::move(c));
      }
      continue;
    }
    Xapian::Enquire e = im.enquire(tier.query, request.sort);
    if (request.group_by_document) e.set_collapse_key(schema::kSlotDocId, 1);
    if (!has_words && !request.group_by_document && request.sort == Sort::kRelevance) {
      e.set_docid_order(Xapian::Enquire::ASCENDING);  // filter-only: index order
    }
    const std::size_t fetch = need + (request.group_by_document ? seen_docs.size()
                                                                : seen_clauses.size());
    // Only the top of each tier is needed: totals and facets come from the counting pass.
    Xapian::MSet m = e.get_mset(0, static_cast<Xapian::doccount>(fetch), 0, nullptr, mdecider);
    for (auto it = m.begin(); it != m.end() && ordered.size() < need; ++it) {
      Candidate c;
      c.xid = *it;
      c.weight = it.get_weight();
      c.tier = tier.tier;
      c.summary = tier.summary;
      c.table_document = im.table ? im.table->document_of(c.xid) : FacetTable::kNone;
      c.doc_id = c.table_document != FacetTable::kNone
                     ? im.table->id(c.table_document)
                     : it.get_document().get_value(schema::kSlotDocId);
      if (request.group_by_document) {
        if (!seen_docs.insert(c.doc_id).second) continue;
      } else {
        if (!seen_clauses.insert(c.xid).second) continue;
      }
      ordered.push_back(std::move(c));
    }
  }
  result.total = request.group_by_document ? spy.documents() : spy.clauses();

  for (std::size_t i = request.offset; i < ordered.size(); ++i) {
    const Candidate& c = ordered[i];
    Hit hit;
    hit.document_id = c.doc_id;
    hit.score = c.weight;
    hit.tier = c.tier;
    hit.matching_clauses = spy.clauses_of(c.doc_id);
    Xapian::Document clause = c.summary ? im.best_clause(c.doc_id, any_words, filters)
                                        : im.db.get_document(c.xid);
    im.fill_clause(hit, clause, terms);
    im.fill_document(hit, c.table_document);
    result.hits.push_back(std::move(hit));
  }
  result.took_ms = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - started).count();
  if (im.options.time_limit_seconds > 0 &&
      (im.out_of_time || result.took_ms >= im.options.time_limit_seconds * 1000 * 0.98)) {
    result.timed_out = true;
    result.notes.push_back("the time limit was reached: counts and results may be incomplete");
  }
  return result;
}

std::optional<DocumentView> Searcher::document_once(const std::string& id) {
  Impl& im = *impl_;
  const std::string unique = schema::bounded_term(schema::kUniquePrefix, id);
  auto pl = im.db.postlist_begin(unique);
  if (pl == im.db.postlist_end(unique)) return std::nullopt;
  DocumentView view;
  view.id = id;
  format::decode(im.stored(im.db.get_document(*pl)), &view.metadata);

  Xapian::Enquire e(im.db);
  e.set_query(Query(Query::OP_FILTER, Query(std::string(schema::kClauseTerm)),
                    Query(schema::bounded_term(schema::kDocPrefix, id))));
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.set_sort_by_value(schema::kSlotOrder, false);
  Xapian::MSet m = e.get_mset(0, im.db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) {
    format::StoredClause stored;
    if (!format::decode(im.stored(it.get_document()), &stored)) continue;
    ClauseView c;
    c.index = stored.index;
    c.id = schema::clause_id(id, c.index);
    c.kind = std::move(stored.kind);
    c.number = std::move(stored.number);
    c.lead = std::move(stored.lead);
    c.text = std::move(stored.text);
    view.clauses.push_back(std::move(c));
  }
  return view;
}

}  // namespace hemicycle::searcher
