#include "router.h"

#include <string_view>

#include "api.h"
#include "assets.h"
#include "cors.h"
#include "errors.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/model/french.h"
#include "url.h"

namespace hemicycle::server {
namespace {

using Handler = Response (*)(const Request&, const Target&, Services&);

struct Route {
  std::string_view path;  // the whole path, or its beginning when `prefix`
  bool prefix;
  const char* pattern;  // for metrics and logs
  Handler handler;
};

constexpr Route kRoutes[] = {
    {"/api/search", false, "/api/search", api::search},
    {api::kDocumentsPrefix, true, "/api/documents/{id}", api::document},
    {"/api/suggest", false, "/api/suggest", api::suggest},
    {"/api/speakers", false, "/api/speakers", api::speakers},
    {"/api/schema", false, "/api/schema", api::schema},
    {"/health", false, "/health", api::health},
    {"/metrics", false, "/metrics", api::metrics},
    {"/api/openapi.json", false, "/api/openapi.json", api::openapi},
};

const Route& find_route(const std::string& path) {
  for (const auto& route : kRoutes) {
    if (route.prefix ? path.starts_with(route.path) : path == route.path) return route;
  }
  throw ClientError{http::status::not_found, "not_found",
                    "chemin inconnu " + model::french::quoted(analyzers::sanitize_utf8(path))};
}

// The decoded path and parameters (414 for a target too long, 400 for a malformed one).
Target request_target(const Request& req, const ServerOptions& options) {
  if (req.target().size() > options.max_target_bytes) throw uri_too_long(options.max_target_bytes);
  Target t;
  if (std::string err = parse_target(std::string_view(req.target().data(), req.target().size()), &t);
      !err.empty()) {
    throw ClientError{http::status::bad_request, "bad_request", err};
  }
  return t;
}

bool reads(const Request& req) {
  return req.method() == http::verb::get || req.method() == http::verb::head;
}

Response method_not_allowed(const Request& req, const char* allow, const char* hint) {
  Response res = error_response(req, http::status::method_not_allowed, "method_not_allowed",
                                "la méthode " + std::string(req.method_string()) +
                                    " n’est pas acceptée ici" + hint);
  res.set(http::field::allow, allow);
  return res;
}

// A file of server/web/, for GET and HEAD.
Response static_asset(const Request& req, const Asset& asset) {
  if (!reads(req)) return method_not_allowed(req, "GET, HEAD", "");
  Response res = make_response(req, http::status::ok,
                               std::string(reinterpret_cast<const char*>(asset.data), asset.size),
                               asset.content_type);
  res.set(http::field::cache_control, "no-cache");
  if (std::string_view(asset.content_type).starts_with("text/html")) {
    // The page needs nothing from elsewhere: no CDN, no outside fonts.
    res.set("Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'");
    res.set("Referrer-Policy", "same-origin");
  }
  drop_body_for_head(req, res);
  return res;
}

// An API route: GET or HEAD without a body, then its handler.
Response dispatch(const Request& req, const Target& t, const Route& route, Services& s) {
  if (!reads(req)) return method_not_allowed(req, "GET, HEAD, OPTIONS", "\u00a0; utilisez GET");
  if (!req.body().empty()) {
    throw ClientError{http::status::payload_too_large, "body_not_allowed",
                      "une requête GET n’a pas de corps"};
  }
  return route.handler(req, t, s);
}

}  // namespace

Handled handle(const Request& req, Services& s) {
  if (req.method() == http::verb::options) return {preflight(req, s.options), "preflight"};
  Handled out{Response{}, "other"};
  try {
    const Target t = request_target(req, s.options);
    if (const Asset* asset = find_asset(t.path)) return {static_asset(req, *asset), "static"};
    const Route& route = find_route(t.path);
    out.route = route.pattern;
    out.response = dispatch(req, t, route, s);
  } catch (...) {
    out.response = failure_response(req, std::current_exception(), s.searcher);
  }
  add_cors(req, s.options, out.response);
  drop_body_for_head(req, out.response);
  return out;
}

}  // namespace hemicycle::server
