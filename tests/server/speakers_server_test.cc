// Debates through hemicycle-serve, started for real on a loopback port: /api/speakers, the
// speech fields of hits and of a sitting's document.

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "searcher/sittings.h"
#include "server/json_body.h"
#include "server/server_process.h"

using hemicycle::testing::http_get;
using hemicycle::testing::HttpResponse;
using hemicycle::testing::parse;
using hemicycle::testing::ServerProcess;
using hemicycle::testing::TempDir;
using hemicycle::testing::url_encode;

TEST_CASE("GET /api/speakers: names with a word starting with q, with their speeches", "[server][speech]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  hemicycle::testing::index_debate(db);
  ServerProcess server({"--db", db}, dir.path() / "serve.log");
  struct Case {
    std::string target;
    std::string body;  // the whole answer
  };
  const std::vector<Case> cases = {
      {"/api/speakers?q=taub",
       R"({"query":"taub","speakers":[{"name":"Christiane Taubira","speeches":2,"role":"garde des sceaux, ministre de la justice","kind":"gouvernement"}]})"},
      {"/api/speakers?q=" + url_encode("AUBÉRT"),
       R"({"query":"AUBÉRT","speakers":[{"name":"Julien Aubert","speeches":2,"kind":"député"}]})"},
      {"/api/speakers?limit=2",
       R"({"query":"","speakers":[{"name":"Christiane Taubira","speeches":2,"role":"garde des sceaux, ministre de la justice","kind":"gouvernement"},{"name":"Julien Aubert","speeches":2,"kind":"député"}]})"},
      {"/api/speakers?q=nobody", R"({"query":"nobody","speakers":[]})"},
  };
  for (const auto& c : cases) {
    INFO(c.target);
    HttpResponse r = http_get(server.port(), c.target);
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == "application/json; charset=utf-8");
    CHECK(r.body == c.body);
  }
  HttpResponse bad = http_get(server.port(), "/api/speakers?q=taub&limit=500");
  CHECK(bad.status == 400);
  const auto err = parse(bad);
  CHECK(std::string(err["error"]["code"].GetString()) == "bad_parameter");
  CHECK(std::string(err["error"]["message"].GetString()) ==
        "limit\u00a0: 100 au plus, et non \u00ab\u00a0500\u00a0\u00bb");
}

TEST_CASE("GET /api/search and /api/documents/{id}: the speech fields", "[server][speech]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  hemicycle::testing::index_debate(db);
  ServerProcess server({"--db", db}, dir.path() / "serve.log");
  HttpResponse r = http_get(server.port(), "/api/search?q=" +
                                               url_encode("speaker:\"Christiane Taubira\"") +
                                               "&group=clause&sort=date:desc");
  REQUIRE(r.status == 200);
  auto d = parse(r);
  CHECK(d["total"].GetUint() == 2);
  REQUIRE(d["hits"].Size() == 2);
  const auto& newest = d["hits"][0];
  CHECK(std::string(newest["document_id"].GetString()) == "CRSANR5L14S2013O1N130");
  CHECK(std::string(newest["speaker"].GetString()) == "Christiane Taubira");
  CHECK(std::string(newest["speaker_label"].GetString()) == "Mme la garde des sceaux");
  CHECK(std::string(newest["speaker_kind"].GetString()) == "gouvernement");
  CHECK(std::string(newest["snippet"].GetString()).rfind("Mme la garde des sceaux\u00a0: Le Gouvernement", 0) == 0);
  CHECK(newest["headings"].Size() == 3);
  CHECK(std::string(d["hits"][1]["speaker_label"].GetString()) == "Mme Christiane Taubira");

  r = http_get(server.port(), "/api/documents/CRSANR5L14S2013O1N130");
  REQUIRE(r.status == 200);
  d = parse(r);
  CHECK(std::string(d["metadata"]["sitting"].GetString()) ==
        "Deuxième séance du vendredi 1er février 2013");
  CHECK(d["metadata"]["sitting_of_day"].GetUint() == 2);
  CHECK(std::string(d["metadata"]["presiding"][0].GetString()) == "Laurence Dumont");
  REQUIRE(d["clauses"].Size() == 3);
  CHECK(std::string(d["clauses"][0]["speaker"].GetString()) == "Laurence Dumont");
  CHECK(std::string(d["clauses"][0]["speaker_role"].GetString()) == "présidente de séance");
}
