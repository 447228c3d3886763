// Incremental indexing: unchanged documents are skipped, changed ones replaced, vanished ones
// pruned.

#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <xapian.h>

#include "hemicycle/corpus/segmenter.h"
#include "hemicycle/indexer/indexer.h"
#include "hemicycle/format/schema.h"
#include "support.h"

namespace schema = hemicycle::format::schema;
using hemicycle::model::Document;
using hemicycle::indexer::Indexer;
using hemicycle::testing::TempDir;

namespace {

Document amendment(const std::string& id, const std::string& expose) {
  Document d;
  d.id = id;
  d.type = "amendement";
  d.date = "2024-11-22";
  d.origin = "/data/amendements.jsonl";
  d.text = "ARTICLE UNIQUE\n\nSupprimer l’alinéa 3.\n\nEXPOSÉ SOMMAIRE\n\n" + expose;
  hemicycle::corpus::segment(d);
  return d;
}

std::size_t summaries(const std::string& db) {
  return Xapian::Database(db).get_termfreq(std::string(schema::kSummaryTerm));
}

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace

TEST_CASE("unchanged documents are skipped, changed ones replaced", "[indexer]") {
  TempDir dir;
  const std::string db = (dir.path() / "db").string();
  {
    Indexer ix(db);
    ix.add(amendment("AM-1", "Les ingérences étrangères."));
    ix.add(amendment("AM-2", "La désinformation."));
  }
  const auto before = Xapian::Database(db).get_doccount();
  {
    Indexer ix(db);
    ix.add(amendment("AM-1", "Les ingérences étrangères."));
    ix.add(amendment("AM-2", "La désinformation en ligne."));  // changed
    ix.commit();
    CHECK(ix.stats().unchanged == 1);
    CHECK(ix.stats().documents == 1);
  }
  Xapian::Database reader(db);
  CHECK(reader.get_doccount() == before);
  CHECK(reader.get_termfreq("lign") + reader.get_termfreq("ligne") == 1);
  // The content hash is stable: the same document always hashes the same.
  CHECK(hemicycle::indexer::content_hash(amendment("AM-1", "x")) ==
        hemicycle::indexer::content_hash(amendment("AM-1", "x")));
  CHECK(hemicycle::indexer::content_hash(amendment("AM-1", "x")) !=
        hemicycle::indexer::content_hash(amendment("AM-1", "y")));
}

TEST_CASE("the content hash covers every field as read, not where or how it was cut",
          "[indexer]") {
  using hemicycle::indexer::content_hash;
  Document base;
  base.id = "AM-1";
  base.origin = "/data/amendements.jsonl";
  base.type = "amendement";
  base.text = "ARTICLE UNIQUE\n\nSupprimer l’alinéa 3.";
  const std::uint64_t h = content_hash(base);
  struct Case {
    const char* change;
    void (*apply)(Document&);
    bool changes_hash;
  };
  const Case cases[] = {
      {"id", [](Document& d) { d.id = "AM-2"; }, true},
      {"origin", [](Document& d) { d.origin = "/data/autres.jsonl"; }, true},
      {"source", [](Document& d) { d.source = "an"; }, true},
      {"type", [](Document& d) { d.type = "amendements"; }, true},
      {"institution", [](Document& d) { d.institution = "Sénat"; }, true},
      {"date", [](Document& d) { d.date = "2024-11-22"; }, true},
      {"title", [](Document& d) { d.title = "n° 3"; }, true},
      {"legislature", [](Document& d) { d.legislature = "17"; }, true},
      {"place", [](Document& d) { d.place = "Paris"; }, true},
      {"signatories", [](Document& d) { d.signatories = {"Yaël Braun-Pivet"}; }, true},
      {"signatory_role", [](Document& d) { d.signatory_role = "La Présidente"; }, true},
      {"outcome", [](Document& d) { d.outcome = "Adopté"; }, true},
      {"texte_ref", [](Document& d) { d.texte_ref = "T1"; }, true},
      {"dossier_ref", [](Document& d) { d.dossier_ref = "D1"; }, true},
      {"extras", [](Document& d) { d.extras = {{"etat", "Discuté"}}; }, true},
      {"text", [](Document& d) { d.text += " "; }, true},
      // Two signatories are not one extra field of that name and value.
      {"signatories a, b", [](Document& d) { d.signatories = {"a", "b"}; }, true},
      {"extras (a, b)", [](Document& d) { d.extras = {{"a", "b"}}; }, true},
      // Where it was read and what segmentation derives leave the hash as it was.
      {"line", [](Document& d) { d.line = 7; }, false},
      {"input_offset", [](Document& d) { d.input_offset = 4096; }, false},
      {"clauses", [](Document& d) { hemicycle::corpus::segment(d); }, false},
  };
  std::vector<std::uint64_t> seen{h};
  for (const Case& c : cases) {
    INFO(c.change);
    Document d = base;
    c.apply(d);
    CHECK((content_hash(d) != h) == c.changes_hash);
    if (c.changes_hash) seen.push_back(content_hash(d));
  }
  std::sort(seen.begin(), seen.end());
  CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());  // all different
}

TEST_CASE("pruning removes the documents no longer in the input", "[indexer][cli]") {
  TempDir dir;
  const std::string db = (dir.path() / "db").string();
  const auto input = dir.path() / "in";
  std::filesystem::create_directories(input / "sub");
  auto write = [](const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p) << text;
  };
  write(input / "a.txt", "Le Sénat,\n\nVu l’article 88-4 de la Constitution,\n");
  write(input / "sub" / "b.txt", "Article 1er\n\nLa présente loi est applicable outre-mer.\n");
  write(input / "c.jsonl",
        "{\"id\":\"C-1\",\"type\":\"amendement\",\"text\":\"ARTICLE UNIQUE\\n\\nSupprimer.\"}\n"
        "{\"id\":\"C-2\",\"type\":\"amendement\",\"text\":\"ARTICLE 2\\n\\nSupprimer.\"}\n");
  const std::string index = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";
  const std::string cmd = index + " --db '" + db + "' ";

  std::string first = run(cmd + "'" + input.string() + "'");
  INFO(first);
  CHECK(first.find("4 documents lus\u00a0: 4 ajoutés, 0 mis à jour, 0 inchangé\u00a0;") != std::string::npos);
  REQUIRE(summaries(db) == 4);

  std::string again = run(cmd + "'" + input.string() + "'");
  INFO(again);
  CHECK(again.find("4 documents lus\u00a0: 0 ajouté, 0 mis à jour, 4 inchangés\u00a0;") != std::string::npos);

  // A file removed, a line removed from another: without --prune nothing is deleted…
  std::filesystem::remove(input / "sub" / "b.txt");
  write(input / "c.jsonl",
        "{\"id\":\"C-1\",\"type\":\"amendement\",\"text\":\"ARTICLE UNIQUE\\n\\nSupprimer.\"}\n");
  run(cmd + "'" + input.string() + "'");
  CHECK(summaries(db) == 4);
  // …with it, both go; pruning a path only touches documents read from under it.
  std::string pruned = run(cmd + "--prune '" + input.string() + "'");
  INFO(pruned);
  CHECK(pruned.find("\n2 documents retirés, absents des entrées\n") != std::string::npos);
  CHECK(summaries(db) == 2);
  Xapian::Database reader(db);
  CHECK(reader.get_termfreq("QC-1") == 1);
  CHECK(reader.get_termfreq("QC-2") == 0);
  CHECK(reader.get_termfreq("Qb") == 0);
  CHECK(reader.get_termfreq("Qa") == 1);
}

TEST_CASE("a rerun on unchanged inputs writes nothing; an edited sidecar is read again",
          "[indexer][cli]") {
  TempDir dir;
  const std::string db = (dir.path() / "db").string();
  const auto input = dir.path() / "in";
  std::filesystem::create_directories(input);
  auto write = [](const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p) << text;
  };
  write(input / "a.txt", "Le Sénat,\n\nVu l’article 88-4 de la Constitution,\n");
  write(input / "a.json", "{\"id\":\"A\",\"date\":\"2024-01-02\"}");
  write(input / "c.jsonl",
        "{\"id\":\"C-1\",\"type\":\"amendement\",\"text\":\"ARTICLE UNIQUE\\n\\nSupprimer.\"}\n"
        "{\"id\":\"C-2\",\"type\":\"amendement\",\"text\":\"ARTICLE 2\\n\\nSupprimer.\"}\n");
  const std::string index = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";
  for (const std::string threads : {"1", "2"}) {
    INFO("--threads " << threads);
    const std::string cmd = index + " --threads " + threads + " --db '" + db + "' '" +
                            input.string() + "'";
    std::filesystem::remove_all(db);
    write(input / "a.json", "{\"id\":\"A\",\"date\":\"2024-01-02\"}");
    std::string first = run(cmd);
    INFO(first);
    REQUIRE(first.find("3 documents lus\u00a0: 3 ajoutés, 0 mis à jour, 0 inchangé\u00a0;") != std::string::npos);
    const auto revision = Xapian::Database(db).get_revision();

    std::string again = run(cmd);
    INFO(again);
    CHECK(again.find("3 documents lus\u00a0: 0 ajouté, 0 mis à jour, 3 inchangés\u00a0;") != std::string::npos);
    CHECK(Xapian::Database(db).get_revision() == revision);  // not even a commit

    // Only the metadata changed: the document is read, segmented and written again.
    write(input / "a.json", "{\"id\":\"A\",\"date\":\"2025-03-28\"}");
    std::string edited = run(cmd);
    INFO(edited);
    CHECK(edited.find("3 documents lus\u00a0: 0 ajouté, 1 mis à jour, 2 inchangés\u00a0;") != std::string::npos);
    Xapian::Database reader(db);
    auto summary = reader.postlist_begin("QA");
    REQUIRE(summary != reader.postlist_end("QA"));
    CHECK(reader.get_document(*summary).get_value(schema::kSlotDate) == "2025-03-28");
    CHECK(reader.get_termfreq("QA") == 1);
  }
}

TEST_CASE("the same index from one thread or two threads or merged parts", "[indexer][cli]") {
  auto sample = hemicycle::testing::fixture("searcher");
  TempDir dir;
  const std::string index = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";
  const std::string one = (dir.path() / "one").string(), two = (dir.path() / "two").string(),
                    parts = (dir.path() / "parts").string();
  run(index + " --quiet --threads 1 --db '" + one + "' '" + sample.string() + "'");
  run(index + " --quiet --threads 2 --db '" + two + "' '" + sample.string() + "'");
  std::string merged = run(index + " --shards 3 --db '" + parts + "' '" + sample.string() + "'");
  INFO(merged);
  CHECK(merged.find("\u00a0; 3 parties fusionnées en ") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(parts + ".part1"));
  Xapian::Database a(one);
  CHECK(a.get_doccount() > 20);
  for (const std::string& other : {two, parts}) {
    Xapian::Database b(other);
    CHECK(a.get_doccount() == b.get_doccount());
    for (auto t = a.allterms_begin(); t != a.allterms_end(); ++t) {
      INFO(other << " " << *t);
      CHECK(b.get_termfreq(*t) == t.get_termfreq());
    }
    // Every document's clauses follow its summary (what the searcher relies on).
    const std::string summary(schema::kSummaryTerm);
    for (auto s = b.postlist_begin(summary); s != b.postlist_end(summary); ++s) {
      Xapian::Document d = b.get_document(*s);
      const std::string id = d.get_value(schema::kSlotDocId);
      const auto clauses = std::stoul(d.get_value(schema::kSlotClauses));
      for (Xapian::docid k = 1; k <= clauses; ++k) {
        CHECK(b.get_document(*s + k).get_value(schema::kSlotDocId) == id);
      }
    }
  }
  // A second --shards run on an existing index updates it in place.
  std::string again = run(index + " --shards 2 --db '" + parts + "' '" + sample.string() + "'");
  CHECK(again.find("hemicycle-index\u00a0: --shards ne sert qu’à un nouvel index\u00a0; ") != std::string::npos);
  CHECK(again.find("0 mis à jour, 5 inchangés\u00a0;") != std::string::npos);
}
