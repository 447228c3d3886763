// A run of hemicycle-index that writes in place (one thread), killed at any moment, leaves
// the last commit searchable, and the next run completes the index. (A build in parts,
// the default for a new index, shows nothing before it is complete: recovery_test.cc.)

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <thread>
#include <xapian.h>

#include "hemicycle/format/schema.h"
#include "support.h"

using hemicycle::testing::TempDir;

namespace {

const std::string kIndex = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";

std::size_t summaries(const std::string& db) {
  try {
    return Xapian::Database(db).get_termfreq(
        std::string(hemicycle::format::schema::kSummaryTerm));
  } catch (const Xapian::Error&) {
    return 0;  // not created yet
  }
}

}  // namespace

TEST_CASE("a killed indexer leaves the last commit searchable", "[indexer][cli]") {
  // Also with Xapian flushing its buffers several times within each batch: those flushes
  // must not become commits (they did, outside a transaction, once a batch held more
  // Xapian documents than XAPIAN_FLUSH_THRESHOLD, 10,000 by default).
  const bool small_flushes = GENERATE(false, true);
  INFO("XAPIAN_FLUSH_THRESHOLD " << (small_flushes ? "30" : "default"));
  TempDir dir;
  const std::string input = (dir.path() / "many.jsonl").string();
  const std::string db = (dir.path() / "db").string();
  constexpr int kDocuments = 4000;
  constexpr int kBatch = 100;
  {
    std::ofstream out(input);
    for (int i = 0; i < kDocuments; ++i) {
      out << "{\"id\":\"AM-" << i << "\",\"type\":\"amendement\",\"date\":\"2024-11-22\","
          << "\"text\":\"ARTICLE UNIQUE\\n\\nAprès l’alinéa " << i
          << ", insérer les mots : « ingérences étrangères ».\\n\\nEXPOSÉ SOMMAIRE\\n\\n"
          << "Cet amendement numéro " << i << " protège la Nouvelle-Calédonie et l’outre-mer "
          << "contre les campagnes de désinformation.\"}\n";
    }
  }
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (small_flushes) setenv("XAPIAN_FLUSH_THRESHOLD", "30", 1);
    execl(kIndex.c_str(), kIndex.c_str(), "--quiet", "--threads", "1", "--batch",
          std::to_string(kBatch).c_str(), "--db", db.c_str(), input.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it as soon as a first commit is visible (or give up waiting after 20 s).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (summaries(db) == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);

  // What was committed is searchable and whole: commits happen every kBatch documents.
  const std::size_t after_kill = summaries(db);
  INFO("documents committed before the kill: " << after_kill);
  CHECK(after_kill > 0);
  CHECK(after_kill % kBatch == 0);
  {
    Xapian::Database reader(db);
    Xapian::Enquire e(reader);
    e.set_query(Xapian::Query("ingerent"));
    CHECK(e.get_mset(0, 10).size() > 0);
  }

  // The next run completes it, without duplicates.
  std::string command = kIndex + " --quiet --db '" + db + "' '" + input + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(summaries(db) == kDocuments);
  CHECK(Xapian::Database(db).get_doccount() == kDocuments * 4);  // summary + 3 clauses
}
