// The thesaurus (searcher/src/thesaurus.*): its lists as data, the expansion of a query's
// words both ways (an abbreviation to its labels, a label to the abbreviation), our own
// parliamentary list, what is never expanded, the weights below the words typed, and the
// search on tests/data/thesaurus: A says "SMIC", B "salaire minimal interprofessionnel de
// croissance", C "salaire minimum", D "projet de loi de finances", E "PLF", F "La France
// insoumise", G "loi de finances initiale", H "commission mixte paritaire" and "salaire".

#include "thesaurus.h"

#include "queries.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "hemicycle/searcher/json.h"
#include "hemicycle/searcher/searcher.h"
#include "searcher/fixture_index.h"

using hemicycle::analyzers::FrenchAnalyzer;
using hemicycle::searcher::Expansion;
using hemicycle::searcher::Origin;
using hemicycle::searcher::ParsedQuery;
using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::Thesaurus;
using hemicycle::searcher::Tier;

namespace {

// The lists in the source tree (tests/data is HEMICYCLE_TEST_DATA).
const std::string kEurovocList =
    std::string(HEMICYCLE_TEST_DATA) + "/../../searcher/data/thesaurus-eurovoc.tsv";
const std::string kOurList =
    std::string(HEMICYCLE_TEST_DATA) + "/../../searcher/data/thesaurus-hemicycle.tsv";

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The expansions of `query` by the compiled-in thesaurus, as "words: also, also".
std::vector<Expansion> expansions_of(const std::string& query, ParsedQuery* out = nullptr) {
  FrenchAnalyzer analyzer;
  ParsedQuery pq = hemicycle::searcher::parse_query(query, analyzer);
  REQUIRE(pq.ok());
  auto added = hemicycle::searcher::expand_query(pq, Thesaurus::builtin());
  if (out) *out = std::move(pq);
  return added;
}

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.document_id);
  return out;
}

SearchResult search(Searcher& s, const std::string& q, bool expand = true) {
  SearchRequest r;
  r.query = q;
  r.expand = expand;
  return s.search(r);
}

}  // namespace

TEST_CASE("a list is concepts of labels, analysed, and what cannot expand is dropped",
          "[searcher][thesaurus]") {
  FrenchAnalyzer analyzer;
  const Thesaurus th({"# a comment\n"
                      "c1\tSMIC|salaire minimal\n"
                      "c2\tde la|du\n"                    // stop words only: nothing left
                      "c3\tseul\n"                        // one label: nothing to expand to
                      "c4\tLFI|La France insoumise\tgroupe|député\r\n"
                      "broken line without tab\n"},
                     analyzer);
  REQUIRE(th.size() == 2);
  CHECK(th.concept_at(0).id == "c1");
  CHECK(th.concept_at(1).id == "c4");
  CHECK(th.concept_at(1).context.count("group") == 1);  // analysed: stems
  CHECK(th.concept_at(1).context.count("deput") == 1);
  CHECK(th.longest() == 2);  // "La France insoumise": "la" is a stop word
  const auto* smic = th.concepts_of({"smic"});
  REQUIRE(smic);
  CHECK(*smic == std::vector<std::uint32_t>{0});
  CHECK(th.concepts_of({"salair", "minimal"}));
  CHECK_FALSE(th.concepts_of({"salair"}));
  CHECK_FALSE(th.concepts_of({"seul"}));
}

TEST_CASE("every concept of our own list is in the compiled-in thesaurus",
          "[searcher][thesaurus]") {
  const Thesaurus& th = Thesaurus::builtin();
  CHECK(th.size() > 3000);  // EuroVoc's derived list, and ours
  std::map<std::string, bool> ours;
  const std::string text = hemicycle::testing::read_file(kOurList);
  std::string_view list = text;
  for (std::size_t start = 0; start < list.size();) {
    std::size_t end = list.find('\n', start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view line = list.substr(start, end - start);
    if (!line.empty() && line[0] != '#' && line[0] != '-') {
      ours[std::string(line.substr(0, line.find('\t')))] = false;
    }
    start = end + 1;
  }
  REQUIRE(ours.size() >= 10);
  for (std::size_t c = 0; c < th.size(); ++c) {
    if (auto it = ours.find(th.concept_at(c).id); it != ours.end()) it->second = true;
  }
  for (const auto& [id, found] : ours) {
    INFO(id);
    CHECK(found);
  }
}

TEST_CASE("the compiled-in thesaurus is the lists analysed, and reads back the same",
          "[searcher][thesaurus]") {
  FrenchAnalyzer analyzer;
  const std::string eurovoc = hemicycle::testing::read_file(kEurovocList);
  const std::string ours = hemicycle::testing::read_file(kOurList);
  const Thesaurus analysed({eurovoc, ours}, analyzer);
  const Thesaurus& builtin = Thesaurus::builtin();
  CHECK(builtin.compiled() == analysed.compiled());
  const Thesaurus again = Thesaurus::from_compiled(analysed.compiled());
  REQUIRE(again.size() == analysed.size());
  CHECK(again.longest() == analysed.longest());
  for (const std::vector<std::string>& terms :
       std::vector<std::vector<std::string>>{{"smic"}, {"salair", "minimal"}, {"lfi"}, {"plf"}}) {
    const auto* a = analysed.concepts_of(terms);
    const auto* b = again.concepts_of(terms);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
  }
}

TEST_CASE("a word or phrase that is a label also matches the concept's other labels, both ways",
          "[searcher][thesaurus]") {
  struct Case {
    std::string query;
    std::string words;                // as typed
    std::vector<std::string> also;    // among the labels added
    std::vector<std::string> not_also;
  };
  const std::vector<Case> cases = {
      // EuroVoc, both ways, whatever the case, accents and plurals.
      {"SMIC", "SMIC", {"salaire minimal", "salaire minimum interprofessionnel de croissance"}, {}},
      {"smic", "smic", {"salaire minimal"}, {}},
      {"salaire minimal", "salaire minimal", {"SMIC", "salaire minimum"}, {"salaire minimal"}},
      {"Salaires minimaux", "Salaires minimaux", {"SMIC"}, {}},
      {"logement social", "logement social", {"HLM"}, {}},
      {"HLM", "HLM", {"logement social"}, {}},
      {"OGM", "OGM", {"organisme génétiquement modifié"}, {}},
      // Ours: the parliamentary abbreviations EuroVoc lacks, both ways.
      {"PLF", "PLF", {"projet de loi de finances"}, {}},
      {"projet de loi de finances", "projet loi finances", {"PLF"}, {"PJL"}},  // the longest label
      {"projet de loi", "projet loi", {"PJL"}, {"PLF"}},
      {"PLFSS", "PLFSS", {"projet de loi de financement de la sécurité sociale"}, {}},
      {"CMP", "CMP", {"commission mixte paritaire"}, {}},
      {"commission mixte paritaire", "commission mixte paritaire", {"CMP"}, {}},
      {"QAG", "QAG", {"questions au Gouvernement"}, {}},
      {"question au gouvernement", "question gouvernement", {"QAG"}, {}},
      {"QPC", "QPC", {"question prioritaire de constitutionnalité"}, {}},
      // LFI: a law or a group; both offered, unless the other words point at one.
      {"LFI", "LFI", {"loi de finances initiale", "La France insoumise"}, {}},
      {"LFI crédits", "LFI", {"loi de finances initiale"}, {"La France insoumise"}},
      {"amendements LFI", "LFI", {"La France insoumise"}, {"loi de finances initiale"}},
      // "LFI-NFP" holds "LFI": it would find nothing more.
      {"LFI groupe", "LFI", {"La France insoumise"}, {"loi de finances initiale", "LFI-NFP"}},
      // Nor "droit d'ingérence" for "ingérence".
      {"ingérence étrangère", "ingérence", {}, {"droit d'ingérence", "devoir d'ingérence"}},
      // CESE: the French council (ours) and the European committee (EuroVoc).
      {"CESE européen", "CESE", {"Comité économique et social européen"},
       {"Conseil économique, social et environnemental"}},
      // An OR's alternatives each in its unit.
      {"SMIC OR retraite", "SMIC", {"salaire minimal"}, {}},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    const auto added = expansions_of(c.query);
    // words: what was typed, the words of a run joined (without the stop words between).
    Expansion e;
    for (const auto& a : added) {
      if (a.words == c.words || a.words == c.query) e = a;
    }
    CHECK((c.also.empty() || !e.also.empty()));
    for (const auto& label : c.also) {
      INFO(label);
      CHECK(contains(e.also, label));
    }
    for (const auto& label : c.not_also) {
      INFO(label);
      CHECK_FALSE(contains(e.also, label));
    }
  }
}

TEST_CASE("quoted phrases, excluded words and words of no concept stay as typed",
          "[searcher][thesaurus]") {
  // Each query adds nothing, or nothing for the word that follows it.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\"SMIC\"", ""}, {"« salaire minimal »", ""}, {"-SMIC salaire", ""},
      {"-\"salaire minimal\" travail", ""}, {"titre:SMIC", ""},
      {"salaire", ""}, {"minimal", ""}, {"ingérence étrangère outre-mer", ""}, {"de la", ""},
      // Our list's "-" line: parliamentary words EuroVoc gives another sense.
      {"amendement", ""}, {"mandat", ""}, {"procuration", ""},
      // Words the stemmer confuses: "loi" and "loyer" give one term, "loi".
      {"loi", ""}, {"projet de loi de finances pour 2025 loi", "loi"},
      // A label's words apart from each other are not the label.
      {"salaire Mayotte minimal", ""},
      {"\"SMIC\" HLM", "SMIC"}, {"-SMIC HLM", "SMIC"},
  };
  for (const auto& [query, not_expanded] : cases) {
    INFO(query);
    ParsedQuery pq;
    const auto added = expansions_of(query, &pq);
    if (not_expanded.empty()) {
      CHECK(added.empty());
      for (const auto& unit : pq.units) {
        for (const auto& item : unit) CHECK(item.origin == Origin::kTyped);
      }
    }
    for (const auto& e : added) CHECK(e.words != not_expanded);
    for (const auto& item : pq.excluded) CHECK(item.origin == Origin::kTyped);
  }
}

TEST_CASE("each word of a label typed as several words gets the other labels in its unit",
          "[searcher][thesaurus]") {
  ParsedQuery pq;
  const auto added = expansions_of("salaire minimal Mayotte", &pq);
  REQUIRE(added.size() == 1);
  CHECK(added.front().words == "salaire minimal");
  // [salair | SMIC | …] [minimal | SMIC | …] [mayott]: a clause saying "SMIC" holds the
  // first two; one saying "salaire minimal" matches as without the thesaurus.
  REQUIRE(pq.units.size() == 3);
  for (std::size_t u = 0; u < 2; ++u) {
    const auto& unit = pq.units[u];
    REQUIRE(unit.size() >= 2);
    CHECK(unit.front().origin == Origin::kTyped);
    CHECK(unit.front().tokens.size() == 1);
    CHECK(unit.front().weight == 1.0);
    std::vector<std::string> labels;
    for (std::size_t i = 1; i < unit.size(); ++i) {
      CHECK(unit[i].origin == Origin::kThesaurus);
      CHECK(unit[i].weight == hemicycle::searcher::kThesaurusWeight);
      labels.push_back(unit[i].text);
    }
    CHECK(labels == added.front().also);
  }
  CHECK(pq.units.back().size() == 1);
  CHECK(pq.units.back().front().origin == Origin::kTyped);
}

TEST_CASE("the labels added never add to the weight of the words typed: their maximum",
          "[searcher][thesaurus]") {
  ParsedQuery pq;
  expansions_of("SMIC", &pq);
  REQUIRE(pq.units.size() == 1);
  const std::string described = hemicycle::searcher::unit_query(pq.units.front()).get_description();
  INFO(described);
  CHECK(described.rfind("Query((smic MAX ", 0) == 0);
  CHECK(described.find("0.5 * (salair PHRASE 2 minimal)") != std::string::npos);
  // Without additions, a unit is the OR of what was typed, as before.
  ParsedQuery typed;
  expansions_of("SMIC OR salaire", &typed);
  CHECK(hemicycle::searcher::unit_query({typed.units.front().front()}).get_description() ==
        "Query(smic)");
}

TEST_CASE("an added label weighs less than the words typed, and less still when rarer",
          "[searcher][thesaurus]") {
  // BM25's idf of a term held by n documents of 1000, and of a label: the sum of its terms'.
  const auto idf = [](double n) { return std::log(1 + (1000 - n + 0.5) / (n + 0.5)); };
  struct Case {
    double typed_freq, label_freq;  // documents holding each term, of 1000
    bool scaled;                    // weighs less than kThesaurusWeight
  };
  const std::vector<Case> cases = {
      {10, 900, false},  // the label's terms are common: kThesaurusWeight
      {100, 100, true},  // as frequent, but several terms: its phrase could outweigh
      {500, 5, true},    // much rarer: scaled down to the typed word's idf
  };
  for (const auto& c : cases) {
    ParsedQuery pq;
    expansions_of("SMIC", &pq);
    REQUIRE(pq.units.size() == 1);
    hemicycle::searcher::weigh_expansions(
        pq, [&](const std::string& term) { return term == "smic" ? c.typed_freq : c.label_freq; },
        1000);
    for (const auto& item : pq.units.front()) {
      if (item.origin != Origin::kThesaurus) continue;
      INFO(item.text << " " << c.typed_freq << "/" << c.label_freq);
      // At most half the typed word's best weight, whatever the label's length.
      const double label_idf = idf(c.label_freq) * static_cast<double>(item.tokens.size());
      CHECK(item.weight <= hemicycle::searcher::kThesaurusWeight);
      CHECK(item.weight * label_idf <=
            hemicycle::searcher::kThesaurusWeight * idf(c.typed_freq) + 1e-9);
      CHECK((item.weight < hemicycle::searcher::kThesaurusWeight) == c.scaled);
    }
  }
}

TEST_CASE("searching SMIC finds the clauses saying salaire minimal, below those saying SMIC",
          "[searcher][thesaurus]") {
  const hemicycle::testing::FixtureIndex fixture("thesaurus");
  REQUIRE(fixture.warnings().empty());
  Searcher s({fixture.db()});
  struct Case {
    std::string query;
    bool expand;
    std::vector<std::string> first;   // the hits' documents, in order, from the first
    std::size_t total;
  };
  const std::vector<Case> cases = {
      {"SMIC", true, {"TEST-THES-A"}, 3},           // A, then B and C
      {"SMIC", false, {"TEST-THES-A"}, 1},
      {"smic", true, {"TEST-THES-A"}, 3},
      {"salaire minimal", true, {"TEST-THES-B"}, 3},  // B (as typed), then A and C
      {"salaire minimal", false, {"TEST-THES-B"}, 1},
      {"PLF", true, {"TEST-THES-E", "TEST-THES-D"}, 2},
      {"projet de loi de finances", true, {"TEST-THES-D", "TEST-THES-E"}, 2},
      {"PLF", false, {"TEST-THES-E"}, 1},
      {"CMP", true, {"TEST-THES-H"}, 1},
      {"CMP", false, {}, 0},
      {"LFI crédits", true, {"TEST-THES-G"}, 1},  // the law: G holds both
      {"\"SMIC\"", true, {"TEST-THES-A"}, 1},      // a quoted phrase stays exact
  };
  for (const auto& c : cases) {
    INFO(c.query << (c.expand ? "" : " (expand=0)"));
    const SearchResult r = search(s, c.query, c.expand);
    CHECK(r.total == c.total);
    const auto got = ids(r);
    REQUIRE(got.size() >= c.first.size());
    for (std::size_t i = 0; i < c.first.size(); ++i) CHECK(got[i] == c.first[i]);
    // Only an expanded query says what it added (a quoted phrase adds nothing).
    CHECK(r.expansions.empty() == (!c.expand || c.query.front() == '"'));
  }
}

TEST_CASE("the typed word's clause outranks an added label's and the result says what was added",
          "[searcher][thesaurus]") {
  const hemicycle::testing::FixtureIndex fixture("thesaurus");
  Searcher s({fixture.db()});
  const SearchResult r = search(s, "SMIC");
  REQUIRE(r.hits.size() == 3);
  CHECK(r.hits[0].document_id == "TEST-THES-A");
  CHECK(r.hits[0].score > r.hits[1].score);
  CHECK(contains({r.hits[1].document_id, r.hits[2].document_id}, "TEST-THES-B"));
  CHECK(contains({r.hits[1].document_id, r.hits[2].document_id}, "TEST-THES-C"));
  for (const auto& h : r.hits) CHECK(h.tier == Tier::kAllWordsInClause);
  // B's clause: the label is highlighted, as written.
  for (const auto& h : r.hits) {
    if (h.document_id != "TEST-THES-B") continue;
    REQUIRE(!h.highlights.empty());
    CHECK(h.text.substr(h.highlights[0].begin, h.highlights[0].end - h.highlights[0].begin) ==
          "salaire");
  }
  REQUIRE(r.expansions.size() == 1);
  CHECK(r.expansions[0].words == "SMIC");
  CHECK(contains(r.expansions[0].also, "salaire minimal"));
  const std::string json = hemicycle::searcher::to_json(r);
  CHECK(json.find("\"expansions\":[{\"words\":\"SMIC\",\"also\":[\"salaire minimal\"") !=
        std::string::npos);
  CHECK(hemicycle::searcher::to_json(search(s, "SMIC", false)).find("\"expansions\":[]") !=
        std::string::npos);
}
