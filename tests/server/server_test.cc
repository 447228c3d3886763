// hemicycle-serve, started for real on a loopback port against an index built here.

#include <atomic>
#include <sstream>
#include <thread>
#include <vector>
#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "searcher/fixture_index.h"
#include "server/json_body.h"
#include "server/server_process.h"

using hemicycle::testing::Connection;
using hemicycle::testing::FixtureIndex;
using hemicycle::testing::get_request;
using hemicycle::testing::http_get;
using hemicycle::testing::HttpResponse;
using hemicycle::testing::parse;
using hemicycle::testing::ServerProcess;
using hemicycle::testing::TempDir;
using hemicycle::testing::url_encode;

namespace {

// Every error is {"error":{"code":…,"message":…}}.
std::string error_code(const HttpResponse& r) {
  rapidjson::Document d = parse(r.body);
  REQUIRE(d.IsObject());
  REQUIRE(d.HasMember("error"));
  REQUIRE(d["error"]["code"].IsString());
  REQUIRE(d["error"]["message"].IsString());
  CHECK(r.header("content-type") == "application/json; charset=utf-8");
  return d["error"]["code"].GetString();
}

// The French message of an error.
std::string error_message(const HttpResponse& r) {
  rapidjson::Document d = parse(r.body);
  REQUIRE(d.IsObject());
  REQUIRE(d.HasMember("error"));
  REQUIRE(d["error"]["message"].IsString());
  return d["error"]["message"].GetString();
}

std::string search_target(const std::string& q, const std::string& more = "") {
  return "/api/search?q=" + url_encode(q) + more;
}

struct Served {
  FixtureIndex index;
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  explicit Served(std::vector<std::string> args = {}, rlim_t max_files = 0) {
    args.insert(args.begin(), {"--db", index.db()});
    server = std::make_unique<ServerProcess>(args, dir.path() / "serve.log", max_files);
  }
  std::uint16_t port() const { return server->port(); }
};

}  // namespace

TEST_CASE("search, documents, suggestions, health, metrics and OpenAPI answer", "[server]") {
  Served s;
  SECTION("search") {
    HttpResponse r = http_get(s.port(), search_target("ingérence étrangère outre-mer"));
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/json; charset=utf-8");
    auto d = parse(r.body);
    CHECK(d["total"].GetUint() == 2);
    CHECK(d["total_partial"].GetUint() == 2);
    CHECK(d["took_ms"].IsNumber());
    REQUIRE(d["hits"].Size() == 4);
    CHECK(std::string(d["hits"][0]["document_id"].GetString()) == "TEST-RES-SENAT-2025");
    CHECK(d["hits"][0]["highlights"].Size() == 3);
    CHECK(std::string(d["facets_count"].GetString()) == "all_words");
    CHECK(d["facets"]["type"].Size() == 2);
  }
  SECTION("search parameters") {
    HttpResponse r = http_get(s.port(), search_target("étrangère", "&limit=1&offset=1&sort=date"
                                                      "&group=clause&facets=type,kind"
                                                      "&filter=type%3Aamendement"));
    REQUIRE(r.status == 200);
    auto d = parse(r.body);
    CHECK(std::string(d["group"].GetString()) == "clause");
    CHECK(d["hits"].Size() == 1);
    CHECK(d["total"].GetUint() == 2);  // the exposés of TEST-AM-1 and TEST-AM-2
    CHECK(d["facets"].MemberCount() == 2);
    // Multi-select: the type facet ignores its own filter.
    bool resolution = false;
    for (const auto& v : d["facets"]["type"].GetArray()) {
      if (std::string(v["value"].GetString()) == "résolution européenne") resolution = true;
    }
    CHECK(resolution);
    HttpResponse dated = http_get(s.port(), search_target("étrangère", "&date_from=2024-12-01"
                                                          "&date_to=2025-12-31"));
    REQUIRE(dated.status == 200);
    CHECK(parse(dated.body)["total"].GetUint() == 2);  // the résolution and TEST-AM-2
    CHECK(http_get(s.port(), search_target("étrangère", "&date_from=yesterday")).status == 400);
  }
  SECTION("a document, whole; an unknown one is a JSON 404") {
    HttpResponse r = http_get(s.port(), "/api/documents/TEST-AM-1");
    REQUIRE(r.status == 200);
    auto d = parse(r.body);
    CHECK(std::string(d["id"].GetString()) == "TEST-AM-1");
    CHECK(d["clauses"].Size() >= 3);
    HttpResponse missing = http_get(s.port(), "/api/documents/NOPE");
    CHECK(missing.status == 404);
    CHECK(error_code(missing) == "not_found");
  }
  SECTION("suggestions") {
    HttpResponse r = http_get(s.port(), "/api/suggest?q=" + url_encode("lutte contre les ingé"));
    REQUIRE(r.status == 200);
    auto d = parse(r.body);
    REQUIRE(d["suggestions"].Size() >= 1);
    CHECK(std::string(d["suggestions"][0]["query"].GetString()) == "lutte contre les ingérences");
  }
  SECTION("did you mean: the correction searched, said in the JSON; spell=0; typos in suggest") {
    // Several at once: the workers share one lexicon, built by the first that needs it.
    std::vector<std::thread> clients;
    std::vector<HttpResponse> answers(4);
    for (std::size_t i = 0; i < answers.size(); ++i) {
      clients.emplace_back([&, i] { answers[i] = http_get(s.port(), search_target("ingérance")); });
    }
    for (auto& t : clients) t.join();
    for (const auto& r : answers) {
      REQUIRE(r.status == 200);
      auto d = parse(r.body);
      CHECK(std::string(d["query"].GetString()) == "ingérance");
      CHECK(std::string(d["corrected"].GetString()) == "ingérences");
      CHECK(d["suggestions"].Size() == 0);
      CHECK(d["total"].GetUint() == 2);
    }
    auto exact = parse(http_get(s.port(), search_target("ingérance", "&spell=0")).body);
    CHECK_FALSE(exact.HasMember("corrected"));
    CHECK(exact["total"].GetUint() == 0);
    auto offered = parse(http_get(s.port(), search_target("ingérance étrangère")).body);
    CHECK_FALSE(offered.HasMember("corrected"));
    REQUIRE(offered["suggestions"].Size() == 1);
    CHECK(std::string(offered["suggestions"][0].GetString()) == "ingérences étrangère");
    auto typed = parse(http_get(s.port(), "/api/suggest?q=ingera").body);
    REQUIRE(typed["suggestions"].Size() >= 1);
    CHECK(std::string(typed["suggestions"][0]["word"].GetString()) == "ingérences");
  }
  SECTION("health") {
    HttpResponse r = http_get(s.port(), "/health");
    REQUIRE(r.status == 200);
    auto d = parse(r.body);
    CHECK(std::string(d["status"].GetString()) == "ready");
    CHECK(d["documents"].GetUint() == 5);
    CHECK(d["last_commit"].IsString());
  }
  SECTION("metrics count what was served") {
    http_get(s.port(), search_target("cinéma"));
    http_get(s.port(), "/nowhere");
    HttpResponse r = http_get(s.port(), "/metrics");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type").rfind("text/plain", 0) == 0);
    CHECK(r.body.find("hemicycle_http_requests_total{route=\"/api/search\",status=\"200\"} 1") !=
          std::string::npos);
    CHECK(r.body.find("hemicycle_http_requests_total{route=\"other\",status=\"404\"} 1") !=
          std::string::npos);
    CHECK(r.body.find("hemicycle_http_request_duration_seconds_count 2") != std::string::npos);
    CHECK(r.body.find("hemicycle_http_client_errors_total 1") != std::string::npos);
    CHECK(r.body.find("hemicycle_index_documents 5") != std::string::npos);
  }
  SECTION("HEAD gives the headers of GET without a body") {
    Connection c(s.port());
    c.send("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n");
    HttpResponse head = c.read_response(true);
    CHECK(head.status == 200);
    CHECK(std::stoul(head.header("content-length")) > 10);
    c.send(get_request("/health"));  // the connection is still usable: nothing was left over
    CHECK(c.read_response().status == 200);
  }
  // One access-log line per request: method, path, status, bytes, ms.
  CHECK(s.server->log().find(" GET ") != std::string::npos);
}

TEST_CASE("identical texts are one hit, distinct=false shows them apart", "[server]") {
  FixtureIndex index("identical");
  TempDir dir;
  ServerProcess server({"--db", index.db()}, dir.path() / "serve.log");
  struct Case {
    std::string more;
    bool distinct;
    std::vector<std::string> hits;       // document ids, in order
    std::vector<std::size_t> identical;  // documents listed by each hit
  };
  const std::vector<Case> cases = {
      {"", true, {"TEST-ID-1", "TEST-ID-4", "TEST-ID-5"}, {2, 0, 0}},
      {"&distinct=true&sort=date:asc", true, {"TEST-ID-3", "TEST-ID-4", "TEST-ID-5"}, {2, 0, 0}},
      {"&distinct=false", false, {"TEST-ID-1", "TEST-ID-2", "TEST-ID-3", "TEST-ID-4", "TEST-ID-5"},
       {0, 0, 0, 0, 0}},
      {"&distinct=false&limit=2&offset=1", false, {"TEST-ID-2", "TEST-ID-3"}, {0, 0}},
      {"&limit=2&offset=1", true, {"TEST-ID-4", "TEST-ID-5"}, {0, 0}},
      // By clause nothing is folded, whatever distinct says.
      {"&group=clause", false, {"TEST-ID-1", "TEST-ID-2", "TEST-ID-3", "TEST-ID-4", "TEST-ID-5"},
       {0, 0, 0, 0, 0}},
  };
  for (const auto& c : cases) {
    INFO(c.more);
    HttpResponse r = http_get(server.port(), search_target("coupes rases", c.more));
    REQUIRE(r.status == 200);
    auto d = parse(r.body);
    CHECK(d["total"].GetUint() == 5);  // documents, identical ones included
    CHECK(d["distinct"].GetBool() == c.distinct);
    std::vector<std::string> ids;
    std::vector<std::size_t> identical;
    for (const auto& h : d["hits"].GetArray()) {
      ids.emplace_back(h["document_id"].GetString());
      identical.push_back(h["identical"].Size());
    }
    CHECK(ids == c.hits);
    CHECK(identical == c.identical);
  }
  const auto folded = parse(http_get(server.port(), search_target("coupes rases")).body);
  const auto first = folded["hits"][0]["identical"][1].GetObject();
  CHECK(std::string(first["document_id"].GetString()) == "TEST-ID-2");
  CHECK(std::string(first["date"].GetString()) == "2024-10-11");
  CHECK(first["signatories"].Size() == 2);
  HttpResponse bad = http_get(server.port(), search_target("coupes", "&distinct=oui"));
  CHECK(bad.status == 400);
  CHECK(error_code(bad) == "bad_parameter");
  CHECK(error_message(bad) == "distinct\u00a0: true ou false, et non \u00ab\u00a0oui\u00a0\u00bb");
}

TEST_CASE("the OpenAPI description stays true", "[server]") {
  Served s;
  HttpResponse r = http_get(s.port(), "/api/openapi.json");
  REQUIRE(r.status == 200);
  auto api = parse(r.body);
  CHECK(std::string(api["openapi"].GetString()).rfind("3.", 0) == 0);
  const auto& paths = api["paths"];
  REQUIRE(paths.MemberCount() == 9);
  for (const auto& p : paths.GetObject()) {
    std::string path = p.name.GetString();
    INFO(path);
    REQUIRE(p.value.HasMember("get"));
    const auto& responses = p.value["get"]["responses"];
    // The success case…
    std::string target = path;
    if (auto brace = target.find("{id}"); brace != std::string::npos) {
      target.replace(brace, 4, "TEST-RES-SENAT-2025");
    }
    if (path == "/api/search" || path == "/api/suggest") target += "?q=ingé";
    HttpResponse ok = http_get(s.port(), target);
    CHECK(ok.status == 200);
    CHECK(responses.HasMember("200"));
    // …and every error status described is one the route really gives.
    for (const auto& resp : responses.GetObject()) {
      int status = std::stoi(resp.name.GetString());
      if (status == 200 || status == 503) continue;  // 503: see the index test below
      std::string bad = path;
      if (status == 400) {
        bad += path == "/api/suggest" || path == "/api/speakers" ? "?q=a&limit=999" : "?q=%22open";
      }
      if (status == 404) bad.replace(bad.find("{id}"), 4, "NO-SUCH-ID");
      if (status == 414) bad += "?q=" + std::string(9000, 'a');
      HttpResponse err = http_get(s.port(), bad);
      CHECK(err.status == status);
      error_code(err);
    }
  }
}

TEST_CASE("bad requests get clear JSON errors", "[server]") {
  Served s;
  const std::uint16_t port = s.port();
  struct Case {
    std::string target;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {search_target(std::string(1100, 'x')), 400, "query_too_long"},
      {search_target("cinéma", "&limit=101"), 400, "bad_parameter"},
      {search_target("cinéma", "&limit=lots"), 400, "bad_parameter"},
      {search_target("cinéma", "&offset=10001"), 400, "bad_parameter"},
      {search_target("cinéma", "&sort=random"), 400, "bad_parameter"},
      {search_target("\"ingérence"), 400, "unbalanced_quote"},
      {search_target("couleur:bleu"), 400, "unknown_field"},
      {search_target("cinéma", "&filter=nofield"), 400, "bad_filter"},
      {"/api/search", 400, "missing_query"},
      {"/api/search?q=%zz", 400, "bad_request"},
      {"/api/search?q=abc%", 400, "bad_request"},
      {"/api/search?q=%FF%FEabc", 400, "bad_encoding"},
      {"/api/search?q=" + std::string(9000, 'a'), 414, "uri_too_long"},
      {"/api/search?q=" + std::string(40000, 'a'), 414, "uri_too_long"},
      {"/no/such/route", 404, "not_found"},
  };
  for (const auto& c : cases) {
    INFO(c.target.substr(0, 80));
    HttpResponse r = http_get(port, c.target);
    CHECK(r.status == c.status);
    CHECK(error_code(r) == c.code);
  }
  SECTION("wrong method") {
    Connection c(port);
    c.send("DELETE /api/search?q=x HTTP/1.1\r\nHost: x\r\n\r\n");
    HttpResponse r = c.read_response();
    CHECK(r.status == 405);
    CHECK(r.header("allow") == "GET, HEAD, OPTIONS");
    CHECK(error_code(r) == "method_not_allowed");
  }
  SECTION("a request body too large") {
    Connection c(port);
    c.send("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" +
           std::string(100000, 'x'));
    HttpResponse r = c.read_response();
    CHECK(r.status == 413);
    CHECK(error_code(r) == "body_too_large");
    CHECK(error_message(r) == "le corps de la requête dépasse 16\u202f384 octets");
  }
  SECTION("the URL over the header limit: a 414 in French before the router") {
    HttpResponse r = http_get(port, "/api/search?q=" + std::string(40000, 'a'));
    CHECK(r.status == 414);
    CHECK(error_message(r) == "l’URL dépasse 8192 octets");
  }
  SECTION("malformed request lines and headers, said in French") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"GARBAGE\r\n\r\n", "requête mal formée\u00a0: méthode mal formée"},
        {"GET /health HTTP/9.x\r\n\r\n", "requête mal formée\u00a0: version HTTP inconnue"},
        {"GET /health HTTP/1.1\r\nNo colon here\r\n\r\n",
         "requête mal formée\u00a0: nom d’en-tête mal formé"},
        {"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
         "requête mal formée\u00a0: Content-Length mal formé"},
    };
    for (const auto& [raw, message] : cases) {
      INFO(raw);
      Connection c(port);
      c.send(raw);
      HttpResponse r = c.read_response();
      CHECK(r.status == 400);
      CHECK(error_code(r) == "bad_request");
      CHECK(error_message(r) == message);
      CHECK(c.closed_within(std::chrono::seconds(2)));
    }
  }
  // The server is still well after all that.
  CHECK(http_get(port, "/health").status == 200);
}

TEST_CASE("CORS: only the origins given are allowed", "[server]") {
  Served s({"--cors-origin", "https://portail.example"});
  const std::string preflight =
      "OPTIONS /api/search?q=x HTTP/1.1\r\nHost: x\r\nOrigin: https://portail.example\r\n"
      "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: content-type\r\n\r\n";
  Connection c(s.port());
  c.send(preflight);
  HttpResponse r = c.read_response();
  CHECK(r.status == 204);
  CHECK(r.header("access-control-allow-origin") == "https://portail.example");
  CHECK(r.header("access-control-allow-methods").find("GET") != std::string::npos);
  CHECK(r.header("access-control-allow-headers") ==
        "Accept, Accept-Language, Content-Language, Content-Type");
  CHECK(r.header("x-content-type-options") == "nosniff");
  Connection asks_more(s.port());  // headers asked for beyond the list are not echoed
  asks_more.send("OPTIONS /api/search HTTP/1.1\r\nHost: x\r\nOrigin: https://portail.example\r\n"
                 "Access-Control-Request-Method: GET\r\n"
                 "Access-Control-Request-Headers: x-evil, content-type\r\n\r\n");
  CHECK(asks_more.read_response().header("access-control-allow-headers") ==
        "Accept, Accept-Language, Content-Language, Content-Type");

  HttpResponse get = http_get(s.port(), search_target("cinéma"), "Origin: https://portail.example\r\n");
  CHECK(get.status == 200);
  CHECK(get.header("access-control-allow-origin") == "https://portail.example");

  HttpResponse other = http_get(s.port(), search_target("cinéma"), "Origin: https://evil.example\r\n");
  CHECK(other.status == 200);
  CHECK(other.header("access-control-allow-origin").empty());
  Connection c2(s.port());
  c2.send("OPTIONS /api/search HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n"
          "Access-Control-Request-Method: GET\r\n\r\n");
  HttpResponse refused = c2.read_response();
  CHECK(refused.status == 403);
  CHECK(refused.header("access-control-allow-origin").empty());
}

TEST_CASE("no origin is allowed by default", "[server]") {
  Served s;
  HttpResponse get = http_get(s.port(), search_target("cinéma"), "Origin: https://portail.example\r\n");
  CHECK(get.status == 200);
  CHECK(get.header("access-control-allow-origin").empty());
}

TEST_CASE("keep-alive, pipelining and 50 concurrent clients", "[server]") {
  Served s({"--threads", "4"});
  SECTION("pipelined requests are answered in order") {
    Connection c(s.port());
    c.send(get_request(search_target("cinéma")) + get_request("/health") +
           get_request(search_target("ingérences")));
    auto a = parse(c.read_response().body);
    auto b = parse(c.read_response().body);
    auto d = parse(c.read_response().body);
    CHECK(std::string(a["query"].GetString()) == "cinéma");
    CHECK(std::string(b["status"].GetString()) == "ready");
    CHECK(std::string(d["query"].GetString()) == "ingérences");
  }
  SECTION("50 clients, each with 5 requests on one connection") {
    constexpr int kClients = 50, kRequests = 5;
    std::atomic<int> good{0}, bad{0};
    std::vector<std::thread> clients;
    // Each query with its matching documents (holding every word or some; a legal
    // reference is one unit: the projet de loi, which holds only "loi", is no match).
    const std::vector<std::pair<std::string, unsigned>> queries = {
        {"ingérence étrangère outre-mer", 4}, {"cinéma", 1}, {"étrangère", 3},
        {"\"Nouvelle Calédonie\"", 3}, {"loi n° 2024-850", 1}};
    for (int i = 0; i < kClients; ++i) {
      clients.emplace_back([&, i] {
        try {
          Connection c(s.port());
          for (int j = 0; j < kRequests; ++j) {
            const auto& [q, total] = queries[static_cast<std::size_t>(i + j) % queries.size()];
            c.send(get_request(search_target(q)));
            HttpResponse r = c.read_response();
            rapidjson::Document d;
            d.Parse(r.body.c_str());
            if (r.status == 200 && !d.HasParseError() && d["total"].GetUint() + d["total_partial"].GetUint() == total &&
                std::string(d["query"].GetString()) == q) {
              ++good;
            } else {
              ++bad;
            }
          }
        } catch (const std::exception&) {
          ++bad;
        }
      });
    }
    for (auto& t : clients) t.join();
    CHECK(good == kClients * kRequests);
    CHECK(bad == 0);
  }
}

TEST_CASE("a slow client is cut off while others are served", "[server]") {
  Served s({"--request-timeout", "800"});
  Connection slow(s.port());
  slow.send("GET /health HTTP/1.1\r\n");
  std::atomic<bool> done{false};
  std::atomic<int> served{0};
  std::thread others([&] {
    while (!done) {
      if (http_get(s.port(), "/health").status == 200) ++served;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  // One header byte every 200 ms: the request never completes in time.
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  for (int i = 0; i < 25 && !closed; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    closed = !slow.send("X") || slow.closed_within(std::chrono::milliseconds(1));
  }
  const double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  done = true;
  others.join();
  CHECK(closed);
  CHECK(waited < 3.0);
  CHECK(served > 5);
}

TEST_CASE("a commit by hemicycle-index is seen by the running server", "[server]") {
  Served s;
  CHECK(parse(http_get(s.port(), search_target("photovoltaïque")).body)["total"].GetUint() == 0);
  TempDir in;
  {
    std::ofstream f(in.path() / "new.jsonl");
    f << "{\"id\":\"TEST-AM-NEW\",\"type\":\"amendement\",\"date\":\"2025-06-01\",\"text\":"
         "\"ARTICLE 2\\n\\nCompléter cet article par les mots : « et les centrales "
         "photovoltaïques ».\"}\n";
  }
  const std::string index = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";
  const std::string command = index + " --quiet --db '" + s.index.db() + "' '" +
                              (in.path() / "new.jsonl").string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  const auto committed = std::chrono::steady_clock::now();
  unsigned total = 0;
  while (total == 0 && std::chrono::steady_clock::now() - committed < std::chrono::seconds(1)) {
    HttpResponse r = http_get(s.port(), search_target("photovoltaïque"));
    REQUIRE(r.status == 200);
    total = parse(r.body)["total"].GetUint();
  }
  CHECK(total == 1);
  CHECK(parse(http_get(s.port(), "/health").body)["documents"].GetUint() == 6);
}

TEST_CASE("a missing index stops the start; an index gone later is a 503", "[server]") {
  TempDir dir;
  CHECK_THROWS_WITH(ServerProcess({"--db", (dir.path() / "none").string()}, dir.path() / "log"),
                    Catch::Contains("/none n’existe pas"));

  Served s;
  REQUIRE(http_get(s.port(), "/health").status == 200);
  const auto db = std::filesystem::path(s.index.db());
  const auto moved = db.parent_path() / "moved-away";
  std::filesystem::rename(db, moved);
  HttpResponse gone = http_get(s.port(), search_target("cinéma"));
  CHECK(gone.status == 503);
  CHECK(error_code(gone) == "index_unavailable");
  CHECK(http_get(s.port(), "/health").status == 503);
  std::filesystem::rename(moved, db);
  CHECK(http_get(s.port(), search_target("cinéma")).status == 200);
}

TEST_CASE("a port already taken stops the start, said in French", "[server]") {
  Served s;
  CHECK_THROWS_WITH(ServerProcess({"--db", s.index.db(), "--port", std::to_string(s.port())},
                                  s.dir.path() / "second.log"),
                    Catch::Contains("hemicycle-serve\u00a0: impossible d’écouter sur 127.0.0.1:" +
                                    std::to_string(s.port()) +
                                    "\u00a0: adresse déjà utilisée"));
}

TEST_CASE("SIGTERM: in-flight work finishes, the process exits 0", "[server]") {
  Served s;
  Connection idle(s.port());  // an idle keep-alive connection must not hold the exit
  idle.send(get_request("/health"));
  REQUIRE(idle.read_response().status == 200);
  CHECK(s.server->stop(SIGTERM, std::chrono::seconds(5)) == 0);
  CHECK(idle.closed_within(std::chrono::seconds(1)));
  CHECK(s.server->log().find("hemicycle-serve\u00a0: SIGTERM reçu\u00a0: fin des requêtes en cours\n") !=
        std::string::npos);
}

TEST_CASE("a search cut short by the time limit says so", "[server]") {
  Served s({"--time-limit", "0.000001"});
  HttpResponse r = http_get(s.port(), search_target("ingérence étrangère outre-mer"));
  INFO(r.body);
  INFO(s.server->log());
  REQUIRE(r.status == 200);
  auto d = parse(r.body);
  CHECK(d["timed_out"].GetBool());
  bool said = false;
  for (const auto& n : d["notes"].GetArray()) {
    if (std::string(n["code"].GetString()) == "time_limit" &&
        std::string(n["message"].GetString()).find("limite de temps atteinte") == 0) {
      said = true;
    }
  }
  CHECK(said);
}

TEST_CASE("over --max-connections a connection gets a 503 and is closed", "[server]") {
  Served s({"--max-connections", "2"});
  Connection a(s.port());
  auto b = std::make_unique<Connection>(s.port());
  for (Connection* c : {&a, b.get()}) {  // two idle keep-alive connections, served
    c->send(get_request("/health"));
    REQUIRE(c->read_response().status == 200);
  }
  Connection third(s.port());
  third.send(get_request("/health"));
  HttpResponse refused = third.read_response();
  CHECK(refused.status == 503);
  CHECK(error_code(refused) == "too_many_connections");
  CHECK(refused.body ==
        R"({"error":{"code":"too_many_connections","message":"le serveur sert déjà 2 )"
        "connexions, le maximum\u00a0: réessayez dans un instant\"}}");
  CHECK(refused.header("connection") == "close");
  CHECK(refused.header("retry-after") == "1");
  CHECK(refused.header("x-content-type-options") == "nosniff");
  CHECK(third.closed_within(std::chrono::seconds(2)));
  a.send(get_request("/metrics"));  // the two held are still served
  HttpResponse metrics = a.read_response();
  CHECK(metrics.body.find("hemicycle_http_requests_total{route=\"refused\",status=\"503\"} 1\n") !=
        std::string::npos);
  b.reset();  // one closes: a new connection is served (once the server has seen it close)
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (status != 200 && std::chrono::steady_clock::now() < deadline) {
    status = http_get(s.port(), "/health").status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(status == 200);
}

// The CPU time (user + system) the process has used, in seconds.
double cpu_seconds(pid_t pid) {
  std::istringstream stat(hemicycle::testing::read_file("/proc/" + std::to_string(pid) + "/stat"));
  std::string field;
  double ticks = 0;
  for (int i = 1; i <= 15 && stat >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime (after "(comm)")
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

TEST_CASE("out of file descriptors, the server waits instead of spinning, then serves again",
          "[server]") {
  Served s({"--max-connections", "1000", "--threads", "1"}, 48);
  std::vector<std::unique_ptr<Connection>> held;
  for (int i = 0; i < 80; ++i) held.push_back(std::make_unique<Connection>(s.port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the fds run out
  const double before = cpu_seconds(s.server->pid());
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const double spent = cpu_seconds(s.server->pid()) - before;
  INFO("CPU seconds in one second, out of descriptors: " << spent);
  CHECK(spent < 0.3);  // a busy accept loop takes a whole core
  held.clear();
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (status != 200 && std::chrono::steady_clock::now() < deadline) {
    status = http_get(s.port(), "/health").status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(status == 200);
  CHECK(kill(s.server->pid(), 0) == 0);
}

TEST_CASE("a body framed in any other way than one chunked or a Content-Length is refused",
          "[server]") {
  Served s;
  // After the first request's header, a body that a front proxy framed otherwise could
  // hold a second request: it must never be answered.
  const std::string smuggled = "0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n";
  struct Case {
    std::string headers;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"Transfer-Encoding: xchunked\r\n", 400, "bad_transfer_encoding"},
      {"Transfer-Encoding: chunked, identity\r\n", 400, "bad_transfer_encoding"},
      {"Transfer-Encoding: identity\r\n", 400, "bad_transfer_encoding"},
      {"Transfer-Encoding: gzip\r\n", 400, "bad_transfer_encoding"},
      {"Transfer-Encoding: chunked, chunked\r\n", 400, "bad_transfer_encoding"},
      {"Transfer-Encoding:\r\n", 400, "bad_transfer_encoding"},
      {"Transfer-Encoding: chunked;x=1\r\n", 400, "bad_transfer_encoding"},
      {"Transfer-Encoding: gzip, chunked\r\n", 501, "unsupported_transfer_encoding"},
      {"Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", 400, "bad_transfer_encoding"},
      {"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", 400, "bad_request"},
      {"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", 400, "bad_request"},
      {"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", 400, "bad_request"},
      {"Content-Length: 5\r\nTransfer-Encoding: gzip\r\n", 400, "bad_request"},
      {"Transfer-Encoding : chunked\r\n", 400, "bad_request"},
  };
  for (const auto& c : cases) {
    INFO(c.headers);
    Connection conn(s.port());
    conn.send("GET /health HTTP/1.1\r\nHost: x\r\n" + c.headers + "\r\n" + smuggled);
    HttpResponse r = conn.read_response();
    CHECK(r.status == c.status);
    CHECK(error_code(r) == c.code);
    CHECK(r.header("connection") == "close");
    CHECK(r.header("x-content-type-options") == "nosniff");
    std::string rest;
    CHECK(conn.rest_until_closed(std::chrono::seconds(2), &rest));
    CHECK(rest.find("HTTP/1.1") == std::string::npos);
  }
  SECTION("one chunked body, in any case, is read as such") {
    for (const std::string te : {"chunked", "Chunked", "CHUNKED"}) {
      INFO(te);
      Connection conn(s.port());
      conn.send("GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + te + "\r\n\r\n" +
                smuggled);
      CHECK(conn.read_response().status == 200);
      CHECK(conn.read_response().status == 200);  // the second request was one, after the body
    }
  }
}

TEST_CASE("headers over the limit are a 431 in JSON, then the connection closes", "[server]") {
  Served s;
  for (std::size_t header_bytes : {20000u, 100000u, 400000u}) {
    INFO(header_bytes);
    std::string headers;
    for (std::size_t i = 0; headers.size() < header_bytes; ++i) {
      headers += "X-Filler-" + std::to_string(i) + ": " + std::string(1000, 'a') + "\r\n";
    }
    Connection conn(s.port());
    std::thread sender([&] { conn.send(get_request("/health", headers)); });
    HttpResponse r = conn.read_response();
    sender.join();
    CHECK(r.status == 431);
    CHECK(r.body == R"({"error":{"code":"headers_too_large","message":"les en-têtes de la )"
                    "requête dépassent 16\u202f384 octets\"}}");
    CHECK(r.header("connection") == "close");
    CHECK(r.header("x-content-type-options") == "nosniff");
    CHECK(conn.closed_within(std::chrono::seconds(3)));
  }
  CHECK(http_get(s.port(), "/health", std::string(8000, 'h').insert(0, "X-Big: ") + "\r\n")
            .status == 200);  // large but within the limit
}

namespace {

// Writes two bytes over and over from `offset` in `file`.
void scribble(const std::filesystem::path& file, std::streamoff offset, std::size_t bytes) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(offset);
  for (std::size_t i = 0; i < bytes; i += 2) f.write("\xde\xad", 2);
}

}  // namespace

TEST_CASE("an index that cannot be read at start is a 503 in French until it opens",
          "[server]") {
  FixtureIndex good;
  namespace fs = std::filesystem;
  struct Broken {
    std::string name;
    std::function<void(const fs::path&)> make;
  };
  const std::vector<Broken> cases = {
      {"being written: no commit yet", [](const fs::path& db) { fs::create_directory(db); }},
      {"a garbage iamglass", [](const fs::path& db) {
         fs::create_directory(db);
         std::ofstream(db / "iamglass") << "not a Xapian database";
       }},
      {"truncated tables", [&](const fs::path& db) {
         fs::copy(good.db(), db);
         for (const auto& f : fs::directory_iterator(db)) {
           if (f.path().extension() == ".glass") fs::resize_file(f, fs::file_size(f) / 2);
         }
       }},
      // Opens, then fails reading (Xapian::DatabaseCorruptError, which once escaped the
      // start as an uncaught exception: SIGABRT).
      {"a corrupt postlist block", [&](const fs::path& db) {
         fs::copy(good.db(), db);
         scribble(db / "postlist.glass", 8192, 1000);
       }},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    TempDir dir;
    const fs::path db = dir.path() / "db";
    c.make(db);
    ServerProcess server({"--db", db.string()}, dir.path() / "serve.log");
    INFO(server.log());
    for (const std::string target : {"/health", "/api/search?q=x", "/api/documents/TEST-AM-1"}) {
      HttpResponse r = http_get(server.port(), target);
      CHECK(r.status == 503);
      CHECK(r.body == R"({"error":{"code":"index_unavailable","message":"l’index ne peut pas )"
                      "être lu pour l’instant\u00a0: réessayez dans un moment\"}}");
    }
    CHECK(server.log().find("l’index ne peut pas être lu pour l’instant") != std::string::npos);
    // The index becomes readable (its first commit, or a good copy in its place).
    fs::remove_all(db);
    fs::copy(good.db(), db);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (status != 200 && std::chrono::steady_clock::now() < deadline) {
      status = http_get(server.port(), "/health").status;
    }
    CHECK(status == 200);
    CHECK(http_get(server.port(), search_target("cinéma")).status == 200);
    CHECK(server.stop(SIGTERM, std::chrono::seconds(5)) == 0);  // no abort on the way
  }
}
