#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "hemicycle/model/document.h"
#include "hemicycle/format/store.h"

namespace hemicycle::indexer {

struct IndexerOptions {
  // Source documents written between two commits. A killed run loses at most this many.
  // Default: 2000.
  std::size_t batch_documents = 2000;
};

struct IndexStats {
  std::size_t documents = 0;  // documents added or replaced in this run
  std::size_t replaced = 0;   // of which replaced (indexed before, or read twice)
  std::size_t unchanged = 0;  // documents read but already indexed as they are
  std::size_t clauses = 0;    // clauses written in this run
  std::size_t deleted = 0;    // documents deleted in this run (--delete, --prune)
  std::size_t text_bytes = 0; // bytes of text read in this run (written or unchanged)
};

// Words as written, for search-as-you-type: (folded form, form as written) pairs.
using Lexicon = std::vector<std::pair<std::string, std::string>>;

// A source document turned into Xapian documents, ready to be written: the expensive part
// of indexing (analysis, term lists), which can run on another thread than the writer.
struct PreparedDocument {
  std::string id;
  std::uint64_t hash = 0;    // content hash of the document (metadata and text)
  bool unchanged = false;    // already indexed with this hash: nothing to write
  std::vector<Xapian::Document> documents;  // its summary first, then its clauses
  Lexicon new_forms;         // words as written first seen by this preparer
  // Metadata to write with it: a compression dictionary the preparer just trained.
  std::vector<std::pair<std::string, std::string>> metadata;
  std::size_t clauses = 0;
  std::size_t text_bytes = 0;
};

// The content hash of a document, the one that tells whether it changed since it was
// indexed: of its id, the file it came from, every field of its metadata and its text (not
// of its line or clauses). Computed on the document as read (read_unsegmented()), before
// segmentation, which fills metadata from the text: an unchanged document is then never
// segmented again. Stable across runs and machines; changes when the index layout changes.
std::uint64_t content_hash(const model::Document& doc);

// Builds the Xapian documents of a source document. Exposed for tests and for tools that
// index elsewhere (e.g. shards). Not thread-safe: one per thread.
class DocumentBuilder {
 public:
  DocumentBuilder();
  ~DocumentBuilder();
  DocumentBuilder(const DocumentBuilder&) = delete;
  DocumentBuilder& operator=(const DocumentBuilder&) = delete;

  // The Xapian documents of one source document: its summary first, then one per clause in
  // order. Every one carries kDocPrefix + doc.id; the summary also kUniquePrefix + doc.id,
  // its source file (kSourcePrefix), content hash (kSlotHash) and the key of its text
  // (kTextPrefix term; kSlotText, on the clauses too). When `new_forms` is given,
  // the words as written that this builder has not reported before are appended to it.
  std::vector<Xapian::Document> build(const model::Document& doc, std::uint64_t hash,
                                      Lexicon* new_forms = nullptr);

  // Compresses the stored JSON with this dictionary (store.h), the index's, unless it was
  // seeded before. Indexer::prepare seeds every builder it is given.
  void seed(std::string_view dictionary);
  // The dictionary this builder trained since the last call, if any (key and bytes).
  std::optional<std::pair<std::string, std::string>> take_trained_dictionary();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes documents into a Xapian database (created if missing). Adding a document whose id
// is already indexed replaces it, unless its content hash is unchanged (then nothing is
// written); changes become visible at each commit (every IndexerOptions::batch_documents
// documents, and at commit()/destruction). A run that is killed leaves the last committed
// state searchable, and the next run completes it.
// Throws Xapian::Error (e.g. DatabaseLockError when another writer holds the database).
// Not thread-safe, except prepare() as said there.
class Indexer {
 public:
  explicit Indexer(const std::string& db_path, IndexerOptions options = {});
  ~Indexer();  // commits pending changes; errors there are swallowed (call commit() first)
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  // If the document is indexed with this content hash (content_hash() of the document as
  // read), what write() needs to count it, without building anything; else nothing. Works
  // on a document not yet segmented. Thread-safe when each thread passes its own builder
  // (it only reads what the Indexer knew when it opened the database).
  std::optional<PreparedDocument> if_unchanged(const model::Document& doc,
                                               std::uint64_t hash) const;
  // Prepares a segmented document for write(), `hash` being its content hash as read.
  // Thread-safe like if_unchanged().
  PreparedDocument prepare(const model::Document& doc, std::uint64_t hash,
                           DocumentBuilder& builder) const;
  // Writes a prepared document (adds, replaces, or counts it as unchanged).
  void write(PreparedDocument&& prepared);
  // prepare() then write(), on this thread, with the content hash of `doc` as given.
  void add(const model::Document& doc) { write(prepare(doc, content_hash(doc), builder_)); }

  // Removes a document and all its clauses. Returns false if no such id is indexed.
  bool remove(const std::string& document_id);
  // Removes the documents read from a file at or under `source` (a file or a folder, as
  // given to read_path) that this run has not seen: the files or documents that are gone.
  // Returns how many were removed.
  std::size_t prune(const std::string& source);
  // Makes everything written so far durable and visible to readers.
  void commit();

  const IndexStats& stats() const { return stats_; }

 private:
  // Writes the display forms of the words first seen since the last commit (metadata).
  void flush_lexicon();

  Xapian::WritableDatabase db_;
  IndexerOptions options_;
  DocumentBuilder builder_;
  IndexStats stats_;
  bool started_empty_ = false;
  // Document ids are kept as 64-bit hashes (id_key()): ~40 bytes a document instead of
  // ~120, so that these sets stay small for millions of documents (a collision between two
  // ids of one index is a ~3e-6 chance at ten million documents).
  static std::uint64_t id_key(std::string_view id);
  // Content hash of every document indexed when the database was opened, by id key.
  std::unordered_map<std::uint64_t, std::uint64_t> known_;
  std::unordered_map<std::string, std::string> lexicon_;  // folded -> form, pending batch
  std::unordered_set<std::uint64_t> seen_;  // id keys read in this run
  std::string dictionary_;  // the compression dictionary in use when the database was opened
  std::size_t pending_ = 0;
};

// The source term of a file: kSourcePrefix + its absolute, normalised path (shortened with
// a hash when too long for a term).
std::string source_term(const std::string& path);

}  // namespace hemicycle::indexer
