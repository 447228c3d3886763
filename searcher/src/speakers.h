#pragma once

// The speakers of the index whose name has a word starting with a prefix, with their
// speech counts (GET /api/speakers, for a search-as-you-type box).

#include <cstddef>
#include <string>
#include <vector>

#include "hemicycle/searcher/searcher.h"
#include "shards.h"

namespace hemicycle::searcher {

std::vector<Speaker> list_speakers(Shards& index, const std::string& prefix, std::size_t limit);

}  // namespace hemicycle::searcher
