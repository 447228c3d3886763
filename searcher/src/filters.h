#pragma once

// The filters of a query (facets, kinds, date, document) as Xapian queries, for clause
// documents and for summaries. Document facets are terms of the summaries only: clauses are
// restricted to the documents whose summary passes, through a DocumentFilterSource.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "doc_filter.h"
#include "facet_table.h"
#include "hemicycle/searcher/query.h"

namespace hemicycle::searcher {

struct Filters {
  std::vector<Xapian::Query> clause_must, clause_must_not;    // kind, date
  std::vector<Xapian::Query> summary_must, summary_must_not;  // every field, date
  Xapian::Query documents;  // summaries that pass the document-level filters; empty: all do
  // The same filters seen from the facet table, for counting from postings: the summaries
  // of the documents that pass every document-level filter (fields, date, document id;
  // empty: all pass), and the clause kinds allowed (bit per ClauseKind).
  Xapian::Query passing_summaries;
  std::uint32_t kinds = ~std::uint32_t{0};
  // The clause-level field filters but kinds (speaker, speaker_role, group) as terms, for
  // counting from postings: a clause passes when it holds a term of each group and none of
  // `speech_refused`. Empty: no such filter.
  std::vector<std::vector<std::string>> speech_required;
  std::vector<std::string> speech_refused;
  std::shared_ptr<DocumentRanges> ranges = std::make_shared<DocumentRanges>();

  Xapian::Query on_clauses(Xapian::Query q) const;
  Xapian::Query on_summaries(Xapian::Query q) const;
};

// `single`: the facet table when the index is one database (clause ranges are then read
// from it), else null.
Filters filters_of(const ParsedQuery& pq, const FacetTable* single);

}  // namespace hemicycle::searcher
