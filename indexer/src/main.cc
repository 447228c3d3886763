// hemicycle-index: reads texts and writes the Xapian index. Thin: flags, objects, exit codes.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "hemicycle/corpus/reader.h"
#include "hemicycle/indexer/indexer.h"

namespace {

constexpr const char* kUsage =
    "usage: hemicycle-index --db DIR [--batch N] [--strict] [--quiet] PATH...\n"
    "       hemicycle-index --db DIR --delete ID [--delete ID]...\n"
    "\n"
    "Indexes plain texts (NAME.txt with an optional NAME.json sidecar), JSON Lines\n"
    "(.jsonl, .jsonl.gz) and folders of them (recursively) into the Xapian database DIR,\n"
    "one entry per clause. Re-indexing a document replaces it.\n"
    "\n"
    "  --db DIR      the database (created if missing)\n"
    "  --delete ID   remove a document and its clauses\n"
    "  --batch N     documents between two commits (default 2000)\n"
    "  --strict      exit with status 1 if any input was skipped\n"
    "  --quiet       no progress line and no summary\n";

struct Flags {
  std::string db;
  std::vector<std::string> paths;
  std::vector<std::string> deletes;
  std::size_t batch = 2000;
  bool strict = false;
  bool quiet = false;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "hemicycle-index: " << message << "\n\n" << kUsage;
  std::exit(2);
}

Flags parse_flags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--db") {
      f.db = value();
    } else if (a == "--delete") {
      f.deletes.push_back(value());
    } else if (a == "--batch") {
      std::string v = value();
      char* end = nullptr;
      unsigned long n = std::strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end || n == 0) usage_error("--batch takes a positive number");
      f.batch = n;
    } else if (a == "--strict") {
      f.strict = true;
    } else if (a == "--quiet") {
      f.quiet = true;
    } else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      usage_error("unknown option " + a);
    } else {
      f.paths.push_back(a);
    }
  }
  if (f.db.empty()) usage_error("--db DIR is required");
  if (f.paths.empty() && f.deletes.empty()) usage_error("nothing to index: give a PATH");
  return f;
}

std::uintmax_t folder_bytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

int run(const Flags& flags) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const bool tty = !flags.quiet && isatty(STDERR_FILENO);

  hemicycle::indexer::IndexerOptions options;
  options.batch_documents = flags.batch;
  hemicycle::indexer::Indexer indexer(flags.db, options);

  int status = 0;
  for (const auto& id : flags.deletes) {
    if (!indexer.remove(id)) {
      std::cerr << "hemicycle-index: no document " << id << " in " << flags.db << "\n";
      status = 1;
    }
  }

  std::size_t warnings = 0;
  auto last_progress = start;
  auto progress = [&](bool force) {
    if (!tty) return;
    auto now = Clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(200)) return;
    last_progress = now;
    double s = std::chrono::duration<double>(now - start).count();
    const auto& st = indexer.stats();
    std::fprintf(stderr, "\r\033[K%zu documents, %zu clauses, %zu warnings, %.1f s, %.1f MB/s",
                 st.documents, st.clauses, warnings, s, s > 0 ? st.text_bytes / 1e6 / s : 0.0);
  };
  auto on_document = [&](hemicycle::corpus::Document&& doc) {
    indexer.add(doc);
    progress(false);
  };
  auto on_warning = [&](hemicycle::corpus::Warning&& w) {
    ++warnings;
    if (tty) std::fputs("\r\033[K", stderr);
    std::cerr << "warning: " << w.to_string() << "\n";
  };
  for (const auto& p : flags.paths) {
    if (!std::filesystem::exists(p)) {
      ++warnings;
      std::cerr << "warning: " << p << ": no such file or folder\n";
      continue;
    }
    hemicycle::corpus::read_path(p, on_document, on_warning);
  }
  indexer.commit();
  if (tty) std::fputs("\r\033[K", stderr);

  if (!flags.quiet) {
    double s = std::chrono::duration<double>(Clock::now() - start).count();
    const auto& st = indexer.stats();
    std::fprintf(stderr,
                 "indexed %zu documents, %zu clauses, %zu deleted, %zu warnings in %.2f s "
                 "(%.1f MB of text, %.1f MB/s); index %s: %.1f MB\n",
                 st.documents, st.clauses, st.deleted, warnings, s, st.text_bytes / 1e6,
                 s > 0 ? st.text_bytes / 1e6 / s : 0.0, flags.db.c_str(),
                 folder_bytes(flags.db) / 1e6);
  }
  if (flags.strict && warnings > 0) status = 1;
  return status;
}

}  // namespace

int main(int argc, char** argv) try {
  return run(parse_flags(argc, argv));
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
