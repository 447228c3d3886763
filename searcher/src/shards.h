#pragma once

// The databases a Searcher reads, searched as one, and what is kept beside them: the facet
// table and the dictionaries of the stored records.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "facet_spy.h"
#include "facet_table.h"
#include "hemicycle/format/records.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/format/store.h"

namespace hemicycle::searcher {

class Shards {
 public:
  // Opens local paths and "tcp://HOST:PORT" remote shards. Throws IndexUnavailable with a
  // readable message when one cannot be opened. `facet_table`: see SearcherOptions.
  Shards(std::vector<std::string> paths, bool facet_table);

  // Sees the latest commit of every database; true if anything changed.
  bool reopen();

  const std::vector<std::string>& paths() const { return paths_; }
  Xapian::Database& db() { return db_; }
  std::vector<Xapian::Database>& each() { return shards_; }
  const FacetTable* table() const { return table_.get(); }
  // The table when there is one database (match spies then see combined docids).
  const FacetTable* single_table() const {
    return table_ && table_->single_database() ? table_.get() : nullptr;
  }

  // The JSON stored for a summary or a clause (empty if it cannot be read).
  std::string stored(const Xapian::Document& doc);
  // The summary's metadata for a document id, parsed. `d`: the document in the facet
  // table, if known (the summary is then read by docid, without a term lookup).
  bool summary_of(const std::string& doc_id, format::StoredDocument* out,
                  std::uint32_t d = FacetTable::kNone);
  // The counter of these facets: from the table when there is one, else from values.
  std::unique_ptr<FacetCounter> counter(std::vector<const format::schema::Field*> fields) const;
  // The facet table's documents with a clause holding `term`, each once, from its postings.
  std::vector<std::uint32_t> table_documents_holding(const std::string& term);
  // How many documents hold a term in some clause; without a table (remote shards), how
  // many clauses.
  std::size_t documents_holding(const std::string& term);

 private:
  void open();
  void load_table();
  void update_table();

  std::vector<std::string> paths_;
  bool want_table_ = true;
  Xapian::Database db_;                   // every shard, searched as one
  std::vector<Xapian::Database> shards_;  // each shard alone (metadata is per database)
  std::unique_ptr<FacetTable> table_;
  format::store::Unpacker unpacker_;      // the stored JSON's dictionaries, of every shard
};

}  // namespace hemicycle::searcher
