// hemicycle-index killed at each stage of a run (HEMICYCLE_INDEX_KILL_AT), then run again:
// the database is never partial nor unopenable, the next run recovers it and leaves nothing
// beside it; two runs never write one database at once; a folder that cannot be written is
// said so. Runs the real binary.

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "hemicycle/format/schema.h"
#include "support.h"

namespace fs = std::filesystem;
namespace schema = hemicycle::format::schema;
using hemicycle::testing::TempDir;

namespace {

const std::string kIndex = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";
constexpr uid_t kNobody = 65534;  // who runs the binary when the tests run as root
constexpr int kCannotDropRoot = 125;

struct Run {
  std::string kill_at;        // HEMICYCLE_INDEX_KILL_AT, or none
  bool unprivileged = false;  // as nobody when root (file modes mean nothing to root)
};

// Starts hemicycle-index with these arguments, its stderr into `err`.
pid_t spawn(const std::vector<std::string>& args, const Run& how, const fs::path& err) {
  const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fd, STDERR_FILENO);
    if (how.kill_at.empty()) {
      ::unsetenv("HEMICYCLE_INDEX_KILL_AT");
    } else {
      ::setenv("HEMICYCLE_INDEX_KILL_AT", how.kill_at.c_str(), 1);
    }
    if (how.unprivileged && ::geteuid() == 0 &&
        (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) {
      _exit(kCannotDropRoot);
    }
    std::vector<char*> argv{const_cast<char*>(kIndex.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(kIndex.c_str(), argv.data());
    _exit(127);
  }
  ::close(fd);
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return status;
}

struct Outcome {
  int status = 0;   // as waitpid() gives it
  std::string err;  // what it wrote on stderr
};

Outcome index(const std::vector<std::string>& args, const Run& how = {}) {
  TempDir err_dir("hemicycle-recovery-err");
  const fs::path err = err_dir.path() / "stderr";
  Outcome o;
  o.status = wait_for(spawn(args, how, err));
  o.err = hemicycle::testing::read_file(err);
  return o;
}

bool killed(const Outcome& o) { return WIFSIGNALED(o.status) && WTERMSIG(o.status) == SIGKILL; }
int exit_code(const Outcome& o) { return WIFEXITED(o.status) ? WEXITSTATUS(o.status) : -1; }

// What sits beside the database but its lock: DIR.new, DIR.new.part1, DIR.old...
std::vector<std::string> leftovers(const fs::path& db) {
  std::vector<std::string> found;
  const std::string stem = db.filename().string() + ".";
  for (const auto& e : fs::directory_iterator(db.parent_path())) {
    const std::string name = e.path().filename().string();
    if (name.rfind(stem, 0) == 0 && name != stem + "lock") found.push_back(name);
  }
  return found;
}

// The ids of the documents indexed.
std::set<std::string> ids(const Xapian::Database& db) {
  std::set<std::string> found;
  const std::string prefix(schema::kUniquePrefix);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    found.insert((*t).substr(prefix.size()));
  }
  return found;
}

// Every document whole: as many Xapian documents under its id as its summary's clauses + 1.
bool every_document_whole(const Xapian::Database& db) {
  const std::string summary(schema::kSummaryTerm);
  for (auto s = db.postlist_begin(summary); s != db.postlist_end(summary); ++s) {
    const Xapian::Document d = db.get_document(*s);
    const std::string id = d.get_value(schema::kSlotDocId);
    const auto clauses = std::stoul(d.get_value(schema::kSlotClauses));
    if (db.get_termfreq(std::string(schema::kDocPrefix) + id) != clauses + 1) return false;
  }
  return true;
}

Xapian::doccount doccount(const fs::path& db) {
  return Xapian::Database(db.string()).get_doccount();
}

// The database as a killed run left it, told in one word.
std::string state(const fs::path& db, Xapian::doccount complete) {
  if (!fs::exists(db)) return "absent";
  const Xapian::doccount n = doccount(db);  // throws if it cannot be opened
  return n == 0 ? "empty" : n == complete ? "complete" : "partial";
}

std::string corpus() { return hemicycle::testing::fixture("corpus").string(); }

// The summary line's start, e.g. "indexed 10 documents, 0 unchanged".
std::string counts(const std::string& err) {
  const auto at = err.find("indexed ");
  return at == std::string::npos ? err
                                 : err.substr(at, err.find(", ", err.find(", ", at) + 2) - at);
}

}  // namespace

TEST_CASE("a new index killed at any stage is recovered by the next run", "[indexer][cli]") {
  struct Row {
    const char* stage;
    bool empty_index_before;  // DIR an empty index (switched out), else no DIR at all
    const char* after_kill;   // the database as the kill left it
    const char* rerun;        // what the next run's summary says
  };
  // A kill before the switch loses the build; from the first rename on, it is kept.
  const Row row = GENERATE(values<Row>({
      {"first-commit", false, "absent", "indexed 10 documents, 0 unchanged"},
      {"first-commit", true, "empty", "indexed 10 documents, 0 unchanged"},
      {"merge", false, "absent", "indexed 10 documents, 0 unchanged"},
      {"between-renames", false, "absent", "indexed 0 documents, 10 unchanged"},
      {"between-renames", true, "absent", "indexed 0 documents, 10 unchanged"},
      {"before-cleanup", false, "complete", "indexed 0 documents, 10 unchanged"},
      {"before-cleanup", true, "complete", "indexed 0 documents, 10 unchanged"},
  }));
  INFO(row.stage << (row.empty_index_before ? ", over an empty index" : ", no index before"));
  TempDir dir;
  const fs::path clean = dir.path() / "clean", db = dir.path() / "db";
  REQUIRE(exit_code(index({"--quiet", "--db", clean.string(), corpus()})) == 0);
  const Xapian::doccount complete = doccount(clean);
  REQUIRE(complete > 10);
  if (row.empty_index_before) Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE).close();

  const std::vector<std::string> args{"--batch", "2", "--db", db.string(), corpus()};
  const Outcome first = index(args, Run{row.stage});
  INFO(first.err);
  REQUIRE(killed(first));
  CHECK(state(db, complete) == row.after_kill);

  const Outcome again = index(args);
  INFO(again.err);
  CHECK(exit_code(again) == 0);
  CHECK(counts(again.err) == row.rerun);
  CHECK(doccount(db) == complete);
  CHECK(leftovers(db).empty());
}

TEST_CASE("an update killed after its first commit keeps every document whole", "[indexer][cli]") {
  const unsigned threads = GENERATE(1u, 2u);
  INFO("--threads " << threads);
  TempDir dir;
  const fs::path input = dir.path() / "in", db = dir.path() / "db", clean = dir.path() / "clean";
  fs::copy(hemicycle::testing::fixture("corpus/good"), input, fs::copy_options::recursive);
  REQUIRE(exit_code(index({"--quiet", "--db", db.string(), input.string()})) == 0);
  const std::set<std::string> before = ids(Xapian::Database(db.string()));
  {
    std::ofstream more(input / "more.jsonl");
    for (int i = 0; i < 30; ++i) {
      more << "{\"id\":\"NEW-" << i << "\",\"type\":\"amendement\",\"date\":\"2025-01-0"
           << 1 + i % 9 << "\",\"text\":\"ARTICLE UNIQUE\\n\\nSupprimer l’alinéa " << i
           << ".\\n\\nEXPOSÉ SOMMAIRE\\n\\nCet amendement numéro " << i
           << " est rédactionnel.\"}\n";
    }
  }
  REQUIRE(exit_code(index({"--quiet", "--db", clean.string(), input.string()})) == 0);

  const std::vector<std::string> args{"--quiet",   "--threads",   std::to_string(threads),
                                      "--batch",   "5",           "--db",
                                      db.string(), input.string()};
  REQUIRE(killed(index(args, Run{"first-commit"})));
  {
    Xapian::Database after(db.string());  // opens
    const std::set<std::string> now = ids(after);
    CHECK(std::includes(now.begin(), now.end(), before.begin(), before.end()));
    CHECK(now.size() > before.size());  // the first commit is there
    CHECK(now.size() < before.size() + 30);
    CHECK(every_document_whole(after));
  }
  CHECK(exit_code(index(args)) == 0);
  CHECK(doccount(db) == doccount(clean));
  CHECK(ids(Xapian::Database(db.string())) == ids(Xapian::Database(clean.string())));
  CHECK(leftovers(db).empty());
}

TEST_CASE("a second run at once is refused: the database is locked", "[indexer][cli]") {
  TempDir dir;
  const fs::path input = dir.path() / "many.jsonl", db = dir.path() / "db";
  {
    std::ofstream out(input);
    for (int i = 0; i < 4000; ++i) {
      out << "{\"id\":\"AM-" << i << "\",\"type\":\"amendement\",\"text\":\"ARTICLE UNIQUE\\n\\n"
          << "Après l’alinéa " << i << ", insérer les mots : « ingérences étrangères ».\"}\n";
    }
  }
  const std::vector<std::string> args{"--quiet", "--db", db.string(), input.string()};
  const pid_t first = spawn(args, {}, dir.path() / "first.err");
  // Held from before DIR.new is made until the run ends: stopped there, it keeps holding it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!fs::exists(dir.path() / "db.new") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK(kill(first, SIGSTOP) == 0);
  int status = 0;
  CHECK(waitpid(first, &status, WNOHANG) == 0);  // still running (stopped)

  const Outcome second = index(args);
  kill(first, SIGCONT);  // before anything can stop the test
  CHECK(exit_code(second) == 1);
  CHECK(second.err ==
        "hemicycle-index: the database is locked by another writer: Unable to get "
        "write lock on " +
            db.string() + ": " + db.string() + ".lock is held by another run\n");
  CHECK(exit_code(Outcome{wait_for(first), {}}) == 0);
  Xapian::Database built(db.string());
  CHECK(ids(built).size() == 4000);
  CHECK(every_document_whole(built));
  CHECK(leftovers(db).empty());
}

TEST_CASE("a folder that cannot be written is said so", "[indexer][cli]") {
  struct Row {
    const char* name;
    bool index_first;      // DIR made (writable) before the folder is made read-only
    const char* readonly;  // "folder" (holding DIR) or "db"
  };
  const Row row = GENERATE(values<Row>({
      {"read-only folder, no index yet", false, "folder"},
      {"read-only folder, an index in it", true, "folder"},
      {"read-only index", true, "db"},
  }));
  INFO(row.name);
  TempDir dir;
  const fs::path folder = dir.path() / "folder", db = folder / "db";
  fs::create_directory(folder);
  // As root the runs are nobody's: the folder is theirs, only its mode keeps them out.
  if (::geteuid() == 0) REQUIRE(::chown(folder.c_str(), kNobody, kNobody) == 0);
  const std::vector<std::string> args{"--quiet", "--db", db.string(), corpus()};
  if (row.index_first) {
    const Outcome made = index(args, Run{"", true});
    if (exit_code(made) == kCannotDropRoot) hemicycle::testing::skip("root cannot become nobody");
    REQUIRE(exit_code(made) == 0);
  }
  const fs::path readonly = std::string(row.readonly) == "db" ? db : folder;
  fs::permissions(readonly, fs::perms(0555));
  const Outcome o = index(args, Run{"", true});
  fs::permissions(readonly, fs::perms(0755));  // for TempDir to remove it
  if (exit_code(o) == kCannotDropRoot) hemicycle::testing::skip("root cannot become nobody");
  CHECK(exit_code(o) == 3);
  CHECK(o.err == "hemicycle-index : impossible d'écrire dans " + readonly.string() +
                     " : Permission denied\n");
  CHECK(leftovers(db).empty());
}
