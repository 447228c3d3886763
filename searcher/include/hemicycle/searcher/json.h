#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/searcher/searcher.h"

namespace hemicycle::searcher {

// The JSON documents of the CLI (--json) and of the HTTP API; schema in README.md.
std::string to_json(const SearchResult& result);
std::string to_json(const DocumentView& document);
// {"query": …, "suggestions": [{"word", "query", "documents"}]}
std::string to_json(const std::string& query, const std::vector<Suggestion>& suggestions);
// {"query": …, "speakers": [{"name", "speeches", "role" (left out when empty), "kind"}]}
std::string to_json(const std::string& query, const std::vector<Speaker>& speakers);
// {"error": {"code": …, "message": …}}; the message must be valid UTF-8.
std::string error_json(std::string_view code, std::string_view message);

}  // namespace hemicycle::searcher
