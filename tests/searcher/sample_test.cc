// Acceptance on the real published texts of ../shared/corpus/sample, when present.

#include <catch2/catch.hpp>

#include "hemicycle/searcher/searcher.h"
#include "searcher/fixture_index.h"

using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::Tier;

namespace {

const char* kSeed = "000_9342120a74825bec";

bool has_all_words(const hemicycle::searcher::Hit& h) {
  return h.tier == Tier::kAllWordsInClause && h.highlights.size() >= 3;
}

}  // namespace

TEST_CASE("the journalist's query finds the seed resolution first", "[searcher][sample]") {
  auto sample = hemicycle::testing::shared("corpus/sample");
  if (!sample) {
    hemicycle::testing::skip("the shared corpus (../shared/corpus/sample) is absent");
  }
  hemicycle::testing::TempDir dir;
  const auto db = (dir.path() / "db").string();
  auto warnings = hemicycle::testing::index_paths(db, {*sample});
  CHECK(warnings.empty());
  Searcher s({db});
  CHECK(s.document_count() == 30);

  for (const std::string q : {"ingérence étrangère outre-mer", "ingerence etrangere",
                              "l’ingérence", "INGÉRENCES Outre-Mer",
                              "ingérences étrangères Outre-Mer"}) {
    INFO(q);
    SearchRequest r;
    r.query = q;
    auto result = s.search(r);
    REQUIRE_FALSE(result.hits.empty());
    const auto& top = result.hits.front();
    CHECK(top.document_id == kSeed);
    CHECK(top.date == "2025-03-28");
    CHECK(top.tier == Tier::kAllWordsInClause);
    CHECK(top.matching_clauses > 1);
    if (q == "ingérence étrangère outre-mer") {
      CHECK(has_all_words(top));
      CHECK((top.kind == "article" || top.kind == "recital"));
      INFO(top.text);
      CHECK(top.text.find("ingérences") != std::string::npos);
      CHECK(top.text.find("étrangères") != std::string::npos);
      CHECK(top.text.find("outre-mer") != std::string::npos);
    }
    bool has_type_facet = false;
    for (const auto& f : result.facets) {
      if (f.field == "type" && !f.values.empty()) has_type_facet = true;
    }
    CHECK(has_type_facet);
  }

  SearchRequest cite;
  cite.query = "loi n° 2024-850";
  auto r = s.search(cite);
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits.front().document_id == kSeed);
  CHECK(r.hits.front().kind == "visa");

  SearchRequest art;
  art.query = "\"article 88-4 de la Constitution\"";
  r = s.search(art);
  // The seed's visa and the Règlement's article 151-9 both hold the phrase.
  bool seed_visa = false;
  for (const auto& h : r.hits) {
    if (h.document_id == kSeed && h.kind == "visa") seed_visa = true;
    CHECK(h.tier == Tier::kAllWordsInClause);
  }
  CHECK(seed_visa);

  SearchRequest facet;
  facet.query = "territory:Nouvelle-Calédonie country:Azerbaïdjan";
  r = s.search(facet);
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits.front().document_id == kSeed);
}

// The in-memory facet table (the server's default) and the value-reading spy (the CLI's)
// must agree on every count: totals, facets (grouped and shared sets expanded), matching
// clauses of each hit, with and without filters.
TEST_CASE("facet counts from the table equal those read from the values", "[searcher][sample]") {
  auto sample = hemicycle::testing::shared("corpus/sample");
  hemicycle::testing::TempDir dir;
  const auto db = (dir.path() / "db").string();
  std::vector<std::filesystem::path> inputs = {hemicycle::testing::fixture("searcher")};
  if (sample) {
    inputs.push_back(*sample);
  } else {
    WARN("the shared corpus (../shared/corpus/sample) is absent: fixtures only");
  }
  auto warnings = hemicycle::testing::index_paths(db, inputs);
  CHECK(warnings.empty());
  hemicycle::searcher::SearcherOptions with, without;
  with.facet_table = true;
  without.facet_table = false;
  Searcher table({db}, with), values({db}, without);
  for (const std::string q : {"ingérence étrangère outre-mer", "article", "Nouvelle-Calédonie",
                              "amendement type:amendement", "commission kind:article",
                              "loi -ingérence", "date:2024-01-01..2025-12-31 résolution",
                              "\"ingérence étrangère\" Polynésie", "assemblée OR sénat",
                              "ingérence étrangère outre-mer type:amendement",
                              "ingérence outre-mer -azerbaïdjan", "souveraineté Calédonie",
                              "loi -kind:visa", "résolution -type:amendement",
                              "outre-mer kind:article kind:visa"}) {
    for (int variant = 0; variant < 5; ++variant) {
      const bool grouped = variant != 1;
      INFO(q << (grouped ? " (grouped)" : " (clauses)") << (variant == 2 ? " by date" : "")
             << (variant == 3 ? " type selected" : "") << (variant == 4 ? " kind selected" : ""));
      SearchRequest r;
      r.query = q;
      r.limit = 20;
      r.group_by_document = grouped;
      if (variant == 2) r.sort = hemicycle::searcher::Sort::kDateDesc;
      // Facet selections given apart: counted again without their own field (multi-select).
      if (variant == 3) {
        REQUIRE(add_filter("type:amendement", r).empty());
        REQUIRE(add_filter("type:résolution européenne", r).empty());
      }
      if (variant == 4) REQUIRE(add_filter("kind:considerant", r).empty());
      r.facet_values = 0;  // every value
      auto a = table.search(r);
      auto b = values.search(r);
      CHECK(a.total == b.total);
      REQUIRE(a.facets.size() == b.facets.size());
      for (std::size_t i = 0; i < a.facets.size(); ++i) {
        INFO(a.facets[i].field);
        REQUIRE(a.facets[i].values.size() == b.facets[i].values.size());
        for (std::size_t k = 0; k < a.facets[i].values.size(); ++k) {
          CHECK(a.facets[i].values[k].value == b.facets[i].values[k].value);
          CHECK(a.facets[i].values[k].count == b.facets[i].values[k].count);
        }
      }
      REQUIRE(a.hits.size() == b.hits.size());
      for (std::size_t i = 0; i < a.hits.size(); ++i) {
        CHECK(a.hits[i].document_id == b.hits[i].document_id);
        CHECK(a.hits[i].matching_clauses == b.hits[i].matching_clauses);
      }
    }
  }
}
