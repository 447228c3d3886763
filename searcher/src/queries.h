#pragma once

// The Xapian queries a search runs, built from the parsed query: one per ranking tier.
// Pure functions of the parsed query and the filters (no index needed), which is what
// tests/searcher/query_golden_test.cc checks through get_description().

#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "filters.h"
#include "hemicycle/searcher/query.h"
#include "hemicycle/searcher/searcher.h"

namespace hemicycle::searcher {

// `parts` joined by `op`; the part itself when there is one, the empty query for none.
Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts);

// The clause-level query for one word or phrase: a term, or a phrase of its terms whose
// window spans the stop words the analyzer dropped.
Xapian::Query clause_query(const QueryItem& item);

// One unit of the query: its alternatives (words or phrases) joined by OR; what the searcher
// added to them (QueryItem::origin) joined by OP_MAX with those, so that it never adds up.
Xapian::Query unit_query(const std::vector<QueryItem>& unit);

// Rewards clauses where consecutive words of the query stand next to each other as typed
// (Lucene's "pf2"): for each pair of neighbouring units of one typed item, a phrase over both,
// whose window allows only the gaps the query itself has. Empty when there is no such pair.
Xapian::Query adjacency_boost(const std::vector<std::vector<QueryItem>>& units);

struct TierQuery {
  Tier tier;
  Xapian::Query query;  // empty for kAllWordsInDocument (computed from each unit's clauses)
  bool summary;         // matches summary documents rather than clauses
};

struct TierPlan {
  // Best first: the known items the query names (when it names some); every word in one
  // clause; every word in the document (grouped); some words. Or, without words, the
  // filters alone. Filters applied, the first word tier boosted.
  std::vector<TierQuery> tiers;
  TierQuery widest;         // the last tier before filters and boosts, for counting
  Xapian::Query any_words;  // some unit in a clause, unfiltered (empty without words)
  bool has_words = false;
  std::unordered_set<std::string> terms;  // the words' terms, to highlight
};

TierPlan plan_tiers(const ParsedQuery& pq, bool group_by_document, const Filters& filters);

}  // namespace hemicycle::searcher
