#pragma once

// The API's answers, one function per route (the router picks one, after checking the
// method). Each may throw ClientError, or let the searcher's errors through: the router
// answers them from the table of errors.h.

#include <string>

#include "response.h"
#include "services.h"
#include "url.h"

namespace hemicycle::server::api {

inline constexpr std::string_view kDocumentsPrefix = "/api/documents/";

Response search(const Request& request, const Target& target, Services& services);
Response document(const Request& request, const Target& target, Services& services);
Response suggest(const Request& request, const Target& target, Services& services);
// /api/speakers?q=PREFIX&limit=N: {"query", "speakers": [{"name", "speeches", "role", "kind"}]}.
Response speakers(const Request& request, const Target& target, Services& services);
Response health(const Request& request, const Target& target, Services& services);
Response metrics(const Request& request, const Target& target, Services& services);
Response openapi(const Request& request, const Target& target, Services& services);
Response schema(const Request& request, const Target& target, Services& services);

}  // namespace hemicycle::server::api

namespace hemicycle::server {

// The OpenAPI 3 description of the API.
const std::string& openapi_json();
// /api/schema: {"facets": [{"name", "label"}…], "kinds": [{"name", "label"}…]}.
const std::string& schema_json();

}  // namespace hemicycle::server
