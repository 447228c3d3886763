// The chronological orders: one order over the documents holding every word (in one clause
// or spread over several), then one over those holding only some; undated last both ways.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_index.h"
#include "hemicycle/searcher/searcher.h"

using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::SearcherOptions;
using hemicycle::searcher::Sort;
using hemicycle::searcher::Tier;

namespace {

std::vector<std::string> ids_of(const hemicycle::searcher::SearchResult& r) {
  std::vector<std::string> ids;
  for (const auto& h : r.hits) ids.push_back(h.document_id.substr(std::string("TEST-ORD-").size()));
  return ids;
}

}  // namespace

TEST_CASE("sorting by date is one order across match levels, undated last", "[searcher]") {
  const hemicycle::testing::FixtureIndex order("order");
  REQUIRE(order.warnings().empty());
  const std::string db = order.db();
  // 1, 3, 4: both words in one clause; 2: spread over two clauses; 5, 6, 7: one word.
  struct Case {
    Sort sort;
    bool grouped;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {Sort::kDateDesc, true, {"2", "1", "3", "4", "5", "6", "7"}},
      {Sort::kDateAsc, true, {"3", "1", "2", "4", "6", "5", "7"}},
      // Clauses: the clauses holding both words (1, 3, 4), then the others, by date.
      {Sort::kDateDesc, false, {"1", "3", "4"}},
      {Sort::kDateAsc, false, {"3", "1", "4"}},
  };
  for (bool table : {true, false}) {
    SearcherOptions options;
    options.facet_table = table;
    Searcher s({db}, options);
    for (const auto& c : cases) {
      INFO("sort " << hemicycle::searcher::sort_name(c.sort) << (c.grouped ? ", documents" : ", clauses")
                   << (table ? ", facet table" : ", no table"));
      SearchRequest r;
      r.query = "vigne olivier";
      r.sort = c.sort;
      r.group_by_document = c.grouped;
      r.limit = 20;
      const auto result = s.search(r);
      std::vector<std::string> ids = ids_of(result);
      if (!c.grouped) ids.resize(std::min(ids.size(), c.expected.size()));
      CHECK(ids == c.expected);
      CHECK(std::string(hemicycle::searcher::sort_name(result.sort)) ==
            (c.sort == Sort::kDateAsc ? "date:asc" : "date:desc"));
      // Pages of two give the same order as one page.
      std::vector<std::string> paged;
      for (r.offset = 0, r.limit = 2; r.offset < c.expected.size(); r.offset += 2) {
        for (const auto& id : ids_of(s.search(r))) paged.push_back(id);
      }
      paged.resize(std::min(paged.size(), c.expected.size()));
      CHECK(paged == c.expected);
    }
  }
}

TEST_CASE("sort names", "[searcher]") {
  using hemicycle::searcher::sort_from_string;
  CHECK(sort_from_string("relevance") == Sort::kRelevance);
  CHECK(sort_from_string("date") == Sort::kDateDesc);
  CHECK(sort_from_string("date:desc") == Sort::kDateDesc);
  CHECK(sort_from_string("date:asc") == Sort::kDateAsc);
  CHECK_FALSE(sort_from_string("date:up"));
  CHECK_FALSE(sort_from_string(""));
}

TEST_CASE("a partial hit says which words it lacks", "[searcher]") {
  const hemicycle::testing::FixtureIndex order("order");
  REQUIRE(order.warnings().empty());
  const std::string db = order.db();
  Searcher s({db});
  struct Case {
    std::string query;
    bool grouped;
    std::string id;                    // a hit of the result
    std::vector<std::string> missing;  // what it lacks
  };
  const std::vector<Case> cases = {
      {"vigne olivier", true, "5", {"olivier"}},
      {"vigne olivier", true, "6", {"vigne"}},
      {"vigne olivier", true, "2", {}},  // spread over two clauses: lacks nothing
      {"vigne olivier gel", true, "3", {"gel"}},
      {"vigne OR olivier gel", true, "5", {"gel"}},
      {"vigne olivier gel", true, "7", {"olivier", "gel"}},
      // Clauses: a phrase is held only in its order.
      {"\"gel tardif\" olivier", false, "2", {"\"gel tardif\""}},
      {"\"tardif gel\" olivier", false, "1", {"\"tardif gel\""}},
      {"\"gel tardif\" sécheresse", false, "1", {"sécheresse"}},
  };
  for (const auto& c : cases) {
    INFO(c.query << (c.grouped ? " (documents)" : " (clauses)") << ": TEST-ORD-" << c.id);
    SearchRequest r;
    r.query = c.query;
    r.group_by_document = c.grouped;
    r.limit = 50;
    const auto result = s.search(r);
    bool found = false;
    for (const auto& h : result.hits) {
      if (h.document_id != "TEST-ORD-" + c.id) continue;
      found = true;
      CHECK(h.missing == c.missing);
      CHECK((h.tier == Tier::kSomeWords) == !c.missing.empty());
      break;
    }
    CHECK(found);
  }
}

TEST_CASE("a query whose words never meet says so, on every page", "[searcher]") {
  const hemicycle::testing::FixtureIndex order("order");
  REQUIRE(order.warnings().empty());
  const std::string db = order.db();
  Searcher s({db});
  struct Case {
    std::string query;
    bool grouped;
    std::string note;  // "" for none
  };
  const std::vector<Case> cases = {
      {"gel sécheresse", true, "aucun document ne contient tous ces mots\u00a0: les résultats n’en contiennent qu’une partie"},
      {"sécheresse vigne", true, ""},  // together in TEST-ORD-2, over two clauses
      {"sécheresse vigne", false, "aucun passage ne contient tous ces mots\u00a0: les résultats n’en contiennent qu’une partie"},
      {"vigne olivier", true, ""},
      {"vigne olivier", false, ""},
      {"vigne", true, ""},
  };
  for (const auto& c : cases) {
    for (std::size_t offset : {0, 1}) {
      INFO(c.query << (c.grouped ? " (documents)" : " (clauses)") << ", offset " << offset);
      SearchRequest r;
      r.query = c.query;
      r.group_by_document = c.grouped;
      r.offset = offset;
      r.limit = 1;
      const auto result = s.search(r);
      REQUIRE_FALSE(result.hits.empty());
      std::string note;
      for (const auto& n : result.notes) {
        if (n.code == "words_never_meet") note = n.message;
      }
      CHECK(note == c.note);
    }
  }
}
