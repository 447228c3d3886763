// The thesaurus through hemicycle-serve: /api/search's expansions, expand=0, a bad expand,
// and the OpenAPI document describing both (tests/data/thesaurus: A says "SMIC", B and C
// "salaire minimal…" and "salaire minimum").

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "searcher/fixture_index.h"
#include "server/json_body.h"
#include "server/server_process.h"

using hemicycle::testing::FixtureIndex;
using hemicycle::testing::http_get;
using hemicycle::testing::HttpResponse;
using hemicycle::testing::ServerProcess;
using hemicycle::testing::TempDir;
using hemicycle::testing::url_encode;

namespace {

rapidjson::Document parsed(const HttpResponse& r) {
  rapidjson::Document d = hemicycle::testing::parse(r);
  REQUIRE(d.IsObject());
  return d;
}

std::vector<std::string> strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.GetArray()) out.emplace_back(v.GetString());
  return out;
}

}  // namespace

TEST_CASE("the search says what the thesaurus added, and expand=0 turns it off", "[server]") {
  FixtureIndex index("thesaurus");
  REQUIRE(index.warnings().empty());
  TempDir dir;
  ServerProcess server({"--db", index.db(), "--quiet"}, dir.path() / "serve.log");
  struct Case {
    std::string more;
    std::size_t total;
    std::size_t expansions;
  };
  const std::vector<Case> cases = {
      {"", 3, 1}, {"&expand=1", 3, 1}, {"&expand=true", 3, 1},
      {"&expand=0", 1, 0}, {"&expand=false", 1, 0},
  };
  for (const auto& c : cases) {
    INFO(c.more);
    const HttpResponse r = http_get(server.port(), "/api/search?q=SMIC" + c.more);
    REQUIRE(r.status == 200);
    const auto d = parsed(r);
    CHECK(d["total"].GetUint() == c.total);
    REQUIRE(d["expansions"].IsArray());
    REQUIRE(d["expansions"].Size() == c.expansions);
    CHECK(std::string(d["hits"][0]["document_id"].GetString()) == "TEST-THES-A");
    if (c.expansions == 0) continue;
    const auto& e = d["expansions"][0];
    CHECK(std::string(e["words"].GetString()) == "SMIC");
    const auto also = strings(e["also"]);
    CHECK(std::find(also.begin(), also.end(), "salaire minimal") != also.end());
  }
  // Both ways: the label typed finds the abbreviation.
  const auto plf = parsed(http_get(server.port(), "/api/search?q=" + url_encode("projet de loi de finances")));
  REQUIRE(plf["expansions"].Size() == 1);
  CHECK(strings(plf["expansions"][0]["also"]) == std::vector<std::string>{"PLF"});
  CHECK(plf["total"].GetUint() == 2);
  // A value that is not one.
  const HttpResponse bad = http_get(server.port(), "/api/search?q=SMIC&expand=oui");
  CHECK(bad.status == 400);
  const auto err = parsed(bad);
  CHECK(std::string(err["error"]["code"].GetString()) == "bad_parameter");
  CHECK(std::string(err["error"]["message"].GetString()) ==
        "expand\u00a0: 1 ou 0 (true ou false), et non \u00ab\u00a0oui\u00a0\u00bb");
  // The OpenAPI document describes the parameter and the field.
  const auto api = parsed(http_get(server.port(), "/api/openapi.json"));
  bool parameter = false;
  for (const auto& p : api["paths"]["/api/search"]["get"]["parameters"].GetArray()) {
    parameter = parameter || std::string(p["name"].GetString()) == "expand";
  }
  CHECK(parameter);
  CHECK(api["components"]["schemas"]["SearchResult"]["properties"].HasMember("expansions"));
}
