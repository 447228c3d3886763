#pragma once

// The ranking tier between "all the words in one clause" and "some words": the documents
// where every unit of the query appears, in one clause or several.

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "facet_table.h"
#include "filters.h"
#include "search_context.h"

namespace hemicycle::searcher {

// A document holding every unit of a query.
struct DocumentHit {
  std::string doc_id;
  std::uint32_t table_document = FacetTable::kNone;
  Xapian::docid summary = 0;  // its summary's docid, when the table knows it
  double score = 0;           // sum over the units of the unit's best clause weight
  std::string date;           // when sorting by date
  std::uint64_t text = 0;     // its text's key, when `distinct` (0: unknown)
};

// The documents where every unit appears in some clause passing the filters, best first (by
// date first with Sort::kDate), at most `limit`; with `distinct`, only the best of each text
// (schema::text_key()), at most `limit` texts. With one local index and no filter, from
// the postings of each word; else from a match per unit. 2 to 64 units (else none).
std::vector<DocumentHit> documents_with_every_unit(
    SearchContext& ctx, const std::vector<std::vector<QueryItem>>& units, const Filters& f,
    const Xapian::MatchDecider* decider, std::size_t limit, Sort sort, bool distinct = false);

}  // namespace hemicycle::searcher
