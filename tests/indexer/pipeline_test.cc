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
      {{"corpus/good"}, 6, 40, 0},
      {{"corpus/bad"}, 4, 8, 9},
      {{"corpus/good", "corpus/bad"}, 10, 48, 9},
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
      "blank.txt: empty file: skipped",
      "broken.jsonl:2: broken JSON: Missing a comma or '}' after an object member. (byte 28)",
      "broken.jsonl:4: object without \"text\": skipped",
      "broken.jsonl:5: object without \"id\": skipped",
      "broken.jsonl:6: invalid UTF-8 at byte 26 of the line",
      "broken.jsonl:7: not a JSON object",
      "empty.txt: empty file: skipped",
      "invalid_utf8.txt:2: invalid UTF-8 (byte 33 of the file): skipped",
      "orphan.json:1: sidecar is not JSON (Invalid value. at byte 1): text read without it",
      (dir.path() / "missing").string() + ": no such file or folder",
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
  const Case cases[] = {
      {update(0, 0, 0, 0, 0),
       "0 documents (0 unchanged), 0 clauses, 1 warnings, 0 docs/s, 0.0 MB/s"},
      // The share and the ETA wait for the first second.
      {update(120, 20, 0.5, 1000, 4000),
       "120 documents (20 unchanged), 1200 clauses, 1 warnings, 240 docs/s, 4.8 MB/s"},
      {update(120, 20, 2, 1000, 4000),
       "120 documents (20 unchanged), 1200 clauses, 1 warnings, 60 docs/s, 1.2 MB/s 25%, ETA 0:06"},
      {update(120, 20, 50, 1000, 4000),
       "120 documents (20 unchanged), 1200 clauses, 1 warnings, 2 docs/s, 0.0 MB/s 25%, ETA 2:30"},
      // Nothing known of the input: no ETA.
      {update(120, 20, 2, 0, 4000),
       "120 documents (20 unchanged), 1200 clauses, 1 warnings, 60 docs/s, 1.2 MB/s"},
      {update(120, 20, 2, 1000, 0),
       "120 documents (20 unchanged), 1200 clauses, 1 warnings, 60 docs/s, 1.2 MB/s"},
      // Past the end (a file grew): 100 %, nothing left.
      {update(120, 0, 2, 5000, 4000),
       "120 documents (0 unchanged), 1200 clauses, 1 warnings, 60 docs/s, 1.2 MB/s 100%, ETA 0:00"},
      {parts(2, 3, 3000000),
       "300 documents, 3000 clauses in 2 parts, 100 docs/s, 2.0 MB/s 75%, ETA 0:01"},
      {parts(3, 0.4, 3000000), "300 documents, 3000 clauses in 3 parts, 750 docs/s, 15.0 MB/s"},
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
  const Case cases[] = {
      {update, 2100000,
       "indexed 3 documents, 27 unchanged, 120 clauses, 2 deleted, 1 warnings in 0.25 s (0.5 MB "
       "of text, 2.0 MB/s); index var/index: 2.1 MB\n"},
      {pruned, 2100000,
       "indexed 3 documents, 27 unchanged, 120 clauses, 2 deleted, 1 warnings in 0.25 s (0.5 MB "
       "of text, 2.0 MB/s); index var/index: 2.1 MB\n"
       "pruned 2 documents no longer in the input\n"},
      {parts, 2100000,
       "indexed 30 documents, 0 unchanged, 2156 clauses, 0 deleted, 0 warnings in 0.20 s (0.5 MB "
       "of text, 2.3 MB/s; 2 parts merged in 0.01 s); index var/index: 2.1 MB\n"},
      {nothing, 0,
       "indexed 0 documents, 0 unchanged, 0 clauses, 0 deleted, 0 warnings in 0.00 s (0.0 MB "
       "of text, 0.0 MB/s); index var/index: 0.0 MB\n"},
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
