#pragma once

// The HTTP types of the API and the answers every part of it builds.

#include <string>

#include <boost/beast/http.hpp>

namespace hemicycle::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

inline constexpr const char* kJson = "application/json; charset=utf-8";

// An answer to `request` (same HTTP version and keep-alive), not cached, never sniffed
// (X-Content-Type-Options: nosniff), with this body.
Response make_response(const Request& request, http::status status, std::string body,
                       const char* content_type = kJson);

// A JSON error response: {"error":{"code":…,"message":…}} (the message made valid UTF-8).
Response error_response(const Request& request, http::status status, const std::string& code,
                        const std::string& message);

// For a HEAD request: drops the body and keeps its length as Content-Length, so the
// headers are those of GET. Other requests are left as they are.
void drop_body_for_head(const Request& request, Response& response);

}  // namespace hemicycle::server
