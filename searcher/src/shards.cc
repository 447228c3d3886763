#include "shards.h"

#include <stdexcept>

#include "hemicycle/searcher/searcher.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

namespace {

bool is_remote(const std::string& path) { return path.rfind("tcp://", 0) == 0; }

Xapian::Database open_one(const std::string& path) {
  if (!is_remote(path)) return Xapian::Database(path);
  const std::string hostport = path.substr(6);
  const auto colon = hostport.rfind(':');
  const std::string port = colon == std::string::npos ? "" : hostport.substr(colon + 1);
  const bool digits = !port.empty() && port.size() <= 5 &&
                      port.find_first_not_of("0123456789") == std::string::npos;
  if (colon == 0 || !digits || std::stoul(port) > 65535) {
    throw IndexUnavailable("index distant " + path + "\u00a0: attendu tcp://HÔTE:PORT");
  }
  return Xapian::Remote::open(hostport.substr(0, colon), static_cast<unsigned>(std::stoul(port)));
}

}  // namespace

Shards::Shards(std::vector<std::string> paths, bool facet_table)
    : paths_(std::move(paths)), want_table_(facet_table) {
  open();
}

void Shards::open() {
  Xapian::Database combined;
  std::vector<Xapian::Database> alone;
  for (const auto& p : paths_) {
    try {
      alone.push_back(open_one(p));
      combined.add_database(alone.back());
    } catch (const Xapian::DatabaseNotFoundError& e) {
      throw IndexUnavailable("impossible d’ouvrir l’index " + p +
                             "\u00a0: aucun index à cet emplacement (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
      throw IndexUnavailable("impossible d’ouvrir l’index " + p + "\u00a0: " + e.get_msg());
    }
  }
  db_ = combined;
  shards_ = std::move(alone);
  for (const auto& shard : shards_) unpacker_.load(shard);
  load_table();
}

bool Shards::reopen() {
  bool changed = db_.reopen();
  for (auto& shard : shards_) changed = shard.reopen() || changed;
  if (changed) update_table();
  return changed;
}

void Shards::load_table() {
  table_.reset();
  if (!want_table_) return;
  for (const auto& p : paths_) {
    if (is_remote(p)) return;  // remote: counted the slow way
  }
  try {
    table_ = std::make_unique<FacetTable>(db_, shards_);
  } catch (const std::length_error&) {
    // More documents than the table addresses: facets are counted from the values.
  }
}

// After a reopen: read what was added, or everything again if a database was replaced.
void Shards::update_table() {
  if (table_ && table_->update(db_, shards_)) return;
  load_table();
}

std::string Shards::stored(const Xapian::Document& doc) {
  const std::string frame = doc.get_value(schema::kSlotStored);
  if (frame.empty()) return doc.get_data();  // an index written before the store
  std::string json;
  if (unpacker_.unpack(frame, &json)) return json;
  // A dictionary a writer added since we opened: read them again, once, from handles of
  // their own (reopening ours would move this search to a revision the facet table has
  // not read).
  for (const auto& path : paths_) unpacker_.load(open_one(path));
  unpacker_.unpack(frame, &json);
  return json;
}

bool Shards::summary_of(const std::string& doc_id, format::StoredDocument* out,
                        std::uint32_t d) {
  Xapian::docid summary = 0;
  if (table_ && d < table_->documents()) {
    summary = table_->summary(d);
  } else {
    const std::string term = schema::bounded_term(schema::kUniquePrefix, doc_id);
    auto it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return false;
    summary = *it;
  }
  return format::decode(stored(db_.get_document(summary)), out);
}

std::unique_ptr<FacetCounter> Shards::counter(std::vector<const schema::Field*> fields) const {
  if (table_) return std::make_unique<TableFacetSpy>(std::move(fields), *table_);
  return std::make_unique<FacetSpy>(std::move(fields));
}

std::vector<std::uint32_t> Shards::table_documents_holding(const std::string& term) {
  std::vector<std::uint8_t> seen(table_->documents(), 0);
  std::vector<std::uint32_t> documents;
  for (auto it = db_.postlist_begin(term), end = db_.postlist_end(term); it != end; ++it) {
    const std::uint32_t d = table_->document_of(*it);
    if (d != FacetTable::kNone && !seen[d]) {
      seen[d] = 1;
      documents.push_back(d);
    }
  }
  return documents;
}

std::size_t Shards::documents_holding(const std::string& term) {
  return table_ ? table_documents_holding(term).size() : db_.get_termfreq(term);
}

}  // namespace hemicycle::searcher
