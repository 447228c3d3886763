#include "response.h"

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/json.h"

namespace hemicycle::server {
namespace {

constexpr const char* kServerName = "hemicycle/0.1";

}  // namespace

Response make_response(const Request& request, http::status status, std::string body,
                       const char* content_type) {
  Response res{status, request.version()};
  res.set(http::field::server, kServerName);
  res.set(http::field::content_type, content_type);
  res.set(http::field::cache_control, "no-store");
  res.set("X-Content-Type-Options", "nosniff");  // every answer, errors and 503s included
  res.keep_alive(request.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

Response error_response(const Request& request, http::status status, const std::string& code,
                        const std::string& message) {
  return make_response(request, status,
                       searcher::error_json(code, analyzers::sanitize_utf8(message)));
}

void drop_body_for_head(const Request& request, Response& response) {
  if (request.method() != http::verb::head) return;
  const auto length = response.body().size();
  response.body().clear();
  response.content_length(length);
}

}  // namespace hemicycle::server
