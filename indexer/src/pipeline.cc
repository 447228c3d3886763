#include "hemicycle/indexer/pipeline.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <xapian.h>

#include "hemicycle/corpus/reader.h"
#include "hemicycle/corpus/segmenter.h"
#include "folders.h"
#include "hemicycle/indexer/indexer.h"
#include "progress.h"
#include "queue.h"

namespace hemicycle::indexer {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using internal::InputPosition;
using model::Document;
using model::Warning;

constexpr auto kProgressInterval = std::chrono::milliseconds(200);

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

IndexerOptions indexer_options(const IngestOptions& options) {
  IndexerOptions o;
  o.batch_documents = options.batch_documents;
  return o;
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

// Reads every input in turn, handing out the documents as read (not segmented); an input
// that does not exist is a warning.
void read_inputs(const std::vector<std::string>& inputs, const corpus::DocumentSink& on_document,
                 const corpus::WarningSink& on_warning) {
  for (const auto& p : inputs) {
    if (!fs::exists(p)) {
      on_warning(Warning{p, 0, "no such file or folder"});
      continue;
    }
    corpus::read_unsegmented(p, on_document, on_warning);
  }
}

// A document as read, made ready for the writer: counted if it is indexed as it is (then
// never segmented), else segmented and prepared. Its content hash is taken as read.
PreparedDocument prepare_read(const Indexer& indexer, Document& doc, DocumentBuilder& builder) {
  const std::uint64_t hash = content_hash(doc);
  if (auto unchanged = indexer.if_unchanged(doc, hash)) return std::move(*unchanged);
  corpus::segment(doc);
  return indexer.prepare(doc, hash, builder);
}

// Merges the parts into a compact copy (the parts' documents follow each other, a
// document's clauses still right after its summary), which then takes the place of the
// parts as DIR.new, complete, to be switched in.
void merge_parts(const std::string& db, unsigned parts) {
  const std::string building = internal::building_path(db);
  const std::string compact = internal::compact_path(db);
  {
    Xapian::Database all;
    for (unsigned i = 0; i < parts; ++i) {
      all.add_database(Xapian::Database(internal::part_path(building, i)));
    }
    all.compact(compact);
  }
  internal::kill_point("merge");
  for (unsigned i = 0; i < parts; ++i) fs::remove_all(internal::part_path(building, i));
  fs::rename(compact, building);
}

void add_stats(IngestResult& r, const IndexStats& st) {
  r.documents += st.documents;
  r.unchanged += st.unchanged;
  r.clauses += st.clauses;
  r.deleted += st.deleted;
  r.text_bytes += st.text_bytes;
}

// A new index built in parts beside the database (DIR.new, DIR.new.partN), one thread
// each: each reads every input and keeps the documents whose id hashes to it (the same id
// always lands in the same part), then the parts are merged and the merge switched in
// (folders.h): the database holds what it held until the whole index replaces it.
class PartsBuild {
 public:
  PartsBuild(const IngestOptions& options, std::string db, unsigned parts,
             IngestObserver& observer, Clock::time_point start)
      : options_(options),
        db_(std::move(db)),
        parts_(parts),
        observer_(observer),
        start_(start),
        input_(options.inputs),
        stats_(parts),
        failures_(parts),
        running_(parts) {}

  IngestResult run() {
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < parts_; ++i) threads.emplace_back([this, i] { build_part(i); });
    watch();
    for (auto& t : threads) t.join();
    observer_.merging();
    const auto merge_start = Clock::now();
    try {
      for (auto& f : failures_) {
        if (f) std::rethrow_exception(f);
      }
      merge_parts(db_, parts_);
    } catch (...) {
      internal::discard_build(db_);
      throw;
    }
    internal::switch_in(db_);
    IngestResult r;
    for (const auto& st : stats_) add_stats(r, st);
    r.warnings = warnings_;
    r.parts = parts_;
    r.merge_seconds = seconds_since(merge_start);
    r.seconds = seconds_since(start_);
    return r;
  }

 private:
  // The thread of part i.
  void build_part(unsigned i) {
    try {
      Indexer indexer(internal::part_path(internal::building_path(db_), i),
                      indexer_options(options_));
      DocumentBuilder builder;
      read_inputs(
          options_.inputs,
          [&](Document&& doc) {
            if (i == 0) {  // every part reads it all: part 0 says where the run is
              input_.at(doc.origin, doc.input_offset);
              position_ = input_.position();
            }
            // Another part's document: not even segmented here.
            if (std::hash<std::string>{}(doc.id) % parts_ != i) return;
            PreparedDocument prepared = prepare_read(indexer, doc, builder);
            ++documents_;
            clauses_ += prepared.clauses;
            text_bytes_ += prepared.text_bytes;
            indexer.write(std::move(prepared));
          },
          [&](Warning&& w) {
            if (i == 0) report(w);  // every part reads every input: part 0 reports
          });
      indexer.commit();
      stats_[i] = indexer.stats();
    } catch (...) {
      failures_[i] = std::current_exception();
    }
    --running_;
  }

  void report(const Warning& w) {
    std::lock_guard<std::mutex> lock(report_mu_);
    ++warnings_;
    observer_.warning(w);
  }

  // Progress from every part until they are all done.
  void watch() {
    while (running_ > 0) {
      std::this_thread::sleep_for(kProgressInterval);
      IngestProgress p;
      p.documents = documents_;
      p.clauses = clauses_;
      p.text_bytes = text_bytes_;
      p.parts = parts_;
      p.seconds = seconds_since(start_);
      p.input_position = position_;
      p.input_bytes = input_.total();
      std::lock_guard<std::mutex> lock(report_mu_);
      observer_.progress(p);
    }
  }

  const IngestOptions& options_;
  const std::string db_;
  const unsigned parts_;
  IngestObserver& observer_;
  const Clock::time_point start_;
  InputPosition input_;  // moved by part 0 only
  std::vector<IndexStats> stats_;
  std::vector<std::exception_ptr> failures_;
  std::mutex report_mu_;  // one observer call at a time
  std::size_t warnings_ = 0;
  std::atomic<std::size_t> documents_{0}, clauses_{0}, text_bytes_{0};
  std::atomic<std::uint64_t> position_{0};
  std::atomic<unsigned> running_;
};

// What the reading thread of an update hands to the writer: a prepared document (where it
// was read, for the progress) or a warning.
struct Item {
  std::optional<PreparedDocument> document;
  std::optional<Warning> warning;
  std::string origin;
  std::uint64_t offset = 0;
};
using ItemQueue = internal::BoundedQueue<Item>;

struct Cancelled {};  // the writer gave up: the reading thread stops

// The reading thread of an update: reads, segments and prepares every input into the queue.
// Unchanged documents go through too (the writer counts them), never segmented.
void read_into(ItemQueue& queue, const Indexer& indexer, const std::vector<std::string>& inputs) {
  DocumentBuilder builder;
  auto push = [&](Item&& item) {
    if (!queue.push(std::move(item))) throw Cancelled{};
  };
  read_inputs(
      inputs,
      [&](Document&& doc) {
        PreparedDocument prepared = prepare_read(indexer, doc, builder);
        push(Item{std::move(prepared), std::nullopt, doc.origin, doc.input_offset});
      },
      [&](Warning&& w) { push(Item{std::nullopt, std::move(w), {}, 0}); });
}

// An existing index updated in place: deletes, then every input read (unchanged documents
// counted, never segmented), then prune, then the last commit.
class Update {
 public:
  Update(const IngestOptions& options, const std::string& db, IngestObserver& observer,
         Clock::time_point start)
      : options_(options),
        observer_(observer),
        start_(start),
        last_progress_(start),
        indexer_(db, indexer_options(options)),
        input_(options.inputs) {}

  IngestResult run() {
    for (const auto& id : options_.deletes) {
      if (!indexer_.remove(id)) {
        ++not_found_;
        observer_.not_found(id);
      }
    }
    if (options_.threads <= 1) {
      read_on_this_thread();
    } else {
      read_on_another_thread();
    }
    std::size_t pruned = 0;
    if (options_.prune) {
      for (const auto& p : options_.inputs) pruned += indexer_.prune(p);
    }
    indexer_.commit();
    IngestResult r;
    add_stats(r, indexer_.stats());
    r.pruned = pruned;
    r.not_found = not_found_;
    r.warnings = warnings_;
    r.seconds = seconds_since(start_);
    return r;
  }

 private:
  void read_on_this_thread() {
    DocumentBuilder builder;
    read_inputs(
        options_.inputs,
        [&](Document&& doc) {
          write(prepare_read(indexer_, doc, builder), doc.origin, doc.input_offset);
        },
        [&](Warning&& w) { report(w); });
  }

  // One thread reads, segments and analyses; this one writes.
  void read_on_another_thread() {
    ItemQueue queue(256);
    std::exception_ptr failure;
    std::thread reader([&] {
      try {
        read_into(queue, indexer_, options_.inputs);
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
          report(*item.warning);
        } else if (item.document) {
          write(std::move(*item.document), item.origin, item.offset);
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

  void write(PreparedDocument&& prepared, const std::string& origin, std::uint64_t offset) {
    input_.at(origin, offset);
    indexer_.write(std::move(prepared));
    progress();
  }

  void report(const Warning& w) {
    ++warnings_;
    observer_.warning(w);
  }

  void progress() {
    const auto now = Clock::now();
    if (now - last_progress_ < kProgressInterval) return;
    last_progress_ = now;
    const IndexStats& st = indexer_.stats();
    IngestProgress p;
    p.documents = st.documents + st.unchanged;
    p.unchanged = st.unchanged;
    p.clauses = st.clauses;
    p.warnings = warnings_;
    p.text_bytes = st.text_bytes;
    p.seconds = seconds_since(start_);
    p.input_position = input_.position();
    p.input_bytes = input_.total();
    observer_.progress(p);
  }

  const IngestOptions& options_;
  IngestObserver& observer_;
  const Clock::time_point start_;
  Clock::time_point last_progress_;
  Indexer indexer_;
  InputPosition input_;
  std::size_t warnings_ = 0;
  std::size_t not_found_ = 0;
};

}  // namespace

IngestResult ingest(const IngestOptions& options, IngestObserver& observer) {
  const auto start = Clock::now();
  if (options.db.empty()) throw std::invalid_argument("ingest: no database given");
  if (options.shards > kMaxShards) {
    throw std::invalid_argument("ingest: at most " + std::to_string(kMaxShards) + " parts");
  }
  // A new index: parts built at once and merged (measured on the bulk corpus, 2 cores:
  // 50 s and 628 MB, against 64 s and 947 MB for one reading thread feeding one writer).
  // An existing one is updated in place.
  // One run at a time, and what a killed one left dealt with, before anything else.
  const std::string db = internal::without_trailing_slash(options.db);
  const internal::WriterLock lock(db);
  internal::recover(db);
  const unsigned shards = options.shards ? options.shards : (options.threads >= 2 ? 2 : 1);
  const bool fresh = empty_database(db) && options.deletes.empty() && !options.prune;
  if (shards > 1 && fresh) return PartsBuild(options, db, shards, observer, start).run();
  if (options.shards > 1) observer.updating_in_place();
  return Update(options, db, observer, start).run();
}

IngestResult ingest(const IngestOptions& options) {
  IngestObserver silent;
  return ingest(options, silent);
}

}  // namespace hemicycle::indexer
