// More like this (issue 12): `similaire:ID` and SearchRequest::similar_to search by the
// document's characteristic words (Xapian's ESet over its clauses), leaving it out.
// Fixture tests/data/similar: SIM-1 and SIM-2 are about clear-cutting in state forests,
// SIM-3 about forest fires, SIM-4 and SIM-5 about proportional voting in municipal
// elections; a Code civil article (an id with slashes) speaks of clear-cuts too.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_index.h"
#include "hemicycle/searcher/query.h"
#include "hemicycle/searcher/searcher.h"

using hemicycle::searcher::QueryError;
using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;

namespace {

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.document_id);
  return out;
}

SearchResult similar(Searcher& s, const std::string& id, const std::string& query = "") {
  SearchRequest req;
  req.similar_to = id;
  req.query = query;
  req.limit = 10;
  return s.search(req);
}

}  // namespace

TEST_CASE("similar: the closest documents first, the document itself left out",
          "[searcher][similar]") {
  hemicycle::testing::FixtureIndex fx("similar");
  REQUIRE(fx.warnings().empty());
  Searcher s({fx.db()});
  struct Row {
    std::string id;
    std::string first;         // the closest document
    std::string not_before;    // a document of another subject, ranked after `first` if at all
  };
  const std::vector<Row> rows = {
      {"SIM-1", "SIM-2", "SIM-4"},
      {"SIM-2", "SIM-1", "SIM-5"},
      {"SIM-4", "SIM-5", "SIM-1"},
      {"SIM-5", "SIM-4", "SIM-2"},
      {"code-civil/Livre III/Article 9999", "SIM-1", "SIM-4"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const SearchResult r = similar(s, row.id);
    const std::vector<std::string> got = ids(r);
    REQUIRE_FALSE(got.empty());
    CHECK(got.front() == row.first);
    CHECK(std::find(got.begin(), got.end(), row.id) == got.end());
    CHECK(r.total + r.total_partial == got.size());
    auto other = std::find(got.begin(), got.end(), row.not_before);
    CHECK(other - got.begin() > 0);
    for (const auto& h : r.hits) {
      CHECK(h.missing.empty());  // nothing typed is missing
      CHECK(h.tier == hemicycle::searcher::Tier::kSimilar);
    }
  }
}

TEST_CASE("similar: similaire:ID in a query, with words and as typed", "[searcher][similar]") {
  hemicycle::testing::FixtureIndex fx("similar");
  Searcher s({fx.db()});
  SearchRequest req;
  req.query = "similaire:SIM-1 incendies";  // like SIM-1, and about fires: SIM-3
  const SearchResult r = s.search(req);
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits.front().document_id == "SIM-3");
  CHECK(r.total == 1);
  // The same as the request field.
  req.query = "similar:SIM-4";
  CHECK(ids(s.search(req)) == ids(similar(s, "SIM-4")));
  // Highlights show the shared words.
  const SearchResult like2 = similar(s, "SIM-2");
  REQUIRE_FALSE(like2.hits.empty());
  CHECK_FALSE(like2.hits.front().highlights.empty());
}

TEST_CASE("similar: errors", "[searcher][similar]") {
  hemicycle::testing::FixtureIndex fx("similar");
  Searcher s({fx.db()});
  hemicycle::analyzers::FrenchAnalyzer analyzer;
  struct Row {
    std::string query;
    std::string code;
  };
  const std::vector<Row> parse_errors = {
      {"-similaire:SIM-1", "excluded_similar"},
      {"similaire:", "missing_value"},
      {"similaire:SIM-1 similaire:SIM-2", "several_similar"},
  };
  for (const auto& row : parse_errors) {
    CAPTURE(row.query);
    CHECK(hemicycle::searcher::parse_query(row.query, analyzer).error.code == row.code);
  }
  CHECK(hemicycle::searcher::parse_query("similaire:SIM-1 similar:SIM-1", analyzer).similar_to ==
        "SIM-1");
  try {
    similar(s, "NOPE");
    FAIL("no error for an unknown document");
  } catch (const QueryError& e) {
    CHECK(e.code() == "unknown_document");
    CHECK(std::string(e.what()) == "document inconnu «\u00a0NOPE\u00a0»");
  }
}
