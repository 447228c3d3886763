#include "hemicycle/searcher/searcher.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>
#include <thread>

#include <xapian.h>

#include "amendment_link.h"
#include "counting.h"
#include "exclusions.h"
#include "expand_prefix.h"
#include "facet_spy.h"
#include "filters.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/format/records.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/model/french.h"
#include "hemicycle/searcher/query.h"
#include "hits.h"
#include "queries.h"
#include "references.h"
#include "search_context.h"
#include "shards.h"
#include "similar.h"
#include "speakers.h"
#include "spelling.h"
#include "suggest.h"
#include "thesaurus.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
namespace french = model::french;
using Xapian::Query;

const char* to_string(Tier tier) {
  switch (tier) {
    case Tier::kKnownItem:
      return "known_item";
    case Tier::kAllWordsInClause:
      return "all_words_in_clause";
    case Tier::kAllWordsInDocument:
      return "all_words_in_document";
    case Tier::kSomeWords:
      return "some_words";
    case Tier::kFilterOnly:
      return "filter_only";
    case Tier::kSimilar:
      return "similar";
  }
  return "some_words";
}

// What lives as long as the Searcher: the index and the analyzer. Nothing of one search.
struct Searcher::Impl {
  Impl(const std::vector<std::string>& databases, SearcherOptions o)
      : options(o), index(databases, o.facet_table) {}
  SearcherOptions options;
  Shards index;
  analyzers::FrenchAnalyzer analyzer;
};

std::optional<Sort> sort_from_string(std::string_view name) {
  if (name == "relevance") return Sort::kRelevance;
  if (name == "date" || name == "date:desc") return Sort::kDateDesc;
  if (name == "date:asc") return Sort::kDateAsc;
  return std::nullopt;
}

const char* sort_name(Sort sort) {
  switch (sort) {
    case Sort::kRelevance:
      return "relevance";
    case Sort::kDateDesc:
      return "date:desc";
    case Sort::kDateAsc:
      return "date:asc";
  }
  return "relevance";
}

Searcher::Searcher(const std::vector<std::string>& databases, SearcherOptions options) {
  if (databases.empty()) throw std::runtime_error("aucun index donné");
  impl_ = std::make_unique<Impl>(databases, options);
}

Searcher::~Searcher() = default;

namespace {

// A writer that commits often (`--batch 1`) can discard the revision a search reads more
// than once in a row; past this many tries the error reaches the caller. Between tries the
// search waits a little longer each time (1 ms, 2 ms, … at most 50 ms: 1.6 s in all at
// worst), so that a slow search (a large index, a sanitizer build) still finds a window
// between two commits instead of failing against a writer that never pauses.
constexpr int kModifiedTries = 40;

void wait_before_retry(int tries) {
  const int ms = tries < 8 ? 1 << (tries - 2) : 50;
  std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 50)));
}

// Runs `fn`, and again after reopening (the databases and the facet table) while a writer
// changed the database under it.
template <typename Fn>
auto retry_modified(Shards& index, Fn&& fn) -> decltype(fn()) {
  for (int tries = 1;; ++tries) {
    try {
      if (tries > 1) {
        wait_before_retry(tries);
        index.reopen();
      }
      return fn();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (tries == kModifiedTries) throw;
    }
  }
}

// The query with the request's own filters, date range and document: one parsed query.
ParsedQuery parse_request(const std::string& query, const SearchRequest& request,
                          analyzers::FrenchAnalyzer& analyzer) {
  ParsedQuery pq = parse_query(query, analyzer, ParseOptions{request.prefix_last});
  if (!pq.ok()) throw QueryError(pq.error);
  pq.filters.insert(pq.filters.end(), request.filters.begin(), request.filters.end());
  if (request.date) {
    Notice err = add_date_bounds(request.date->from, request.date->to, pq.date);
    if (!err.empty()) throw QueryError(err);
  }
  pq.document_id = analyzers::sanitize_utf8(request.document_id);
  if (!request.similar_to.empty()) pq.similar_to = analyzers::sanitize_utf8(request.similar_to);
  return pq;
}

// `similaire:ID`: the document's characteristic words, one unit of alternatives.
void add_similar(Shards& index, ParsedQuery& pq) {
  if (pq.similar_to.empty()) return;
  std::optional<std::vector<QueryItem>> unit = similar_unit(index, pq.similar_to);
  if (!unit) {
    throw QueryError({"unknown_document", "document inconnu " + french::quoted(pq.similar_to)});
  }
  if (!unit->empty()) pq.units.push_back(std::move(*unit));
}

// The fields to count: those asked for, or every one.
std::vector<const schema::Field*> facet_fields(const SearchRequest& request) {
  std::vector<const schema::Field*> fields;
  if (request.facets.empty()) {
    for (const auto& f : schema::fields()) fields.push_back(&f);
    return fields;
  }
  for (const auto& name : request.facets) {
    const schema::Field* f = schema::find_field(name);
    if (!f) throw QueryError({"unknown_facet", "facette inconnue " + french::quoted(name)});
    fields.push_back(f);
  }
  return fields;
}

SearchResult result_for(const std::string& query, const SearchRequest& request,
                        const ParsedQuery& pq) {
  SearchResult result;
  result.query = query;
  result.offset = request.offset;
  result.limit = request.limit;
  result.grouped = request.group_by_document;
  result.distinct = request.group_by_document && request.distinct;
  result.sort = request.sort;
  result.notes = pq.notes;
  return result;
}

// Empty, or only stop words: no hit rather than everything.
bool nothing_to_search(const ParsedQuery& pq) {
  return pq.units.empty() && pq.filters.empty() && !pq.date && pq.excluded.empty() &&
         pq.document_id.empty();
}

double ms_since(Deadline::Clock::time_point started) {
  return std::chrono::duration<double, std::milli>(Deadline::Clock::now() - started).count();
}

// Whether the query's words never stand together: no document (or clause) holds them all,
// some hold a part.
bool words_never_meet(const ParsedQuery& pq, const SearchResult& result) {
  return pq.units.size() > 1 && result.total == 0 && result.total_partial > 0;
}

// The amendments the speeches of a document name, linked (each number looked up once).
void link_amendments(Shards& index, DocumentView& view) {
  std::map<std::string, std::string> linked;
  for (auto& c : view.clauses) {
    const std::string& number = c.speech.amendment;
    if (number.empty()) continue;
    auto it = linked.find(number);
    if (it == linked.end()) {
      it = linked.emplace(number, linked_amendment(index, number, view.metadata.legislature,
                                                   view.metadata.texte_ref)).first;
    }
    c.speech.amendment_id = it->second;
  }
}

Notice never_meet(bool grouped) {
  return {"words_never_meet",
          std::string(grouped ? "aucun document ne contient" : "aucun passage ne contient") +
              " tous ces mots\u00a0: les résultats n\u2019en contiennent qu\u2019une partie"};
}

}  // namespace

bool Searcher::reopen() {
  // A writer may discard the revision while the facet table follows it: reopen again.
  for (int tries = 1;; ++tries) {
    try {
      return impl_->index.reopen();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (tries == kModifiedTries) throw;
    }
  }
}

SearchResult Searcher::search(const SearchRequest& request) {
  return retry_modified(impl_->index, [&] { return search_once(request); });
}

std::optional<DocumentView> Searcher::document(const std::string& id) {
  return retry_modified(impl_->index, [&] { return document_once(id); });
}

std::vector<Suggestion> Searcher::suggest(const std::string& query, std::size_t limit) {
  return retry_modified(impl_->index, [&] {
    return suggest_words(impl_->index, impl_->analyzer, query, limit);
  });
}

std::vector<Speaker> Searcher::speakers(const std::string& prefix, std::size_t limit) {
  const std::string clean = analyzers::sanitize_utf8(prefix);
  return retry_modified(impl_->index, [&] { return list_speakers(impl_->index, clean, limit); });
}

IndexInfo Searcher::info() {
  return retry_modified(impl_->index, [&] {
    IndexInfo info;
    Xapian::Database& db = impl_->index.db();
    info.documents = db.get_termfreq(std::string(schema::kSummaryTerm));
    info.clauses = db.get_termfreq(std::string(schema::kClauseTerm));
    // The newest commit of the shards (metadata of a combined database is the first's).
    for (const auto& path : impl_->index.paths()) {
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

std::size_t Searcher::document_count() {
  return impl_->index.db().get_termfreq(std::string(schema::kSummaryTerm));
}

// Parse; filters and exclusions; the tiers' queries; count every match (totals, facets);
// the page from the tiers, best first; its hits with snippets.
SearchResult Searcher::search_once(const SearchRequest& request) {
  const auto started = Deadline::Clock::now();
  Impl& im = *impl_;
  Deadline deadline(im.options.time_limit_seconds, started);
  SearchContext ctx{im.index, deadline};
  // Invalid UTF-8 (from a terminal in another encoding, a broken URL…) becomes U+FFFD, so
  // that every message and JSON document we write is valid UTF-8.
  const std::string query = analyzers::sanitize_utf8(request.query);
  ParsedQuery pq = parse_request(query, request, im.analyzer);
  add_dated_numbers(im.index.db(), pq);  // "loi du 25 juillet 2024": its number too
  add_similar(im.index, pq);
  expand_prefixes(im.index, im.analyzer, pq);  // `scrut*`, the word being typed
  std::vector<Expansion> expansions;
  if (request.expand) expansions = expand_on(pq, im.index.db());
  const std::vector<const schema::Field*> fields = facet_fields(request);
  SearchResult result = result_for(query, request, pq);
  result.expansions = std::move(expansions);
  if (nothing_to_search(pq)) {
    result.notes.push_back({"nothing_to_search",
                            "rien à chercher\u00a0: donnez des mots ou un filtre champ:valeur"});
    result.facets = FacetSpy(fields).facets(0);
    result.took_ms = ms_since(started);
    return result;
  }
  const Filters filters = filters_of(pq, im.index.single_table());
  const Exclusions excluded = excluded_documents(im.index, pq);
  const ExcludeDocuments decider(&excluded);
  const TierPlan plan = plan_tiers(pq, request.group_by_document, filters);
  const CountScope scope{pq, plan, excluded, excluded.any ? &decider : nullptr,
                         request.group_by_document};
  const bool grouped = request.group_by_document;
  const MatchCounts counts = count_matches(ctx, scope, filters, fields);
  result.total = counts.total(grouped);
  result.total_partial = counts.partial(grouped);
  result.facets_partial = result.total == 0 && result.total_partial > 0;
  result.facets = counts.faceted(grouped).facets(request.facet_values);
  recount_selected(ctx, scope, request.facet_values, result.facets_partial, result.facets);

  const std::vector<Candidate> page = rank_candidates(ctx, pq, plan, filters, scope.decider, request);
  result.total_distinct = result.distinct ? counts.all->distinct_documents()
                                          : result.total + result.total_partial;
  result.hits = make_hits(ctx, im.analyzer, page, pq, plan, filters, request, *counts.all);
  if (words_never_meet(pq, result)) result.notes.push_back(never_meet(grouped));
  if (request.spell) {
    apply_spelling(im.index, im.analyzer, query, pq, result, [&](const std::string& fixed) {
      SearchRequest again = request;
      again.query = fixed;
      again.spell = false;
      return search_once(again);
    });
  }
  result.took_ms = ms_since(started);
  if (deadline.reached(result.took_ms)) {
    result.timed_out = true;
    result.notes.push_back({"time_limit", "limite de temps atteinte\u00a0: les nombres et les "
                                          "résultats peuvent être incomplets"});
  }
  return result;
}

std::optional<DocumentView> Searcher::document_once(const std::string& id) {
  Shards& index = impl_->index;
  Xapian::Database& db = index.db();
  const std::string unique = schema::bounded_term(schema::kUniquePrefix, id);
  auto pl = db.postlist_begin(unique);
  if (pl == db.postlist_end(unique)) return std::nullopt;
  DocumentView view;
  view.id = id;
  format::decode(index.stored(db.get_document(*pl)), &view.metadata);

  Xapian::Enquire e(db);
  e.set_query(Query(Query::OP_FILTER, Query(std::string(schema::kClauseTerm)),
                    Query(schema::bounded_term(schema::kDocPrefix, id))));
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.set_sort_by_value(schema::kSlotOrder, false);
  Xapian::MSet m = e.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) {
    format::StoredClause stored;
    if (!format::decode(index.stored(it.get_document()), &stored)) continue;
    ClauseView c;
    c.index = stored.index;
    c.id = schema::clause_id(id, c.index);
    c.kind = std::move(stored.kind);
    c.number = std::move(stored.number);
    c.lead = std::move(stored.lead);
    c.text = std::move(stored.text);
    c.speech = speech_fields(stored);
    view.clauses.push_back(std::move(c));
  }
  link_amendments(index, view);
  return view;
}

}  // namespace hemicycle::searcher
