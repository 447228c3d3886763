// Speeches of a debate (tests/searcher/sittings.h, built by hand, indexed for real): their
// fields in hits and documents, snippets that begin with the speaker, the speech filters
// and facets, the amendment a speech names.

#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "hemicycle/searcher/json.h"
#include "hemicycle/searcher/searcher.h"
#include "searcher/facet_count.h"
#include "searcher/sittings.h"

using hemicycle::searcher::Hit;
using hemicycle::searcher::Range;
using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;
using hemicycle::searcher::Sort;
using hemicycle::testing::DebateIndex;
using hemicycle::testing::facet_count;

namespace {

SearchResult run(Searcher& s, const std::string& q, bool grouped = true,
                 Sort sort = Sort::kRelevance) {
  SearchRequest r;
  r.query = q;
  r.group_by_document = grouped;
  r.sort = sort;
  r.spell = false;
  return s.search(r);
}

std::vector<std::string> covered(const std::string& text, const std::vector<Range>& ranges) {
  std::vector<std::string> out;
  for (const auto& r : ranges) out.push_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

const Hit* hit_of(const SearchResult& r, const std::string& doc_id) {
  for (const auto& h : r.hits) {
    if (h.document_id == doc_id) return &h;
  }
  return nullptr;
}

// hemicycle-search's output (stdout only) and exit status.
std::pair<int, std::string> search_cli(const std::string& db, const std::string& args) {
  const std::string command = std::string(HEMICYCLE_BINARY_DIR) + "/searcher/hemicycle-search --db '" +
                              db + "' " + args + " 2>/dev/null";
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace

TEST_CASE("a speech's hit carries its speaker and begins its snippet with them", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  const SearchResult r = run(s, "\"clause de conscience\" maires", true);
  REQUIRE(r.total == 2);
  const Hit* h = hit_of(r, "CRSANR5L14S2013O1N120");
  REQUIRE(h);
  CHECK(h->kind == "speech");
  CHECK(h->snippet ==
        "M. Julien Aubert\u00a0: Je défends l’amendement n° 53, qui crée une clause de "
        "conscience pour les maires.");
  CHECK(covered(h->snippet, h->snippet_highlights) ==
        std::vector<std::string>{"clause", "conscience", "maires"});
  // The text and its highlights stay the clause's own.
  CHECK(h->text.rfind("Je défends", 0) == 0);
  CHECK(covered(h->text, h->highlights) ==
        std::vector<std::string>{"clause", "conscience", "maires"});
  CHECK(h->speech.speaker == "Julien Aubert");
  CHECK(h->speech.speaker_label == "M. Julien Aubert");
  CHECK(h->speech.speaker_role.empty());
  CHECK(h->speech.speaker_kind == "député");
  CHECK(h->speech.group == "UMP");
  CHECK(h->speech.headings ==
        std::vector<std::string>{hemicycle::testing::debate::kItem, "Discussion des articles",
                                 "Après l’article 1er"});
  CHECK(h->speech.amendment == "53");

  const Hit* later = hit_of(r, "CRSANR5L14S2013O1N130");
  REQUIRE(later);
  CHECK(later->snippet.rfind("M. Julien Aubert\u00a0: Madame la garde des sceaux", 0) == 0);
}

TEST_CASE("a speech's hit JSON: the speech fields, empty ones left out", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  const SearchResult r = run(s, "institution républicaine", false);
  REQUIRE(r.hits.size() == 1);
  rapidjson::Document d;
  d.Parse(hemicycle::searcher::to_json(r).c_str());
  REQUIRE(d.IsObject());
  const auto& hit = d["hits"][0];
  CHECK(std::string(hit["speaker"].GetString()) == "Christiane Taubira");
  CHECK(std::string(hit["speaker_label"].GetString()) == "Mme Christiane Taubira");
  CHECK(std::string(hit["speaker_role"].GetString()) == "garde des sceaux, ministre de la justice");
  CHECK(std::string(hit["speaker_kind"].GetString()) == "gouvernement");
  CHECK_FALSE(hit.HasMember("group"));
  CHECK_FALSE(hit.HasMember("amendment"));
  REQUIRE(hit["headings"].IsArray());
  CHECK(hit["headings"].Size() == 1);
  // The stage direction, as [begin, end] bytes of the clause text.
  REQUIRE(hit["directions"].IsArray());
  REQUIRE(hit["directions"].Size() == 1);
  const std::string text = hit["text"].GetString();
  const auto begin = hit["directions"][0][0].GetUint64();
  const auto end = hit["directions"][0][1].GetUint64();
  CHECK(text.substr(begin, end - begin) == "(Applaudissements sur les bancs du groupe SRC.)");
  // The snippet keeps it as text.
  CHECK(std::string(hit["snippet"].GetString()) ==
        "Mme Christiane Taubira\u00a0: Le mariage est une institution républicaine. "
        "(Applaudissements sur les bancs du groupe SRC.) Nous ouvrons le mariage à tous les "
        "couples.");
}

TEST_CASE("a hit of another kind has no speech field", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  const SearchResult r = run(s, "réécrit", false);
  REQUIRE_FALSE(r.hits.empty());
  rapidjson::Document d;
  d.Parse(hemicycle::searcher::to_json(r).c_str());
  for (const auto& hit : d["hits"].GetArray()) {
    CHECK(std::string(hit["kind"].GetString()) == "expose");
    for (const char* key : {"speaker", "speaker_label", "speaker_kind", "headings", "directions",
                            "amendment", "amendment_id"}) {
      CHECK_FALSE(hit.HasMember(key));
    }
    CHECK(std::string(hit["snippet"].GetString()).rfind("Cet amendement", 0) == 0);
  }
}

TEST_CASE("a sitting's document: its speeches in order, the sitting and who presided", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  const auto view = s.document("CRSANR5L14S2013O1N120");
  REQUIRE(view);
  rapidjson::Document d;
  d.Parse(hemicycle::searcher::to_json(*view).c_str());
  REQUIRE(d.IsObject());
  const auto& m = d["metadata"];
  CHECK(std::string(m["sitting"].GetString()) == "Première séance du mardi 29 janvier 2013");
  CHECK(m["sitting_of_day"].GetUint() == 1);
  REQUIRE(m["presiding"].IsArray());
  CHECK(std::string(m["presiding"][0].GetString()) == "Claude Bartolone");
  const auto& clauses = d["clauses"];
  REQUIRE(clauses.Size() == 5);
  struct Row {
    const char* label;
    const char* speaker;  // "" when left out
    const char* kind;
  };
  const std::vector<Row> rows = {
      {"M. le président", "Claude Bartolone", "président de séance"},
      {"Mme Christiane Taubira", "Christiane Taubira", "gouvernement"},
      {"M. Erwan Binet", "Erwan Binet", "rapporteur"},
      {"M. Julien Aubert", "Julien Aubert", "député"},
      {"Plusieurs députés du groupe UMP", "", "groupe"},
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& c = clauses[static_cast<rapidjson::SizeType>(i)];
    INFO("clause " << i + 1);
    CHECK(std::string(c["kind"].GetString()) == "speech");
    CHECK(std::string(c["speaker_label"].GetString()) == rows[i].label);
    CHECK(std::string(c["speaker_kind"].GetString()) == rows[i].kind);
    if (*rows[i].speaker) {
      CHECK(std::string(c["speaker"].GetString()) == rows[i].speaker);
    } else {
      CHECK_FALSE(c.HasMember("speaker"));
    }
  }
  CHECK(std::string(clauses[4]["group"].GetString()) == "UMP");
  CHECK(clauses[3]["headings"].Size() == 3);
  CHECK(std::string(clauses[1]["text"].GetString())
            .substr(clauses[1]["directions"][0][0].GetUint64(), 4) == "(App");
}

TEST_CASE("hemicycle-search shows a speech with its speaker and role as printed", "[searcher][speech][cli]") {
  DebateIndex index;
  auto [status, out] = search_cli(index.db(), "--clauses 'institution républicaine'");
  CHECK(status == 0);
  CHECK(out.find("\n   Mme Christiane Taubira, garde des sceaux, ministre de la justice\u00a0: Le "
                 "mariage est une institution républicaine. (Applaudissements") != std::string::npos);
  std::tie(status, out) = search_cli(index.db(), "--clauses 'clause de conscience' --filter kind:speech");
  CHECK(status == 0);
  // No role printed: the name alone.
  CHECK(out.find("\n   M. Julien Aubert\u00a0: Je défends l’amendement n° 53") != std::string::npos);
}

namespace {

std::vector<std::string> speakers_of(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.speech.speaker_label);
  return out;
}

std::vector<std::string> documents_of(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.document_id);
  return out;
}

}  // namespace

TEST_CASE("speaker: finds a person's speeches, with words or alone", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  const std::string first = "CRSANR5L14S2013O1N120", second = "CRSANR5L14S2013O1N130";
  struct Case {
    std::string query;
    bool grouped;
    Sort sort;
    std::size_t total;
    std::vector<std::string> documents;  // of the hits, in order
    std::vector<std::string> labels;     // the speakers of the hits, as printed
  };
  const std::vector<Case> cases = {
      // Her two speeches that say "mariage", one per sitting.
      {"speaker:\"Christiane Taubira\" mariage", false, Sort::kDateDesc, 2, {second, first},
       {"Mme la garde des sceaux", "Mme Christiane Taubira"}},
      {"speaker:\"Christiane Taubira\" mariage", true, Sort::kDateAsc, 2, {first, second},
       {"Mme Christiane Taubira", "Mme la garde des sceaux"}},
      // Folded values: case and accents do not matter.
      {"speaker:\"CHRISTIANE TAUBIRÂ\" mariage", false, Sort::kDateDesc, 2, {second, first},
       {"Mme la garde des sceaux", "Mme Christiane Taubira"}},
      // Others say "mariage" in both sittings; Julien Aubert never does.
      {"speaker:\"Julien Aubert\" mariage", false, Sort::kRelevance, 0, {}, {}},
      {"speaker:\"Julien Aubert\" mariage", true, Sort::kRelevance, 0, {}, {}},
      // The filter alone: the speeches, newest first.
      {"speaker:\"Julien Aubert\"", false, Sort::kDateDesc, 2, {second, first},
       {"M. Julien Aubert", "M. Julien Aubert"}},
      {"speaker:\"Julien Aubert\"", true, Sort::kDateDesc, 2, {second, first},
       {"M. Julien Aubert", "M. Julien Aubert"}},
      // A kind of speaker; a group (the collective speech has no person).
      {"speaker_role:gouvernement", false, Sort::kDateAsc, 2, {first, second},
       {"Mme Christiane Taubira", "Mme la garde des sceaux"}},
      {"group:UMP", false, Sort::kDateAsc, 3, {first, first, second},
       {"M. Julien Aubert", "Plusieurs députés du groupe UMP", "M. Julien Aubert"}},
      {"speaker_role:groupe \"très bien\"", false, Sort::kRelevance, 1, {first},
       {"Plusieurs députés du groupe UMP"}},
      {"group:UMP -speaker:\"Julien Aubert\"", false, Sort::kRelevance, 1, {first},
       {"Plusieurs députés du groupe UMP"}},
      // A sitting, by its name.
      {"sitting:\"Deuxième séance du vendredi 1er février 2013\" conscience", false,
       Sort::kRelevance, 1, {second}, {"M. Julien Aubert"}},
  };
  for (const auto& c : cases) {
    INFO(c.query << (c.grouped ? " (grouped)" : " (clauses)"));
    const SearchResult r = run(s, c.query, c.grouped, c.sort);
    CHECK(r.total == c.total);
    CHECK(documents_of(r) == c.documents);
    CHECK(speakers_of(r) == c.labels);
  }
}

TEST_CASE("a speaker filter given apart is the same filter", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  SearchRequest r;
  r.query = "conscience";
  r.group_by_document = false;
  REQUIRE(hemicycle::searcher::add_filter("speaker:Julien Aubert", r).empty());
  const SearchResult result = s.search(r);
  CHECK(result.total == 2);
  for (const auto& h : result.hits) CHECK(h.speech.speaker == "Julien Aubert");
}

TEST_CASE("facets of speeches: speaker, speaker_role, group, sitting", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  // Filters alone over the sittings: each counts once per value it holds.
  const SearchResult all = run(s, "kind:speech");
  CHECK(all.total == 2);
  struct Count {
    const char* field;
    const char* value;
    std::size_t documents;
  };
  for (const Count& c : std::vector<Count>{
           {"speaker", "Christiane Taubira", 2},
           {"speaker", "Julien Aubert", 2},
           {"speaker", "Claude Bartolone", 1},
           {"speaker", "Laurence Dumont", 1},
           {"speaker", "Erwan Binet", 1},
           {"speaker_role", "gouvernement", 2},
           {"speaker_role", "président de séance", 2},
           {"speaker_role", "rapporteur", 1},
           {"speaker_role", "groupe", 1},
           {"speaker_role", "député", 2},
           {"group", "UMP", 2},
           {"sitting", "Première séance du mardi 29 janvier 2013", 1},
           {"sitting", "Deuxième séance du vendredi 1er février 2013", 1},
       }) {
    INFO(c.field << " " << c.value);
    CHECK(facet_count(all, c.field, c.value) == c.documents);
  }
  // A speaker filter: the sittings where she speaks; the speaker facet, multi-select, still
  // lists the others of those sittings.
  SearchRequest r;
  r.query = "mariage";
  REQUIRE(hemicycle::searcher::add_filter("speaker:Christiane Taubira", r).empty());
  const SearchResult hers = s.search(r);
  CHECK(hers.total == 2);
  CHECK(facet_count(hers, "speaker", "Christiane Taubira") == 2);
  CHECK(facet_count(hers, "speaker_role", "gouvernement") == 2);
  CHECK(facet_count(hers, "sitting", "Première séance du mardi 29 janvier 2013") == 1);
}

TEST_CASE("speakers: names with a word starting with the prefix, with their speeches", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  struct Case {
    std::string prefix;
    std::size_t limit;
    std::vector<std::string> lines;  // "name speeches role|kind"
  };
  auto lines = [](const std::vector<hemicycle::searcher::Speaker>& speakers) {
    std::vector<std::string> out;
    for (const auto& sp : speakers) {
      out.push_back(sp.name + " " + std::to_string(sp.speeches) + " " + sp.role + "|" + sp.kind);
    }
    return out;
  };
  const std::string taubira = "Christiane Taubira 2 garde des sceaux, ministre de la justice|gouvernement";
  const std::string aubert = "Julien Aubert 2 |député";
  const std::vector<Case> cases = {
      {"taub", 10, {taubira}},
      {"CHRIST", 10, {taubira}},
      {"aubert", 10, {aubert}},
      {"christiane t", 10, {taubira}},
      {"iane", 10, {}},  // inside a word: no
      {"", 10, {taubira, aubert, "Claude Bartolone 1 président de séance|président de séance",
                "Erwan Binet 1 rapporteur de la commission des lois|rapporteur",
                "Laurence Dumont 1 présidente de séance|président de séance"}},
      {"", 3, {taubira, aubert, "Claude Bartolone 1 président de séance|président de séance"}},
      {"", 0, {}},
      {"zzz", 10, {}},
  };
  for (const auto& c : cases) {
    INFO("«" << c.prefix << "» " << c.limit);
    CHECK(lines(s.speakers(c.prefix, c.limit)) == c.lines);
  }
  rapidjson::Document d;
  d.Parse(hemicycle::searcher::to_json("taub", s.speakers("taub")).c_str());
  REQUIRE(d.IsObject());
  CHECK(std::string(d["query"].GetString()) == "taub");
  CHECK(std::string(d["speakers"][0]["name"].GetString()) == "Christiane Taubira");
  CHECK(d["speakers"][0]["speeches"].GetUint() == 2);
  CHECK(std::string(d["speakers"][0]["kind"].GetString()) == "gouvernement");
  d.Parse(hemicycle::searcher::to_json("aub", s.speakers("aub")).c_str());
  CHECK_FALSE(d["speakers"][0].HasMember("role"));
}

TEST_CASE("speakers: counts follow deletions", "[searcher][speech]") {
  DebateIndex index;
  {
    hemicycle::indexer::Indexer ix(index.db());
    REQUIRE(ix.remove("CRSANR5L14S2013O1N130"));
    ix.commit();
  }
  Searcher s({index.db()});
  const auto found = s.speakers("taubira");
  REQUIRE(found.size() == 1);
  CHECK(found[0].speeches == 1);
  CHECK(s.speakers("dumont").empty());
}

TEST_CASE("the amendment a speech names is linked when exactly one fits", "[searcher][speech]") {
  DebateIndex index;
  Searcher s({index.db()});
  // 53: one amendment of legislature 14 (the one of legislature 13 does not fit); 54: two.
  const SearchResult r = run(s, "speaker:\"Julien Aubert\"", false, Sort::kDateAsc);
  REQUIRE(r.hits.size() == 2);
  CHECK(r.hits[0].speech.amendment == "53");
  CHECK(r.hits[0].speech.amendment_id == "AMANR5L14-53");
  CHECK(r.hits[1].speech.amendment == "54");
  CHECK(r.hits[1].speech.amendment_id.empty());
  rapidjson::Document d;
  d.Parse(hemicycle::searcher::to_json(r).c_str());
  CHECK(std::string(d["hits"][0]["amendment_id"].GetString()) == "AMANR5L14-53");
  CHECK_FALSE(d["hits"][1].HasMember("amendment_id"));
  CHECK(std::string(d["hits"][1]["amendment"].GetString()) == "54");

  // The document view links its speeches the same way.
  const auto first = s.document("CRSANR5L14S2013O1N120");
  REQUIRE(first);
  CHECK(first->clauses[3].speech.amendment_id == "AMANR5L14-53");
  CHECK(first->clauses[4].speech.amendment_id == "AMANR5L14-53");
  CHECK(first->clauses[1].speech.amendment_id.empty());  // names none
  const auto second = s.document("CRSANR5L14S2013O1N130");
  REQUIRE(second);
  CHECK(second->clauses[1].speech.amendment == "54");
  CHECK(second->clauses[1].speech.amendment_id.empty());
}

TEST_CASE("the amendment link: the text decides between amendments of one number", "[searcher][speech]") {
  hemicycle::testing::TempDir dir;
  const std::string db = (dir.path() / "db").string();
  namespace debate = hemicycle::testing::debate;
  {
    hemicycle::indexer::Indexer ix(db);
    auto sitting = debate::first_sitting();
    sitting.texte_ref = "PRJLANR5L14B0344";
    ix.add(sitting);
    auto on_this_text = debate::amendment("AM-53-344", "53", "14");
    on_this_text.texte_ref = "PRJLANR5L14B0344";
    auto on_another = debate::amendment("AM-53-400", "53", "14");
    on_another.texte_ref = "PRJLANR5L14B0400";
    ix.add(on_this_text);
    ix.add(on_another);
    ix.commit();
  }
  Searcher s({db});
  const auto view = s.document("CRSANR5L14S2013O1N120");
  REQUIRE(view);
  CHECK(view->clauses[3].speech.amendment_id == "AM-53-344");
}
