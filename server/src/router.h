#pragma once

// The HTTP API as a function of a request: no sockets, so it can be exercised directly.

#include <memory>
#include <string>

#include <boost/beast/http.hpp>

#include "hemicycle/searcher/searcher.h"
#include "hemicycle/server/server.h"
#include "metrics.h"

namespace hemicycle::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// What the handlers share: options, metrics, and one Searcher per thread.
// Thread-safe: each thread gets its own Searcher (Xapian handles are not shared).
class Context {
 public:
  Context(const ServerOptions& options, Metrics& metrics) : options_(options), metrics_(metrics) {}

  const ServerOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }

  // This thread's Searcher, opened on first use and reopened to the latest commit on every
  // call. Throws std::runtime_error / Xapian::Error when the index cannot be read; the next
  // call tries to open it afresh.
  searcher::Searcher& searcher();

 private:
  const ServerOptions& options_;
  Metrics& metrics_;
};

// Answers one request. `route` receives the route pattern for metrics and logs.
Response handle(const Request& request, Context& context, std::string* route);

// A JSON error response: {"error":{"code":…,"message":…}}.
Response error_response(const Request& request, http::status status, const std::string& code,
                        const std::string& message);

// The OpenAPI 3 description of the API.
const std::string& openapi_json();

}  // namespace hemicycle::server
