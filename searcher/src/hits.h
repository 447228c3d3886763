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
#include "hemicycle/format/records.h"
#include "queries.h"
#include "search_context.h"

namespace hemicycle::searcher {

// The speech fields of a stored clause, moved out of it.
SpeechFields speech_fields(format::StoredClause& clause);

// A match kept for the page: a clause, or a document matched through its summary.
struct Candidate {
  Xapian::docid xid = 0;
  std::string doc_id;
  double weight = 0;
  Tier tier = Tier::kSomeWords;
  bool summary = false;
  std::uint32_t table_document = FacetTable::kNone;  // its document in the facet table
  std::string date;  // when sorting by date
  std::uint64_t text = 0;  // its document's text key, when folding identical texts
};

// The first offset + limit matches over the tiers, best tier first, each document (grouped)
// or clause once; grouped with request.distinct, each text once (its best-ranked document).
std::vector<Candidate> rank_candidates(SearchContext& ctx, const ParsedQuery& pq,
                                       const TierPlan& plan, const Filters& filters,
                                       const Xapian::MatchDecider* decider,
                                       const SearchRequest& request);

// The hits of candidates [offset, end): the clause (for a summary, its best clause), its
// highlights and snippet, the document's metadata, its matching clauses from `spy`, for a
// partial hit the units of `pq` it lacks (in the document when grouped) and, when folding
// (grouped, request.distinct), the other documents of its text that `spy` counted.
std::vector<Hit> make_hits(SearchContext& ctx, analyzers::FrenchAnalyzer& analyzer,
                           const std::vector<Candidate>& candidates, const ParsedQuery& pq,
                           const TierPlan& plan, const Filters& filters,
                           const SearchRequest& request, const FacetCounter& spy);

}  // namespace hemicycle::searcher
