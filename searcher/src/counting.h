#pragma once

// Totals and facet counts: passes over every match, never limited to the page of hits.
// Two sets are counted: every match (some word of the query at least), and the complete
// ones, which hold every unit of the query (every word, every phrase): `total` counts the
// latter, `total_partial` the rest, and the facets count the complete set when it is not
// empty (else the partial one), as SearchResult::facets_partial says.

#include <cstddef>
#include <memory>
#include <vector>

#include <xapian.h>

#include "exclusions.h"
#include "facet_spy.h"
#include "filters.h"
#include "queries.h"
#include "search_context.h"

namespace hemicycle::searcher {

// What counting needs of a search.
struct CountScope {
  const ParsedQuery& pq;
  const TierPlan& plan;
  const Exclusions& excluded;
  const Xapian::MatchDecider* decider;  // the exclusions, or null
  bool grouped;                         // documents (true) or clauses are the unit counted
};

// The two sets counted. `complete` is null when it is the same set as `all` (a query of
// one unit, or of filters only).
struct MatchCounts {
  std::unique_ptr<FacetCounter> all;
  std::unique_ptr<FacetCounter> complete;

  const FacetCounter& complete_set() const { return complete ? *complete : *all; }
  // Documents (grouped) or clauses holding every unit; those holding only some.
  std::size_t total(bool grouped) const;
  std::size_t partial(bool grouped) const;
  // The set the facets count: the complete one, unless it is empty.
  const FacetCounter& faceted(bool grouped) const;
};

// Counts every match of the plan's widest tier that passes `f`, and apart those holding
// every unit, each with the facets of `fields`.
MatchCounts count_matches(SearchContext& ctx, const CountScope& scope, const Filters& f,
                          const std::vector<const format::schema::Field*>& fields);

// Multi-select facets: each field given apart as a selection (--filter, &filter=) is
// counted again without its own selection, so that its other values stay countable; over
// the same set as the other facets (`partial`: the partial one).
void recount_selected(SearchContext& ctx, const CountScope& scope, std::size_t values,
                      bool partial, std::vector<Facet>& facets);

}  // namespace hemicycle::searcher
