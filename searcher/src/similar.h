#pragma once

// "More like this": the words that characterise a document, as one unit of a query
// (`similaire:ID`, GET /api/documents/{id}/similar).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hemicycle/searcher/query.h"
#include "shards.h"

namespace hemicycle::searcher {

// Terms a similar document is searched by, at most.
inline constexpr std::size_t kSimilarTerms = 30;

// The document's characteristic words: Xapian's expand set (ESet) over its clauses as the
// relevant set (RSet), words only — no facet, title or identifier term, no bare number, no
// word of fewer than three letters. Each is one alternative (Origin::kSimilar), weighted by
// its ESet weight relative to the best one. nullopt when no document has this id; an empty
// unit when the document has no word.
std::optional<std::vector<QueryItem>> similar_unit(Shards& index, const std::string& id,
                                                   std::size_t max_terms = kSimilarTerms);

}  // namespace hemicycle::searcher
