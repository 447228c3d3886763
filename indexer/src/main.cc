// hemicycle-index: reads texts and writes the Xapian index. Thin: flags, a reading thread
// feeding the writer, progress, exit codes.

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "hemicycle/corpus/reader.h"
#include "hemicycle/indexer/indexer.h"

namespace {

namespace fs = std::filesystem;
using hemicycle::model::Document;
using hemicycle::model::Warning;
using hemicycle::indexer::PreparedDocument;

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
    "  --shards N    build a new index in N parts (default: 2 with --threads 2); the first\n"
    "                part is DIR itself, searchable as it grows\n"
    "  --strict      exit with status 1 if any input was skipped\n"
    "  --quiet       no progress line and no summary\n";

struct Flags {
  std::string db;
  std::vector<std::string> paths;
  std::vector<std::string> deletes;
  std::size_t batch = 2000;
  unsigned threads = 2;
  unsigned shards = 0;  // 0: two parts for a new index when --threads is 2, else none
  bool prune = false;
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
      f.batch = positive(a, value());
    } else if (a == "--threads") {
      f.threads = static_cast<unsigned>(positive(a, value()));
      if (f.threads > 2) usage_error("--threads is 1 or 2");
    } else if (a == "--shards") {
      f.shards = static_cast<unsigned>(positive(a, value()));
      if (f.shards > 16) usage_error("--shards is at most 16");
    } else if (a == "--prune") {
      f.prune = true;
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
  if (f.prune && f.paths.empty()) usage_error("--prune needs the PATHs to compare with");
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

bool is_input(const fs::path& p) {
  const std::string name = p.filename().string();
  auto ends = [&](const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return name.size() >= n && name.compare(name.size() - n, n, suffix) == 0;
  };
  return ends(".txt") || ends(".jsonl") || ends(".jsonl.gz");
}

// The size of every input file under the paths, for the ETA.
std::map<std::string, std::uint64_t> input_sizes(const std::vector<std::string>& paths) {
  std::map<std::string, std::uint64_t> sizes;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && is_input(it->path())) {
          sizes[it->path().string()] = it->file_size(ec);
        }
      }
    } else if (fs::is_regular_file(p, ec)) {
      sizes[p] = fs::file_size(p, ec);
    }
  }
  return sizes;
}

// What the reading thread hands to the writer: a prepared document or a warning.
struct Item {
  std::optional<PreparedDocument> document;
  std::optional<Warning> warning;
  std::string origin;
  std::uint64_t offset = 0;
};

// A bounded queue between one producer and one consumer: the reader waits when the writer
// falls behind, so memory stays bounded.
class Queue {
 public:
  explicit Queue(std::size_t capacity) : capacity_(capacity) {}
  // Returns false if the consumer gave up (the item is dropped).
  bool push(Item&& item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  // Returns false once the producer is done and everything was taken.
  bool pop(Item* out) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    *out = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  void cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    not_full_.notify_all();
  }

 private:
  const std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Item> items_;
  bool closed_ = false;
  bool cancelled_ = false;
};

struct Cancelled {};

std::string clock_text(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

bool empty_database(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  try {
    return Xapian::Database(path).get_doccount() == 0;
  } catch (const Xapian::Error&) {
    return fs::is_empty(path, ec);
  }
}

// A new index built in parts by `flags.shards` threads (each reads every input and keeps the
// documents whose id hashes to it, so the same id always lands in the same part), then
// merged and compacted into flags.db. Part 0 is flags.db itself: it is searchable, with its
// commits, while the run goes on.
int build_shards(const Flags& flags) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const unsigned n = flags.shards;
  auto part = [&](unsigned i) { return i == 0 ? flags.db : flags.db + ".part" + std::to_string(i); };
  std::error_code ec;
  for (unsigned i = 1; i < n; ++i) fs::remove_all(part(i), ec);  // a killed run's leftovers
  fs::remove_all(flags.db + ".compact", ec);

  hemicycle::indexer::IndexerOptions options;
  options.batch_documents = flags.batch;
  std::vector<hemicycle::indexer::IndexStats> stats(n);
  std::vector<std::exception_ptr> failures(n);
  std::size_t warnings = 0;
  std::mutex report_mu;
  // Progress, from every part; the input position from part 0 (every part reads it all).
  std::atomic<std::size_t> documents{0}, clauses{0};
  std::atomic<std::uint64_t> text_bytes{0}, position{0};
  std::atomic<unsigned> running{n};
  const auto sizes = input_sizes(flags.paths);
  std::uint64_t total_bytes = 0;
  for (const auto& [name, size] : sizes) total_bytes += size;
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      std::string origin;
      std::uint64_t done = 0;
      try {
        hemicycle::indexer::Indexer indexer(part(i), options);
        for (const auto& p : flags.paths) {
          if (!fs::exists(p)) {
            if (i == 0) {
              std::lock_guard<std::mutex> lock(report_mu);
              ++warnings;
              std::cerr << "warning: " << p << ": no such file or folder\n";
            }
            continue;
          }
          hemicycle::corpus::read_path(
              p,
              [&](Document&& doc) {
                indexer.add(doc);
                ++documents;
                clauses += doc.clauses.size();
                text_bytes += doc.text.size();
              },
              [&](Warning&& w) {
                if (i != 0) return;  // every part reads every input: part 0 reports
                std::lock_guard<std::mutex> lock(report_mu);
                ++warnings;
                if (!flags.quiet && isatty(STDERR_FILENO)) std::fputs("\r\033[K", stderr);
                std::cerr << "warning: " << w.to_string() << "\n";
              },
              [&](const Document& doc) {
                if (i == 0) {
                  if (doc.origin != origin) {
                    auto it = sizes.find(origin);
                    if (it != sizes.end()) done += it->second;
                    origin = doc.origin;
                  }
                  position = done + doc.input_offset;
                }
                // Another part's document: not even segmented here.
                return std::hash<std::string>{}(doc.id) % n == i;
              });
        }
        indexer.commit();
        stats[i] = indexer.stats();
      } catch (...) {
        failures[i] = std::current_exception();
      }
      --running;
    });
  }
  const bool tty = !flags.quiet && isatty(STDERR_FILENO);
  while (running > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (!tty) continue;
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    std::string eta;
    const std::uint64_t at = position;
    if (total_bytes > 0 && at > 0 && s > 1) {
      const double fraction = std::min(1.0, static_cast<double>(at) / total_bytes);
      eta = " " + std::to_string(static_cast<int>(fraction * 100)) + "%, ETA " +
            clock_text(s * (1 - fraction) / fraction);
    }
    std::lock_guard<std::mutex> lock(report_mu);
    std::fprintf(stderr, "\r\033[K%zu documents, %zu clauses in %u parts, %.0f docs/s, %.1f MB/s%s",
                 documents.load(), clauses.load(), n, documents / s, text_bytes / 1e6 / s,
                 eta.c_str());
  }
  for (auto& t : threads) t.join();
  if (tty) std::fputs("\r\033[Kmerging the parts…", stderr);
  for (auto& f : failures) {
    if (f) std::rethrow_exception(f);
  }

  // Merge: the parts' documents follow each other, a document's clauses still right after
  // its summary. Then the compact copy takes the place of part 0.
  const auto merge_start = Clock::now();
  {
    Xapian::Database all;
    for (unsigned i = 0; i < n; ++i) all.add_database(Xapian::Database(part(i)));
    all.compact(flags.db + ".compact");
  }
  fs::rename(flags.db, flags.db + ".old");
  fs::rename(flags.db + ".compact", flags.db);
  fs::remove_all(flags.db + ".old");
  for (unsigned i = 1; i < n; ++i) fs::remove_all(part(i));
  if (tty) std::fputs("\r\033[K", stderr);

  if (!flags.quiet) {
    hemicycle::indexer::IndexStats total;
    for (const auto& st : stats) {
      total.documents += st.documents;
      total.clauses += st.clauses;
      total.text_bytes += st.text_bytes;
    }
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    const double merge = std::chrono::duration<double>(Clock::now() - merge_start).count();
    std::fprintf(stderr,
                 "indexed %zu documents, 0 unchanged, %zu clauses, 0 deleted, %zu warnings in "
                 "%.2f s (%.1f MB of text, %.1f MB/s; %u parts merged in %.2f s); index %s: "
                 "%.1f MB\n",
                 total.documents, total.clauses, warnings, s, total.text_bytes / 1e6,
                 s > 0 ? total.text_bytes / 1e6 / s : 0.0, n, merge, flags.db.c_str(),
                 folder_bytes(flags.db) / 1e6);
  }
  return flags.strict && warnings > 0 ? 1 : 0;
}

int run(const Flags& flags) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const bool tty = !flags.quiet && isatty(STDERR_FILENO);
  // A new index: parts built at once and merged (measured on the bulk corpus, 2 cores:
  // 50 s and 628 MB, against 64 s and 947 MB for one reading thread feeding one writer).
  // An existing one is updated in place.
  const unsigned shards = flags.shards ? flags.shards : (flags.threads >= 2 ? 2 : 1);
  const bool fresh = empty_database(flags.db) && flags.deletes.empty() && !flags.prune;
  if (shards > 1 && fresh) {
    Flags sharded = flags;
    sharded.shards = shards;
    return build_shards(sharded);
  }
  if (flags.shards > 1) {
    std::cerr << "hemicycle-index: --shards builds new indexes only; updating " << flags.db
              << " in place\n";
  }
  {
    // Leftovers of a killed build in parts: the index itself holds what was committed.
    std::error_code ec;
    for (unsigned i = 1; i <= 16; ++i) fs::remove_all(flags.db + ".part" + std::to_string(i), ec);
    fs::remove_all(flags.db + ".compact", ec);
  }

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

  const auto sizes = input_sizes(flags.paths);
  std::uint64_t total_bytes = 0;
  for (const auto& [name, size] : sizes) total_bytes += size;
  std::uint64_t done_bytes = 0;  // files finished
  std::string current_origin;
  std::uint64_t current_offset = 0;

  std::size_t warnings = 0;
  auto last_progress = start;
  auto progress = [&](bool force) {
    if (!tty) return;
    auto now = Clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(200)) return;
    last_progress = now;
    const double s = std::chrono::duration<double>(now - start).count();
    const auto& st = indexer.stats();
    const std::size_t read = st.documents + st.unchanged;
    std::string eta;
    const std::uint64_t at = done_bytes + current_offset;
    if (total_bytes > 0 && at > 0 && s > 1) {
      const double fraction = std::min(1.0, static_cast<double>(at) / total_bytes);
      eta = " " + std::to_string(static_cast<int>(fraction * 100)) + "%, ETA " +
            clock_text(s * (1 - fraction) / fraction);
    }
    std::fprintf(stderr,
                 "\r\033[K%zu documents (%zu unchanged), %zu clauses, %zu warnings, %.0f docs/s, "
                 "%.1f MB/s%s",
                 read, st.unchanged, st.clauses, warnings, s > 0 ? read / s : 0.0,
                 s > 0 ? st.text_bytes / 1e6 / s : 0.0, eta.c_str());
  };
  auto report = [&](Warning&& w) {
    ++warnings;
    if (tty) std::fputs("\r\033[K", stderr);
    std::cerr << "warning: " << w.to_string() << "\n";
  };
  auto advance = [&](const std::string& origin, std::uint64_t offset) {
    if (origin != current_origin) {
      auto it = sizes.find(current_origin);
      if (it != sizes.end()) done_bytes += it->second;
      current_origin = origin;
    }
    current_offset = offset;
  };
  auto missing = [&](const std::string& p) {
    if (fs::exists(p)) return false;
    report(Warning{p, 0, "no such file or folder"});
    return true;
  };

  if (flags.threads == 1) {
    for (const auto& p : flags.paths) {
      if (missing(p)) continue;
      hemicycle::corpus::read_path(
          p,
          [&](Document&& doc) {
            advance(doc.origin, doc.input_offset);
            indexer.add(doc);
            progress(false);
          },
          report,
          [&](const Document& doc) {
            auto unchanged = indexer.if_unchanged(doc);
            if (!unchanged) return true;
            advance(doc.origin, doc.input_offset);
            indexer.write(std::move(*unchanged));  // counted, never segmented
            progress(false);
            return false;
          });
    }
  } else {
    // One thread reads, segments and analyses; this one writes.
    Queue queue(256);
    std::exception_ptr failure;
    std::thread reader([&] {
      hemicycle::indexer::DocumentBuilder builder;
      try {
        for (const auto& p : flags.paths) {
          if (!fs::exists(p)) {
            Item item;
            item.warning = Warning{p, 0, "no such file or folder"};
            if (!queue.push(std::move(item))) throw Cancelled{};
            continue;
          }
          hemicycle::corpus::read_path(
              p,
              [&](Document&& doc) {
                Item item;
                item.document = indexer.prepare(doc, builder);
                item.origin = doc.origin;
                item.offset = doc.input_offset;
                if (!queue.push(std::move(item))) throw Cancelled{};
              },
              [&](Warning&& w) {
                Item item;
                item.warning = std::move(w);
                if (!queue.push(std::move(item))) throw Cancelled{};
              },
              [&](const Document& doc) {
                auto unchanged = indexer.if_unchanged(doc);
                if (!unchanged) return true;
                Item item;  // counted by the writer, never segmented
                item.document = std::move(*unchanged);
                item.origin = doc.origin;
                item.offset = doc.input_offset;
                if (!queue.push(std::move(item))) throw Cancelled{};
                return false;
              });
        }
      } catch (const Cancelled&) {
      } catch (...) {
        failure = std::current_exception();
      }
      queue.close();
    });
    try {
      Item item;
      while (queue.pop(&item)) {
        if (item.warning) {
          report(std::move(*item.warning));
        } else if (item.document) {
          advance(item.origin, item.offset);
          indexer.write(std::move(*item.document));
          progress(false);
        }
      }
    } catch (...) {
      queue.cancel();
      reader.join();
      throw;
    }
    reader.join();
    if (failure) std::rethrow_exception(failure);
  }

  std::size_t pruned = 0;
  if (flags.prune) {
    for (const auto& p : flags.paths) pruned += indexer.prune(p);
  }
  indexer.commit();
  if (tty) std::fputs("\r\033[K", stderr);

  if (!flags.quiet) {
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    const auto& st = indexer.stats();
    std::fprintf(stderr,
                 "indexed %zu documents, %zu unchanged, %zu clauses, %zu deleted, %zu warnings "
                 "in %.2f s (%.1f MB of text, %.1f MB/s); index %s: %.1f MB\n",
                 st.documents, st.unchanged, st.clauses, st.deleted, warnings, s,
                 st.text_bytes / 1e6, s > 0 ? st.text_bytes / 1e6 / s : 0.0, flags.db.c_str(),
                 folder_bytes(flags.db) / 1e6);
    if (pruned) std::fprintf(stderr, "pruned %zu documents no longer in the input\n", pruned);
  }
  if (flags.strict && warnings > 0) status = 1;
  return status;
}

}  // namespace

int main(int argc, char** argv) try {
  // Xapian writes its buffers to disk every this many Xapian documents (inside a batch's
  // transaction: nothing shows before the batch's commit), which bounds the memory. Set on
  // purpose, unless the environment says otherwise: on the bulk corpus 10,000 gave 24.3 s
  // and 158 MB peak, 30,000 gave 25.2 s and 235 MB.
  setenv("XAPIAN_FLUSH_THRESHOLD", "10000", /*overwrite=*/0);
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
