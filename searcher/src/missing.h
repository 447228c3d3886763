#pragma once

// The words of a query a partial hit lacks, so that a reader sees at once why it ranks
// below the documents holding them all.

#include <string>
#include <vector>

#include <xapian.h>

#include "filters.h"
#include "hemicycle/searcher/query.h"

namespace hemicycle::searcher {

// How a unit of the query is shown: its alternatives as typed, joined by " OR ", phrases
// between quotes.
std::string unit_text(const std::vector<QueryItem>& unit);

// The units of `pq` that no clause of document `doc_id` passing the clause filters holds.
std::vector<std::string> missing_in_document(Xapian::Database& db, const ParsedQuery& pq,
                                             const std::string& doc_id, const Filters& filters);

// The units of `pq` that `clause` does not hold (phrases checked on its positions, in order
// within the window the query allows).
std::vector<std::string> missing_in_clause(const Xapian::Document& clause, const ParsedQuery& pq);

}  // namespace hemicycle::searcher
