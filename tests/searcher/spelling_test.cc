// "Did you mean" (issue 12): the lexicon's weighted edit distance, the words corrected and
// those never corrected, the search of the corrected query when the typed one finds nothing,
// suggestions only when it finds something, and typo-tolerant completions. Fixture
// tests/data/spelling: two resolutions on foreign interference (ingérence, ingérences in 4
// clauses), two amendments on the scrutin of Nouvelle-Calédonie (one naming Nouméa and the
// tarification of transports, once each), Code civil articles 1240 and 1241.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_index.h"
#include "hemicycle/searcher/json.h"
#include "hemicycle/searcher/searcher.h"
#include "spelling.h"  // private unit, tested directly

using hemicycle::searcher::Lexicon;
using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;

namespace {

const hemicycle::testing::FixtureIndex& spelling_index() {
  static const hemicycle::testing::FixtureIndex index("spelling");
  return index;
}

SearchResult search(const std::string& query, bool spell = true) {
  Searcher s({spelling_index().db()});
  SearchRequest r;
  r.query = query;
  r.spell = spell;
  return s.search(r);
}

std::vector<std::string> hit_ids(const SearchResult& r) {
  std::vector<std::string> ids;
  for (const auto& h : r.hits) ids.push_back(h.document_id);
  return ids;
}

}  // namespace

TEST_CASE("lexicon: weighted Damerau distance on folded words", "[searcher][spelling]") {
  const Lexicon lexicon({"ingerence", "ingerences", "ingerer", "scrutin", "nouvelle",
                         "caledonie", "article", "1240", "l1114-1", "scrutin"});
  CHECK(lexicon.words() == 7);  // duplicates once, words with a digit left out
  struct Row {
    std::string typed;
    int max;
    std::string best;  // empty: no match
    int cost;
  };
  const std::vector<Row> rows = {
      {"ingerance", 8, "ingerence", 4},    // one substitution
      {"ingerrence", 8, "ingerence", 2},   // a doubled letter: half an edit
      {"ingerenec", 8, "ingerence", 4},    // a transposition: one edit
      {"ingernce", 8, "ingerence", 4},     // a letter missing
      {"nouvele", 8, "nouvelle", 2},       // an undoubled letter: half an edit
      {"scrutun", 8, "scrutin", 4},
      {"scrutin", 8, "scrutin", 0},        // itself
      {"inegrance", 8, "ingerence", 8},    // a transposition and a substitution
      {"ingerance", 2, "", 0},             // over the bound
      {"xyzxyzxy", 8, "", 0},
      {"1240", 8, "", 0},                  // digits are never in the lexicon
  };
  for (const auto& row : rows) {
    INFO(row.typed);
    const auto m = lexicon.matches(row.typed, row.max);
    if (row.best.empty()) {
      CHECK(m.empty());
      continue;
    }
    REQUIRE(!m.empty());
    CHECK(m.front().folded == row.best);
    CHECK(m.front().cost == row.cost);
  }
  // Prefixes near what is typed: "ingera" is one edit from "ingere", under which both
  // "ingerence(s)" and "ingerer" complete.
  const auto prefixes = lexicon.prefix_matches("ingera", 4);
  REQUIRE(!prefixes.empty());
  CHECK(prefixes.front().folded == "ingere");
  CHECK(prefixes.front().cost == 4);
  CHECK(lexicon.prefix_matches("zzzz", 4).empty());
}

TEST_CASE("the bound on the cost grows with the word", "[searcher][spelling]") {
  const std::vector<std::pair<std::size_t, int>> rows = {
      {0, 0}, {2, 0}, {3, 4}, {4, 4}, {5, 8}, {12, 8}};
  for (const auto& [letters, max] : rows) {
    INFO(letters);
    CHECK(hemicycle::searcher::max_cost_for(letters) == max);
  }
}

TEST_CASE("a typed query that finds nothing: its correction is searched, and said",
          "[searcher][spelling]") {
  struct Row {
    std::string typed;
    std::string corrected;
  };
  const std::vector<Row> rows = {
      {"ingérance", "ingérence"},
      {"ingerance", "ingérence"},   // accents are free: the index folds them
      {"ingérrence", "ingérence"},  // a doubled letter
      {"ingéernce", "ingérence"},   // a transposition
      {"Ingérance", "ingérence"},
      {"l’ingérance", "l’ingérence"},         // the elided article stays as typed
      {"scrutun", "scrutin"},
      {"scrutun provinciel", "scrutin provincial"},  // every word unknown: both corrected
      {"ingérance type:résolution", "ingérence type:résolution"},  // the filter is kept
      {"responsabl", "responsable"},
  };
  for (const auto& row : rows) {
    INFO(row.typed);
    const SearchResult typed = search(row.typed, false);
    CHECK(typed.total + typed.total_partial == 0);
    CHECK(typed.corrected.empty());
    CHECK(typed.suggestions.empty());
    const SearchResult r = search(row.typed);
    CHECK(r.query == row.typed);
    CHECK(r.corrected == row.corrected);
    const SearchResult direct = search(row.corrected, false);
    CHECK(direct.total > 0);
    CHECK(r.total == direct.total);
    CHECK(hit_ids(r) == hit_ids(direct));
    CHECK(std::find(r.suggestions.begin(), r.suggestions.end(), row.corrected) ==
          r.suggestions.end());
  }
}

TEST_CASE("words never corrected", "[searcher][spelling]") {
  const std::vector<std::string> rows = {
      "ingérence",         // known well
      "ingérences étrangères",
      "tarification",      // known, in one clause, no frequent word near it
      "Nouméa",            // a proper name of the texts
      "Nouvelle-Calédonie",
      "1242",              // a number: never, though 1240 and 1241 are near
      "article 1242",
      "\"ingérance\"",     // between quotes: as typed
      "«\u00a0scrutun\u00a0»",
      "-ingérance scrutin",  // an excluded word
      "scrutin type:résolutin",  // a field value
      "xq",                // too short
      "zorglub",           // nothing near
  };
  for (const auto& typed : rows) {
    INFO(typed);
    const SearchResult r = search(typed);
    CHECK(r.corrected.empty());
    CHECK(r.suggestions.empty());
    CHECK(r.query == typed);
  }
}

TEST_CASE("a typed query that finds something is kept; corrections are only offered",
          "[searcher][spelling]") {
  struct Row {
    std::string typed;
    std::vector<std::string> suggestions;
  };
  const std::vector<Row> rows = {
      // "scrutin" finds documents: the unknown word is offered, never searched in place.
      {"ingérance scrutin", {"ingérence scrutin"}},
      {"scrutin Nouvele-Calédonie Numéa", {"scrutin Nouvele-Calédonie Nouméa"}},
  };
  for (const auto& row : rows) {
    INFO(row.typed);
    const SearchResult typed = search(row.typed, false);
    const SearchResult r = search(row.typed);
    CHECK(r.total + r.total_partial > 0);
    CHECK(r.corrected.empty());
    CHECK(r.suggestions == row.suggestions);
    CHECK(r.total == typed.total);
    CHECK(r.total_partial == typed.total_partial);
    CHECK(hit_ids(r) == hit_ids(typed));
  }
}

TEST_CASE("a word written nowhere, its stem found through another word: the correction searched",
          "[searcher][spelling]") {
  // As on the bulk corpus: "ingérance" is stemmed as "ingéré" (one clause here), which no one
  // meant; "ingérence" is in more than twice as many clauses. The typed query finds the
  // clause of "ingéré", but no text writes "ingérance": the correction is searched instead.
  hemicycle::testing::TempDir dir;
  const std::string db = (dir.path() / "db").string();
  hemicycle::testing::index_paths(db, {hemicycle::testing::fixture("spelling"),
                                       hemicycle::testing::fixture("spelling_stemmed")});
  Searcher s({db});
  struct Row {
    std::string typed;
    std::string corrected;  // "" when the query as typed is kept
    std::vector<std::string> suggestions;
  };
  const std::vector<Row> rows = {
      {"ingérance", "ingérence", {}},
      {"ingéré", "", {}},  // written so: known, never corrected
      {"médicament", "", {}},
  };
  for (const auto& row : rows) {
    INFO(row.typed);
    SearchRequest r;
    r.query = row.typed;
    const SearchResult result = s.search(r);
    CHECK(result.total > 0);
    CHECK(result.query == row.typed);
    CHECK(result.corrected == row.corrected);
    CHECK(result.suggestions == row.suggestions);
    if (!row.corrected.empty()) {
      SearchRequest fixed;
      fixed.query = row.corrected;
      CHECK(hit_ids(result) == hit_ids(s.search(fixed)));
      SearchRequest exact = r;  // spell=0: the query as typed, the clause of "ingéré"
      exact.spell = false;
      const SearchResult typed = s.search(exact);
      CHECK(typed.total > 0);
      CHECK(hit_ids(typed) != hit_ids(result));
    }
  }
}

TEST_CASE("a commit that brings new words: the next search corrects to them",
          "[searcher][spelling]") {
  hemicycle::testing::TempDir dir;
  const std::string db = (dir.path() / "db").string();
  hemicycle::testing::index_paths(db, {hemicycle::testing::fixture("spelling")});
  Searcher s({db});
  SearchRequest r;
  r.query = "quorom";
  const SearchResult before = s.search(r);  // builds the lexicon of this revision
  CHECK(before.corrected.empty());
  CHECK(before.suggestions.empty());
  hemicycle::testing::index_paths(db, {hemicycle::testing::fixture("spelling_added")});
  CHECK(s.reopen());
  const SearchResult after = s.search(r);
  CHECK(after.corrected == "quorum");
  CHECK(hit_ids(after) == std::vector<std::string>{"SP-AMD-3"});
}

TEST_CASE("spelling in the JSON: corrected when searched, suggestions always",
          "[searcher][spelling]") {
  const std::string corrected = hemicycle::searcher::to_json(search("ingérance"));
  CHECK(corrected.find(R"({"query":"ingérance","corrected":"ingérence","suggestions":[],"total":2,)") == 0);
  const std::string offered = hemicycle::searcher::to_json(search("ingérance scrutin"));
  CHECK(offered.find(R"({"query":"ingérance scrutin","suggestions":["ingérence scrutin"],"total":)") == 0);
  const std::string exact = hemicycle::searcher::to_json(search("ingérance", false));
  CHECK(exact.find(R"({"query":"ingérance","suggestions":[],"total":0,)") == 0);
}

TEST_CASE("search-as-you-type tolerates typos in the letters typed", "[searcher][spelling]") {
  Searcher s({spelling_index().db()});
  struct Row {
    std::string typed;
    std::string first;  // the first word offered
  };
  const std::vector<Row> rows = {
      {"ingera", "ingérence"},          // one edit from "ingére…"
      {"lutte contre l’ingera", "ingérence"},
      {"scrutu", "scrutin"},
      {"ingé", "ingérence"},            // completions of its own: as before
      {"Nouvelle-Calé", "Calédonie"},
  };
  for (const auto& row : rows) {
    INFO(row.typed);
    const auto suggestions = s.suggest(row.typed);
    REQUIRE(!suggestions.empty());
    CHECK(suggestions.front().word == row.first);
  }
  CHECK(s.suggest("zorgl").empty());
  CHECK(s.suggest("ing").size() >= 1);  // three letters: completions only, no tolerance
}
