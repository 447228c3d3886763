#pragma once

#include <string>

#include "hemicycle/searcher/searcher.h"

namespace hemicycle::searcher {

// The JSON documents of the CLI (--json) and of the HTTP API; schema in README.md.
std::string to_json(const SearchResult& result);
std::string to_json(const DocumentView& document);

}  // namespace hemicycle::searcher
