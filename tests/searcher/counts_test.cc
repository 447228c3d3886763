// Counts by match level: `total` counts the documents (or clauses) holding every word of the
// query, `total_partial` those holding only some, and the facets count the former unless
// there is none. tests/data/counts: A holds the three words in one clause, B spread over
// three clauses, C "scrutin proportionnel … mandat", D "scrutin" only, E "sénatoriale" and
// "référendum" (a proposition de loi; the others are amendments).

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "facet_count.h"
#include "fixture_index.h"
#include "hemicycle/searcher/json.h"
#include "hemicycle/searcher/searcher.h"

using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::SearcherOptions;

using hemicycle::testing::facet_count;

namespace {

bool has_note(const SearchResult& r, const std::string& code) {
  for (const auto& n : r.notes) {
    if (n.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("totals count every word apart from some words, and so do the facets", "[searcher]") {
  const hemicycle::testing::FixtureIndex counts("counts");
  REQUIRE(counts.warnings().empty());
  struct Case {
    std::string query;
    std::vector<std::string> selected;  // --filter: facet selections
    bool grouped;
    std::size_t total, partial;
    std::size_t amendments, propositions;  // the type facet
    bool facets_partial;
  };
  const std::vector<Case> cases = {
      // The words meet in two documents (A in one clause, B over three).
      {"scrutin proportionnel sénatorial", {}, true, 2, 3, 2, 0, false},
      // ... in one clause: A's dispositif; six others hold some of them.
      {"scrutin proportionnel sénatorial", {}, false, 1, 6, 1, 0, false},
      // ... in one document: C.
      {"scrutin proportionnel mandat", {}, true, 1, 3, 1, 0, false},
      {"scrutin proportionnel mandat", {}, false, 1, 4, 1, 0, false},
      // ... in none: the facets count the documents holding some.
      {"proportionnel sénatorial référendum", {}, true, 0, 4, 3, 1, true},
      {"proportionnel sénatorial référendum", {}, false, 0, 5, 3, 1, true},
      // Filters and exclusions apply to both sets.
      {"scrutin proportionnel sénatorial institution:Sénat", {}, true, 2, 1, 2, 0, false},
      {"scrutin proportionnel sénatorial -majoritaire", {}, true, 2, 2, 2, 0, false},
      {"\"scrutin proportionnel\" sénatorial", {}, true, 1, 3, 1, 0, false},
      // A selected type keeps its other values countable, over the same set.
      {"scrutin proportionnel sénatorial", {"type:amendement"}, true, 2, 2, 2, 0, false},
      {"proportionnel sénatorial référendum", {"type:amendement"}, true, 0, 3, 3, 1, true},
      // One word: every match holds it.
      {"scrutin", {}, true, 4, 0, 4, 0, false},
  };
  for (bool table : {true, false}) {
    SearcherOptions options;
    options.facet_table = table;
    Searcher s({counts.db()}, options);
    for (const auto& c : cases) {
      INFO(c.query << (c.grouped ? ", documents" : ", clauses")
                   << (table ? ", facet table" : ", no table"));
      SearchRequest req;
      req.query = c.query;
      req.group_by_document = c.grouped;
      req.limit = 20;
      req.expand = false;  // the words as typed: "scrutin proportionnel" is a thesaurus label
      for (const auto& f : c.selected) REQUIRE(add_filter(f, req).empty());
      const SearchResult r = s.search(req);
      CHECK(r.total == c.total);
      CHECK(r.total_partial == c.partial);
      CHECK(r.hits.size() == c.total + c.partial);  // every match is reachable, in order
      CHECK(facet_count(r, "type", "amendement") == c.amendments);
      CHECK(facet_count(r, "type", "proposition de loi") == c.propositions);
      CHECK(r.facets_partial == c.facets_partial);
      CHECK(has_note(r, "words_never_meet") == (c.total == 0));
      const std::string json = hemicycle::searcher::to_json(r);
      CHECK_THAT(json, Catch::Contains("\"total\":" + std::to_string(c.total) + ",\"total_partial\":" +
                                       std::to_string(c.partial) + ","));
      CHECK_THAT(json, Catch::Contains(c.facets_partial ? "\"facets_count\":\"some_words\""
                                                        : "\"facets_count\":\"all_words\""));
    }
  }
}
