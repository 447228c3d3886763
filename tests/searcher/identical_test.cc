// Folding identical texts (issue 11): documents whose text is the same but for spacing,
// punctuation and quote typography are one hit listing the others; distinct=false shows
// them apart. Fixture tests/data/identical: TEST-ID-1, 2 and 3 are one text typed three ways
// (3 is of the 16th legislature), 4 differs by a word, 5 by a capital.

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_index.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/searcher/json.h"
#include "hemicycle/searcher/searcher.h"

using hemicycle::searcher::Hit;
using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::SearcherOptions;
using hemicycle::searcher::Sort;
using hemicycle::searcher::Tier;

namespace {

// "1" for TEST-ID-1.
std::string short_id(const std::string& id) { return id.substr(std::string("TEST-ID-").size()); }

// A hit as "rep" or "rep+a+b" (its identical documents in their order).
std::string group_of(const Hit& h) {
  std::string g = short_id(h.document_id);
  for (const auto& d : h.identical) g.append(1, '+').append(short_id(d.document_id));
  return g;
}

std::vector<std::string> groups(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(group_of(h));
  return out;
}

// The documents of the hits, their identical ones included, each once.
std::set<std::string> documents(const std::vector<std::string>& groups) {
  std::set<std::string> out;
  for (const auto& g : groups) {
    for (std::size_t b = 0; b < g.size();) {
      const std::size_t e = std::min(g.find('+', b), g.size());
      out.insert(g.substr(b, e - b));
      b = e + 1;
    }
  }
  return out;
}

const hemicycle::testing::FixtureIndex& identical_index() {
  static const hemicycle::testing::FixtureIndex index("identical");
  return index;
}

}  // namespace

TEST_CASE("the three typings of one text have one key, the others their own", "[searcher]") {
  namespace schema = hemicycle::format::schema;
  const std::string a = "Après l\u2019alinéa 2, insérer\u00a0: « Les forêts domaniales. »";
  const std::string b = "Après l'alinéa 2 , insérer : \"Les forêts  domaniales\"";
  CHECK(schema::text_key(a, "A") == schema::text_key(b, "B"));
  CHECK(schema::text_key(a, "A") != schema::text_key("Après l’alinéa 2", "A"));
  CHECK(schema::text_key(a, "A").size() == 16);
  CHECK(schema::text_key_value(schema::text_key(a, "A")) != 0);
  // No letter nor digit: keyed by the document, identical to no other.
  CHECK(schema::text_key("« … »", "A") != schema::text_key("« … »", "B"));
  CHECK(schema::text_key_value("not hex digits!!") == 0);
}

TEST_CASE("identical texts are one hit listing the others and distinct=false shows them apart",
          "[searcher]") {
  const auto& index = identical_index();
  REQUIRE(index.warnings().empty());
  struct Case {
    std::string query;
    std::vector<std::string> filters;
    Sort sort;
    Tier tier;                         // of every hit
    std::vector<std::string> folded;   // hits with distinct (rep+identical, oldest first)
    std::size_t total;                 // documents, folded or not (total + total_partial)
  };
  // The group {1, 2, 3}: its hit is its best-ranked document (equal scores: the first
  // indexed; by date: the newest or the oldest), the others oldest first.
  const std::vector<Case> cases = {
      {"coupes rases", {}, Sort::kRelevance, Tier::kAllWordsInClause, {"1+3+2", "4", "5"}, 5},
      {"coupes rases", {}, Sort::kDateDesc, Tier::kAllWordsInClause, {"5", "4", "2+3+1"}, 5},
      {"coupes rases", {}, Sort::kDateAsc, Tier::kAllWordsInClause, {"3+1+2", "4", "5"}, 5},
      // Spread over the dispositif and the exposé.
      {"rases biodiversité", {}, Sort::kRelevance, Tier::kAllWordsInDocument,
       {"1+3+2", "4", "5"}, 5},
      {"rases biodiversité", {}, Sort::kDateDesc, Tier::kAllWordsInDocument,
       {"5", "4", "2+3+1"}, 5},
      {"domaniales olivier", {}, Sort::kRelevance, Tier::kSomeWords, {"1+3+2", "5"}, 4},
      {"", {"type:amendement"}, Sort::kRelevance, Tier::kFilterOnly, {"1+3+2", "4", "5"}, 5},
      // Only the documents passing the filters are listed: 3 is of the 16th legislature.
      {"coupes rases", {"legislature:17"}, Sort::kRelevance, Tier::kAllWordsInClause,
       {"1+2", "4", "5"}, 4},
      {"coupes rases", {"signatory:Roux"}, Sort::kRelevance, Tier::kAllWordsInClause, {"2"}, 1},
      // Exclusions leave out whole documents (4 alone says "communales").
      {"coupes rases -communales", {}, Sort::kRelevance, Tier::kAllWordsInClause,
       {"1+3+2", "5"}, 4},
  };
  for (bool table : {true, false}) {
    SearcherOptions options;
    options.facet_table = table;
    Searcher s({index.db()}, options);
    for (const auto& c : cases) {
      INFO(c.query << " " << hemicycle::searcher::sort_name(c.sort) << " "
                   << (c.filters.empty() ? "" : c.filters.front())
                   << (table ? ", facet table" : ", no table"));
      SearchRequest r;
      r.query = c.query;
      r.sort = c.sort;
      for (const auto& f : c.filters) REQUIRE(add_filter(f, r).empty());
      const SearchResult folded = s.search(r);
      CHECK(folded.distinct);
      CHECK(groups(folded) == c.folded);
      CHECK(folded.total + folded.total_partial == c.total);
      CHECK(folded.total_distinct == c.folded.size());  // every text is on the page
      for (const auto& h : folded.hits) CHECK(h.tier == c.tier);
      r.distinct = false;
      const SearchResult apart = s.search(r);
      CHECK_FALSE(apart.distinct);
      CHECK(apart.total + apart.total_partial == c.total);
      CHECK(apart.total_distinct == c.total);
      CHECK(apart.hits.size() == c.total);
      for (const auto& h : apart.hits) CHECK(h.identical.empty());
      // Apart, the same documents, each its own hit.
      CHECK(documents(groups(apart)) == documents(c.folded));
    }
  }
}

TEST_CASE("pages of folded hits hold `limit` texts and never repeat one", "[searcher]") {
  const auto& index = identical_index();
  for (bool table : {true, false}) {
    SearcherOptions options;
    options.facet_table = table;
    Searcher s({index.db()}, options);
    for (Sort sort : {Sort::kRelevance, Sort::kDateDesc, Sort::kDateAsc}) {
      for (const std::string query : {"coupes rases", "rases biodiversité", "domaniales olivier"}) {
        for (bool distinct : {true, false}) {
          INFO(query << " " << hemicycle::searcher::sort_name(sort) << (distinct ? "" : " apart")
                     << (table ? ", facet table" : ", no table"));
          SearchRequest r;
          r.query = query;
          r.sort = sort;
          r.distinct = distinct;
          r.limit = 20;
          const std::vector<std::string> whole = groups(s.search(r));
          std::vector<std::string> paged;
          r.limit = 2;
          for (r.offset = 0; r.offset < 6; r.offset += 2) {
            const SearchResult page = s.search(r);
            CHECK(page.hits.size() == std::min<std::size_t>(2, whole.size() - std::min(whole.size(), r.offset)));
            for (const auto& g : groups(page)) paged.push_back(g);
          }
          CHECK(paged == whole);
          const std::set<std::string> docs = documents(whole);
          std::size_t listed = 0;
          for (const auto& g : whole) listed += documents({g}).size();
          CHECK(listed == docs.size());  // no document twice, as a hit or listed
        }
      }
    }
  }
}

TEST_CASE("an identical document is listed with its title, date and signatories",
          "[searcher]") {
  Searcher s({identical_index().db()});
  SearchRequest r;
  r.query = "coupes rases";
  r.limit = 1;
  const SearchResult result = s.search(r);
  REQUIRE(result.hits.size() == 1);
  REQUIRE(result.hits[0].identical.size() == 2);
  const auto& second = result.hits[0].identical[1];
  CHECK(second.document_id == "TEST-ID-2");
  CHECK(second.title == "Amendement n° CD27 (ART. 3)");
  CHECK(second.date == "2024-10-11");
  CHECK(second.signatories == std::vector<std::string>{"Roux", "Blanc"});
  const std::string json = hemicycle::searcher::to_json(result);
  CHECK(json.find("\"distinct\":true") != std::string::npos);
  CHECK(json.find("\"identical\":[{\"document_id\":\"TEST-ID-3\",\"title\":\"Amendement n° CD4 "
                  "(ART. 3)\",\"date\":\"2024-10-09\",\"signatories\":[\"Lenoir\"]},") !=
        std::string::npos);
  // Within one document (--in), and by clause, nothing is folded.
  r.document_id = "TEST-ID-2";
  CHECK(groups(s.search(r)) == std::vector<std::string>{"2"});
  r.document_id.clear();
  r.group_by_document = false;
  r.limit = 10;
  const SearchResult clauses = s.search(r);
  CHECK_FALSE(clauses.distinct);
  CHECK(clauses.hits.size() == 5);
  for (const auto& h : clauses.hits) CHECK(h.identical.empty());
}

TEST_CASE("a text filed by many documents still leaves room for the others on the page",
          "[searcher]") {
  // Ten copies of one short amendment (ranked first), and two longer ones: the words are
  // spread over the dispositif and the exposé, so the page comes from the documents
  // holding every word, where the copies fill more than the first ranks sorted.
  hemicycle::testing::TempDir dir;
  const auto input = dir.path() / "in";
  std::filesystem::create_directories(input);
  {
    std::ofstream out(input / "copies.jsonl");
    auto line = [&](const std::string& id, const std::string& text) {
      out << R"({"id": ")" << id << R"(", "type": "amendement", "date": "2024-05-02", "text": ")"
          << text << "\"}\n";
    };
    for (int i = 0; i < 10; ++i) {
      line("COPY-" + std::to_string(i),
           std::string("ARTICLE 2\\n\\nSupprimer") + (i % 2 ? " " : "  ") +
               "les haies.\\n\\nEXPOSÉ SOMMAIRE\\n\\nLe bocage" + (i % 3 ? "." : " !"));
    }
    line("OTHER-1", "ARTICLE 2\\n\\nSupprimer les haies des parcelles agricoles et des chemins "
                    "communaux.\\n\\nEXPOSÉ SOMMAIRE\\n\\nLe bocage normand et ses talus.");
    line("OTHER-2", "ARTICLE 4\\n\\nSupprimer les haies plantées après la date de la présente loi "
                    "dans les zones humides.\\n\\nEXPOSÉ SOMMAIRE\\n\\nLe bocage recule partout.");
  }
  const std::string db = (dir.path() / "db").string();
  REQUIRE(hemicycle::testing::index_paths(db, {input}).empty());
  for (bool table : {true, false}) {
    INFO((table ? "facet table" : "no table"));
    SearcherOptions options;
    options.facet_table = table;
    Searcher s({db}, options);
    SearchRequest r;
    r.query = "haies bocage";
    r.limit = 2;
    const SearchResult first = s.search(r);
    REQUIRE(first.hits.size() == 2);
    CHECK(first.hits[0].tier == Tier::kAllWordsInDocument);
    CHECK(first.hits[0].document_id.rfind("COPY-", 0) == 0);
    CHECK(first.hits[0].identical.size() == 9);
    CHECK(first.hits[1].document_id.rfind("OTHER-", 0) == 0);
    CHECK(first.total_distinct == 3);
    // The same order as apart, less the copies after the first.
    SearchRequest apart = r;
    apart.distinct = false;
    apart.limit = 12;
    std::vector<std::string> expected;
    for (const auto& h : s.search(apart).hits) {
      if (h.document_id.rfind("COPY-", 0) != 0 || expected.empty()) expected.push_back(h.document_id);
    }
    REQUIRE(expected.size() == 3);
    CHECK(first.hits[0].document_id == expected[0]);
    CHECK(first.hits[1].document_id == expected[1]);
    r.offset = 2;
    const SearchResult second = s.search(r);
    REQUIRE(second.hits.size() == 1);
    CHECK(second.hits[0].document_id.rfind("OTHER-", 0) == 0);
    CHECK(second.hits[0].document_id == expected[2]);
  }
}
