#include "api.h"

#include <optional>

#include "errors.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/model/french.h"
#include "hemicycle/searcher/json.h"
#include "params.h"

namespace hemicycle::server::api {

Response search(const Request& req, const Target& t, Services& s) {
  const searcher::SearchRequest sr = search_request(t, s.options);
  return make_response(req, http::status::ok, searcher::to_json(s.searcher.get().search(sr)));
}

namespace {

constexpr std::string_view kSimilarSuffix = "/similar";

// The documents like `id`, as a search result; nullopt when there is no such document.
std::optional<Response> similar(const Request& req, const Target& t, Services& s,
                                const std::string& id) {
  searcher::SearchRequest sr;
  sr.similar_to = id;
  sr.limit = count_param(t, "limit", 5, s.options.max_limit);
  sr.offset = count_param(t, "offset", 0, s.options.max_offset);
  try {
    return make_response(req, http::status::ok, searcher::to_json(s.searcher.get().search(sr)));
  } catch (const searcher::QueryError& e) {
    if (e.code() == "unknown_document") return std::nullopt;
    throw;
  }
}

}  // namespace

// /api/documents/{id}, and /api/documents/{id}/similar (ids may hold slashes: a document
// whose own id ends with "/similar" is still served when no document is named by the rest).
Response document(const Request& req, const Target& t, Services& s) {
  const std::string id = t.path.substr(kDocumentsPrefix.size());
  if (id.empty() || !analyzers::is_valid_utf8(id)) {
    throw ClientError{http::status::not_found, "not_found", "document inconnu"};
  }
  if (id.size() > kSimilarSuffix.size() && id.ends_with(kSimilarSuffix)) {
    const std::string of = id.substr(0, id.size() - kSimilarSuffix.size());
    if (std::optional<Response> r = similar(req, t, s, of)) return std::move(*r);
    if (!s.searcher.get().document(id)) {
      throw ClientError{http::status::not_found, "not_found",
                        "document inconnu " + model::french::quoted(of)};
    }
  }
  auto doc = s.searcher.get().document(id);
  if (!doc) {
    throw ClientError{http::status::not_found, "not_found",
                      "document inconnu " + model::french::quoted(id)};
  }
  return make_response(req, http::status::ok, searcher::to_json(*doc));
}

Response suggest(const Request& req, const Target& t, Services& s) {
  std::string q;
  if (const std::string* v = t.get("q")) q = utf8_param(*v, "q");
  if (q.size() > s.options.max_query_bytes) throw query_too_long(q.size(), s.options.max_query_bytes);
  const std::size_t limit = count_param(t, "limit", 8, 20);
  return make_response(req, http::status::ok,
                       searcher::to_json(q, s.searcher.get().suggest(q, limit)));
}

Response speakers(const Request& req, const Target& t, Services& s) {
  std::string q;
  if (const std::string* v = t.get("q")) q = utf8_param(*v, "q");
  if (q.size() > s.options.max_query_bytes) throw query_too_long(q.size(), s.options.max_query_bytes);
  const std::size_t limit = count_param(t, "limit", 10, 100);
  return make_response(req, http::status::ok,
                       searcher::to_json(q, s.searcher.get().speakers(q, limit)));
}

Response health(const Request& req, const Target&, Services& s) {
  const searcher::IndexInfo info = s.searcher.get().info();
  std::string body = "{\"status\":\"ready\",\"documents\":" + std::to_string(info.documents) +
                     ",\"clauses\":" + std::to_string(info.clauses) + ",\"last_commit\":" +
                     (info.last_commit.empty() ? "null" : "\"" + info.last_commit + "\"") + "}";
  return make_response(req, http::status::ok, std::move(body));
}

Response metrics(const Request& req, const Target&, Services& s) {
  long long documents = -1, clauses = -1;
  try {
    const searcher::IndexInfo info = s.searcher.get().info();
    documents = static_cast<long long>(info.documents);
    clauses = static_cast<long long>(info.clauses);
  } catch (...) {
    // The counters are still worth serving when the index is not readable.
    if (answer_for(classify(std::current_exception())).drop_searcher) s.searcher.reset();
  }
  return make_response(req, http::status::ok, s.metrics.render(documents, clauses),
                       "text/plain; version=0.0.4; charset=utf-8");
}

Response openapi(const Request& req, const Target&, Services&) {
  return make_response(req, http::status::ok, openapi_json());
}

Response schema(const Request& req, const Target&, Services&) {
  return make_response(req, http::status::ok, schema_json());
}

}  // namespace hemicycle::server::api
