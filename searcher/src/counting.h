#pragma once

// Totals and facet counts: one pass over every match of the widest tier, never limited to
// the page of hits.

#include <cstddef>
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
};

// Counts into `spy` every match of the plan's widest tier that passes `f`, and, when that
// tier matched clauses and the spy needs them, the summaries of the documents it found
// (the facets live on the summaries).
void count_matches(SearchContext& ctx, const CountScope& scope, const Filters& f,
                   FacetCounter& spy);

// Multi-select facets: each field given apart as a selection (--filter, &filter=) is
// counted again without its own selection, so that its other values stay countable.
void recount_selected(SearchContext& ctx, const CountScope& scope, std::size_t values,
                      std::vector<Facet>& facets);

}  // namespace hemicycle::searcher
