// ingest() called directly: the fixtures and generated folders, every way of running (a new
// index in parts, an update on one thread or with a reading thread), and what a run shows.

#include "hemicycle/indexer/pipeline.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../indexer/src/progress.h"  // private formatter, tested directly
#include "hemicycle/format/schema.h"
#include "support.h"

namespace fs = std::filesystem;
namespace schema = hemicycle::format::schema;
using hemicycle::indexer::ingest;
using hemicycle::indexer::IngestOptions;
using hemicycle::indexer::IngestProgress;
using hemicycle::indexer::IngestResult;
using hemicycle::testing::fixture;
using hemicycle::testing::TempDir;

namespace {

// Everything a run tells, as text.
class Recorder : public hemicycle::indexer::IngestObserver {
 public:
  void warning(const hemicycle::model::Warning& w) override { warnings.push_back(w.to_string()); }
  void progress(const IngestProgress& p) override { progress_calls.push_back(p); }
  void not_found(const std::string& id) override { missing.push_back(id); }
  void updating_in_place() override { in_place = true; }
  void merging() override { merged = true; }

  std::vector<std::string> warnings;
  std::vector<IngestProgress> progress_calls;
  std::vector<std::string> missing;
  bool in_place = false;
  bool merged = false;
};

IngestOptions options(const fs::path& db, std::vector<std::string> inputs, unsigned threads) {
  IngestOptions o;
  o.db = db.string();
  o.inputs = std::move(inputs);
  o.threads = threads;
  return o;
}

std::size_t summaries(const fs::path& db) {
  return Xapian::Database(db.string()).get_termfreq(std::string(schema::kSummaryTerm));
}

bool indexed(const fs::path& db, const std::string& id) {
  return Xapian::Database(db.string()).get_termfreq("Q" + id) == 1;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

std::string jsonl_line(const std::string& id, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"type\":\"amendement\",\"date\":\"2024-11-22\",\"text\":\"" +
         text + "\"}\n";
}

// A folder of `lines` amendments in a JSON Lines file and two texts (one with a sidecar).
void generate(const fs::path& folder, int lines) {
  std::string jsonl;
  for (int i = 0; i < lines; ++i) {
    jsonl += jsonl_line("AM-" + std::to_string(i),
                        "ARTICLE " + std::to_string(i + 1) + "\\n\\nSupprimer l’alinéa " +
                            std::to_string(i) + ".\\n\\nEXPOSÉ SOMMAIRE\\n\\nPar cohérence.");
  }
  write(folder / "amendements.jsonl", jsonl);
  write(folder / "a.txt", "Le Sénat,\n\nVu l’article 88-4 de la Constitution,\n");
  write(folder / "a.json", "{\"id\":\"RES-A\",\"date\":\"2024-01-02\"}");
  write(folder / "sub" / "b.txt", "Article 1er\n\nLa présente loi est applicable outre-mer.\n");
}

}  // namespace

TEST_CASE("ingest counts the documents, clauses and warnings of the fixtures", "[pipeline]") {
  struct Case {
    std::vector<std::string> folders;
    std::size_t documents, clauses, warnings;
  };
  const Case cases[] = {
      {{"corpus/good"}, 6, 39, 1},  // notes.md: not a corpus file
      {{"corpus/bad"}, 4, 8, 9},
      {{"corpus/good", "corpus/bad"}, 10, 47, 10},
  };
  const unsigned threads = GENERATE(1u, 2u);
  for (const Case& c : cases) {
    INFO("threads " << threads << ", " << c.folders.size() << " folders, first "
                    << c.folders.front());
    TempDir dir;
    std::vector<std::string> inputs;
    for (const auto& f : c.folders) inputs.push_back(fixture(f).string());
    Recorder seen;
    const IngestResult r = ingest(options(dir.path() / "db", inputs, threads), seen);
    CHECK(r.documents == c.documents);
    CHECK(r.clauses == c.clauses);
    CHECK(r.warnings == c.warnings);
    CHECK(seen.warnings.size() == c.warnings);
    CHECK(r.unchanged == 0);
    CHECK(r.deleted == 0);
    CHECK(r.parts == (threads == 2 ? 2u : 0u));
    CHECK(seen.merged == (threads == 2));
    CHECK(r.text_bytes > 0);
    CHECK(summaries(dir.path() / "db") == c.documents);
  }
}

TEST_CASE("a second run on the fixtures changes nothing", "[pipeline]") {
  // Every document found unchanged, none written, no commit; corpus/good/resolution_senat.txt
  // among them, whose institution, date and signatory segmentation takes from its text.
  const unsigned threads = GENERATE(1u, 2u);
  INFO("threads " << threads);
  TempDir dir;
  const IngestOptions o =
      options(dir.path() / "db",
              {fixture("corpus/good").string(), fixture("corpus/bad").string(),
               fixture("searcher").string()},
              threads);
  const IngestResult first = ingest(o);
  CHECK(first.documents == 15);
  const auto revision = Xapian::Database(o.db).get_revision();
  const IngestResult again = ingest(o);
  CHECK(again.documents == 0);
  CHECK(again.unchanged == first.documents);
  CHECK(again.text_bytes == first.text_bytes);
  CHECK(Xapian::Database(o.db).get_revision() == revision);
}

TEST_CASE("a malformed document is reported with file and line and skipped, the rest indexed",
          "[pipeline]") {
  const unsigned threads = GENERATE(1u, 2u);
  INFO("threads " << threads);
  TempDir dir;
  const fs::path db = dir.path() / "db";
  const std::string bad = fixture("corpus/bad").string();
  Recorder seen;
  const IngestResult r =
      ingest(options(db, {bad, (dir.path() / "missing").string()}, threads), seen);
  std::vector<std::string> warnings;
  for (const auto& w : seen.warnings) {
    warnings.push_back(w.rfind(bad, 0) == 0 ? w.substr(bad.size() + 1) : w);
  }
  const std::vector<std::string> expected = {
      "blank.txt\u00a0: fichier vide\u00a0: ignoré",
      "broken.jsonl:2\u00a0: JSON invalide\u00a0: virgule ou «\u00a0}\u00a0» manquante après un "
      "membre d’objet (octet 28)",
      "broken.jsonl:4\u00a0: objet sans «\u00a0text\u00a0»\u00a0: ignoré",
      "broken.jsonl:5\u00a0: objet sans «\u00a0id\u00a0»\u00a0: ignoré",
      "broken.jsonl:6\u00a0: UTF-8 invalide à l’octet 26 de la ligne",
      "broken.jsonl:7\u00a0: pas un objet JSON",
      "empty.txt\u00a0: fichier vide\u00a0: ignoré",
      "invalid_utf8.txt:2\u00a0: UTF-8 invalide (octet 33 du fichier)\u00a0: ignoré",
      "orphan.json:1\u00a0: métadonnées qui ne sont pas du JSON (valeur invalide à l’octet "
      "1)\u00a0: texte lu sans elles",
      (dir.path() / "missing").string() + "\u00a0: fichier ou dossier introuvable",
  };
  CHECK(warnings == expected);
  CHECK(r.warnings == expected.size());
  CHECK(r.documents == 4);
  for (const char* id : {"b1", "b3", "b9", "orphan"}) CHECK(indexed(db, id));
  for (const char* id : {"b2", "b4", "b6"}) CHECK_FALSE(indexed(db, id));
}

TEST_CASE("a second run is unchanged, an edited document updated, a removed file pruned",
          "[pipeline]") {
  const unsigned threads = GENERATE(1u, 2u);
  INFO("threads " << threads);
  TempDir dir;
  const fs::path input = dir.path() / "in", db = dir.path() / "db";
  generate(input, 5);
  const IngestOptions o = options(db, {input.string()}, threads);

  const IngestResult first = ingest(o);
  CHECK(first.documents == 7);
  CHECK(first.unchanged == 0);
  const auto revision = Xapian::Database(db.string()).get_revision();

  const IngestResult again = ingest(o);
  CHECK(again.documents == 0);
  CHECK(again.unchanged == 7);
  CHECK(again.clauses == 0);
  CHECK(again.parts == 0);                                          // an update in place
  CHECK(Xapian::Database(db.string()).get_revision() == revision);  // not even a commit

  // Only the sidecar's date changed: the document is read, segmented and written again.
  write(input / "a.json", "{\"id\":\"RES-A\",\"date\":\"2025-03-28\"}");
  const IngestResult edited = ingest(o);
  CHECK(edited.documents == 1);
  CHECK(edited.unchanged == 6);
  {
    Xapian::Database reader(db.string());
    REQUIRE(reader.get_termfreq("QRES-A") == 1);
    CHECK(reader.get_document(*reader.postlist_begin("QRES-A")).get_value(schema::kSlotDate) ==
          "2025-03-28");
  }

  // A file gone: kept without prune, removed with it.
  fs::remove(input / "sub" / "b.txt");
  CHECK(ingest(o).deleted == 0);
  CHECK(summaries(db) == 7);
  IngestOptions pruning = o;
  pruning.prune = true;
  const IngestResult pruned = ingest(pruning);
  CHECK(pruned.pruned == 1);
  CHECK(pruned.deleted == 1);
  CHECK(pruned.unchanged == 6);
  CHECK(summaries(db) == 6);
  CHECK_FALSE(indexed(db, "b"));
}

TEST_CASE("deletes: found ones removed, the others told and counted", "[pipeline]") {
  TempDir dir;
  const fs::path input = dir.path() / "in", db = dir.path() / "db";
  generate(input, 3);
  ingest(options(db, {input.string()}, 2));
  IngestOptions o = options(db, {}, 2);
  o.deletes = {"AM-1", "NOPE"};
  Recorder seen;
  const IngestResult r = ingest(o, seen);
  CHECK(r.deleted == 1);
  CHECK(r.not_found == 1);
  CHECK(seen.missing == std::vector<std::string>{"NOPE"});
  CHECK(summaries(db) == 4);
  CHECK_FALSE(indexed(db, "AM-1"));
}

TEST_CASE("a build in parts gives the same index as one database", "[pipeline]") {
  TempDir dir;
  const fs::path input = dir.path() / "in";
  generate(input, 40);
  const IngestResult one = ingest(options(dir.path() / "one", {input.string()}, 1));
  const unsigned parts = GENERATE(2u, 3u);
  INFO(parts << " parts");
  IngestOptions o = options(dir.path() / "parts", {input.string()}, 2);
  o.shards = parts;
  Recorder seen;
  const IngestResult merged = ingest(o, seen);
  CHECK(merged.parts == parts);
  CHECK(seen.merged);
  REQUIRE_FALSE(seen.progress_calls.empty());  // at least once, at the first 200 ms
  CHECK(seen.progress_calls.back().parts == parts);
  CHECK(merged.documents == one.documents);
  CHECK(merged.clauses == one.clauses);
  CHECK(merged.text_bytes == one.text_bytes);
  CHECK(Xapian::Database(o.db).get_doccount() ==
        Xapian::Database((dir.path() / "one").string()).get_doccount());
  CHECK(summaries(o.db) == 42);
  for (const char* beside : {".new", ".new.part1", ".compact", ".old"}) {
    INFO(beside);
    CHECK_FALSE(fs::exists(o.db + beside));  // built beside the database, then switched in
  }
  CHECK(fs::exists(o.db + ".lock"));  // kept: two runs always lock the same file

  // Parts again on the index, now existing: it is updated in place.
  Recorder again;
  const IngestResult update = ingest(o, again);
  CHECK(again.in_place);
  CHECK(update.parts == 0);
  CHECK(update.unchanged == 42);
}

TEST_CASE("ingest refuses options out of range", "[pipeline]") {
  TempDir dir;
  IngestOptions o = options(dir.path() / "db", {fixture("corpus/good").string()}, 2);
  o.shards = hemicycle::indexer::kMaxShards + 1;
  CHECK_THROWS_AS(ingest(o), std::invalid_argument);
  o.shards = 0;
  o.db.clear();
  CHECK_THROWS_AS(ingest(o), std::invalid_argument);
}

TEST_CASE("the progress line, for an update and for a build in parts", "[pipeline][progress]") {
  struct Case {
    IngestProgress progress;
    std::string line;
  };
  auto update = [](std::size_t documents, std::size_t unchanged, double seconds,
                   std::uint64_t position, std::uint64_t total) {
    IngestProgress p;
    p.documents = documents;
    p.unchanged = unchanged;
    p.clauses = documents * 10;
    p.warnings = 1;
    p.text_bytes = documents * 20000;
    p.seconds = seconds;
    p.input_position = position;
    p.input_bytes = total;
    return p;
  };
  auto parts = [&](unsigned n, double seconds, std::uint64_t position) {
    IngestProgress p = update(300, 0, seconds, position, 4000000);
    p.parts = n;
    return p;
  };
  auto counts = [&](std::size_t documents, std::size_t clauses, std::size_t warnings) {
    IngestProgress p = update(documents, documents > 0 ? 1 : 0, 2, 0, 0);
    p.clauses = clauses;
    p.warnings = warnings;
    return p;
  };
  const Case cases[] = {
      {update(0, 0, 0, 0, 0),
       "0 document (0 inchangé), 0 passage, 1 avertissement, 0 doc/s, 0,0 Mo/s"},
      // The share and the ETA wait for the first second.
      {update(120, 20, 0.5, 1000, 4000),
       "120 documents (20 inchangés), 1200 passages, 1 avertissement, 240 doc/s, 4,8 Mo/s"},
      {update(120, 20, 2, 1000, 4000),
       "120 documents (20 inchangés), 1200 passages, 1 avertissement, 60 doc/s, 1,2 Mo/s, "
       "25\u00a0%, reste 0:06"},
      {update(120, 20, 50, 1000, 4000),
       "120 documents (20 inchangés), 1200 passages, 1 avertissement, 2 doc/s, 0,0 Mo/s, "
       "25\u00a0%, reste 2:30"},
      // Nothing known of the input: no ETA.
      {update(120, 20, 2, 0, 4000),
       "120 documents (20 inchangés), 1200 passages, 1 avertissement, 60 doc/s, 1,2 Mo/s"},
      {update(120, 20, 2, 1000, 0),
       "120 documents (20 inchangés), 1200 passages, 1 avertissement, 60 doc/s, 1,2 Mo/s"},
      // Past the end (a file grew): 100 %, nothing left.
      {update(120, 0, 2, 5000, 4000),
       "120 documents (0 inchangé), 1200 passages, 1 avertissement, 60 doc/s, 1,2 Mo/s, "
       "100\u00a0%, reste 0:00"},
      // Singular below 2, plural from 2; digits grouped from five on.
      {counts(1, 1, 0), "1 document (1 inchangé), 1 passage, 0 avertissement, 1 doc/s, 0,0 Mo/s"},
      {counts(2, 2, 2),
       "2 documents (1 inchangé), 2 passages, 2 avertissements, 1 doc/s, 0,0 Mo/s"},
      {counts(9999, 64501, 12345),
       "9999 documents (1 inchangé), 64\u202f501 passages, 12\u202f345 avertissements, "
       "5000 doc/s, 100,0 Mo/s"},
      {counts(1234567, 0, 0),
       "1\u202f234\u202f567 documents (1 inchangé), 0 passage, 0 avertissement, 617\u202f284 doc/s, "
       "12\u202f345,7 Mo/s"},
      {parts(2, 3, 3000000),
       "300 documents, 3000 passages en 2 parties, 100 doc/s, 2,0 Mo/s, 75\u00a0%, reste 0:01"},
      {parts(3, 0.4, 3000000), "300 documents, 3000 passages en 3 parties, 750 doc/s, 15,0 Mo/s"},
  };
  for (const Case& c : cases) {
    CHECK(hemicycle::indexer::internal::progress_line(c.progress) == c.line);
  }
}

TEST_CASE("minutes and seconds of the ETA", "[pipeline][progress]") {
  const std::pair<double, const char*> cases[] = {
      {0, "0:00"}, {0.4, "0:00"}, {0.5, "0:01"}, {59.4, "0:59"}, {60, "1:00"}, {3725, "62:05"},
  };
  for (const auto& [seconds, text] : cases) {
    CHECK(hemicycle::indexer::internal::clock_text(seconds) == text);
  }
}

TEST_CASE("the summary of a run", "[pipeline][progress]") {
  struct Case {
    IngestResult result;
    std::uintmax_t index_bytes;
    std::string text;
  };
  IngestResult update;
  update.documents = 3;
  update.unchanged = 27;
  update.clauses = 120;
  update.deleted = 2;
  update.warnings = 1;
  update.text_bytes = 500000;
  update.seconds = 0.25;
  IngestResult pruned = update;
  pruned.pruned = 2;
  IngestResult parts;
  parts.documents = 30;
  parts.clauses = 2156;
  parts.text_bytes = 460000;
  parts.seconds = 0.2;
  parts.parts = 2;
  parts.merge_seconds = 0.014;
  IngestResult nothing;
  IngestResult one;  // every count at 1: the singular
  one.documents = one.replaced = one.unchanged = one.clauses = one.deleted = one.pruned =
      one.warnings = 1;
  one.text_bytes = 1200000;
  one.seconds = 1.24;
  IngestResult big;  // digits grouped from five on
  big.documents = 64501;
  big.replaced = 1501;
  big.unchanged = 12000;
  big.clauses = 2345678;
  big.warnings = 9999;
  big.text_bytes = 1000000000;
  big.seconds = 28.94;
  big.parts = 2;
  big.merge_seconds = 3.06;
  const Case cases[] = {
      {update, 2100000,
       "30 documents lus\u00a0: 3 ajoutés, 0 mis à jour, 27 inchangés\u00a0; 2 documents "
       "supprimés\u00a0; 1 avertissement\u00a0; 120 passages\u00a0; 0,25 s (0,5 Mo de texte, "
       "2,0 Mo/s)\u00a0; index var/index\u00a0: 2,1 Mo\n"},
      {pruned, 2100000,
       "30 documents lus\u00a0: 3 ajoutés, 0 mis à jour, 27 inchangés\u00a0; 2 documents "
       "supprimés\u00a0; 1 avertissement\u00a0; 120 passages\u00a0; 0,25 s (0,5 Mo de texte, "
       "2,0 Mo/s)\u00a0; index var/index\u00a0: 2,1 Mo\n"
       "2 documents retirés, absents des entrées\n"},
      {parts, 2100000,
       "30 documents lus\u00a0: 30 ajoutés, 0 mis à jour, 0 inchangé\u00a0; 0 avertissement\u00a0; "
       "2156 passages\u00a0; 0,20 s (0,5 Mo de texte, 2,3 Mo/s\u00a0; 2 parties fusionnées en "
       "0,01 s)\u00a0; index var/index\u00a0: 2,1 Mo\n"},
      {nothing, 0,
       "0 document lu\u00a0: 0 ajouté, 0 mis à jour, 0 inchangé\u00a0; 0 avertissement\u00a0; "
       "0 passage\u00a0; 0,00 s (0,0 Mo de texte, 0,0 Mo/s)\u00a0; index var/index\u00a0: "
       "0,0 Mo\n"},
      {one, 1000,
       "2 documents lus\u00a0: 0 ajouté, 1 mis à jour, 1 inchangé\u00a0; 1 document "
       "supprimé\u00a0; 1 avertissement\u00a0; 1 passage\u00a0; 1,2 s (1,2 Mo de texte, "
       "1,0 Mo/s)\u00a0; index var/index\u00a0: 0,0 Mo\n"
       "1 document retiré, absent des entrées\n"},
      {big, 1234567890,
       "76\u202f501 documents lus\u00a0: 63\u202f000 ajoutés, 1501 mis à jour, 12\u202f000 "
       "inchangés\u00a0; 9999 avertissements\u00a0; 2\u202f345\u202f678 passages\u00a0; 28,9 s "
       "(1000,0 Mo de texte, 34,6 Mo/s\u00a0; 2 parties fusionnées en 3,1 s)\u00a0; index "
       "var/index\u00a0: 1234,6 Mo\n"},
  };
  for (const Case& c : cases) {
    CHECK(hemicycle::indexer::internal::summary_text(c.result, "var/index", c.index_bytes) ==
          c.text);
  }
}

TEST_CASE("the position in the inputs, for the ETA", "[pipeline][progress]") {
  TempDir dir;
  write(dir.path() / "in" / "a.jsonl", std::string(100, 'x'));
  write(dir.path() / "in" / "b.txt", std::string(50, 'x'));
  write(dir.path() / "in" / "notes.md", std::string(1000, 'x'));  // not read: not counted
  write(dir.path() / "c.jsonl.gz", std::string(30, 'x'));
  hemicycle::indexer::internal::InputPosition at({(dir.path() / "in").string(),
                                                  (dir.path() / "c.jsonl.gz").string(),
                                                  (dir.path() / "missing").string()});
  CHECK(at.total() == 180);
  CHECK(at.position() == 0);
  at.at((dir.path() / "in" / "a.jsonl").string(), 40);
  CHECK(at.position() == 40);
  at.at((dir.path() / "in" / "a.jsonl").string(), 90);
  CHECK(at.position() == 90);
  at.at((dir.path() / "in" / "b.txt").string(), 50);  // a.jsonl is done
  CHECK(at.position() == 150);
  at.at((dir.path() / "c.jsonl.gz").string(), 10);
  CHECK(at.position() == 160);
}
