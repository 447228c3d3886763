#pragma once

// The HTTP API as a function of a request and the services of the thread answering it: no
// sockets, so it can be exercised directly.

#include <string>

#include "response.h"
#include "services.h"

namespace hemicycle::server {

struct Handled {
  Response response;
  // The route pattern, for metrics and logs: "/api/search", "/api/documents/{id}",
  // "static", "preflight", or "other" (before a route was found).
  std::string route;
};

// Answers one request: routing, static assets, methods, parameters, limits, CORS, and
// every failure as a JSON error.
Handled handle(const Request& request, Services& services);

}  // namespace hemicycle::server
