#pragma once

// Folding documents of the same text (SearchRequest::distinct): the other documents of a
// hit's text, from the postings of its kTextPrefix term, for the hits of a page only.

#include <cstdint>
#include <string>
#include <vector>

#include "facet_spy.h"
#include "hemicycle/searcher/searcher.h"
#include "shards.h"

namespace hemicycle::searcher {

// The documents other than `doc_id` whose text key (schema::text_key_value()) is `text` and
// that `counted` matched, oldest first (undated last), then by id. None for text 0.
// `counted` is the counting pass of the search (filters and exclusions applied): a document
// of the same text holds the same words, so it matched iff it passes the filters and is
// not excluded. `table_document`: the hit's document in the facet table, if known: a text
// of that document alone then costs nothing. Otherwise one posting list of a few entries
// and, for each document listed, its stored record.
std::vector<IdenticalDocument> identical_documents(Shards& index, std::uint64_t text,
                                                   const std::string& doc_id,
                                                   std::uint32_t table_document,
                                                   const FacetCounter& counted);

}  // namespace hemicycle::searcher
