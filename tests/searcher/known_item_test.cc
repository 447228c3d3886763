// Known-item search: a query naming a document by what identifies it (its number, its code,
// its title's words, its id) puts that document first, before the texts that merely cite
// it; titre: and numero: filter by title and number. On tests/data/known_item: Code civil
// articles (1242 and 2500 cite 1240 and 515-14), amendments CL2 (two texts), AC1417 (which
// cites CL2), 1386 on articles 4 and 7, 27 (which cites 1386), a bill and a debate citing it.

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_index.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"
#include "hemicycle/searcher/searcher.h"

using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::SearcherOptions;
using hemicycle::searcher::Tier;

namespace {

// The ids of the hits matched as known items, in order, and the id of the first other hit.
struct Ranked {
  std::vector<std::string> known;
  std::string next;
};

Ranked ranked(const SearchResult& r) {
  Ranked out;
  for (const auto& h : r.hits) {
    if (h.tier == Tier::kKnownItem) {
      CHECK(out.next.empty());  // every known item before every other hit
      out.known.push_back(h.document_id);
    } else if (out.next.empty()) {
      out.next = h.document_id;
    }
  }
  return out;
}

const std::string k1240 = "code-civil/Livre III/Titre III/Article 1240";
const std::string k1242 = "code-civil/Livre III/Titre III/Article 1242";

}  // namespace

TEST_CASE("a known item comes first, before the texts citing it", "[searcher][known_item]") {
  const hemicycle::testing::FixtureIndex index("known_item");
  REQUIRE(index.warnings().empty());
  struct Case {
    std::string query;
    std::vector<std::string> known;  // the known items, in order
    std::string next;                // the first other hit ("": none)
  };
  const std::vector<Case> cases = {
      {"article 1240 code civil", {k1240}, k1242},
      {"Code civil 1240", {k1240}, k1242},
      {"code civil, article 1240", {k1240}, k1242},
      {"1240 C. civ.", {k1240}, k1242},
      {"art. 1240 du code civil", {k1240}, k1242},
      {"article 1240", {k1240}, k1242},
      {"515-14", {"code-civil/Livre II/Article 515-14"}, "code-civil/Livre IV/Article 2500"},
      {"article 515-14", {"code-civil/Livre II/Article 515-14"}, "code-civil/Livre IV/Article 2500"},
      {"C. pén. art. 121-3", {"code-penal/Livre Ier/Article 121-3"}, ""},
      // The reference is one unit: no text holding only the word "article" comes after it.
      {"article L. 2121-29 du CGCT", {"cgct/Partie II/Article L. 2121-29"}, ""},
      {"CGCT L2121-29", {"cgct/Partie II/Article L. 2121-29"}, ""},
      // Two texts have an amendment CL2: both are the known item, the newer first; AC1417,
      // which cites CL2 four times, after them.
      {"amendement CL2", {"AMTEST-CL2-A", "AMTEST-CL2-B"}, "AMTEST-AC1417"},
      {"Amendement n° CL2", {"AMTEST-CL2-A", "AMTEST-CL2-B"}, "AMTEST-AC1417"},
      {"amendement n°CL2", {"AMTEST-CL2-A", "AMTEST-CL2-B"}, "AMTEST-AC1417"},
      // The amendment 1386 on article 4 before the one on article 7; 27 cites 1386.
      {"amendement n° 1386 article 4", {"AMTEST-1386-ART4", "AMTEST-1386-ART7"}, "AMTEST-27-ART4"},
      {"amendement 1386 à l'article 7", {"AMTEST-1386-ART7", "AMTEST-1386-ART4"}, "AMTEST-27-ART4"},
      {"II-CF1", {"AMTEST-II-CF1"}, ""},
      {"texte adopté n° 180", {"pjltest-180/texte-adopte"}, "CRSTEST5L15S2022O1N080"},
      {"AMTEST-AC1417", {"AMTEST-AC1417"}, ""},
      {"CRSTEST5L15S2022O1N080", {"CRSTEST5L15S2022O1N080"}, ""},
      {"code-civil/Livre II/Article 515-14", {"code-civil/Livre II/Article 515-14"}, "code-civil/Livre IV/Article 2500"},
      // Not known-item forms: a number with nothing to say what it numbers, an article of a
      // law, a number that no document has.
      {"1240", {}, k1242},
      {"article 4 du projet de loi", {}, "pjltest-180/texte-adopte"},
      {"amendement n° 9999", {}, "AMTEST-AC1417"},
  };
  for (bool table : {true, false}) {
    SearcherOptions options;
    options.facet_table = table;
    Searcher s({index.db()}, options);
    for (const auto& c : cases) {
      INFO(c.query << (table ? " (facet table)" : " (no table)"));
      SearchRequest r;
      r.query = c.query;
      r.limit = 20;
      const SearchResult result = s.search(r);
      const Ranked got = ranked(result);
      CHECK(got.known == c.known);
      CHECK(got.next == c.next);
      // Counted with the other matches: the two totals hold every hit, and the known items
      // are complete matches (counted in total) whatever words they hold.
      CHECK(result.total + result.total_partial == result.hits.size());
      CHECK(result.total >= c.known.size());
    }
  }
}

TEST_CASE("known items are counted, filtered, and sorted by date after them", "[searcher][known_item]") {
  const hemicycle::testing::FixtureIndex index("known_item");
  Searcher s({index.db()});
  SearchRequest r;
  r.query = "amendement CL2";
  // CL2-B holds neither word in its text: it is counted as the known item it is.
  SearchResult all = s.search(r);
  CHECK(std::any_of(all.hits.begin(), all.hits.end(),
                    [](const auto& h) { return h.document_id == "AMTEST-CL2-B"; }));
  const auto type = std::find_if(all.facets.begin(), all.facets.end(),
                                 [](const auto& f) { return f.field == "type"; });
  REQUIRE(type != all.facets.end());
  REQUIRE(type->values.size() == 1);
  CHECK(type->values.front().count == all.total);

  r.query = "amendement CL2 date:2024";
  SearchResult dated = s.search(r);
  REQUIRE_FALSE(dated.hits.empty());
  CHECK(dated.hits.front().document_id == "AMTEST-CL2-B");
  CHECK(dated.hits.front().tier == Tier::kKnownItem);

  r.query = "amendement CL2 -scrutin";  // CL2-A's exposé speaks of the scrutin
  CHECK(ranked(s.search(r)).known == std::vector<std::string>{"AMTEST-CL2-B"});

  r.query = "amendement CL2";
  r.sort = hemicycle::searcher::Sort::kDateAsc;
  CHECK(ranked(s.search(r)).known == std::vector<std::string>{"AMTEST-CL2-B", "AMTEST-CL2-A"});
}

TEST_CASE("titre: and numero: filter by a document's title and number", "[searcher][known_item]") {
  const hemicycle::testing::FixtureIndex index("known_item");
  Searcher s({index.db()});
  struct Case {
    std::string query;
    std::vector<std::string> ids;  // every hit, in index order when only filtered
  };
  const std::vector<Case> cases = {
      {"numero:1386", {"AMTEST-1386-ART4", "AMTEST-1386-ART7"}},
      {"numéro:cl2 type:amendement", {"AMTEST-CL2-A", "AMTEST-CL2-B"}},
      {"number:\"L. 2121-29\"", {"cgct/Partie II/Article L. 2121-29"}},
      {"NUMERO:515-14", {"code-civil/Livre II/Article 515-14"}},
      {"titre:\"code pénal\"", {"code-penal/Livre Ier/Article 121-3"}},
      {"title:pénal", {"code-penal/Livre Ier/Article 121-3"}},
      {"titre:\"pénal code\"", {}},  // a phrase: the words in that order
      {"titre:adopté enseignement", {"pjltest-180/texte-adopte"}},
      {"numero:1386 -titre:\"art. 7\"", {"AMTEST-1386-ART4"}},
      {"numero:n°", {}},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    SearchRequest r;
    r.query = c.query;
    r.limit = 20;
    std::vector<std::string> ids;
    for (const auto& h : s.search(r).hits) ids.push_back(h.document_id);
    CHECK(ids == c.ids);
  }
}

TEST_CASE("the known-item forms a query holds, as parsed", "[searcher][known_item][query]") {
  hemicycle::analyzers::FrenchAnalyzer analyzer;
  struct Case {
    std::string query;
    std::vector<std::string> forms;  // the words each known item takes, as typed
    std::vector<std::string> notes;  // the notes left
  };
  const std::vector<Case> cases = {
      {"article 1240 code civil", {"article 1240 code civil"}, {}},
      {"responsabilité article 1240 du code civil", {"article 1240 du code civil"}, {}},
      {"amendement n° CL2", {"amendement n° CL2"}, {}},  // "n°" is part of it: no note
      {"amendement n° 1386 article 4 bis", {"amendement n° 1386 article 4 bis"}, {}},
      {"le n° 12", {"n° 12"}, {"only_stop_words"}},
      {"1240 C. civ.", {"1240 C. civ."}, {}},
      {"article PREMIER du code civil", {"article PREMIER du code civil"}, {}},  // no digit
      {"C.civ. 1240", {"C.civ. 1240"}, {}},
      {"article 49.3", {}, {}},
      {"loi 2024-850", {}, {}},
      {"2024", {}, {}},
      {"\"code civil\" 515-14", {}, {}},  // a phrase beside it: not a bare number
      {"CL2 OR CL3", {}, {}},
      {"AMANR5L17PO59051B1105P0D1N000002", {"AMANR5L17PO59051B1105P0D1N000002"}, {}},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    const auto pq = hemicycle::searcher::parse_query(c.query, analyzer);
    REQUIRE(pq.ok());
    std::vector<std::string> forms, notes;
    for (const auto& k : pq.known) forms.push_back(k.form);
    for (const auto& n : pq.notes) notes.push_back(n.code);
    CHECK(forms == c.forms);
    CHECK(notes == c.notes);
  }
}
