#include "cors.h"

namespace hemicycle::server {
namespace {

constexpr const char* kMethods = "GET, HEAD, OPTIONS";
// The request headers a caller may send (the page and the widget send Accept): always
// this list, never the headers a preflight asks for.
constexpr const char* kAllowedHeaders = "Accept, Accept-Language, Content-Language, Content-Type";

// The request's Origin into `origin`; true if it is one of the allowed ones.
bool origin_allowed(const Request& req, const ServerOptions& options, std::string* origin) {
  auto it = req.find(http::field::origin);
  if (it == req.end()) return false;
  *origin = std::string(it->value());
  for (const auto& allowed : options.cors_origins) {
    if (allowed == *origin) return true;
  }
  return false;
}

}  // namespace

Response preflight(const Request& req, const ServerOptions& options) {
  std::string origin;
  if (req.find(http::field::origin) == req.end()) {
    Response res = make_response(req, http::status::no_content, "");
    res.set(http::field::allow, kMethods);
    return res;
  }
  if (!origin_allowed(req, options, &origin)) {
    return error_response(req, http::status::forbidden, "origin_not_allowed",
                          "cette origine n’a pas accès à l’API (voir --cors-origin)");
  }
  Response res = make_response(req, http::status::no_content, "");
  res.set(http::field::access_control_allow_origin, origin);
  res.set(http::field::access_control_allow_methods, kMethods);
  res.set(http::field::access_control_allow_headers, kAllowedHeaders);
  res.set(http::field::access_control_max_age, "600");
  res.set(http::field::vary, "Origin");
  return res;
}

void add_cors(const Request& req, const ServerOptions& options, Response& res) {
  std::string origin;
  if (origin_allowed(req, options, &origin)) {
    res.set(http::field::access_control_allow_origin, origin);
    res.set(http::field::vary, "Origin");
  }
}

}  // namespace hemicycle::server
