// hemicycle-index: reads texts and writes the Xapian index. Thin: flags, ingest() (see
// pipeline.h), what the terminal shows, exit codes.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

#include <xapian.h>

#include "hemicycle/indexer/pipeline.h"
#include "progress.h"

namespace {

namespace fs = std::filesystem;
namespace ix = hemicycle::indexer;

constexpr int kNotWritable = 3;  // exit status: DIR or the folder holding it not writable

constexpr const char* kUsage =
    "usage: hemicycle-index --db DIR [--batch N] [--threads N] [--shards N] [--prune] [--strict]\n"
    "                       [--quiet] PATH...\n"
    "       hemicycle-index --db DIR --delete ID [--delete ID]...\n"
    "\n"
    "Indexes plain texts (NAME.txt with an optional NAME.json sidecar), JSON Lines\n"
    "(.jsonl, .jsonl.gz) and folders of them (recursively) into the Xapian database DIR,\n"
    "one entry per clause. Re-indexing a document replaces it; a document whose content did\n"
    "not change is skipped.\n"
    "\n"
    "  --db DIR      the database (created if missing)\n"
    "  --delete ID   remove a document and its clauses\n"
    "  --prune       remove the documents read earlier from these PATHs that are no longer\n"
    "                there (deleted files, or documents gone from a file)\n"
    "  --batch N     documents between two commits (default 2000)\n"
    "  --threads N   1: everything on one thread; 2 (default): a new index is built in two\n"
    "                parts at once, merged and compacted at the end; an existing index is\n"
    "                updated by a thread that reads and analyses and one that writes\n"
    "  --shards N    build a new index in N parts (default: 2 with --threads 2), beside DIR\n"
    "                (DIR.new), which it replaces once complete\n"
    "  --strict      exit with status 1 if any input was skipped\n"
    "  --quiet       no progress line and no summary\n"
    "\n"
    "One run at a time writes DIR (it locks DIR.lock); a run killed at any point is\n"
    "recovered by the next. Exit status: 0 done, 1 error (or DIR locked by another run,\n"
    "or with --strict an input skipped), 2 bad usage, 3 DIR or its folder not writable.\n";

struct Flags {
  ix::IngestOptions ingest;
  bool strict = false;
  bool quiet = false;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "hemicycle-index: " << message << "\n\n" << kUsage;
  std::exit(2);
}

unsigned long positive(const std::string& flag, const std::string& v) {
  char* end = nullptr;
  unsigned long n = std::strtoul(v.c_str(), &end, 10);
  if (v.empty() || *end || v[0] == '-' || n == 0) usage_error(flag + " takes a positive number");
  return n;
}

unsigned at_most(const std::string& flag, const std::string& v, unsigned limit,
                 const char* message) {
  const unsigned long n = positive(flag, v);
  if (n > limit) usage_error(message);
  return static_cast<unsigned>(n);
}

// The options, each with what it sets. Those with a value get it as `v`.
struct Option {
  const char* name;
  bool takes_value;
  void (*set)(Flags& f, const std::string& v);
};

const Option kOptions[] = {
    {"--db", true, [](Flags& f, const std::string& v) { f.ingest.db = v; }},
    {"--delete", true, [](Flags& f, const std::string& v) { f.ingest.deletes.push_back(v); }},
    {"--batch", true,
     [](Flags& f, const std::string& v) { f.ingest.batch_documents = positive("--batch", v); }},
    {"--threads", true,
     [](Flags& f, const std::string& v) {
       f.ingest.threads = at_most("--threads", v, 2, "--threads is 1 or 2");
     }},
    {"--shards", true,
     [](Flags& f, const std::string& v) {
       f.ingest.shards = at_most("--shards", v, ix::kMaxShards, "--shards is at most 16");
     }},
    {"--prune", false, [](Flags& f, const std::string&) { f.ingest.prune = true; }},
    {"--strict", false, [](Flags& f, const std::string&) { f.strict = true; }},
    {"--quiet", false, [](Flags& f, const std::string&) { f.quiet = true; }},
};

const Option* find_option(const std::string& name) {
  for (const Option& o : kOptions) {
    if (name == o.name) return &o;
  }
  return nullptr;
}

Flags parse_flags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (const Option* o = find_option(a)) {
      if (o->takes_value && i + 1 >= argc) usage_error(a + " needs a value");
      o->set(f, o->takes_value ? argv[++i] : "");
    } else if (a.size() > 1 && a[0] == '-') {
      usage_error("unknown option " + a);
    } else {
      f.ingest.inputs.push_back(a);
    }
  }
  if (f.ingest.db.empty()) usage_error("--db DIR is required");
  if (f.ingest.inputs.empty() && f.ingest.deletes.empty()) {
    usage_error("nothing to index: give a PATH");
  }
  if (f.ingest.prune && f.ingest.inputs.empty()) {
    usage_error("--prune needs the PATHs to compare with");
  }
  return f;
}

std::uintmax_t folder_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// What a run shows on stderr: warnings and notices always, the progress line on a
// terminal (each message first clears it).
class Terminal : public ix::IngestObserver {
 public:
  Terminal(std::string db, bool progress_line) : db_(std::move(db)), tty_(progress_line) {}

  void warning(const hemicycle::model::Warning& w) override {
    clear_line();
    std::cerr << "warning: " << w.to_string() << "\n";
  }
  void progress(const ix::IngestProgress& p) override {
    if (tty_) std::fprintf(stderr, "\r\033[K%s", ix::internal::progress_line(p).c_str());
  }
  void not_found(const std::string& id) override {
    std::cerr << "hemicycle-index: no document " << id << " in " << db_ << "\n";
  }
  void updating_in_place() override {
    std::cerr << "hemicycle-index: --shards builds new indexes only; updating " << db_
              << " in place\n";
  }
  void merging() override {
    if (tty_) std::fputs("\r\033[Kmerging the parts…", stderr);
  }
  void clear_line() {
    if (tty_) std::fputs("\r\033[K", stderr);
  }

 private:
  std::string db_;
  bool tty_;
};

int run(const Flags& flags) {
  Terminal terminal(flags.ingest.db, !flags.quiet && isatty(STDERR_FILENO));
  const ix::IngestResult result = ix::ingest(flags.ingest, terminal);
  terminal.clear_line();
  if (!flags.quiet) {
    std::cerr << ix::internal::summary_text(result, flags.ingest.db,
                                            folder_bytes(flags.ingest.db));
  }
  const bool failed = result.not_found > 0 || (flags.strict && result.warnings > 0);
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) try {
  // Xapian writes its buffers to disk every this many Xapian documents (inside a batch's
  // transaction: nothing shows before the batch's commit), which bounds the memory. Set on
  // purpose, unless the environment says otherwise: on the bulk corpus 10,000 gave 24.3 s
  // and 158 MB peak, 30,000 gave 25.2 s and 235 MB.
  setenv("XAPIAN_FLUSH_THRESHOLD", "10000", /*overwrite=*/0);
  return run(parse_flags(argc, argv));
} catch (const ix::FolderNotWritable& e) {
  std::cerr << "hemicycle-index : impossible d'écrire dans " << e.path() << " : "
            << std::strerror(e.error()) << "\n";
  return kNotWritable;
} catch (const Xapian::DatabaseLockError& e) {
  std::cerr << "hemicycle-index: the database is locked by another writer: " << e.get_msg()
            << "\n";
  return 1;
} catch (const Xapian::Error& e) {
  std::cerr << "hemicycle-index: " << e.get_description() << "\n";
  return 1;
} catch (const std::exception& e) {
  std::cerr << "hemicycle-index: " << e.what() << "\n";
  return 1;
}
