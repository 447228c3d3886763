#pragma once

// The page of hits: the tiers' best matches in order, then each turned into a Hit with its
// clause, its document's metadata and a snippet.

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "facet_spy.h"
#include "facet_table.h"
#include "filters.h"
#include "hemicycle/analyzers/analyzer.h"
#include "queries.h"
#include "search_context.h"

namespace hemicycle::searcher {

// A match kept for the page: a clause, or a document matched through its summary.
struct Candidate {
  Xapian::docid xid = 0;
  std::string doc_id;
  double weight = 0;
  Tier tier = Tier::kSomeWords;
  bool summary = false;
  std::uint32_t table_document = FacetTable::kNone;  // its document in the facet table
  std::string date;  // when sorting by date
};

// The first offset + limit matches over the tiers, best tier first, each document (grouped)
// or clause once.
std::vector<Candidate> rank_candidates(SearchContext& ctx, const ParsedQuery& pq,
                                       const TierPlan& plan, const Filters& filters,
                                       const Xapian::MatchDecider* decider,
                                       const SearchRequest& request);

// The hits of candidates [offset, end): the clause (for a summary, its best clause), its
// highlights and snippet, the document's metadata, its matching clauses from `spy` and,
// for a partial hit, the units of `pq` it lacks (in the document when `grouped`).
std::vector<Hit> make_hits(SearchContext& ctx, analyzers::FrenchAnalyzer& analyzer,
                           const std::vector<Candidate>& candidates, std::size_t offset,
                           const ParsedQuery& pq, const TierPlan& plan, const Filters& filters,
                           bool grouped, const FacetCounter& spy);

}  // namespace hemicycle::searcher
