// handle() called directly, without sockets: every route, parameter, error status, HEAD and
// CORS, against an index of our fixtures.

#include <catch2/catch.hpp>

#include <xapian.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../server/src/errors.h"  // private units, tested directly
#include "../../server/src/framing.h"
#include "../../server/src/router.h"
#include "searcher/fixture_index.h"

namespace {

namespace http = hemicycle::server::http;
using hemicycle::server::Handled;
using hemicycle::server::Metrics;
using hemicycle::server::Request;
using hemicycle::server::SearcherSlot;
using hemicycle::server::ServerOptions;
using hemicycle::server::Services;
using hemicycle::testing::FixtureIndex;
using hemicycle::testing::TempDir;

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kPortal = "https://portail.example";
constexpr const char* kAllowedHeaders = "Accept, Accept-Language, Content-Language, Content-Type";
const std::string kUnavailable =
    "{\"error\":{\"code\":\"index_unavailable\",\"message\":\"l’index ne peut pas être lu pour l’instant\u00a0: réessayez dans un moment\"}}";

Request make_request(http::verb method, const std::string& target,
                     const std::vector<std::pair<http::field, std::string>>& headers = {},
                     const std::string& body = "") {
  Request req{method, target, 11};
  req.set(http::field::host, "x");
  for (const auto& [field, value] : headers) req.set(field, value);
  req.body() = body;
  req.prepare_payload();
  return req;
}

std::string header(const Handled& h, http::field field) {
  auto it = h.response.find(field);
  return it == h.response.end() ? "" : std::string(it->value());
}

// The services of one worker thread over `databases`.
struct Api {
  ServerOptions options;
  Metrics metrics;
  SearcherSlot slot{options};
  Services services{options, metrics, slot};

  explicit Api(std::vector<std::string> databases) {
    options.databases = std::move(databases);
    options.cors_origins = {kPortal};
  }
  Handled operator()(const Request& req) { return handle(req, services); }
  Handled get(const std::string& target) { return handle(make_request(http::verb::get, target), services); }
};

struct Fixture {
  FixtureIndex index;
  Api api{{index.db()}};
};

std::string q(const std::string& words) {  // percent-encodes what the cases use
  std::string out;
  for (unsigned char c : words) {
    if (std::isalnum(c) || c == '-' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

struct Case {
  std::string target;
  unsigned status;
  std::string route;
  std::string content_type;
  std::vector<std::string> golden;  // parts of the body, in order
  std::vector<std::string> absent;  // never in the body
};

void check(const Handled& h, const Case& c) {
  INFO(c.target.substr(0, 120));
  INFO(h.response.body().substr(0, 2000));
  CHECK(h.response.result_int() == c.status);
  CHECK(h.route == c.route);
  CHECK(header(h, http::field::content_type) == c.content_type);
  std::size_t from = 0;
  for (const auto& part : c.golden) {
    INFO(part);
    const auto at = h.response.body().find(part, from);
    CHECK(at != std::string::npos);
    if (at != std::string::npos) from = at + part.size();
  }
  for (const auto& part : c.absent) {
    INFO(part);
    CHECK(h.response.body().find(part) == std::string::npos);
  }
  CHECK(std::to_string(h.response.body().size()) == header(h, http::field::content_length));
}

}  // namespace

TEST_CASE("router: every route answers GET", "[server][router]") {
  Fixture f;
  const std::vector<Case> cases = {
      {"/", 200, "static", "text/html; charset=utf-8",
       {"<!doctype html>", "<html lang=\"fr\">", "<script src=\"/common.js\" defer></script>",
        "<script src=\"/app.js\" defer></script>"},
       {}},
      {"/index.html", 200, "static", "text/html; charset=utf-8", {"<!doctype html>"}, {}},
      {"/app.js", 200, "static", "text/javascript; charset=utf-8",
       {"\"use strict\";", "const { el, highlighted, frenchDate, missingWords, countNodes, facetsScope, identicalDocuments, pagedTotal, spellingNodes, expansionsText } = HemicycleCommon;"},
       {"function el(", "function highlighted(", "function frenchDate("}},
      {"/common.js", 200, "static", "text/javascript; charset=utf-8",
       {"const HemicycleCommon = (() => {", "function el(tag, attrs, ...children) {",
        "function highlighted(text, ranges) {", "function frenchDate(iso) {",
        "return Object.freeze({ el, highlighted, frenchDate, missingWords, countNodes, facetsScope,\n                         identicalDocuments, pagedTotal, spellingNodes, expansionsText });\n})();\n"},
       {}},
      {"/app.css", 200, "static", "text/css; charset=utf-8", {}, {}},
      // One embeddable file: common.js and widget.js in one function scope.
      {"/widget.js", 200, "static", "text/javascript; charset=utf-8",
       {"// Built from server/web/ (common.js + widget.js) by cmake/bundle_js.cmake: do not edit.\n(() => {\n",
        "const HemicycleCommon = (() => {", "Hemicycle — embeddable search widget",
        "const { el, highlighted, frenchDate, missingWords, countNodes, identicalDocuments, pagedTotal, spellingNodes, expansionsText } = HemicycleCommon;", "    start();\n  }\n})();\n})();\n"},
       {"function el(tag, className"}},
      {"/favicon.svg", 200, "static", "image/svg+xml", {"<svg"}, {}},
      {"/api/search?q=" + q("cinéma") + "&limit=1", 200, "/api/search", kJson,
       {R"({"query":"cinéma","suggestions":[],"total":1,"total_partial":0,"offset":0,"limit":1,"group":"document","distinct":true,"total_distinct":1,"sort":"relevance","took_ms":)",
        R"j("timed_out":false,"notes":[],"expansions":[],"hits":[{"document_id":"TEST-AM-3","title":"Amendement n° AC3 (TITRE)")j",
        R"("clause_id":"TEST-AM-3#6","kind":"expose")", R"("highlights":[[72,79]])",
        R"("matching_clauses":1,"match":"all_words_in_clause","missing":[],"identical":[]}],"facets_count":"all_words","facets":{"type":[{"value":"amendement","count":1}],"kind":)",
        R"("outcome":[{"value":"Retiré","count":1}],"legislature":[{"value":"16","count":1}],)",
        R"("sitting":[],"speaker":[],"speaker_role":[],"group":[]}})"},
       {}},
      {"/api/documents/TEST-AM-1", 200, "/api/documents/{id}", kJson,
       {R"j({"id":"TEST-AM-1","metadata":{"id":"TEST-AM-1","title":"Amendement n° CE1 (ART. UNIQUE)")j",
        R"("signatories":["Dupont","Leblanc","Martin"],"outcome":"Adopté")",
        R"("clauses":[{"id":"TEST-AM-1#1","index":1,"kind":"target","number":"","text":"ARTICLE UNIQUE"})",
        R"({"id":"TEST-AM-1#5","index":5,"kind":"expose","number":"","text":"Cet amendement le rappelle."}]})"},
       {}},
      // More like this: a search result, the document itself left out.
      {"/api/documents/TEST-AM-1/similar?limit=2", 200, "/api/documents/{id}", kJson,
       {R"({"query":"","suggestions":[],"total":)", R"("limit":2,)", R"("hits":[{"document_id":")",
        R"("match":"similar")"},
       {R"("document_id":"TEST-AM-1")"}},
      {"/api/suggest?q=" + q("ingé"), 200, "/api/suggest", kJson,
       {R"({"query":"ingé","suggestions":[{"word":"ingérences","query":"ingérences","documents":2}]})"}, {}},
      {"/api/suggest?q=" + q("lutte contre les ingé") + "&limit=1", 200, "/api/suggest", kJson,
       {R"("suggestions":[{"word":"ingérences","query":"lutte contre les ingérences","documents":2}]})"}, {}},
      // Typos tolerated: "ingera" is one edit from "ingére…".
      {"/api/suggest?q=" + q("ingera"), 200, "/api/suggest", kJson,
       {R"({"query":"ingera","suggestions":[{"word":"ingérences","query":"ingérences","documents":2}]})"}, {}},
      {"/health", 200, "/health", kJson,
       {R"({"status":"ready","documents":5,"clauses":29,"last_commit":")", "Z\"}"}, {}},
      {"/metrics", 200, "/metrics", "text/plain; version=0.0.4; charset=utf-8",
       {"# TYPE hemicycle_http_requests_total counter\n", "hemicycle_http_request_duration_seconds_count 0\n",
        "hemicycle_index_documents 5\n", "hemicycle_index_clauses 29\n"},
       {}},
      {"/api/openapi.json", 200, "/api/openapi.json", kJson,
       {R"("openapi": "3.0.3")", R"("/api/search": {)", R"("/api/documents/{id}": {)", R"("/api/documents/{id}/similar": {)",
        R"("/api/speakers": {)", R"("/api/schema": {)"},
       {}},
      // The labels of format/schema.h and model/document.h, in their order.
      {"/api/schema", 200, "/api/schema", kJson,
       {R"({"facets":[{"name":"type","label":"Type"},{"name":"kind","label":"Passage"},)",
        R"({"name":"cites","label":"Textes cités"},)",
        R"({"name":"legislature","label":"Législature"},{"name":"sitting","label":"Séance"},)",
        R"({"name":"speaker","label":"Orateur"},{"name":"speaker_role","label":"Qualité"},)",
        R"({"name":"group","label":"Groupe"}],"kinds":[{"name":"preamble","label":"préambule"},)",
        R"({"name":"considerant","label":"considérant"},)", R"({"name":"expose","label":"exposé sommaire"},)",
        R"({"name":"paragraph","label":"paragraphe"},{"name":"speech","label":"intervention"}]})"},
       {}},
  };
  for (const auto& c : cases) check(f.api.get(c.target), c);
}

TEST_CASE("router: search parameters", "[server][router]") {
  Fixture f;
  const std::string etrangere = "/api/search?q=" + q("étrangère");
  const std::vector<Case> cases = {
      {etrangere + "&sort=date:asc&group=clause&limit=1", 200, "/api/search", kJson,
       {R"("group":"clause","distinct":false,"total_distinct":4,"sort":"date:asc")"}, {}},
      // limit, offset, sort, group, filter, facets together.
      {etrangere + "&limit=1&offset=1&sort=date&group=clause&facets=type&filter=type%3Aamendement",
       200, "/api/search", kJson,
       {R"({"query":"étrangère","suggestions":[],"total":2,"total_partial":0,"offset":1,"limit":1,"group":"clause","distinct":false,"total_distinct":2,"sort":"date:desc")",
        R"("hits":[{"document_id":"TEST-AM-1")", R"("clause_id":"TEST-AM-1#4","kind":"expose")",
        // Multi-select: the type facet ignores its own filter.
        R"("facets_count":"all_words","facets":{"type":[{"value":"amendement","count":2},{"value":"résolution européenne","count":1}]}})"},
       {R"("kind":[)"}},
      {etrangere + "&date_from=2024-12-01&date_to=2025-12-31&facets=year", 200, "/api/search", kJson,
       {R"("total":2,)", R"("document_id":"TEST-AM-2")",
        R"("facets":{"year":[{"value":"2024","count":1},{"value":"2025","count":1}]}})"},
       {R"("document_id":"TEST-AM-1")"}},
      {etrangere + "&document=TEST-AM-1&group=clause&facets=kind", 200, "/api/search", kJson,
       {R"("total":1,)", R"("group":"clause")", R"("clause_id":"TEST-AM-1#4")"},
       {R"("document_id":"TEST-AM-2")"}},
      {"/api/search?filter=type%3Aamendement&limit=0&facets=type", 200, "/api/search", kJson,
       {R"({"query":"","suggestions":[],"total":3,"total_partial":0,"offset":0,"limit":0)", R"("hits":[],"facets_count":"all_words","facets":{"type":[{"value":"amendement","count":3},)"},
       {}},
      // A word the index does not know: its correction is searched and said; spell=0 searches
      // it as typed.
      {"/api/search?q=" + q("ingérance") + "&limit=1&facets=type", 200, "/api/search", kJson,
       {R"({"query":"ingérance","corrected":"ingérences","suggestions":[],"total":2,)",
        R"("hits":[{"document_id":")", R"("highlights":[[)"},
       {}},
      {"/api/search?q=" + q("ingérance") + "&spell=0&limit=1&facets=type", 200, "/api/search", kJson,
       {R"({"query":"ingérance","suggestions":[],"total":0,"total_partial":0,)", R"("hits":[])"},
       {R"("corrected")"}},
      {"/api/search?q=" + q("ingérance étrangère") + "&limit=1&facets=type", 200, "/api/search", kJson,
       {R"({"query":"ingérance étrangère","suggestions":["ingérences étrangère"],"total":0,"total_partial":3,)"},
       {R"("corrected")"}},
      {etrangere + "&sort=relevance&group=document&limit=100&offset=10000", 200, "/api/search", kJson,
       {R"("total":3,"total_partial":0,"offset":10000,"limit":100,"group":"document","distinct":true,"total_distinct":3,"sort":"relevance")", R"("hits":[])"}, {}},
  };
  for (const auto& c : cases) check(f.api.get(c.target), c);
}

TEST_CASE("router: the searcher's errors reach the client with their code", "[server][router]") {
  Fixture f;
  auto error = [](const std::string& code, const std::string& message) {
    return R"({"error":{"code":")" + code + R"(","message":")" + message + R"("}})";
  };
  const std::string search = "/api/search?q=" + q("cinéma");
  const std::vector<Case> cases = {
      {"/api/search?q=" + q("\"ingérence"), 400, "/api/search", kJson,
       {error("unbalanced_quote", "guillemet non refermé\u00a0: il manque \\\" à l’expression qui commence par \u00ab\u00a0\\\"ingérence\u00a0\u00bb")}, {}},
      {"/api/search?q=couleur%3Ableu", 400, "/api/search", kJson,
       {"{\"error\":{\"code\":\"unknown_field\",\"message\":\"champ inconnu \u00ab\u00a0couleur\u00a0\u00bb (champs connus\u00a0: date, type, "}, {}},
      {search + "&filter=nofield", 400, "/api/search", kJson,
       {"{\"error\":{\"code\":\"bad_filter\",\"message\":\"un filtre s’écrit CHAMP:VALEUR, et non \u00ab\u00a0nofield\u00a0\u00bb "}, {}},
      {search + "&date_from=yesterday", 400, "/api/search", kJson,
       {error("bad_date_range", "date\u00a0: période attendue sous la forme AAAA-MM-JJ..AAAA-MM-JJ (ou AAAA, AAAA-MM, une borne ouverte), et non \u00ab\u00a0yesterday..\u00a0\u00bb")}, {}},
      // Thrown by the searcher as a QueryError.
      {search + "&facets=colour", 400, "/api/search", kJson, {error("unknown_facet", "facette inconnue \u00ab\u00a0colour\u00a0\u00bb")}, {}},
  };
  for (const auto& c : cases) check(f.api.get(c.target), c);
}

// Every ClientError the server itself throws (the searcher's are above), each through
// handle(): its status, its stable code and its whole French message.
TEST_CASE("router: every server error: its code and its French message", "[server][router]") {
  Fixture f;
  using Headers = std::vector<std::pair<http::field, std::string>>;
  struct ErrorCase {
    http::verb method;
    std::string target;
    Headers headers;
    std::string body;
    unsigned status;
    std::string route, code, message;
  };
  const auto get = http::verb::get;
  const std::string search = "/api/search?q=" + q("cinéma");
  const std::string long_query(1100, 'x');
  const Headers evil = {{http::field::origin, "https://evil.example"}};
  const std::vector<ErrorCase> cases = {
      {get, search + "&limit=101", {}, "", 400, "/api/search", "bad_parameter",
       "limit\u00a0: 100 au plus, et non \u00ab\u00a0101\u00a0\u00bb"},
      {get, search + "&limit=lots", {}, "", 400, "/api/search", "bad_parameter",
       "limit\u00a0: un nombre entier est attendu, et non \u00ab\u00a0lots\u00a0\u00bb"},
      {get, search + "&offset=10001", {}, "", 400, "/api/search", "bad_parameter",
       "offset\u00a0: 10\u202f000 au plus, et non \u00ab\u00a010001\u00a0\u00bb"},
      {get, search + "&sort=random", {}, "", 400, "/api/search", "bad_parameter",
       "sort\u00a0: relevance, date:desc (ou date) ou date:asc, et non \u00ab\u00a0random\u00a0\u00bb"},
      {get, search + "&group=page", {}, "", 400, "/api/search", "bad_parameter",
       "group\u00a0: document ou clause, et non \u00ab\u00a0page\u00a0\u00bb"},
      {get, search + "&spell=peut-etre", {}, "", 400, "/api/search", "bad_parameter",
       "spell\u00a0: 1 ou 0 (true ou false), et non \u00ab\u00a0peut-etre\u00a0\u00bb"},
      {get, "/api/suggest?q=a&limit=999", {}, "", 400, "/api/suggest", "bad_parameter",
       "limit\u00a0: 20 au plus, et non \u00ab\u00a0999\u00a0\u00bb"},
      {get, "/api/speakers?q=taub&limit=101", {}, "", 400, "/api/speakers", "bad_parameter",
       "limit\u00a0: 100 au plus, et non \u00ab\u00a0101\u00a0\u00bb"},
      {get, "/api/speakers?limit=dix", {}, "", 400, "/api/speakers", "bad_parameter",
       "limit\u00a0: un nombre entier est attendu, et non \u00ab\u00a0dix\u00a0\u00bb"},
      {get, "/api/speakers?q=%FF", {}, "", 400, "/api/speakers", "bad_encoding",
       "q n’est pas de l’UTF-8 valide une fois les %XX décodés"},
      {get, "/api/search", {}, "", 400, "/api/search", "missing_query",
       "indiquez une recherche dans q (ou un filtre)"},
      {get, "/api/search?q=" + long_query, {}, "", 400, "/api/search", "query_too_long",
       "la recherche est trop longue\u00a0: 1100 octets, pour 1024 au plus"},
      {get, "/api/suggest?q=" + long_query, {}, "", 400, "/api/suggest", "query_too_long",
       "la recherche est trop longue\u00a0: 1100 octets, pour 1024 au plus"},
      {get, "/api/search?q=%FF%FEabc", {}, "", 400, "/api/search", "bad_encoding",
       "q n’est pas de l’UTF-8 valide une fois les %XX décodés"},
      {get, search + "&filter=%FF", {}, "", 400, "/api/search", "bad_encoding",
       "filter n’est pas de l’UTF-8 valide une fois les %XX décodés"},
      {get, search + "&date_to=%FF", {}, "", 400, "/api/search", "bad_encoding",
       "date_to n’est pas de l’UTF-8 valide une fois les %XX décodés"},
      {get, search + "&facets=%C3", {}, "", 400, "/api/search", "bad_encoding",
       "facets n’est pas de l’UTF-8 valide une fois les %XX décodés"},
      {get, "/api/suggest?q=%FF", {}, "", 400, "/api/suggest", "bad_encoding",
       "q n’est pas de l’UTF-8 valide une fois les %XX décodés"},
      {get, "/api/search?q=%zz", {}, "", 400, "other", "bad_request",
       "encodage %XX mal formé dans le paramètre \u00ab\u00a0q=%zz\u00a0\u00bb"},
      {get, "/api/search?q=abc%", {}, "", 400, "other", "bad_request",
       "encodage %XX mal formé dans le paramètre \u00ab\u00a0q=abc%\u00a0\u00bb"},
      {get, "/api/%zz", {}, "", 400, "other", "bad_request", "encodage %XX mal formé dans le chemin"},
      {get, "api/search", {}, "", 400, "other", "bad_request",
       "la cible de la requête doit être un chemin"},
      {get, "/no/such/route", {}, "", 404, "other", "not_found",
       "chemin inconnu \u00ab\u00a0/no/such/route\u00a0\u00bb"},
      {get, "/api/documents/NOPE", {}, "", 404, "/api/documents/{id}", "not_found",
       "document inconnu \u00ab\u00a0NOPE\u00a0\u00bb"},
      {get, "/api/documents/", {}, "", 404, "/api/documents/{id}", "not_found", "document inconnu"},
      {get, "/api/documents/NOPE/similar", {}, "", 404, "/api/documents/{id}", "not_found",
       "document inconnu \u00ab\u00a0NOPE\u00a0\u00bb"},
      {get, "/api/documents/TEST-AM-1/similar?limit=x", {}, "", 400, "/api/documents/{id}",
       "bad_parameter", "limit\u00a0: un nombre entier est attendu, et non \u00ab\u00a0x\u00a0\u00bb"},
      {get, "/api/documents/%FF", {}, "", 404, "/api/documents/{id}", "not_found", "document inconnu"},
      {get, "/api/search?q=" + std::string(9000, 'a'), {}, "", 414, "other", "uri_too_long",
       "l’URL dépasse 8192 octets"},
      {http::verb::delete_, "/api/search?q=x", {}, "", 405, "/api/search", "method_not_allowed",
       "la méthode DELETE n’est pas acceptée ici\u00a0; utilisez GET"},
      {http::verb::put, "/app.js", {}, "", 405, "static", "method_not_allowed",
       "la méthode PUT n’est pas acceptée ici"},
      {get, "/api/search?q=x", {}, "x=1", 413, "/api/search", "body_not_allowed",
       "une requête GET n’a pas de corps"},
      {http::verb::options, "/api/search", evil, "", 403, "preflight", "origin_not_allowed",
       "cette origine n’a pas accès à l’API (voir --cors-origin)"},
  };
  for (const auto& c : cases) {
    INFO(c.target.substr(0, 120));
    Handled h = f.api(make_request(c.method, c.target, c.headers, c.body));
    CHECK(h.response.result_int() == c.status);
    CHECK(h.route == c.route);
    CHECK(header(h, http::field::content_type) == kJson);
    CHECK(h.response.body() ==
          R"({"error":{"code":")" + c.code + R"(","message":")" + c.message + R"("}})");
  }
}

TEST_CASE("router: methods, bodies, HEAD", "[server][router]") {
  Fixture f;
  SECTION("405 says which methods are allowed") {
    struct MethodCase {
      http::verb method;
      std::string target;
      std::string route, allow, body;
    };
    const std::vector<MethodCase> cases = {
        {http::verb::delete_, "/api/search?q=x", "/api/search", "GET, HEAD, OPTIONS",
         "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"la méthode DELETE n’est pas acceptée ici\u00a0; utilisez GET\"}}"},
        {http::verb::post, "/health", "/health", "GET, HEAD, OPTIONS",
         "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"la méthode POST n’est pas acceptée ici\u00a0; utilisez GET\"}}"},
        {http::verb::put, "/app.js", "static", "GET, HEAD",
         R"({"error":{"code":"method_not_allowed","message":"la méthode PUT n’est pas acceptée ici"}})"},
    };
    for (const auto& c : cases) {
      INFO(c.target);
      Handled h = f.api(make_request(c.method, c.target));
      CHECK(h.response.result_int() == 405);
      CHECK(h.route == c.route);
      CHECK(header(h, http::field::allow) == c.allow);
      CHECK(h.response.body() == c.body);
    }
  }
  SECTION("413: a GET takes no body") {
    Handled h = f.api(make_request(http::verb::get, "/api/search?q=x", {}, "x=1"));
    CHECK(h.response.result_int() == 413);
    CHECK(h.response.body() ==
          R"({"error":{"code":"body_not_allowed","message":"une requête GET n’a pas de corps"}})");
  }
  SECTION("HEAD: the headers of GET, no body") {
    // (Not /api/search: the length of took_ms varies from one answer to the next.)
    for (const std::string target : {"/", "/app.js", "/health", "/api/suggest?q=ing%C3%A9",
                                     "/api/documents/TEST-AM-1", "/api/documents/NOPE",
                                     "/nowhere", "/api/search"}) {
      INFO(target);
      Handled get = f.api.get(target);
      Handled head = f.api(make_request(http::verb::head, target));
      CHECK(head.response.result_int() == get.response.result_int());
      CHECK(head.route == get.route);
      CHECK(head.response.body().empty());
      CHECK(header(head, http::field::content_type) == header(get, http::field::content_type));
      CHECK(get.response.body().size() > 10);
      CHECK(header(head, http::field::content_length) == std::to_string(get.response.body().size()));
    }
  }
  SECTION("the page forbids outside resources") {
    Handled h = f.api.get("/");
    CHECK(header(h, http::field::cache_control) == "no-cache");
    CHECK(h.response["Content-Security-Policy"] ==
          "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'");
    CHECK(h.response["Referrer-Policy"] == "same-origin");
    CHECK(h.response["X-Content-Type-Options"] == "nosniff");
    CHECK(header(f.api.get("/health"), http::field::cache_control) == "no-store");
  }
}

TEST_CASE("router: CORS for the origins given only", "[server][router]") {
  Fixture f;
  using Headers = std::vector<std::pair<http::field, std::string>>;
  const Headers portal = {{http::field::origin, kPortal}};
  const Headers evil = {{http::field::origin, "https://evil.example"}};
  struct CorsCase {
    http::verb method;
    std::string target;
    Headers headers;
    unsigned status;
    std::string allow_origin, vary, body;
  };
  const std::vector<CorsCase> cases = {
      {http::verb::get, "/health", portal, 200, kPortal, "Origin", ""},
      {http::verb::get, "/api/search", portal, 400, kPortal, "Origin",  // errors too
       R"j({"error":{"code":"missing_query","message":"indiquez une recherche dans q (ou un filtre)"}})j"},
      {http::verb::get, "/health", evil, 200, "", "", ""},
      {http::verb::get, "/health", {}, 200, "", "", ""},
      {http::verb::get, "/widget.js", portal, 200, "", "", ""},  // static files: no CORS
      {http::verb::options, "/api/search?q=x",
       {{http::field::origin, kPortal}, {http::field::access_control_request_method, "GET"}},
       204, kPortal, "Origin", ""},
      {http::verb::options, "/api/search", evil, 403, "", "",
       R"j({"error":{"code":"origin_not_allowed","message":"cette origine n’a pas accès à l’API (voir --cors-origin)"}})j"},
  };
  for (const auto& c : cases) {
    INFO(c.target << " " << (c.headers.empty() ? "" : c.headers[0].second));
    Handled h = f.api(make_request(c.method, c.target, c.headers));
    CHECK(h.response.result_int() == c.status);
    CHECK(header(h, http::field::access_control_allow_origin) == c.allow_origin);
    CHECK(header(h, http::field::vary) == c.vary);
    if (!c.body.empty()) CHECK(h.response.body() == c.body);
  }
  SECTION("a preflight says what may be sent") {
    Handled h = f.api(make_request(http::verb::options, "/api/search",
                                   {{http::field::origin, kPortal},
                                    {http::field::access_control_request_headers, "content-type"}}));
    CHECK(h.route == "preflight");
    CHECK(h.response.body().empty());
    CHECK(header(h, http::field::access_control_allow_methods) == "GET, HEAD, OPTIONS");
    CHECK(header(h, http::field::access_control_allow_headers) == kAllowedHeaders);
    CHECK(header(h, http::field::access_control_max_age) == "600");
    Handled plain = f.api(make_request(http::verb::options, "/api/search",
                                       {{http::field::origin, kPortal}}));
    CHECK(header(plain, http::field::access_control_allow_headers) == kAllowedHeaders);
    // Whatever else a preflight asks to send is never echoed.
    const std::vector<std::string> asked_for = {"x-evil", "Content-Type, X-Evil", "authorization",
                                                "content-type,cookie", std::string(300, 'x')};
    for (const auto& asked : asked_for) {
      INFO(asked);
      Handled other = f.api(make_request(http::verb::options, "/api/search",
                                         {{http::field::origin, kPortal},
                                          {http::field::access_control_request_headers, asked}}));
      CHECK(other.response.result_int() == 204);
      CHECK(header(other, http::field::access_control_allow_headers) == kAllowedHeaders);
    }
    Handled no_origin = f.api(make_request(http::verb::options, "/api/search"));
    CHECK(no_origin.response.result_int() == 204);
    CHECK(header(no_origin, http::field::allow) == "GET, HEAD, OPTIONS");
  }
}

TEST_CASE("router: an index missing or unreadable is a 503 without its path", "[server][router]") {
  TempDir dir;
  const auto unreadable = dir.path() / "unreadable";
  std::filesystem::create_directory(unreadable);
  std::ofstream(unreadable / "iamglass") << "not a Xapian database";
  for (const auto& db : {dir.path() / "missing", unreadable}) {
    INFO(db);
    Api api({db.string()});
    for (const std::string target : {"/api/search?q=x", "/api/documents/X", "/api/suggest?q=ab",
                                     "/api/speakers?q=ab", "/health"}) {
      INFO(target);
      Handled h = api.get(target);
      CHECK(h.response.result_int() == 503);
      CHECK(h.response.body() == kUnavailable);
    }
    // The counters are still served, without the index's.
    Handled m = api.get("/metrics");
    CHECK(m.response.result_int() == 200);
    CHECK(m.response.body().find("hemicycle_index_documents -1\n") != std::string::npos);
    CHECK(m.response.body().find("hemicycle_http_requests_total") != std::string::npos);
  }
  SECTION("an index gone after it was opened, then back") {
    Fixture f;
    REQUIRE(f.api.get("/health").response.result_int() == 200);
    const std::filesystem::path db = f.index.db();
    const auto moved = db.parent_path() / "moved-away";
    std::filesystem::rename(db, moved);
    CHECK(f.api.get("/api/search?q=x").response.body() == kUnavailable);
    CHECK(f.api.get("/health").response.result_int() == 503);
    std::filesystem::rename(moved, db);
    CHECK(f.api.get("/health").response.result_int() == 200);
    CHECK(f.api.get("/api/search?q=" + q("cinéma")).response.result_int() == 200);
  }
}

TEST_CASE("router: one table answers every kind of failure", "[server][router]") {
  using hemicycle::server::answer_for;
  using hemicycle::server::ClientError;
  using hemicycle::server::classify;
  struct FailureCase {
    std::string name;
    std::exception_ptr error;
    unsigned status;
    std::string code, message;
    bool drop_searcher;
  };
  const std::vector<FailureCase> cases = {
      {"client error", std::make_exception_ptr(ClientError{http::status::uri_too_long, "uri_too_long", "too long"}),
       414, "uri_too_long", "too long", false},
      {"query error", std::make_exception_ptr(hemicycle::searcher::QueryError({"unbalanced_quote", "guillemet non refermé"})),
       400, "unbalanced_quote", "guillemet non refermé", false},
      {"searcher open", std::make_exception_ptr(hemicycle::searcher::IndexUnavailable(
                            "cannot open the index /srv/index: No such file")),
       503, "index_unavailable", "l’index ne peut pas être lu pour l’instant\u00a0: réessayez dans un moment", true},
      {"database opening", std::make_exception_ptr(Xapian::DatabaseOpeningError("Couldn't stat '/srv/index'")),
       503, "index_unavailable", "l’index ne peut pas être lu pour l’instant\u00a0: réessayez dans un moment", true},
      {"database corrupt", std::make_exception_ptr(Xapian::DatabaseCorruptError("/srv/index/termlist.glass")),
       503, "index_unavailable", "l’index ne peut pas être lu pour l’instant\u00a0: réessayez dans un moment", true},
      {"other Xapian error", std::make_exception_ptr(Xapian::InvalidArgumentError("/srv bad")),
       500, "internal_error", "la recherche a échoué sur une erreur interne", false},
      {"runtime_error", std::make_exception_ptr(std::runtime_error("cannot open /srv/x")),
       500, "internal_error", "erreur inattendue", false},
      {"bad_alloc", std::make_exception_ptr(std::bad_alloc()), 500, "internal_error", "erreur inattendue", false},
      {"not an exception", std::make_exception_ptr(42), 500, "internal_error", "erreur inattendue", false},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto answer = answer_for(classify(c.error));
    CHECK(static_cast<unsigned>(answer.status) == c.status);
    CHECK(answer.code == c.code);
    CHECK(answer.message == c.message);
    CHECK(answer.drop_searcher == c.drop_searcher);
  }
}

TEST_CASE("router: every answer says nosniff, errors and 503s included", "[server][router]") {
  Fixture f;
  TempDir dir;
  Api unavailable({(dir.path() / "missing").string()});
  struct NosniffCase {
    Api* api;
    http::verb method;
    std::string target;
    unsigned status;
  };
  const std::vector<NosniffCase> cases = {
      {&f.api, http::verb::get, "/", 200},
      {&f.api, http::verb::get, "/widget.js", 200},
      {&f.api, http::verb::get, "/health", 200},
      {&f.api, http::verb::head, "/health", 200},
      {&f.api, http::verb::get, "/metrics", 200},
      {&f.api, http::verb::get, "/api/search?q=" + q("cinéma"), 200},
      {&f.api, http::verb::get, "/api/search", 400},
      {&f.api, http::verb::get, "/api/search?q=%zz", 400},
      {&f.api, http::verb::get, "/nowhere", 404},
      {&f.api, http::verb::post, "/api/search", 405},
      {&f.api, http::verb::post, "/", 405},
      {&f.api, http::verb::options, "/api/search", 204},
      {&unavailable, http::verb::get, "/health", 503},
      {&unavailable, http::verb::get, "/api/search?q=x", 503},
  };
  for (const auto& c : cases) {
    INFO(c.target);
    Handled h = (*c.api)(make_request(c.method, c.target));
    CHECK(h.response.result_int() == c.status);
    CHECK(h.response["X-Content-Type-Options"] == "nosniff");
  }
  Handled refused = f.api(make_request(http::verb::options, "/api/search",
                                       {{http::field::origin, "https://evil.example"}}));
  CHECK(refused.response.result_int() == 403);
  CHECK(refused.response["X-Content-Type-Options"] == "nosniff");
}

TEST_CASE("router: a body is framed by one chunked or a Content-Length, nothing else",
          "[server][router]") {
  using Headers = std::vector<std::pair<std::string, std::string>>;
  struct FramingCase {
    Headers headers;
    unsigned status;  // 0: accepted
    std::string code, message;
  };
  const std::string ambiguous = "\u00a0: la longueur du corps est ambiguë, la requête est refusée";
  const std::vector<FramingCase> cases = {
      {{}, 0, "", ""},
      {{{"Content-Length", "12"}}, 0, "", ""},
      {{{"Transfer-Encoding", "chunked"}}, 0, "", ""},
      {{{"Transfer-Encoding", "  Chunked\t"}}, 0, "", ""},
      {{{"Transfer-Encoding", "xchunked"}}, 400, "bad_transfer_encoding",
       "Transfer-Encoding sans «\u00a0chunked\u00a0» final" + ambiguous},
      {{{"Transfer-Encoding", "identity"}}, 400, "bad_transfer_encoding",
       "Transfer-Encoding sans «\u00a0chunked\u00a0» final" + ambiguous},
      {{{"Transfer-Encoding", "chunked, identity"}}, 400, "bad_transfer_encoding",
       "«\u00a0chunked\u00a0» ailleurs qu’en dernier" + ambiguous},
      {{{"Transfer-Encoding", "chunked,chunked"}}, 400, "bad_transfer_encoding",
       "«\u00a0chunked\u00a0» ailleurs qu’en dernier" + ambiguous},
      {{{"Transfer-Encoding", ""}}, 400, "bad_transfer_encoding",
       "Transfer-Encoding mal formé" + ambiguous},
      {{{"Transfer-Encoding", "gzip,,chunked"}}, 400, "bad_transfer_encoding",
       "Transfer-Encoding mal formé" + ambiguous},
      {{{"Transfer-Encoding", "chunked;q=1"}}, 400, "bad_transfer_encoding",
       "Transfer-Encoding mal formé" + ambiguous},
      {{{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}}, 400,
       "bad_transfer_encoding", "plusieurs en-têtes Transfer-Encoding" + ambiguous},
      {{{"Transfer-Encoding", "chunked"}, {"Content-Length", "3"}}, 400, "bad_transfer_encoding",
       "Transfer-Encoding et Content-Length ensemble" + ambiguous},
      {{{"Transfer-Encoding", "gzip, chunked"}}, 501, "unsupported_transfer_encoding",
       "seul le codage de transfert «\u00a0chunked\u00a0» est pris en charge"},
  };
  for (const auto& c : cases) {
    Request req{http::verb::post, "/api/search", 11};
    std::string shown;
    for (const auto& [name, value] : c.headers) {
      req.insert(name, value);
      shown += name + ": " + value + " / ";
    }
    INFO(shown);
    const auto error = hemicycle::server::framing_error(req);
    CHECK(error.has_value() == (c.status != 0));
    if (!error) continue;
    CHECK(static_cast<unsigned>(error->status) == c.status);
    CHECK(error->code == c.code);
    CHECK(error->message == c.message);
  }
}
