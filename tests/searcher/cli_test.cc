// The command-line tools, run as a user runs them: real binaries, real files.

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>
#include <rapidjson/document.h>

#include "support.h"

using hemicycle::testing::fixture;
using hemicycle::testing::TempDir;

namespace {

struct Run {
  int status = -1;
  std::string out;  // stdout and stderr, merged
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

Run run(const std::string& command, bool with_stderr = true) {
  Run r;
  std::string full = command + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* p = popen(full.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

const std::string kIndex = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";
const std::string kSearch = std::string(HEMICYCLE_BINARY_DIR) + "/searcher/hemicycle-search";

}  // namespace

TEST_CASE("hemicycle-index reports bad input with file and line and indexes the rest",
          "[cli]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  const auto input = dir.path() / "in";
  std::filesystem::create_directories(input);
  std::filesystem::copy(fixture("searcher"), input);
  {
    std::ofstream bad(input / "broken.jsonl");
    bad << "{\"id\":\"OK-1\",\"type\":\"amendement\",\"text\":\"ARTICLE UNIQUE\\n\\nSupprimer cet "
           "article.\"}\n"
        << "{\"id\": \"BROKEN\", \"text\": \n"
        << "{\"id\":\"OK-2\",\"type\":\"amendement\",\"text\":\"ARTICLE PREMIER\\n\\nSupprimer.\"}\n";
  }
  Run r = run(kIndex + " --db " + quote(db) + " " + quote(input.string()));
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("broken.jsonl:2\u00a0: JSON invalide\u00a0: ") != std::string::npos);
  CHECK(r.out.find("\n7 documents lus\u00a0: 7 ajoutés, ") != std::string::npos);
  CHECK(r.out.find("\u00a0; 1 avertissement\u00a0; ") != std::string::npos);

  Run strict = run(kIndex + " --strict --db " + quote(db) + " " + quote(input.string()));
  CHECK(strict.status == 1);

  Run json = run(kSearch + " --db " + quote(db) + " --json OK-2 OR supprimer", false);
  CHECK(json.status == 0);
  rapidjson::Document d;
  d.Parse(json.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["total"].GetUint() >= 2);
}

TEST_CASE("hemicycle-search answers in JSON and as text, and refuses bad queries", "[cli]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  Run ix = run(kIndex + " --quiet --db " + quote(db) + " " + quote(fixture("searcher").string()));
  REQUIRE(ix.status == 0);

  Run r = run(kSearch + " --db " + quote(db) + " --json 'ingérence étrangère outre-mer'", false);
  REQUIRE(r.status == 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  REQUIRE(d["hits"].IsArray());
  REQUIRE(d["hits"].Size() == 4);
  const auto& top = d["hits"][0];
  CHECK(std::string(top["document_id"].GetString()) == "TEST-RES-SENAT-2025");
  CHECK(std::string(top["kind"].GetString()) == "article");
  CHECK(std::string(top["match"].GetString()) == "all_words_in_clause");
  CHECK(top["highlights"].Size() == 3);
  CHECK(top["matching_clauses"].GetUint() >= 3);
  REQUIRE(d["facets"].IsObject());
  REQUIRE(d["facets"]["type"].IsArray());
  CHECK(d["total"].GetUint() == 2);
  CHECK(d["total_partial"].GetUint() == 2);
  CHECK(std::string(d["facets_count"].GetString()) == "all_words");
  CHECK(d["facets"]["type"].Size() == 2);  // of the two holding every word

  Run text = run(kSearch + " --db " + quote(db) + " --limit 1 ingérence étrangère outre-mer");
  CHECK(text.status == 0);
  CHECK(text.out.find("2 documents contiennent tous les mots de «\u00a0ingérence étrangère "
                      "outre-mer\u00a0»\u00a0; 2 autres en contiennent une partie (") == 0);
  CHECK(text.out.find("\nFacettes (documents contenant tous les mots)\n") != std::string::npos);
  CHECK(text.out.find("ingérences étrangères") != std::string::npos);
  CHECK(text.out.find("\033[1m") == std::string::npos);  // no bold when not a terminal
  // The partial hits (3rd and 4th) name what they lack.
  Run partial = run(kSearch + " --db " + quote(db) + " --offset 2 --limit 2 ingérence étrangère outre-mer");
  CHECK(partial.out.find("il manque\u00a0: \u00ab\u00a0ingérence\u00a0\u00bb, \u00ab\u00a0étrangère\u00a0\u00bb\n") != std::string::npos);
  CHECK(text.out.find("il manque") == std::string::npos);

  Run clauses = run(kSearch + " --db " + quote(db) + " --clauses --json --filter kind:visa ingérences", false);
  CHECK(clauses.status == 0);
  d.Parse(clauses.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(std::string(d["group"].GetString()) == "clause");
  CHECK(d["total"].GetUint() == 1);

  Run doc = run(kSearch + " --db " + quote(db) + " --document TEST-AM-1 --json", false);
  CHECK(doc.status == 0);
  d.Parse(doc.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(std::string(d["metadata"]["outcome"].GetString()) == "Adopté");
  CHECK(d["clauses"].Size() >= 3);

  Run bad = run(kSearch + " --db " + quote(db) + " '\"ingérence'");
  CHECK(bad.status == 2);
  CHECK(bad.out.find("requête incorrecte (unbalanced_quote)\u00a0: guillemet non refermé") != std::string::npos);
  Run unknown = run(kSearch + " --db " + quote(db) + " couleur:bleu");
  CHECK(unknown.status == 2);
  CHECK(unknown.out.find("champ inconnu \u00ab\u00a0couleur\u00a0\u00bb") != std::string::npos);
  Run missing = run(kSearch + " --db " + quote((dir.path() / "none").string()) + " x");
  CHECK(missing.status == 1);
  Run nodoc = run(kSearch + " --db " + quote(db) + " --document NOPE");
  CHECK(nodoc.status == 1);
  Run usage = run(kSearch + " --db " + quote(db) + " --limit lots x");
  CHECK(usage.status == 2);
  CHECK(usage.out.find("--limit attend un nombre de 0 à 1000") != std::string::npos);
  CHECK(usage.out.find("usage\u00a0: hemicycle-search") != std::string::npos);
}

TEST_CASE("hemicycle-search folds identical texts and says so, --distinct false shows them apart",
          "[cli]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  Run ix = run(kIndex + " --quiet --db " + quote(db) + " " + quote(fixture("identical").string()));
  REQUIRE(ix.status == 0);
  // By date, oldest first: TEST-ID-3 stands for its text, 1 and 2 are listed.
  Run folded = run(kSearch + " --db " + quote(db) + " --sort date:asc coupes rases");
  INFO(folded.out);
  CHECK(folded.status == 0);
  CHECK(folded.out.find("5 documents pour") != std::string::npos);
  CHECK(folded.out.find("\n(3 textes différents\u00a0: les documents identiques sont regroupés, "
                        "chacun compté\u00a0; --distinct false les montre à part)\n") !=
        std::string::npos);
  CHECK(folded.out.find("\n   + 2 documents identiques\u00a0: TEST-ID-1 (2024-10-10, Petit), "
                        "TEST-ID-2 (2024-10-11, Roux, Blanc)\n") != std::string::npos);
  CHECK(folded.out.find("\n3. ") != std::string::npos);
  CHECK(folded.out.find("\n4. ") == std::string::npos);
  // With a filter leaving one other document: the singular.
  Run one = run(kSearch + " --db " + quote(db) + " --filter legislature:17 coupes rases");
  CHECK(one.out.find("\n   + 1 document identique\u00a0: TEST-ID-2 (2024-10-11, Roux, Blanc)\n") !=
        std::string::npos);
  Run apart = run(kSearch + " --db " + quote(db) + " --distinct false coupes rases");
  CHECK(apart.status == 0);
  CHECK(apart.out.find("5 documents pour") != std::string::npos);
  CHECK(apart.out.find("\n5. ") != std::string::npos);
  CHECK(apart.out.find("identique") == std::string::npos);
  CHECK(apart.out.find("textes différents") == std::string::npos);
  Run json = run(kSearch + " --db " + quote(db) + " --json --distinct false coupes rases", false);
  rapidjson::Document d;
  d.Parse(json.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK_FALSE(d["distinct"].GetBool());
  CHECK(d["hits"].Size() == 5);
  Run bad = run(kSearch + " --db " + quote(db) + " --distinct non coupes");
  CHECK(bad.status == 2);
  CHECK(bad.out.find("--distinct attend true ou false") != std::string::npos);
}

TEST_CASE("hemicycle-search finds a known item first and filters by titre: and numero:",
          "[cli][known_item]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  Run ix = run(kIndex + " --quiet --db " + quote(db) + " " + quote(fixture("known_item").string()));
  REQUIRE(ix.status == 0);
  struct Case {
    std::string query;
    std::string first;  // the first hit
    std::string match;  // how it matched
    unsigned total;
  };
  const std::vector<Case> cases = {
      {"numero:1386", "AMTEST-1386-ART4", "filter_only", 2},
      {"numéro:CL2 titre:premier", "AMTEST-CL2-A", "filter_only", 1},
      {"titre:\"code pénal\"", "code-penal/Livre Ier/Article 121-3", "filter_only", 1},
      // The known item counts as a complete match; 1242, which holds no "civ." but cites it
      // ("l'article 1240 du code civil": the reference is one unit), too.
      {"1240 C. civ.", "code-civil/Livre III/Titre III/Article 1240", "known_item", 2},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    Run r = run(kSearch + " --db " + quote(db) + " --json " + quote(c.query), false);
    REQUIRE(r.status == 0);
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    REQUIRE_FALSE(d.HasParseError());
    REQUIRE(d["hits"].Size() >= 1);
    CHECK(std::string(d["hits"][0]["document_id"].GetString()) == c.first);
    CHECK(std::string(d["hits"][0]["match"].GetString()) == c.match);
    CHECK(d["total"].GetUint() == c.total);
  }
  Run text = run(kSearch + " --db " + quote(db) + " --limit 1 amendement n° 1386 article 4");
  CHECK(text.status == 0);
  CHECK(text.out.find("Amendement n° 1386 (ART. 4)") != std::string::npos);
  CHECK(text.out.find("le document désigné") != std::string::npos);
  CHECK(text.out.find("mots vides") == std::string::npos);  // "n°" is part of the form
}

TEST_CASE("hemicycle-search says what it searched instead, and what it offers; --no-correct",
          "[cli][spelling]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  Run ix = run(kIndex + " --quiet --db " + quote(db) + " " + quote(fixture("spelling").string()));
  REQUIRE(ix.status == 0);
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> lines;   // in the output, in order
    std::vector<std::string> absent;  // never in it
  };
  const std::vector<Case> cases = {
      {{"ingérance"},
       {"Résultats pour «\u00a0ingérence\u00a0». Rechercher plutôt «\u00a0ingérance\u00a0»\u00a0: "
        "--no-correct\n",
        "2 documents pour «\u00a0ingérence\u00a0»"},
       {"Vouliez-vous dire"}},
      {{"--no-correct", "ingérance"}, {"0 document pour «\u00a0ingérance\u00a0»"},
       {"Résultats pour", "Vouliez-vous dire"}},
      {{"ingérance", "scrutin"},
       {"Vouliez-vous dire «\u00a0ingérence scrutin\u00a0»\u00a0?\n",
        "aucun document ne contient tous les mots de «\u00a0ingérance scrutin\u00a0»"},
       {"Résultats pour"}},
      {{"scrutin"}, {"4 documents pour «\u00a0scrutin\u00a0»"}, {"Résultats pour", "Vouliez-vous dire"}},
  };
  for (const auto& c : cases) {
    std::string command = kSearch + " --db " + quote(db) + " --limit 1";
    for (const auto& a : c.args) command += " " + quote(a);
    INFO(command);
    Run r = run(command);
    INFO(r.out);
    CHECK(r.status == 0);
    std::size_t from = 0;
    for (const auto& line : c.lines) {
      const auto at = r.out.find(line, from);
      CHECK(at != std::string::npos);
      if (at != std::string::npos) from = at + line.size();
    }
    for (const auto& a : c.absent) CHECK(r.out.find(a) == std::string::npos);
  }
  Run json = run(kSearch + " --db " + quote(db) + " --json --limit 1 ingérance", false);
  CHECK(json.status == 0);
  rapidjson::Document d;
  d.Parse(json.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(std::string(d["query"].GetString()) == "ingérance");
  CHECK(std::string(d["corrected"].GetString()) == "ingérence");
  CHECK(d["suggestions"].Size() == 0);
}

TEST_CASE("hemicycle-search --prefix completes the last word, scrut* and OU work", "[cli]") {
  TempDir dir;
  const auto db = (dir.path() / "db").string();
  Run indexed = run(kIndex + " --quiet --db " + quote(db) + " " + quote(fixture("prefix").string()));
  INFO(indexed.out);
  REQUIRE(indexed.status == 0);
  struct Case {
    std::string args;
    unsigned total;
    std::string note;  // a note's code expected ("" none)
  };
  const std::vector<Case> cases = {
      {"--no-correct scrut", 1, ""},  // "scrute" only
      {"scrut", 2, ""},               // written nowhere: its correction "scrutin" searched
      {"--prefix scrut", 4, ""},
      {"--prefix --no-correct 'scrut '", 1, ""},
      {"'scrut*'", 4, ""},
      {"'s*' Corse", 3, "wildcard_too_short"},
      {"Corse OU Guyane", 4, ""},
      {"Corse SAUF Guyane", 2, ""},
  };
  for (const auto& c : cases) {
    Run r = run(kSearch + " --db " + quote(db) + " --json " + c.args, false);
    INFO(c.args << "\n" << r.out);
    REQUIRE(r.status == 0);
    rapidjson::Document d;
    d.Parse(r.out.c_str(), r.out.size());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["total"].GetUint() == c.total);
    const auto& notes = d["notes"].GetArray();
    CHECK(notes.Size() == (c.note.empty() ? 0u : 1u));
    if (!c.note.empty() && notes.Size() == 1) CHECK(std::string(notes[0]["code"].GetString()) == c.note);
  }
  // As text, the wildcard's note is said in French.
  Run text = run(kSearch + " --db " + quote(db) + " 's*' Corse");
  CHECK(text.out.find("il faut au moins 2 lettres avant") != std::string::npos);
}
