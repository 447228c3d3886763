#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "hemicycle/corpus/document.h"

namespace hemicycle::indexer {

struct IndexerOptions {
  // Source documents written between two commits. A killed run loses at most this many.
  // Default: 2000.
  std::size_t batch_documents = 2000;
};

struct IndexStats {
  std::size_t documents = 0;  // documents added or replaced in this run
  std::size_t clauses = 0;    // clauses written in this run
  std::size_t deleted = 0;    // documents deleted in this run
  std::size_t text_bytes = 0; // bytes of text indexed in this run
};

// Words as written, for search-as-you-type: folded form -> (form as written -> documents).
using Lexicon =
    std::unordered_map<std::string, std::unordered_map<std::string, std::uint32_t>>;

// Builds the Xapian document for one clause / the summary of a document. Exposed for tests
// and for tools that index elsewhere (e.g. shards). Not thread-safe: one per thread.
class DocumentBuilder {
 public:
  DocumentBuilder();
  ~DocumentBuilder();
  DocumentBuilder(const DocumentBuilder&) = delete;
  DocumentBuilder& operator=(const DocumentBuilder&) = delete;

  // The Xapian documents of one source document: its summary first, then one per clause in
  // order. Every one carries the unique term kUniquePrefix + id and kDocPrefix + doc.id.
  // When `lexicon` is given, the document's distinct words as written are counted in it.
  std::vector<Xapian::Document> build(const corpus::Document& doc, Lexicon* lexicon = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes documents into a Xapian database (created if missing). Adding a document whose id
// is already indexed replaces it; changes become visible at each commit (every
// IndexerOptions::batch_documents documents, and at commit()/destruction). A run that is
// killed leaves the last committed state searchable.
// Throws Xapian::Error (e.g. DatabaseLockError when another writer holds the database).
// Not thread-safe.
class Indexer {
 public:
  explicit Indexer(const std::string& db_path, IndexerOptions options = {});
  ~Indexer();  // commits pending changes; errors there are swallowed (call commit() first)
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  // Adds or replaces one document (all its clauses and its summary).
  void add(const corpus::Document& doc);
  // Removes a document and all its clauses. Returns false if no such id is indexed.
  bool remove(const std::string& document_id);
  // Makes everything written so far durable and visible to readers.
  void commit();

  const IndexStats& stats() const { return stats_; }

 private:
  Xapian::WritableDatabase db_;
  IndexerOptions options_;
  DocumentBuilder builder_;
  IndexStats stats_;
  // Writes the display forms of the words first seen since the last commit (metadata).
  void flush_lexicon();

  bool started_empty_ = false;
  Lexicon lexicon_;                                // words of the pending batch
  std::unordered_set<std::string> lexicon_known_;  // folded words already in the metadata
  std::unordered_set<std::string> seen_;  // ids written in this run (only if started empty)
  std::size_t pending_ = 0;
};

}  // namespace hemicycle::indexer
