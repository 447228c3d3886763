#include "router.h"

#include <charconv>

#include <xapian.h>

#include "hemicycle/analyzers/analyzer.h"
#include "assets.h"
#include "hemicycle/searcher/json.h"
#include "url.h"

namespace hemicycle::server {
namespace {

constexpr const char* kServerName = "hemicycle/0.1";
constexpr const char* kJson = "application/json; charset=utf-8";

thread_local std::unique_ptr<searcher::Searcher> tls_searcher;
thread_local const Context* tls_owner = nullptr;

// A problem the client must fix: 400 unless said otherwise.
struct ClientError {
  http::status status;
  std::string code;
  std::string message;
};

// The index could not be read: 503.
struct IndexUnavailable {
  std::string message;
};

Response make_response(const Request& req, http::status status, std::string body,
                       const char* content_type = kJson) {
  Response res{status, req.version()};
  res.set(http::field::server, kServerName);
  res.set(http::field::content_type, content_type);
  res.set(http::field::cache_control, "no-store");
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

std::size_t parse_count(const Target& t, const char* name, std::size_t fallback,
                        std::size_t max) {
  const std::string* v = t.get(name);
  if (!v) return fallback;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || ec != std::errc() || end != v->data() + v->size()) {
    throw ClientError{http::status::bad_request, "bad_parameter",
                      std::string(name) + " must be a whole number, not « " +
                          analyzers::sanitize_utf8(*v) + " »"};
  }
  if (n > max) {
    throw ClientError{http::status::bad_request, "bad_parameter",
                      std::string(name) + " is at most " + std::to_string(max)};
  }
  return n;
}

// A parameter that must be valid UTF-8 (it reaches the analyzer and the JSON output).
std::string utf8_param(const std::string& value, const char* name) {
  if (!analyzers::is_valid_utf8(value)) {
    throw ClientError{http::status::bad_request, "bad_encoding",
                      std::string(name) + " is not valid UTF-8 once percent-decoded"};
  }
  return value;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto comma = s.find(',', start);
    std::string item = s.substr(start, comma == std::string::npos ? std::string::npos
                                                                  : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

Response search(const Request& req, const Target& t, Context& ctx) {
  const ServerOptions& o = ctx.options();
  searcher::SearchRequest sr;
  if (const std::string* q = t.get("q")) sr.query = utf8_param(*q, "q");
  if (sr.query.size() > o.max_query_bytes) {
    throw ClientError{http::status::bad_request, "query_too_long",
                      "the query is " + std::to_string(sr.query.size()) + " bytes long; at most " +
                          std::to_string(o.max_query_bytes)};
  }
  for (const auto& f : t.all("filter")) {
    if (std::string err = searcher::add_filter(utf8_param(f, "filter"), sr); !err.empty()) {
      throw ClientError{http::status::bad_request, "bad_query", err};
    }
  }
  if (sr.query.empty() && sr.filters.empty() && !sr.date) {
    throw ClientError{http::status::bad_request, "missing_query",
                      "give a query in q (or a filter)"};
  }
  sr.limit = parse_count(t, "limit", 10, o.max_limit);
  sr.offset = parse_count(t, "offset", 0, o.max_offset);
  if (const std::string* sort = t.get("sort")) {
    if (*sort == "relevance") sr.sort = searcher::Sort::kRelevance;
    else if (*sort == "date") sr.sort = searcher::Sort::kDate;
    else throw ClientError{http::status::bad_request, "bad_parameter", "sort is relevance or date"};
  }
  if (const std::string* group = t.get("group")) {
    if (*group == "document") sr.group_by_document = true;
    else if (*group == "clause") sr.group_by_document = false;
    else throw ClientError{http::status::bad_request, "bad_parameter", "group is document or clause"};
  }
  const std::string* from = t.get("date_from");
  const std::string* to = t.get("date_to");
  if (std::string err = searcher::add_date_bounds(from ? utf8_param(*from, "date_from") : "",
                                                  to ? utf8_param(*to, "date_to") : "", sr);
      !err.empty()) {
    throw ClientError{http::status::bad_request, "bad_query", err};
  }
  if (const std::string* doc = t.get("document")) sr.document_id = utf8_param(*doc, "document");
  if (const std::string* facets = t.get("facets")) sr.facets = split_commas(utf8_param(*facets, "facets"));
  return make_response(req, http::status::ok, searcher::to_json(ctx.searcher().search(sr)));
}

Response document(const Request& req, const std::string& id, Context& ctx) {
  if (id.empty() || !analyzers::is_valid_utf8(id)) {
    throw ClientError{http::status::not_found, "not_found", "no such document"};
  }
  auto doc = ctx.searcher().document(id);
  if (!doc) throw ClientError{http::status::not_found, "not_found", "no document « " + id + " »"};
  return make_response(req, http::status::ok, searcher::to_json(*doc));
}

Response suggest(const Request& req, const Target& t, Context& ctx) {
  std::string q;
  if (const std::string* v = t.get("q")) q = utf8_param(*v, "q");
  if (q.size() > ctx.options().max_query_bytes) {
    throw ClientError{http::status::bad_request, "query_too_long", "the query is too long"};
  }
  std::size_t limit = parse_count(t, "limit", 8, 20);
  return make_response(req, http::status::ok,
                       searcher::to_json(q, ctx.searcher().suggest(q, limit)));
}

Response health(const Request& req, Context& ctx) {
  searcher::IndexInfo info = ctx.searcher().info();
  std::string body = "{\"status\":\"ready\",\"documents\":" + std::to_string(info.documents) +
                     ",\"clauses\":" + std::to_string(info.clauses) + ",\"last_commit\":" +
                     (info.last_commit.empty() ? "null" : "\"" + info.last_commit + "\"") + "}";
  return make_response(req, http::status::ok, std::move(body));
}

Response metrics(const Request& req, Context& ctx) {
  long long documents = -1, clauses = -1;
  try {
    searcher::IndexInfo info = ctx.searcher().info();
    documents = static_cast<long long>(info.documents);
    clauses = static_cast<long long>(info.clauses);
  } catch (const std::exception&) {
    // The counters are still worth serving when the index is not readable.
  }
  return make_response(req, http::status::ok, ctx.metrics().render(documents, clauses),
                       "text/plain; version=0.0.4; charset=utf-8");
}

bool origin_allowed(const Request& req, const Context& ctx, std::string* origin) {
  auto it = req.find(http::field::origin);
  if (it == req.end()) return false;
  *origin = std::string(it->value());
  for (const auto& allowed : ctx.options().cors_origins) {
    if (allowed == *origin) return true;
  }
  return false;
}

void add_cors(const Request& req, const Context& ctx, Response& res) {
  std::string origin;
  if (origin_allowed(req, ctx, &origin)) {
    res.set(http::field::access_control_allow_origin, origin);
    res.set(http::field::vary, "Origin");
  }
}

Response preflight(const Request& req, Context& ctx) {
  std::string origin;
  if (req.find(http::field::origin) == req.end()) {
    Response res = make_response(req, http::status::no_content, "");
    res.set(http::field::allow, "GET, HEAD, OPTIONS");
    return res;
  }
  if (!origin_allowed(req, ctx, &origin)) {
    return error_response(req, http::status::forbidden, "origin_not_allowed",
                          "this origin may not call the API (see --cors-origin)");
  }
  Response res = make_response(req, http::status::no_content, "");
  res.set(http::field::access_control_allow_origin, origin);
  res.set(http::field::access_control_allow_methods, "GET, HEAD, OPTIONS");
  auto headers = req.find(http::field::access_control_request_headers);
  res.set(http::field::access_control_allow_headers,
          headers != req.end() ? std::string(headers->value()) : std::string("Content-Type"));
  res.set(http::field::access_control_max_age, "600");
  res.set(http::field::vary, "Origin");
  return res;
}

}  // namespace

searcher::Searcher& Context::searcher() {
  if (!tls_searcher || tls_owner != this) {
    tls_searcher.reset();
    searcher::SearcherOptions so;
    so.time_limit_seconds = options_.search_time_limit_seconds;
    tls_searcher = std::make_unique<searcher::Searcher>(options_.databases, so);
    tls_owner = this;
  } else {
    try {
      tls_searcher->reopen();
    } catch (...) {
      tls_searcher.reset();  // open afresh next time
      throw;
    }
  }
  return *tls_searcher;
}

Response error_response(const Request& req, http::status status, const std::string& code,
                        const std::string& message) {
  return make_response(req, status, searcher::error_json(code, analyzers::sanitize_utf8(message)));
}

Response handle(const Request& req, Context& ctx, std::string* route) {
  *route = "other";
  Response res;
  try {
    if (req.method() == http::verb::options) {
      *route = "preflight";
      return preflight(req, ctx);
    }
    if (req.target().size() > ctx.options().max_target_bytes) {
      throw ClientError{http::status::uri_too_long, "uri_too_long",
                        "the URL is longer than " + std::to_string(ctx.options().max_target_bytes) +
                            " bytes"};
    }
    Target t;
    if (std::string err = parse_target(std::string_view(req.target().data(), req.target().size()), &t);
        !err.empty()) {
      throw ClientError{http::status::bad_request, "bad_request", err};
    }
    if (const Asset* asset = find_asset(t.path)) {
      *route = "static";
      if (req.method() != http::verb::get && req.method() != http::verb::head) {
        Response r = error_response(req, http::status::method_not_allowed, "method_not_allowed",
                                    std::string(req.method_string()) + " is not allowed here");
        r.set(http::field::allow, "GET, HEAD");
        return r;
      }
      res = make_response(req, http::status::ok,
                          std::string(reinterpret_cast<const char*>(asset->data), asset->size),
                          asset->content_type);
      res.set(http::field::cache_control, "no-cache");
      res.set("X-Content-Type-Options", "nosniff");
      if (std::string_view(asset->content_type).rfind("text/html", 0) == 0) {
        // The page needs nothing from elsewhere: no CDN, no outside fonts.
        res.set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'");
        res.set("Referrer-Policy", "same-origin");
      }
      if (req.method() == http::verb::head) {
        auto length = res.body().size();
        res.body().clear();
        res.content_length(length);
      }
      return res;
    }
    enum class Route { kSearch, kDocument, kSuggest, kHealth, kMetrics, kOpenApi } which;
    const std::string docs_prefix = "/api/documents/";
    if (t.path == "/api/search") {
      which = Route::kSearch;
      *route = "/api/search";
    } else if (t.path.rfind(docs_prefix, 0) == 0) {
      which = Route::kDocument;
      *route = "/api/documents/{id}";
    } else if (t.path == "/api/suggest") {
      which = Route::kSuggest;
      *route = "/api/suggest";
    } else if (t.path == "/health") {
      which = Route::kHealth;
      *route = "/health";
    } else if (t.path == "/metrics") {
      which = Route::kMetrics;
      *route = "/metrics";
    } else if (t.path == "/api/openapi.json") {
      which = Route::kOpenApi;
      *route = "/api/openapi.json";
    } else {
      throw ClientError{http::status::not_found, "not_found",
                        "no such route: " + analyzers::sanitize_utf8(t.path)};
    }
    if (req.method() != http::verb::get && req.method() != http::verb::head) {
      Response r = error_response(req, http::status::method_not_allowed, "method_not_allowed",
                                  std::string(req.method_string()) + " is not allowed here; use GET");
      r.set(http::field::allow, "GET, HEAD, OPTIONS");
      add_cors(req, ctx, r);
      return r;
    }
    if (!req.body().empty()) {
      throw ClientError{http::status::payload_too_large, "body_not_allowed",
                        "GET requests take no body"};
    }
    switch (which) {
      case Route::kSearch:
        res = search(req, t, ctx);
        break;
      case Route::kDocument:
        res = document(req, t.path.substr(docs_prefix.size()), ctx);
        break;
      case Route::kSuggest:
        res = suggest(req, t, ctx);
        break;
      case Route::kHealth:
        res = health(req, ctx);
        break;
      case Route::kMetrics:
        res = metrics(req, ctx);
        break;
      case Route::kOpenApi:
        res = make_response(req, http::status::ok, openapi_json());
        break;
    }
  } catch (const ClientError& e) {
    res = error_response(req, e.status, e.code, e.message);
  } catch (const searcher::QueryError& e) {
    res = error_response(req, http::status::bad_request, "bad_query", e.what());
  } catch (const Xapian::DatabaseError& e) {
    tls_searcher.reset();
    res = error_response(req, http::status::service_unavailable, "index_unavailable",
                         "the index cannot be read: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    res = error_response(req, http::status::internal_server_error, "internal_error",
                         std::string("the search failed: ") + e.get_type());
  } catch (const std::runtime_error& e) {
    // Opening the index failed (the Searcher reports it as runtime_error).
    tls_searcher.reset();
    res = error_response(req, http::status::service_unavailable, "index_unavailable", e.what());
  } catch (const std::exception&) {
    res = error_response(req, http::status::internal_server_error, "internal_error",
                         "unexpected error");
  }
  add_cors(req, ctx, res);
  if (req.method() == http::verb::head) {
    auto length = res.body().size();
    res.body().clear();
    res.content_length(length);
  }
  return res;
}

}  // namespace hemicycle::server
