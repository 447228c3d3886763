#include "counting.h"

#include <algorithm>
#include <functional>
#include <limits>

#include "every_unit.h"
#include "hemicycle/format/schema.h"
#include "known_item.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

namespace {

using Bitmap = std::vector<std::uint64_t>;
using Allowed = std::vector<std::uint8_t>;

void set_bit(Bitmap& bits, Xapian::docid g) { bits[g >> 6] |= std::uint64_t{1} << (g & 63); }

// Calls fn(g) for each docid whose bit is set, in increasing order.
template <typename Fn>
void each_bit(const Bitmap& bits, Fn&& fn) {
  for (std::size_t i = 0; i < bits.size(); ++i) {
    for (std::uint64_t w = bits[i]; w; w &= w - 1) {
      fn(static_cast<Xapian::docid>(i * 64 + static_cast<unsigned>(__builtin_ctzll(w))));
    }
  }
}

// The clauses holding an item of `unit`, as a bitmap of combined docids: words from their
// postings, phrases through a match.
Bitmap clauses_with(SearchContext& ctx, const std::vector<QueryItem>& unit) {
  Xapian::Database& db = ctx.index.db();
  Bitmap bits(db.get_lastdocid() / 64 + 1, 0);
  std::vector<Query> phrases;
  for (const auto& item : unit) {
    if (item.tokens.size() > 1) {
      phrases.push_back(clause_query(item));
      continue;
    }
    const std::string& term = item.tokens.front().text;
    for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) {
      set_bit(bits, *it);
    }
  }
  if (phrases.empty()) return bits;
  struct Collect : Xapian::MatchSpy {
    Bitmap* bits;
    void operator()(const Xapian::Document& doc, double) override { set_bit(*bits, doc.get_docid()); }
  } collect;
  collect.bits = &bits;
  match_all(ctx, combine(Query::OP_OR, phrases), collect);
  return bits;
}

// Keeps in `bits` the clauses that pass the speech filters (f.speech_required, refused).
void keep_speeches(Xapian::Database& db, const Filters& f, Bitmap& bits) {
  if (f.speech_required.empty() && f.speech_refused.empty()) return;
  auto postings = [&](const std::vector<std::string>& terms) {
    Bitmap b(bits.size(), 0);
    for (const auto& term : terms) {
      for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) {
        if (*it / 64 < b.size()) set_bit(b, *it);
      }
    }
    return b;
  };
  for (const auto& any_of : f.speech_required) {
    const Bitmap b = postings(any_of);
    for (std::size_t i = 0; i < bits.size(); ++i) bits[i] &= b[i];
  }
  const Bitmap refused = postings(f.speech_refused);
  for (std::size_t i = 0; i < bits.size(); ++i) bits[i] &= ~refused[i];
}

// The clause ranges of the allowed documents, handed to the ranked passes'
// DocumentFilterSource so that it need not match the summaries again (the date and
// document id it gets twice are document-level anyway).
void share_ranges(const FacetTable& table, const Allowed& allowed, Xapian::Database& db,
                  const Filters& f) {
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
Allowed allowed_documents(SearchContext& ctx, const Filters& f, const Exclusions& excluded) {
  const FacetTable& table = *ctx.index.table();
  Allowed allowed;
  if (f.passing_summaries.empty() && !excluded.any) return allowed;
  allowed.assign(table.documents(), f.passing_summaries.empty() ? 1 : 0);
  if (!f.passing_summaries.empty()) {
    struct Allow : Xapian::MatchSpy {
      const FacetTable* table;
      Allowed* allowed;
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

// Which clauses may count: of an allowed document and of an allowed kind.
struct ClausePass {
  const FacetTable& table;
  const Allowed* allowed;  // null: every document
  std::uint32_t kinds;

  // The clause's table document, or FacetTable::kNone when it may not count.
  std::uint32_t document(Xapian::docid g) const {
    const std::uint32_t entry = table.entry(g);
    const std::uint32_t d = FacetTable::document_in(entry);
    const std::uint8_t kind = FacetTable::kind_in(entry);
    if (d == FacetTable::kNone || (allowed && (d >= allowed->size() || !(*allowed)[d]))) {
      return FacetTable::kNone;
    }
    if (kinds != ~std::uint32_t{0} && (kind >= 32 || !(kinds >> kind & 1u))) return FacetTable::kNone;
    return d;
  }
};

// The clauses holding every unit.
Bitmap complete_clauses(const std::vector<Bitmap>& units) {
  Bitmap bits = units.front();
  for (std::size_t u = 1; u < units.size(); ++u) {
    for (std::size_t i = 0; i < bits.size(); ++i) bits[i] &= units[u][i];
  }
  return bits;
}

// The clauses of `any` whose document holds every unit in its counted clauses.
Bitmap clauses_of_complete_documents(const std::vector<Bitmap>& units, const Bitmap& any,
                                     const ClausePass& pass) {
  std::vector<std::uint64_t> masks(pass.table.documents(), 0);
  for (std::size_t u = 0; u < units.size(); ++u) {
    each_bit(units[u], [&](Xapian::docid g) {
      const std::uint32_t d = pass.document(g);
      if (d < masks.size()) masks[d] |= std::uint64_t{1} << u;
    });
  }
  const std::uint64_t full =
      units.size() == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << units.size()) - 1;
  Bitmap bits(any.size(), 0);
  each_bit(any, [&](Xapian::docid g) {
    const std::uint32_t d = pass.document(g);
    if (d < masks.size() && masks[d] == full) set_bit(bits, g);
  });
  return bits;
}

// Both sets straight from the postings: with the spy attached to a match a clause costs
// ~40 ns in Xapian 1.4 (a Document made for each), this ~10 (164,000 clauses of "article
// 88-4 de la Constitution": 6.3 -> 2.2 ms). One database with a FacetTable only
// (counts_docids()).
void count_from_postings(SearchContext& ctx, const CountScope& scope, const Filters& f,
                         MatchCounts& counts) {
  std::vector<Bitmap> units;
  for (const auto& unit : scope.pq.units) {
    units.push_back(clauses_with(ctx, unit));
    keep_speeches(ctx.index.db(), f, units.back());
  }
  Bitmap any = units.front();
  for (std::size_t u = 1; u < units.size(); ++u) {
    for (std::size_t i = 0; i < any.size(); ++i) any[i] |= units[u][i];
  }
  const Allowed allowed = allowed_documents(ctx, f, scope.excluded);
  const Allowed* pass_docs = allowed.empty() ? nullptr : &allowed;
  // The documents the query names count in both sets, through their summaries.
  const std::vector<Xapian::docid> known = known_item_documents(ctx.index.db(), scope.pq);
  Bitmap named(any.size(), 0);
  for (Xapian::docid g : known) {
    if (g / 64 < named.size()) set_bit(named, g);
  }
  if (!known.empty()) counts.all->add(named, pass_docs, f.kinds);
  counts.all->add(any, pass_docs, f.kinds);
  if (!counts.complete) return;
  const ClausePass pass{*ctx.index.table(), pass_docs, f.kinds};
  const Bitmap complete = scope.grouped ? clauses_of_complete_documents(units, any, pass)
                                        : complete_clauses(units);
  if (!known.empty()) counts.complete->add(named, pass_docs, f.kinds);
  counts.complete->add(complete, pass_docs, f.kinds);
}

// Counts the matches of `on_clauses` (filters applied) into `spy` with a match, then the
// summaries of the documents it found when the spy needs them (the facets live there).
void count_by_match(SearchContext& ctx, const CountScope& scope, const Filters& f,
                    const Query& on_clauses, FacetCounter& spy) {
  match_all(ctx, on_clauses, spy, scope.decider);
  if (spy.needs_summaries() && spy.documents() > 0) {
    spy.restrict_to_seen();
    match_all(ctx, f.on_summaries(Query(std::string(schema::kSummaryTerm))), spy, scope.decider);
  }
}

// The complete set through matches (several databases, remote shards, no table): the
// clauses matching every unit, or the matching clauses of the documents holding every unit.
void count_complete_by_match(SearchContext& ctx, const CountScope& scope, const Filters& f,
                             FacetCounter& spy) {
  std::vector<Query> units;
  for (const auto& unit : scope.pq.units) units.push_back(unit_query(unit));
  if (!scope.grouped) {
    count_by_match(ctx, scope, f, f.on_clauses(combine(Query::OP_AND, units)), spy);
    return;
  }
  std::vector<Query> documents;
  for (const auto& hit : documents_with_every_unit(ctx, scope.pq.units, f, scope.decider,
                                                   std::numeric_limits<std::size_t>::max(),
                                                   Sort::kRelevance)) {
    documents.emplace_back(schema::bounded_term(schema::kDocPrefix, hit.doc_id));
  }
  if (documents.empty()) return;
  const Query in_them(Query::OP_FILTER, scope.plan.widest.query,
                      combine(Query::OP_OR, documents));
  count_by_match(ctx, scope, f, f.on_clauses(in_them), spy);
}

}  // namespace

std::size_t MatchCounts::total(bool grouped) const {
  const FacetCounter& c = complete_set();
  return grouped ? c.documents() : c.clauses();
}

std::size_t MatchCounts::partial(bool grouped) const {
  const std::size_t every = grouped ? all->documents() : all->clauses();
  return every - total(grouped);
}

const FacetCounter& MatchCounts::faceted(bool grouped) const {
  return total(grouped) > 0 ? complete_set() : *all;
}

MatchCounts count_matches(SearchContext& ctx, const CountScope& scope, const Filters& f,
                          const std::vector<const schema::Field*>& fields) {
  MatchCounts counts;
  counts.all = ctx.index.counter(fields);
  const TierQuery& widest = scope.plan.widest;
  if (scope.plan.has_words && scope.pq.units.size() > 1) counts.complete = ctx.index.counter(fields);
  if (scope.plan.has_words && !widest.summary && counts.all->counts_docids()) {
    count_from_postings(ctx, scope, f, counts);
    return counts;
  }
  // The documents the query names, first: a FacetSpy sees only the documents it has seen
  // once it reads the summaries of the clauses' documents.
  if (scope.plan.has_words && !scope.pq.known.empty()) {
    const Query named = f.on_summaries(known_item_query(scope.pq.known));
    match_all(ctx, named, *counts.all, scope.decider);
    if (counts.complete) match_all(ctx, named, *counts.complete, scope.decider);
  }
  if (widest.summary) {
    match_all(ctx, f.on_summaries(widest.query), *counts.all, scope.decider);
  } else {
    count_by_match(ctx, scope, f, f.on_clauses(widest.query), *counts.all);
  }
  if (counts.complete) count_complete_by_match(ctx, scope, f, *counts.complete);
  return counts;
}

void recount_selected(SearchContext& ctx, const CountScope& scope, std::size_t values,
                      bool partial, std::vector<Facet>& facets) {
  const ParsedQuery& pq = scope.pq;
  for (auto& facet : facets) {
    auto own = [&](const FieldFilter& ff) {
      return ff.selected && !ff.negated && ff.field->name == facet.field;
    };
    if (std::none_of(pq.filters.begin(), pq.filters.end(), own)) continue;
    ParsedQuery others = pq;
    others.filters.erase(std::remove_if(others.filters.begin(), others.filters.end(), own),
                         others.filters.end());
    const CountScope wider{others, scope.plan, scope.excluded, scope.decider, scope.grouped};
    const Filters narrower = filters_of(others, ctx.index.single_table());
    const MatchCounts alone = count_matches(ctx, wider, narrower, {schema::find_field(facet.field)});
    ctx.forget_every_unit();  // it walked `narrower`, which goes now
    const FacetCounter& set = partial ? *alone.all : alone.complete_set();
    facet.values = std::move(set.facets(values).front().values);
  }
}

}  // namespace hemicycle::searcher
