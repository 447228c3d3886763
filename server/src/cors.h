#pragma once

// Cross-origin calls: only the origins of ServerOptions::cors_origins may call the API.

#include "hemicycle/server/server.h"
#include "response.h"

namespace hemicycle::server {

// An OPTIONS request: 204 with the allowed methods (and, for an allowed origin, the CORS
// headers: Access-Control-Allow-Headers is a fixed list, whatever the preflight asks
// for); 403 origin_not_allowed for another origin.
Response preflight(const Request& request, const ServerOptions& options);

// Echoes an allowed Origin in Access-Control-Allow-Origin, with Vary: Origin.
void add_cors(const Request& request, const ServerOptions& options, Response& response);

}  // namespace hemicycle::server
