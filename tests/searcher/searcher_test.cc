#include "hemicycle/searcher/searcher.h"

#include <algorithm>
#include <fstream>
#include <catch2/catch.hpp>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/segmenter.h"
#include "hemicycle/indexer/indexer.h"
#include "hemicycle/searcher/json.h"
#include "searcher/facet_count.h"
#include "searcher/fixture_index.h"

using hemicycle::searcher::QueryError;
using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::Sort;
using hemicycle::searcher::Tier;
using hemicycle::testing::FixtureIndex;

using hemicycle::testing::facet_count;

namespace {

SearchResult run(Searcher& s, const std::string& q, SearchRequest r = {}) {
  r.query = q;
  return s.search(r);
}

std::vector<std::string> doc_ids(const SearchResult& r) {
  std::vector<std::string> ids;
  for (const auto& h : r.hits) ids.push_back(h.document_id);
  return ids;
}

// The words of `text` covered by the highlight ranges, as written.
std::vector<std::string> highlighted(const std::string& text,
                                     const std::vector<hemicycle::searcher::Range>& hs) {
  std::vector<std::string> out;
  for (const auto& h : hs) {
    REQUIRE(h.begin < h.end);
    REQUIRE(h.end <= text.size());
    out.push_back(text.substr(h.begin, h.end - h.begin));
  }
  return out;
}

}  // namespace

TEST_CASE("fixtures index without warnings", "[searcher]") {
  FixtureIndex ix;
  CHECK(ix.warnings().empty());
  Searcher s({ix.db()});
  CHECK(s.document_count() == 5);
}

TEST_CASE("the journalist's query finds the clause holding every word first", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  for (const std::string q : {"ingérence étrangère outre-mer", "ingerence etrangere outre-mer",
                              "l’ingérence étrangère d'outre-mer",
                              "INGÉRENCES ÉTRANGÈRES Outre-Mer"}) {
    INFO(q);
    SearchResult r = run(s, q);
    REQUIRE_FALSE(r.hits.empty());
    const auto& top = r.hits.front();
    CHECK(top.document_id == "TEST-RES-SENAT-2025");
    CHECK(top.tier == Tier::kAllWordsInClause);
    CHECK(top.kind == "article");
    CHECK(top.number == "3");
    CHECK(highlighted(top.text, top.highlights) ==
          std::vector<std::string>{"ingérences", "étrangères", "outre-mer"});
    CHECK(highlighted(top.snippet, top.snippet_highlights) ==
          std::vector<std::string>{"ingérences", "étrangères", "outre-mer"});
    CHECK(top.date == "2025-02-12");
    CHECK(top.institution == "Sénat");
    // Article 3, the visa of the loi 2024-850 and the visa of the TFUE all match a word.
    CHECK(top.matching_clauses >= 3);
  }
}

TEST_CASE("words spread over clauses rank below one clause, above some words", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  SearchResult r = run(s, "ingérence étrangère outre-mer");
  REQUIRE(r.hits.size() == 4);
  CHECK(r.total == 2);          // every word: in one clause, or spread over clauses
  CHECK(r.total_partial == 2);  // some words
  CHECK(r.hits[0].tier == Tier::kAllWordsInClause);
  // TEST-AM-1 has "ingérences" in its dispositif and the two others in its exposé.
  CHECK(r.hits[1].document_id == "TEST-AM-1");
  CHECK(r.hits[1].tier == Tier::kAllWordsInDocument);
  CHECK_FALSE(r.hits[1].clause_id.empty());
  CHECK(r.hits[2].tier == Tier::kSomeWords);
  CHECK(r.hits[3].tier == Tier::kSomeWords);
  auto ids = doc_ids(r);
  CHECK(std::count(ids.begin(), ids.end(), "TEST-AM-3") == 0);
}

TEST_CASE("facet counts are per document", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  SearchResult r = run(s, "étrangère");
  CHECK(facet_count(r, "type", "amendement") == 2);
  CHECK(facet_count(r, "type", "résolution européenne") == 1);
  CHECK(facet_count(r, "institution", "Sénat") == 1);
  CHECK(facet_count(r, "year", "2024") == 2);
  // Kinds count documents having a matching clause of that kind, not clauses.
  CHECK(facet_count(r, "kind", "visa") == 1);
  CHECK(facet_count(r, "kind", "expose") == 2);
  CHECK(facet_count(r, "signatory", "Leblanc") == 2);
  CHECK(facet_count(r, "territory", "Nouvelle-Calédonie") >= 2);
}

TEST_CASE("filters narrow results, in the query and as options", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  SECTION("type in the query") {
    SearchResult r = run(s, "ingérence type:amendement");
    REQUIRE(r.total == 1);
    CHECK(r.hits[0].document_id == "TEST-AM-1");
  }
  SECTION("accents and case do not matter in filter values") {
    SearchResult r = run(s, "étrangère type:\"Resolution europeenne\"");
    REQUIRE(r.total == 1);
    CHECK(r.hits[0].document_id == "TEST-RES-SENAT-2025");
  }
  SECTION("filter option and negated filter") {
    SearchRequest req;
    REQUIRE(add_filter("outcome:Rejeté", req).empty());
    SearchResult r = run(s, "étrangère", req);
    REQUIRE(r.total == 1);
    CHECK(r.hits[0].document_id == "TEST-AM-2");
    r = run(s, "étrangère -type:amendement");
    CHECK(doc_ids(r) == std::vector<std::string>{"TEST-RES-SENAT-2025"});
  }
  SECTION("kind filters clauses") {
    SearchResult r = run(s, "ingérences kind:visa");
    REQUIRE(r.total == 1);
    CHECK(r.hits[0].kind == "visa");
  }
  SECTION("date range and year") {
    SearchResult r = run(s, "étrangère date:2024-12-01..2025-12-31");
    auto ids = doc_ids(r);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"TEST-AM-2", "TEST-RES-SENAT-2025"});
    r = run(s, "étrangère year:2024");
    CHECK(r.total == 2);
    SearchRequest req;
    REQUIRE(add_date_bounds("", "2024-12-31", req).empty());
    r = run(s, "étrangère", req);
    CHECK(r.total == 2);
  }
  SECTION("territory and cites facets") {
    SearchResult r = run(s, "territory:\"Polynésie française\"");
    CHECK(r.total == 2);
    CHECK(r.hits[0].tier == Tier::kFilterOnly);
    r = run(s, "cites:\"loi 2024-850\"");
    REQUIRE(r.total == 1);
    CHECK(r.hits[0].document_id == "TEST-RES-SENAT-2025");
  }
}

TEST_CASE("phrases, OR and exclusions", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  SECTION("a phrase matches consecutive words across stop words and compounds") {
    CHECK(run(s, "\"Nouvelle Calédonie\"").total == 3);
    CHECK(run(s, "nouvelle-caledonie").total == 3);
    CHECK(run(s, "\"calédonie nouvelle\"").total == 0);
    CHECK(run(s, "\"lutte contre les ingérences\"").total == 1);
  }
  SECTION("OR") {
    SearchResult r = run(s, "cinéma OR addictions");
    CHECK(r.total == 2);
    CHECK(r.hits[0].tier == Tier::kAllWordsInClause);
  }
  SECTION("an excluded word removes the documents where it appears") {
    SearchResult r = run(s, "étrangère -Calédonie");
    CHECK(doc_ids(r) == std::vector<std::string>{"TEST-AM-2"});
    r = run(s, "étrangère -\"Polynésie française\"");
    auto ids = doc_ids(r);
    CHECK(std::count(ids.begin(), ids.end(), "TEST-RES-SENAT-2025") == 0);
  }
  SECTION("a reference is found whole") {
    SearchResult r = run(s, "loi n° 2024-850");
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].document_id == "TEST-RES-SENAT-2025");
    CHECK(r.hits[0].kind == "visa");
    CHECK(run(s, "88-4").total == 1);
    CHECK(run(s, "2024-851").total == 0);
  }
}

TEST_CASE("malformed queries are errors the user can read", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  CHECK_THROWS_AS(run(s, "\"ingérence étrangère"), QueryError);
  CHECK_THROWS_WITH(run(s, "couleur:bleu"), Catch::Contains("champ inconnu"));
  CHECK_THROWS_WITH(run(s, "date:hier..demain"), Catch::Contains("date"));
  CHECK_THROWS_WITH(run(s, "territory:"), Catch::Contains("valeur manquante"));
  SearchRequest req;
  CHECK(add_filter("nofield", req).code == "bad_filter");
  CHECK(add_filter("couleur:bleu", req).code == "unknown_field");
  CHECK(add_date_bounds("hier", "", req).code == "bad_date_range");
  CHECK(req.filters.empty());
  CHECK_FALSE(req.date);
  // Invalid UTF-8 is replaced, never a crash; the echo of the query stays valid UTF-8.
  SearchResult bad = run(s, "ing\xE9rence \xFF\xFE outre-mer");
  CHECK(hemicycle::analyzers::is_valid_utf8(bad.query));
  CHECK(bad.total + bad.total_partial >= 1);
  CHECK(hemicycle::analyzers::is_valid_utf8(hemicycle::searcher::to_json(bad)));
  // Only stop words: no error, no hit, a note.
  SearchResult r = run(s, "de la");
  CHECK(r.total == 0);
  REQUIRE_FALSE(r.notes.empty());
  CHECK(r.notes[0].code == "only_stop_words");
}

TEST_CASE("clauses mode, pagination and date sort", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  SearchRequest req;
  req.group_by_document = false;
  SearchResult clauses = run(s, "ingérences", req);
  // Article 3 and the visa of the resolution, the dispositif of TEST-AM-1.
  CHECK(clauses.total == 3);
  CHECK(clauses.hits.size() == 3);

  SearchRequest page;
  page.limit = 2;
  SearchResult first = run(s, "ingérence étrangère outre-mer", page);
  page.offset = 2;
  SearchResult second = run(s, "ingérence étrangère outre-mer", page);
  SearchResult all = run(s, "ingérence étrangère outre-mer");
  REQUIRE(first.hits.size() == 2);
  REQUIRE(second.hits.size() == 2);
  CHECK(doc_ids(all) == std::vector<std::string>{first.hits[0].document_id,
                                                 first.hits[1].document_id,
                                                 second.hits[0].document_id,
                                                 second.hits[1].document_id});

  SearchRequest by_date;
  by_date.sort = Sort::kDateDesc;
  SearchResult dated = run(s, "étrangère OR cinéma", by_date);
  REQUIRE(dated.hits.size() >= 3);
  for (std::size_t i = 1; i < dated.hits.size(); ++i) {
    if (dated.hits[i].tier == dated.hits[i - 1].tier) {
      CHECK(dated.hits[i - 1].date >= dated.hits[i].date);
    }
  }
}

TEST_CASE("several databases are searched as one", "[searcher]") {
  hemicycle::testing::TempDir dir;
  auto a = (dir.path() / "a").string(), b = (dir.path() / "b").string();
  using hemicycle::testing::fixture;
  hemicycle::testing::index_paths(a, {fixture("searcher/resolution_senat.txt")});
  hemicycle::testing::index_paths(b, {fixture("searcher/amendements.jsonl")});
  // Indexed again: every amendment is replaced and gets new docids after the old ones.
  hemicycle::testing::index_paths(b, {fixture("searcher/amendements.jsonl")});
  Searcher s({a, b});
  CHECK(s.document_count() == 4);
  SearchResult r = run(s, "ingérence étrangère outre-mer");
  REQUIRE(r.hits.size() == 3);
  CHECK(r.hits[0].document_id == "TEST-RES-SENAT-2025");
  CHECK(r.hits[1].document_id == "TEST-AM-1");
  // Counted over both databases: every word in TEST-RES-SENAT-2025 (a) and TEST-AM-1 (b),
  // some in TEST-AM-2 (b); the facets count the former.
  CHECK(r.total == 2);
  CHECK(r.total_partial == 1);
  CHECK(facet_count(r, "type", "amendement") == 1);
  CHECK(facet_count(r, "type", "résolution européenne") == 1);
  REQUIRE(s.document("TEST-AM-1"));
  // Document facets filter clauses in every database.
  r = run(s, "ingérence type:amendement");
  CHECK(doc_ids(r) == std::vector<std::string>{"TEST-AM-1"});
  r = run(s, "étrangère -signatory:Leblanc");
  CHECK(doc_ids(r) == std::vector<std::string>{"TEST-RES-SENAT-2025"});
  // Two values of one field: either one.
  r = run(s, "étrangère institution:Sénat institution:\"Assemblée nationale\"");
  CHECK(r.total == 3);
}

TEST_CASE("a whole document comes back in order", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  auto doc = s.document("TEST-RES-SENAT-2025");
  REQUIRE(doc);
  REQUIRE(doc->clauses.size() >= 10);
  for (std::size_t i = 0; i < doc->clauses.size(); ++i) {
    CHECK(doc->clauses[i].index == i + 1);
  }
  CHECK(doc->clauses.front().kind == "preamble");
  CHECK(doc->clauses.back().kind == "signature");
  CHECK(doc->metadata.institution == "Sénat");
  CHECK_FALSE(s.document("NO-SUCH-DOCUMENT"));
  std::string json = hemicycle::searcher::to_json(*doc);
  CHECK(json.find("\"clauses\":[") != std::string::npos);
}

TEST_CASE("a missing index is a readable error", "[searcher]") {
  hemicycle::testing::TempDir dir;
  CHECK_THROWS_WITH(Searcher({(dir.path() / "nothing").string()}),
                    Catch::Contains("impossible d’ouvrir l’index") && Catch::Contains("aucun index à cet emplacement"));
}

TEST_CASE("a selected facet keeps the counts of its other values", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  SearchRequest req;
  REQUIRE(add_filter("type:amendement", req).empty());
  SearchResult r = run(s, "ingérence étrangère outre-mer", req);
  CHECK(r.total == 1);          // TEST-AM-1 holds every word
  CHECK(r.total_partial == 1);  // TEST-AM-2 some
  // The type facet ignores its own selection: the other types stay visible with their
  // counts, over the same set (every word: the bill, which holds only "outre-mer", is not).
  CHECK(facet_count(r, "type", "amendement") == 1);
  CHECK(facet_count(r, "type", "résolution européenne") == 1);
  CHECK(facet_count(r, "type", "texte_legislatif") == 0);
  // Other facets follow the selection.
  CHECK(facet_count(r, "institution", "Sénat") == 0);
  CHECK(facet_count(r, "institution", "Assemblée nationale") == 1);
  // A filter typed in the query is not a facet selection: it narrows its own facet too.
  SearchResult typed = run(s, "ingérence étrangère outre-mer type:amendement");
  CHECK(facet_count(typed, "type", "résolution européenne") == 0);
}

TEST_CASE("suggestions complete the last word from the index", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  auto found = s.suggest("lutte contre les ingé");
  REQUIRE_FALSE(found.empty());
  CHECK(found.front().word == "ingérences");
  CHECK(found.front().query == "lutte contre les ingérences");
  CHECK(found.front().documents == 2);
  // Accents and case do not matter in what is typed.
  auto folded = s.suggest("INGE");
  REQUIRE_FALSE(folded.empty());
  CHECK(folded.front().word == "ingérences");
  auto compound = s.suggest("nouvelle-ca");
  REQUIRE_FALSE(compound.empty());
  CHECK(compound.front().query == "nouvelle-Calédonie");
  CHECK(s.suggest("i").empty());            // too short
  CHECK(s.suggest("ingérence ").empty());   // no word being typed
  CHECK(s.suggest("zzzz").empty());
  CHECK(s.suggest("ingé", 1).size() == 1);
}

TEST_CASE("index information", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  auto info = s.info();
  CHECK(info.documents == 5);
  CHECK(info.clauses > 20);
  CHECK(info.last_commit.size() == 20);  // 2026-11-29T01:24:00Z
  CHECK(info.last_commit.back() == 'Z');
}

TEST_CASE("a search restricted to one document lists its matching clauses", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});
  SearchRequest req;
  req.group_by_document = false;
  req.document_id = "TEST-RES-SENAT-2025";
  SearchResult r = run(s, "ingérence étrangère outre-mer", req);
  CHECK(r.total == 1);          // article 3 holds every word
  CHECK(r.total_partial == 2);  // the visas of the loi 2024-850 and of the TFUE
  REQUIRE(r.hits.size() == 3);
  for (const auto& h : r.hits) {
    CHECK(h.document_id == "TEST-RES-SENAT-2025");
    CHECK(h.clause_id.rfind("TEST-RES-SENAT-2025#", 0) == 0);
  }
  CHECK(r.hits.front().kind == "article");
  req.document_id = "NO-SUCH";
  CHECK(run(s, "ingérence", req).total == 0);
}

TEST_CASE("facet counts follow additions, replacements and deletions", "[searcher]") {
  FixtureIndex ix;
  Searcher s({ix.db()});  // with the in-memory facet table (the default)
  SearchResult before = run(s, "étrangère");
  CHECK(facet_count(before, "type", "amendement") == 2);

  auto amendment = [](const std::string& id, const std::string& expose) {
    hemicycle::model::Document d;
    d.id = id;
    d.type = "amendement";
    d.institution = "Assemblée nationale";
    d.date = "2025-01-10";
    d.text = "ARTICLE UNIQUE\n\nSupprimer cet article.\n\nEXPOSÉ SOMMAIRE\n\n" + expose;
    hemicycle::corpus::segment(d);
    return d;
  };
  {
    hemicycle::indexer::Indexer writer(ix.db());
    writer.add(amendment("TEST-AM-NEW", "Les ingérences étrangères en Guyane."));
  }
  CHECK(s.reopen());
  SearchResult added = run(s, "étrangère");
  CHECK(added.total == before.total + 1);
  CHECK(facet_count(added, "type", "amendement") == 3);
  CHECK(facet_count(added, "territory", "Guyane") >= 1);

  {
    hemicycle::indexer::Indexer writer(ix.db());
    writer.add(amendment("TEST-AM-NEW", "Les puissances étrangères en Guyane."));  // replaced
  }
  CHECK(s.reopen());
  SearchResult replaced = run(s, "étrangère");
  CHECK(replaced.total == added.total);
  CHECK(facet_count(replaced, "type", "amendement") == 3);

  {
    hemicycle::indexer::Indexer writer(ix.db());
    CHECK(writer.remove("TEST-AM-NEW"));
  }
  CHECK(s.reopen());
  SearchResult removed = run(s, "étrangère");
  CHECK(removed.total == before.total);
  CHECK(facet_count(removed, "type", "amendement") == 2);
}

// BM25's length normalisation is done at index time (schema::normalized_wdf): a word once in
// a short clause outranks the same word once in a long one, and twice outranks once in
// clauses of the same length.
TEST_CASE("ranking normalises by clause length", "[searcher][ranking]") {
  hemicycle::testing::TempDir dir;
  const auto input = dir.path() / "lengths.jsonl";
  {
    std::ofstream out(input);
    const std::string filler =
        "les commissions permanentes examinent les textes avant leur discussion en séance "
        "publique et les rapporteurs présentent leurs conclusions aux membres réunis ";
    out << "{\"id\":\"LONG\",\"type\":\"amendement\",\"text\":\"Le cabotage maritime. "
        << filler << filler << filler << "\"}\n";
    out << "{\"id\":\"SHORT\",\"type\":\"amendement\",\"text\":\"Le cabotage maritime est "
        << "protégé.\"}\n";
    out << "{\"id\":\"TWICE\",\"type\":\"amendement\",\"text\":\"Le cabotage et encore le "
        << "cabotage maritime. " << filler << filler << filler << "\"}\n";
  }
  const auto db = (dir.path() / "db").string();
  CHECK(hemicycle::testing::index_paths(db, {input}).empty());
  Searcher s({db});
  SearchRequest req;
  req.query = "cabotage";
  auto r = s.search(req);
  REQUIRE(r.hits.size() == 3);
  CHECK(r.hits[0].document_id == "SHORT");
  CHECK(r.hits[1].document_id == "TWICE");
  CHECK(r.hits[2].document_id == "LONG");
  CHECK(r.hits[0].score > r.hits[1].score);
  CHECK(r.hits[1].score > r.hits[2].score);
}

TEST_CASE("ids too long for a Xapian term are indexed, found, shown and removed", "[searcher]") {
  // Xapian rejects terms over 245 bytes; a 300-byte id used to abort the whole run. Two ids
  // that share their first 280 bytes must stay two documents.
  hemicycle::testing::TempDir dir;
  const std::string db = (dir.path() / "db").string();
  const std::string stem(280, 'X');
  const std::string id_a = stem + "-AAAAAAAAAAAAAAAAAAAA", id_b = stem + "-BBBBBBBBBBBBBBBBBBBB";
  auto make = [](const std::string& id, const std::string& text) {
    hemicycle::model::Document d;
    d.id = id;
    d.type = "amendement";
    d.text = text;
    hemicycle::corpus::segment(d);
    return d;
  };
  {
    hemicycle::indexer::Indexer ix(db);
    ix.add(make(id_a, "Les ingérences étrangères en Nouvelle-Calédonie."));
    ix.add(make(id_b, "Les ingérences étrangères outre-mer."));
    ix.add(make(id_b, "Les ingérences étrangères outre-mer, texte rectifié."));  // replaces
    ix.commit();
  }
  Searcher s({db});
  SearchResult r = run(s, "ingérences étrangères");
  auto ids = doc_ids(r);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{id_a, id_b});
  REQUIRE(s.document(id_b));
  CHECK(s.document(id_b)->metadata.id == id_b);
  CHECK(s.document(id_b)->clauses.at(0).text.find("rectifié") != std::string::npos);
  SearchRequest in;
  in.document_id = id_a;
  CHECK(run(s, "ingérences", in).total == 1);
  {
    hemicycle::indexer::Indexer ix(db);
    CHECK(ix.remove(id_a));
    ix.commit();
  }
  s.reopen();
  CHECK(doc_ids(run(s, "ingérences étrangères")) == std::vector<std::string>{id_b});
}
