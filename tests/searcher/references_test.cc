// Legal references in queries (references.h): each form a person types gives the reference
// the indexer's normaliser writes for the texts, as one unit of the query (the words as
// typed OR the reference's terms); and on tests/data/references (a Code civil article 1240,
// a CGI article 1240, the Constitution's article 88-4, resolutions citing "article 88-4 de
// la Constitution" and "art. 88-4 Const.", amendments citing "l’article L. 252 du code
// électoral", "loi n° 2024-850 du 25 juillet 2024", "la loi du 25 juillet 2024", "le 49.3",
// "l’article 49, alinéa 3, de la Constitution", article 1240 of each code, the RGPD…) the
// documents citing it come first.

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_index.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/references.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/searcher/query.h"
#include "hemicycle/searcher/searcher.h"
#include "references.h"

namespace schema = hemicycle::format::schema;
using hemicycle::searcher::Origin;
using hemicycle::searcher::ParsedQuery;
using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::Tier;

namespace {

// A unit holding a reference: the words as typed, and the reference's keys.
struct Unit {
  std::string typed;
  std::vector<std::string> keys;
  bool operator==(const Unit&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Unit& u) {
  os << "{\"" << u.typed << "\":";
  for (const auto& k : u.keys) os << " [" << k << "]";
  return os << "}";
}

// The units of the parsed query that hold a reference.
std::vector<Unit> reference_units(const ParsedQuery& pq) {
  std::vector<Unit> out;
  for (const auto& unit : pq.units) {
    Unit u;
    for (const auto& item : unit) {
      if (item.origin == Origin::kTyped) u.typed = item.text;
      if (item.origin != Origin::kReference) continue;
      REQUIRE(item.tokens.size() == 1);
      REQUIRE(item.tokens.front().text.rfind(schema::kReferencePrefix, 0) == 0);
      u.keys.push_back(item.tokens.front().text.substr(schema::kReferencePrefix.size()));
    }
    if (!u.keys.empty()) out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

TEST_CASE("each reference form of a query gives the reference the texts' normaliser writes",
          "[searcher][references]") {
  struct Case {
    std::string query;
    std::vector<Unit> units;  // the units holding a reference, in order
  };
  const std::string l252 = "code electoral art. L. 252";
  const std::string cc1240 = "code civil art. 1240";
  const std::string cgi1240 = "code general des impots art. 1240";
  const std::string c884 = "constitution art. 88-4";
  const std::vector<std::string> c493 = {"constitution art. 49", "constitution art. 49 al. 3"};
  const std::vector<Case> cases = {
      // Code articles: the code by its name (with or without "du"), its abbreviation, first.
      {"article L. 252 du code électoral", {{"article L. 252 du code électoral", {l252}}}},
      {"l’article L. 252 du code électoral", {{"l’article L. 252 du code électoral", {l252}}}},
      {"art. L. 252 C. élect.", {{"art. L. 252 C. élect.", {l252}}}},
      {"art. 1240 C. civ.", {{"art. 1240 C. civ.", {cc1240}}}},
      {"1240 C. civ.", {{"1240 C. civ.", {cc1240}}}},
      {"article 1240 code civil", {{"article 1240 code civil", {cc1240}}}},
      {"Code civil 1240", {{"Code civil 1240", {cc1240}}}},
      {"code civil, article 1240", {{"code civil, article 1240", {cc1240}}}},
      {"article 1240 du code général des impôts",
       {{"article 1240 du code général des impôts", {cgi1240}}}},
      {"art. 1240 CGI", {{"art. 1240 CGI", {cgi1240}}}},
      {"article L. 2121-29 du CGCT",
       {{"article L. 2121-29 du CGCT",
         {"code general des collectivites territoriales art. L. 2121-29"}}}},
      {"article premier du code civil", {{"article premier du code civil", {"code civil art. 1er"}}}},
      // The Constitution: 88-4 alone, abbreviated, in full.
      {"88-4", {{"88-4", {c884}}}},
      {"article 88-4", {{"article 88-4", {c884}}}},
      {"art. 88-4 Const.", {{"art. 88-4 Const.", {c884}}}},
      {"article 88-4 de la Constitution", {{"article 88-4 de la Constitution", {c884}}}},
      {"Constitution, article 88-4", {{"Constitution, article 88-4", {c884}}}},
      // Its short names: 49.3 in every spelling, the alinéa named.
      {"49.3", {{"49.3", c493}}},
      {"49-3", {{"49-3", c493}}},
      {"le 49.3", {{"le 49.3", c493}}},
      {"article 49, alinéa 3, de la Constitution", {{"article 49, alinéa 3, de la Constitution", c493}}},
      {"article 49 alinéa 3", {{"article 49 alinéa 3", c493}}},
      {"article 45, alinéa 3",
       {{"article 45, alinéa 3", {"constitution art. 45", "constitution art. 45 al. 3"}}}},
      {"article 45, alinéa 3 de la Constitution",
       {{"article 45, alinéa 3 de la Constitution",
         {"constitution art. 45", "constitution art. 45 al. 3"}}}},
      // "article 40" is the Constitution's in a finance context only.
      {"article 40 charge publique", {{"article 40", {"constitution art. 40"}}}},
      {"irrecevabilité article 40", {{"article 40", {"constitution art. 40"}}}},
      {"article 40", {}},
      // Laws by number, by date, or both; EU acts by number or usual name; treaties and
      // the Règlement of the Assemblée.
      {"loi n° 2024-850", {{"loi n° 2024-850", {"loi 2024-850"}}}},
      {"loi n° 2024-850 du 25 juillet 2024",
       {{"loi n° 2024-850 du 25 juillet 2024", {"loi 2024-850", "loi du 2024-07-25"}}}},
      {"loi du 25 juillet 2024", {{"loi du 25 juillet 2024", {"loi du 2024-07-25"}}}},
      {"loi organique n° 2009-403", {{"loi organique n° 2009-403", {"loi-organique 2009-403"}}}},
      {"décret n° 2019-1234", {{"décret n° 2019-1234", {"decret 2019-1234"}}}},
      {"règlement (UE) 2024/1689", {{"règlement (UE) 2024/1689", {"reglement-ue 2024/1689"}}}},
      {"RGPD", {{"RGPD", {"reglement-ue 2016/679"}}}},
      {"directive (UE) 2016/797", {{"directive (UE) 2016/797", {"directive-ue 2016/797"}}}},
      {"articles 198 à 204 du TFUE", {{"articles 198 à 204 du TFUE", {"tfue art. 198-204"}}}},
      {"article 151-5 du Règlement de l’Assemblée nationale",
       {{"article 151-5 du Règlement de l’Assemblée nationale", {"reglement-an art. 151-5"}}}},
      // Two references, each its own unit, between words that stay words.
      {"responsabilité article 1240 du code civil loi n° 2024-850",
       {{"article 1240 du code civil", {cc1240}}, {"loi n° 2024-850", {"loi 2024-850"}}}},
      // No reference: words, a year, an article with no source, a code with no article, a
      // phrase (typed as a phrase, it is searched as such).
      {"scrutin majoritaire", {}},
      {"2024", {}},
      {"article 12", {}},
      {"code civil", {}},
      {"\"article 1240 du code civil\"", {}},
  };
  hemicycle::analyzers::FrenchAnalyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.query);
    const ParsedQuery pq = hemicycle::searcher::parse_query(c.query, analyzer);
    REQUIRE(pq.ok());
    CHECK(reference_units(pq) == c.units);
    // A recognised reference leaves no "« L. » … ignoré" behind.
    if (!c.units.empty()) CHECK(pq.notes.empty());
  }
}

TEST_CASE("the query side reads what the texts' extractor writes", "[searcher][references]") {
  // The same reference written in a text and typed in a query gives the same key.
  struct Case {
    std::string text;   // as an amendment writes it
    std::string query;  // as a person types it
  };
  const std::vector<Case> cases = {
      {"Au premier alinéa de l’article L. 252 du code électoral, le nombre est remplacé.",
       "art. L. 252 C. élect."},
      {"Vu l’article 88-4 de la Constitution,", "88-4"},
      {"Vu l’art. 88-4 Const.,", "article 88-4 de la Constitution"},
      {"L’article 1240 du code général des impôts est abrogé.", "1240 CGI"},
      {"Le recours au 49.3 est exclu.", "article 49, alinéa 3, de la Constitution"},
      {"Le I de l’article 3 de la loi n° 2024-850 du 25 juillet 2024 est abrogé.",
       "loi du 25 juillet 2024"},
  };
  hemicycle::analyzers::FrenchAnalyzer analyzer;
  for (const auto& c : cases) {
    INFO(c.text << " / " << c.query);
    std::set<std::string> written;
    for (const auto& r : hemicycle::corpus::find_references(c.text)) {
      written.insert(r.values.begin(), r.values.end());
      written.insert(r.details.begin(), r.details.end());
    }
    const auto units = reference_units(hemicycle::searcher::parse_query(c.query, analyzer));
    REQUIRE(units.size() == 1);
    for (const auto& key : units.front().keys) CHECK(written.count(key) == 1);
  }
}

namespace {

std::vector<std::string> ids(const SearchResult& r, std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < r.hits.size() && i < n; ++i) out.push_back(r.hits[i].document_id);
  return out;
}

std::set<std::string> id_set(const SearchResult& r, std::size_t from, std::size_t to) {
  std::set<std::string> out;
  for (std::size_t i = from; i < r.hits.size() && i < to; ++i) out.insert(r.hits[i].document_id);
  return out;
}

}  // namespace

TEST_CASE("a reference in a query finds the text itself first and the documents citing it",
          "[searcher][references]") {
  const hemicycle::testing::FixtureIndex index("references");
  REQUIRE(index.warnings().empty());
  const std::string cc1240 = "code-civil/Livre III/Titre III/Article 1240";
  const std::string cgi1240 = "cgi/Livre premier/Article 1240";
  struct Case {
    std::string query;
    std::vector<std::string> first;  // the first hits, in order
    std::size_t total;               // documents holding every unit
  };
  const std::vector<Case> cases = {
      // The decoy holds "article", "252", "code", "électoral" apart: only some words.
      {"article L. 252 du code électoral", {"AMREF-L252"}, 1},
      {"art. L. 252 C. élect.", {"AMREF-L252"}, 1},
      // The code named matters: the text itself, then the amendment citing it.
      {"article 1240 code civil", {cc1240, "AMREF-CC1240"}, 2},
      {"art. 1240 C. civ.", {cc1240, "AMREF-CC1240"}, 2},
      {"article 1240 du code général des impôts", {cgi1240, "AMREF-CGI1240"}, 2},
      {"1240 CGI", {cgi1240, "AMREF-CGI1240"}, 2},
      // The clause holding the article and its alinéa ranks first; "l'article 49" alone
      // (premier alinéa) last.
      {"article 49, alinéa 3, de la Constitution", {"AMREF-49AL3", "AMREF-493", "AMREF-49AL1"}, 3},
      {"RGPD", {"AMREF-RGPD"}, 1},
      {"règlement (UE) 2024/1689", {"AMREF-IA"}, 1},
      {"article 40 charge publique", {"AMREF-ART40"}, 1},
  };
  Searcher s({index.db()});
  for (const auto& c : cases) {
    INFO(c.query);
    SearchRequest r;
    r.query = c.query;
    r.limit = 20;
    const SearchResult result = s.search(r);
    CHECK(ids(result, c.first.size()) == c.first);
    CHECK(result.total == c.total);
  }
  // The three spellings of 88-4: the same documents, the Constitution's article first.
  const std::string c884 = "constitution/Titre XV/Article 88-4";
  for (const std::string q : {"88-4", "art. 88-4 Const.", "article 88-4 de la Constitution"}) {
    INFO(q);
    SearchRequest r;
    r.query = q;
    const SearchResult result = s.search(r);
    CHECK(ids(result, 1) == std::vector<std::string>{c884});
    CHECK(result.hits.front().tier == Tier::kKnownItem);
    CHECK(id_set(result, 1, 3) == std::set<std::string>{"RESREF-884", "RESREF-884-CONST"});
    CHECK(result.total == 3);
  }
  // 49.3, 49-3, le 49.3: the same two amendments first (the one writing "49.3" and the one
  // writing "article 49, alinéa 3, de la Constitution").
  for (const std::string q : {"49.3", "49-3", "le 49.3"}) {
    INFO(q);
    SearchRequest r;
    r.query = q;
    CHECK(id_set(s.search(r), 0, 2) == std::set<std::string>{"AMREF-493", "AMREF-49AL3"});
  }
  // By its number, the law is found where it is cited by number; by its date, where it is
  // cited by number and date, by date alone, and (its number read from the first) by number.
  SearchRequest law;
  law.query = "loi n° 2024-850";
  const SearchResult by_number = s.search(law);
  CHECK(id_set(by_number, 0, 10) == std::set<std::string>{"AMREF-LOI850", "AMREF-LOI850-NUM"});
  CHECK(by_number.total == 2);
  law.query = "loi du 25 juillet 2024";
  const SearchResult by_date = s.search(law);
  CHECK(id_set(by_date, 0, 2) == std::set<std::string>{"AMREF-LOI850", "AMREF-LOI-DATE"});
  CHECK(id_set(by_date, 2, 10) == std::set<std::string>{"AMREF-LOI850-NUM"});
  CHECK(by_date.total == 3);
}

TEST_CASE("a reference's hit shows the words as typed", "[searcher][references]") {
  const hemicycle::testing::FixtureIndex index("references");
  Searcher s({index.db()});
  SearchRequest r;
  r.query = "article L. 252 du code électoral";
  const SearchResult result = s.search(r);
  // The decoy, which holds the words apart, is no match: the reference is one unit.
  REQUIRE(result.hits.size() == 1);
  const auto& hit = result.hits.front();
  std::vector<std::string> marked;
  for (const auto& h : hit.highlights) marked.push_back(hit.text.substr(h.begin, h.end - h.begin));
  CHECK(std::count(marked.begin(), marked.end(), "252") == 1);
  CHECK(std::count(marked.begin(), marked.end(), "électoral") == 1);
  CHECK(result.notes.empty());
  // With a word it holds, the decoy lacks the reference, named as typed (not as its term).
  r.query = "article L. 252 du code électoral coordination";
  const SearchResult partial = s.search(r);
  const auto decoy = std::find_if(partial.hits.begin(), partial.hits.end(),
                                  [](const auto& h) { return h.document_id == "AMREF-L252-DECOY"; });
  REQUIRE(decoy != partial.hits.end());
  CHECK(decoy->missing == std::vector<std::string>{"article L. 252 du code électoral"});
}
