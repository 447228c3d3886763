#pragma once

// The ingest pipeline: reads inputs and writes them into an index, as hemicycle-index does.
// A new index is built in parts at once (each part keeps the documents whose id hashes to
// it) beside the database, the parts merged, and the merge switched in whole; an existing
// one is updated in place, by one thread, or by a reading thread feeding the writer through
// a bounded queue. One run at a time writes a database (DIR.lock beside it); a run killed
// at any point is recovered by the next one (see folders.h).

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "hemicycle/model/document.h"

namespace hemicycle::indexer {

// At most this many parts for a new index.
inline constexpr unsigned kMaxShards = 16;

struct IngestOptions {
  std::string db;                    // the database (created if missing)
  std::vector<std::string> inputs;   // files and folders, as read_path() takes them
  std::vector<std::string> deletes;  // ids of documents to remove first
  std::size_t batch_documents = 2000;  // documents between two commits
  // 1: everything on the calling thread; 2 or more: a new index is built in two parts, an
  // existing one is updated by a reading thread and the calling thread writing.
  unsigned threads = 2;
  // Parts of a new index (at most kMaxShards); 0: two when threads >= 2, else one. An
  // existing index is always updated in place.
  unsigned shards = 0;
  // Remove the documents read earlier from the inputs that are no longer in them.
  bool prune = false;
};

// A folder the run must write cannot be written: the database, or the folder holding it
// (where its lock and a new index being built go).
class FolderNotWritable : public std::runtime_error {
 public:
  FolderNotWritable(std::string path, int error);  // error: the errno value
  const std::string& path() const { return path_; }
  int error() const { return error_; }

 private:
  std::string path_;
  int error_;
};

// A run in progress, for a progress line (see progress.h).
struct IngestProgress {
  std::size_t documents = 0;   // documents read so far (added, replaced or unchanged)
  std::size_t unchanged = 0;   // of which already indexed as they are
  std::size_t clauses = 0;     // clauses written
  std::size_t warnings = 0;    // inputs skipped so far
  std::size_t text_bytes = 0;  // bytes of text read
  unsigned parts = 0;          // a new index built in this many parts; 0: an update
  double seconds = 0;          // since the run started
  std::uint64_t input_position = 0;  // bytes of the inputs read so far
  std::uint64_t input_bytes = 0;     // bytes of all the inputs
};

struct IngestResult {
  std::size_t documents = 0;   // documents added or replaced
  std::size_t unchanged = 0;   // documents read but already indexed as they are
  std::size_t clauses = 0;     // clauses written
  std::size_t deleted = 0;     // documents deleted (deletes and prune)
  std::size_t pruned = 0;      // of which pruned
  std::size_t not_found = 0;   // deletes whose id was not indexed
  std::size_t warnings = 0;    // inputs (or parts of inputs) skipped
  std::size_t text_bytes = 0;  // bytes of text read
  unsigned parts = 0;          // a new index built in this many parts, then merged; 0: none
  double seconds = 0;          // the whole run
  double merge_seconds = 0;    // merging the parts
};

// What a run tells as it goes. The calls come one at a time, from the calling thread or
// from one of the run's threads. Every method does nothing by default.
class IngestObserver {
 public:
  virtual ~IngestObserver() = default;
  // An input, or an item of one, skipped (the rest is read).
  virtual void warning(const model::Warning& /*warning*/) {}
  // About every 200 ms while documents are read.
  virtual void progress(const IngestProgress& /*progress*/) {}
  // A document to delete is not in the index.
  virtual void not_found(const std::string& /*id*/) {}
  // Parts were asked for, but the index exists: it is updated in place.
  virtual void updating_in_place() {}
  // Every part is built; they are being merged.
  virtual void merging() {}
};

// Reads options.inputs into options.db (see the top of this file). Bad input is reported
// to the observer and counted, never thrown. Throws Xapian::DatabaseLockError when another
// run holds the database, FolderNotWritable when it or its folder cannot be written,
// Xapian::Error when the database cannot be written otherwise, std::invalid_argument on
// options out of range (no database, shards above kMaxShards).
IngestResult ingest(const IngestOptions& options, IngestObserver& observer);
IngestResult ingest(const IngestOptions& options);  // tells nothing as it goes

}  // namespace hemicycle::indexer
