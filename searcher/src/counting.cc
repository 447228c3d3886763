#include "counting.h"

#include <algorithm>
#include <functional>

#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

namespace {

using Bitmap = std::vector<std::uint64_t>;

// The clauses holding any item of `units`, as a bitmap of combined docids: words from
// their postings, phrases through a match.
Bitmap clauses_with_any(SearchContext& ctx, const std::vector<std::vector<QueryItem>>& units) {
  Xapian::Database& db = ctx.index.db();
  Bitmap bits(db.get_lastdocid() / 64 + 1, 0);
  auto set = [&](Xapian::docid g) { bits[g >> 6] |= std::uint64_t{1} << (g & 63); };
  std::vector<Query> phrases;
  for (const auto& unit : units) {
    for (const auto& item : unit) {
      if (item.tokens.size() > 1) {
        phrases.push_back(clause_query(item));
        continue;
      }
      const std::string& term = item.tokens.front().text;
      for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) {
        set(*it);
      }
    }
  }
  if (phrases.empty()) return bits;
  struct Collect : Xapian::MatchSpy {
    std::function<void(Xapian::docid)> set;
    void operator()(const Xapian::Document& doc, double) override { set(doc.get_docid()); }
  } collect;
  collect.set = set;
  match_all(ctx, combine(Query::OP_OR, phrases), collect);
  return bits;
}

// The clause ranges of the allowed documents, handed to the ranked passes'
// DocumentFilterSource so that it need not match the summaries again (the date and
// document id it gets twice are document-level anyway).
void share_ranges(const FacetTable& table, const std::vector<std::uint8_t>& allowed,
                  Xapian::Database& db, const Filters& f) {
  std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges;
  for (std::uint32_t d = 0; d < allowed.size(); ++d) {
    if (!allowed[d]) continue;
    const auto range = table.clause_range(d);
    if (range.first <= range.second) ranges.push_back(range);
  }
  std::sort(ranges.begin(), ranges.end());
  f.ranges->by_database.emplace(db.get_uuid(), std::move(ranges));
}

// The table documents that may count, one byte each: those passing the document filters,
// less the excluded. Empty when every document may.
std::vector<std::uint8_t> allowed_documents(SearchContext& ctx, const Filters& f,
                                            const Exclusions& excluded) {
  const FacetTable& table = *ctx.index.table();
  std::vector<std::uint8_t> allowed;
  if (f.passing_summaries.empty() && !excluded.any) return allowed;
  allowed.assign(table.documents(), f.passing_summaries.empty() ? 1 : 0);
  if (!f.passing_summaries.empty()) {
    struct Allow : Xapian::MatchSpy {
      const FacetTable* table;
      std::vector<std::uint8_t>* allowed;
      void operator()(const Xapian::Document& doc, double) override {
        const std::uint32_t d = table->document_of(doc.get_docid());
        if (d < allowed->size()) (*allowed)[d] = 1;
      }
    } allow;
    allow.table = &table;
    allow.allowed = &allowed;
    match_all(ctx, f.passing_summaries, allow);
    if (!f.documents.empty() && f.ranges->table) share_ranges(table, allowed, ctx.index.db(), f);
  }
  if (excluded.any) {
    for (std::uint32_t d = 0; d < allowed.size(); ++d) {
      if (excluded.excludes(d)) allowed[d] = 0;
    }
  }
  return allowed;
}

// The clauses holding any unit, passing the filters and whose document is not excluded,
// each once, in docid order, straight from the postings: with the spy attached to a match
// a clause costs ~40 ns in Xapian 1.4 (a Document made for each), this ~10 (164,000
// clauses of "article 88-4 de la Constitution": 6.3 -> 2.2 ms). One database with a
// FacetTable only (spy.counts_docids()).
void count_from_postings(SearchContext& ctx, const CountScope& scope, const Filters& f,
                         FacetCounter& spy) {
  const Bitmap bits = clauses_with_any(ctx, scope.pq.units);
  const std::vector<std::uint8_t> allowed = allowed_documents(ctx, f, scope.excluded);
  spy.add(bits, allowed.empty() ? nullptr : &allowed, f.kinds);
}

}  // namespace

void count_matches(SearchContext& ctx, const CountScope& scope, const Filters& f,
                   FacetCounter& spy) {
  const TierQuery& widest = scope.plan.widest;
  if (scope.plan.has_words && !widest.summary && spy.counts_docids()) {
    count_from_postings(ctx, scope, f, spy);
    return;
  }
  match_all(ctx, widest.summary ? f.on_summaries(widest.query) : f.on_clauses(widest.query),
            spy, scope.decider);
  if (spy.needs_summaries() && !widest.summary && spy.documents() > 0) {
    spy.restrict_to_seen();
    match_all(ctx, f.on_summaries(Query(std::string(schema::kSummaryTerm))), spy,
              scope.decider);
  }
}

void recount_selected(SearchContext& ctx, const CountScope& scope, std::size_t values,
                      std::vector<Facet>& facets) {
  const ParsedQuery& pq = scope.pq;
  for (auto& facet : facets) {
    auto own = [&](const FieldFilter& ff) {
      return ff.selected && !ff.negated && ff.field->name == facet.field;
    };
    if (std::none_of(pq.filters.begin(), pq.filters.end(), own)) continue;
    ParsedQuery others = pq;
    others.filters.erase(std::remove_if(others.filters.begin(), others.filters.end(), own),
                         others.filters.end());
    std::unique_ptr<FacetCounter> alone = ctx.index.counter({schema::find_field(facet.field)});
    count_matches(ctx, scope, filters_of(others, ctx.index.single_table()), *alone);
    facet.values = std::move(alone->facets(values).front().values);
  }
}

}  // namespace hemicycle::searcher
