#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

namespace hemicycle::searcher {

// The facets of every document and the document and kind of every clause, in memory, read
// once from the summaries (and rebuilt when the index changes), so that counting facets over
// many matches costs array lookups instead of value reads and string parsing.
// It relies on the indexer's layout: in each database a document's clauses have the docids
// right after its summary's. Local databases only. Immutable once built: thread-safe.
class FacetTable {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  static constexpr std::uint8_t kSummary = 0xFF;

  // `combined` searches `shards` as one (docid g is in shard (g-1) % n, local (g-1) / n + 1).
  FacetTable(const Xapian::Database& combined, const std::vector<Xapian::Database>& shards);

  // Brings the table up to date after the databases were reopened: documents added since
  // (docids above those read) are read; deleted ones stay in the table but no match ever
  // reaches them again, so counts stay exact. Returns false when the table cannot follow
  // (a database was replaced, e.g. compacted, or shrank): build a new one then. When Xapian
  // throws while it reads (a writer discarded the revision: DatabaseModifiedError), what
  // was read is taken back and the error rethrown: the table stays as it was, whole.
  bool update(const Xapian::Database& combined, const std::vector<Xapian::Database>& shards);

  // True when there is one database: match spies then see the docids of the combined one.
  // (With several, Xapian 1.4 hands spies the docid within the sub-database, which does not
  // say which one: look documents up by id then.)
  bool single_database() const { return single_; }

  // The document of a Xapian document (summary or clause) of the combined database, and
  // the kind index of a clause (model::ClauseKind) or kSummary, packed in one word so that
  // a match costs one memory access: document << 8 | kind.
  std::uint32_t entry(Xapian::docid g) const { return g < entry_.size() ? entry_[g] : kNoEntry; }
  static std::uint32_t document_in(std::uint32_t entry) {
    return entry == kNoEntry ? kNone : entry >> 8;
  }
  static std::uint8_t kind_in(std::uint32_t entry) { return static_cast<std::uint8_t>(entry); }
  std::uint32_t document_of(Xapian::docid g) const { return document_in(entry(g)); }
  std::uint8_t kind_of(Xapian::docid g) const { return kind_in(entry(g)); }

  // The docid of document d's summary in the combined database.
  Xapian::docid summary(std::uint32_t d) const { return summary_of_[d]; }
  // The docids of document d's clauses, [first, last] (first > last: none). With a single
  // database only (with several, a document's docids interleave with other shards').
  std::pair<Xapian::docid, Xapian::docid> clause_range(std::uint32_t d) const {
    return {summary_of_[d] + 1, summary_of_[d] + clause_count_[d]};
  }

  std::size_t documents() const { return ids_.size(); }
  std::uint32_t find(std::string_view id) const;
  const std::string& id(std::uint32_t d) const { return ids_[d]; }
  std::uint32_t kinds(std::uint32_t d) const { return kinds_[d]; }  // bit per clause kind
  // Document d's text: its key (schema::text_key_value(); 0: none, an older layout), and a
  // number for it, one per distinct key (kNoText for key 0), below text_count(). A text
  // `shared` is that of more than one document read (some perhaps deleted since).
  static constexpr std::uint32_t kNoText = 0xFFFFFFFFu;
  std::uint32_t text_id(std::uint32_t d) const { return text_of_[d]; }
  std::uint64_t text(std::uint32_t d) const {
    return text_of_[d] == kNoText ? 0 : text_keys_[text_of_[d]];
  }
  std::size_t text_count() const { return text_keys_.size(); }
  bool shared(std::uint32_t text_id) const { return text_documents_[text_id] > 1; }

  // The facet values of a document come in kGroups sets shared between documents: the
  // signatories, the cited texts, and the other fields together. Thousands of amendments
  // share one list of co-signatories, so counting a set once per match and expanding it
  // at the end costs far less than counting every value of every match.
  static constexpr std::size_t kGroups = 3;
  static constexpr std::uint32_t kNoSet = 0xFFFFFFFFu;
  const std::uint32_t* sets(std::uint32_t d) const { return set_of_.data() + d * kGroups; }
  std::size_t set_count() const { return set_begin_.size() - 1; }
  // The value ids of set s (one id space for every field).
  std::pair<const std::uint32_t*, const std::uint32_t*> set_values(std::uint32_t s) const {
    return {set_values_.data() + set_begin_[s], set_values_.data() + set_begin_[s + 1]};
  }
  std::size_t values() const { return values_.size(); }
  const std::string& value(std::uint32_t v) const { return values_[v]; }
  std::uint16_t field_of(std::uint32_t v) const { return field_of_[v]; }  // schema index

 private:
  // Reads the summaries and clause kinds of shard s above local docid `after`.
  void read(const std::vector<Xapian::Database>& shards, Xapian::doccount s, Xapian::docid after);
  // The id of the set holding exactly these value ids (kNoSet if none), made if new.
  std::uint32_t intern_set(const std::vector<std::uint32_t>& ids);
  void index_id(std::uint32_t d);

  // The table's extent before an update, to take the update back.
  struct Mark {
    std::size_t documents, values, sets, entries, texts;
    std::vector<Xapian::docid> last_read;
  };
  Mark mark() const;
  void roll_back(const Mark& m);

  bool single_ = true;
  std::vector<std::string> uuids_;            // per shard, when the table was read
  std::vector<Xapian::docid> last_read_;      // per shard: the last local docid read
  std::unordered_map<std::string, std::uint32_t> dictionary_;  // field index byte + value
  static constexpr std::uint32_t kNoEntry = 0xFFFFFFFFu;
  static constexpr std::uint32_t kMaxDocuments = 1u << 24;  // what entry_ can address
  std::vector<std::uint32_t> entry_;  // per global docid: document << 8 | kind
  std::vector<std::string> ids_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  // During an update: each id whose entry it set, and the entry before (kNone: none).
  std::vector<std::pair<std::string, std::uint32_t>> displaced_;
  std::vector<std::uint32_t> kinds_;
  void add_text(std::uint64_t key);  // document ids_.size() - 1's
  std::vector<std::uint32_t> text_of_;         // per document: its text id, or kNoText
  std::vector<std::uint64_t> text_keys_;       // per text id: its key
  std::vector<std::uint32_t> text_documents_;  // per text id: documents read
  std::unordered_map<std::uint64_t, std::uint32_t> text_ids_;  // key -> text id
  std::vector<Xapian::docid> summary_of_;  // per document
  std::vector<std::uint32_t> clause_count_;  // per document
  std::vector<std::uint32_t> set_of_;     // kGroups per document
  std::unordered_map<std::string, std::uint32_t> set_dictionary_;  // value ids -> set
  std::vector<std::uint32_t> set_begin_;
  std::vector<std::uint32_t> set_values_;
  std::vector<std::string> values_;
  std::vector<std::uint16_t> field_of_;
};

}  // namespace hemicycle::searcher
