#pragma once

// Completions of the word being typed, from the lexicon the indexer keeps in metadata.

#include <cstddef>
#include <string>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/searcher.h"
#include "shards.h"

namespace hemicycle::searcher {

std::vector<Suggestion> suggest_words(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                                      const std::string& query, std::size_t limit);

}  // namespace hemicycle::searcher
