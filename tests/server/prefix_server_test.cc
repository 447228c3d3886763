// prefix=1, wildcards and French operators through the real server, on tests/data/prefix
// and a written decree with more words under one prefix than the bound.

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "searcher/decrees.h"
#include "searcher/fixture_index.h"
#include "server/json_body.h"
#include "server/server_process.h"

using hemicycle::testing::http_get;
using hemicycle::testing::parse;
using hemicycle::testing::HttpResponse;
using hemicycle::testing::ServerProcess;
using hemicycle::testing::TempDir;
using hemicycle::testing::url_encode;

namespace {

std::vector<std::string> note_codes(const rapidjson::Document& d) {
  std::vector<std::string> codes;
  for (const auto& n : d["notes"].GetArray()) codes.push_back(n["code"].GetString());
  return codes;
}

}  // namespace

TEST_CASE("prefix=1, word* and OU through /api/search", "[server]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  REQUIRE(hemicycle::testing::index_paths(
              db, {hemicycle::testing::fixture("prefix"),
                   hemicycle::testing::write_decrees(dir.path())})
              .empty());
  ServerProcess server({"--db", db}, dir.path() / "serve.log");
  struct Case {
    std::string q, more;
    std::size_t total;
    std::vector<std::string> notes;
  };
  const std::vector<Case> cases = {
      {"scrut", "&spell=0", 1, {}},  // "scrute" only
      {"scrut", "", 2, {}},          // written nowhere: its correction "scrutin" searched
      {"scrut", "&prefix=1", 4, {}},
      {"scrut", "&prefix=true", 4, {}},
      {"scrut", "&prefix=0&spell=0", 1, {}},
      {"scrut ", "&prefix=1&spell=0", 1, {}},  // a space after it: the word is complete
      {"scrut*", "", 4, {}},
      {"Corse OU Guyane", "", 4, {}},
      {"Corse SAUF Guyane", "", 2, {}},
      {"s* Corse", "", 3, {"wildcard_too_short"}},
      {"2024-1*", "", 1, {"wildcard_bound"}},
      {"2024-1", "&prefix=1", 1, {"wildcard_bound"}},
  };
  for (const auto& c : cases) {
    const std::string target = "/api/search?q=" + url_encode(c.q) + c.more;
    INFO(target);
    HttpResponse r = http_get(server.port(), target);
    REQUIRE(r.status == 200);
    const auto d = parse(r);
    CHECK(d["total"].GetUint() == c.total);
    CHECK(note_codes(d) == c.notes);
  }
  HttpResponse bad = http_get(server.port(), "/api/search?q=scrut&prefix=oui");
  CHECK(bad.status == 400);
  const auto err = parse(bad);
  CHECK(std::string(err["error"]["code"].GetString()) == "bad_parameter");
  CHECK(std::string(err["error"]["message"].GetString()) ==
        "prefix\u00a0: 1 ou 0 (true ou false), et non \u00ab\u00a0oui\u00a0\u00bb");
  const auto bound = parse(http_get(server.port(), "/api/search?q=2024-1*"));
  CHECK(std::string(bound["notes"][0]["message"].GetString()) ==
        "\u00ab\u00a02024-1*\u00a0\u00bb\u00a0: les 100 mots les plus fréquents qui commencent "
        "par \u00ab\u00a02024-1\u00a0\u00bb ont été cherchés, sur 120");
}
