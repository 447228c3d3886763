#pragma once

// The query parameters of the API, read and checked. Each function throws ClientError
// (errors.h) for a parameter the client must fix.

#include <cstddef>
#include <string>
#include <vector>

#include "errors.h"
#include "hemicycle/searcher/searcher.h"
#include "hemicycle/server/server.h"
#include "url.h"

namespace hemicycle::server {

// A whole number in [0, max], or `fallback` when the parameter is absent (400 bad_parameter).
std::size_t count_param(const Target& target, const char* name, std::size_t fallback,
                        std::size_t max);

// 400 query_too_long: a query of `bytes`, over `max_bytes`.
ClientError query_too_long(std::size_t bytes, std::size_t max_bytes);

// `value` itself, if it is valid UTF-8 (it reaches the analyzer and the JSON output);
// 400 bad_encoding otherwise.
std::string utf8_param(const std::string& value, const char* name);

// "a,,b," -> {"a", "b"}.
std::vector<std::string> split_commas(const std::string& s);

// /api/search's parameters: q, filter, date_from, date_to, limit, offset, sort, group,
// document, facets.
searcher::SearchRequest search_request(const Target& target, const ServerOptions& options);

}  // namespace hemicycle::server
