#pragma once

// Folding documents of the same text (SearchRequest::distinct): the other documents of a
// hit's text, found through the summaries' kTextPrefix term, for the hits of a page only.

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "filters.h"
#include "hemicycle/searcher/searcher.h"
#include "shards.h"

namespace hemicycle::searcher {

// The documents other than `doc_id` whose text key (schema::text_key_value()) is `text`
// and that pass `filters` (document level) and `decider` (the exclusions, or null), oldest
// first (undated last), then by id. None for text 0. One small match when the text has other documents;
// a term frequency lookup otherwise.
std::vector<IdenticalDocument> identical_documents(Shards& index, std::uint64_t text,
                                                   const std::string& doc_id,
                                                   const Filters& filters,
                                                   const Xapian::MatchDecider* decider);

}  // namespace hemicycle::searcher
