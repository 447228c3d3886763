#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "hemicycle/format/schema.h"
#include "facet_table.h"
#include "hemicycle/searcher/searcher.h"

namespace hemicycle::searcher {

// Counts, per *document*, what a match sees: documents, clauses, the matching clauses of
// each document, facet values. Not thread-safe.
class FacetCounter : public Xapian::MatchSpy {
 public:
  virtual std::size_t documents() const = 0;
  // Of documents(), how many distinct texts (schema::text_key()): documents of one text
  // count once.
  virtual std::size_t distinct_documents() const = 0;
  virtual std::size_t clauses() const = 0;
  virtual std::size_t clauses_of(const std::string& doc_id) const = 0;
  // Whether the document (`d` in the facet table, or kNone; `doc_id` its id) was counted.
  virtual bool counted(std::uint32_t d, const std::string& doc_id) const = 0;
  // The counted fields in schema order, each with its `limit` most frequent values.
  virtual std::vector<Facet> facets(std::size_t limit) const = 0;
  // True if the facet values come from a second pass over the summaries of the documents
  // seen (restrict_to_seen() is called between the two).
  virtual bool needs_summaries() const = 0;
  virtual void restrict_to_seen() {}
  // True if add() may be called with docids of the (single) database instead of running a
  // match with this spy: the caller then hands every matching docid once.
  virtual bool counts_docids() const { return false; }
  // Counts the docids whose bit is set (bit g of word g / 64), in increasing order, when
  // their document is allowed (`allowed` null: all are) and their kind's bit is in `kinds`.
  virtual void add(const std::vector<std::uint64_t>& /*bits*/,
                   const std::vector<std::uint8_t>* /*allowed*/, std::uint32_t /*kinds*/) {}
};

// Sees matching Xapian documents and counts per *document*: how many documents and clauses
// matched, how many clauses of each document matched (from clause documents), the facet
// values of each document (from its summary, once), and for a clause kind the documents
// with a matching clause of that kind (or, for summaries, with a clause of that kind).
// Local databases only: it is not serialisable for remote shards. Not thread-safe.
class FacetSpy : public FacetCounter {
 public:
  explicit FacetSpy(std::vector<const format::schema::Field*> fields);

  void operator()(const Xapian::Document& doc, double weight) override;

  // From now on, summaries count only for documents already seen (a second pass over the
  // summaries of the documents the clause pass found).
  void restrict_to_seen() override { restrict_ = true; }

  std::size_t documents() const override { return docs_.size(); }
  std::size_t distinct_documents() const override {
    return texts_.size() + docs_.size() - keyed_;
  }
  std::size_t clauses() const override { return clauses_; }
  std::size_t clauses_of(const std::string& doc_id) const override;
  bool counted(std::uint32_t /*d*/, const std::string& doc_id) const override {
    return docs_.find(std::string_view(doc_id)) != docs_.end();
  }
  std::vector<Facet> facets(std::size_t limit) const override;
  bool needs_summaries() const override { return true; }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Counts = std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>>;
  struct PerDocument {
    std::uint32_t clauses = 0;  // matching clauses
    std::uint32_t kinds = 0;    // bit i: a matching clause of kind i (kKinds order)
    bool faceted = false;       // its summary's facets were counted
  };

  void add_kinds(PerDocument& d, std::string_view kinds);

  std::vector<const format::schema::Field*> fields_;
  std::vector<int> field_slot_;  // schema field index -> index in counts_, or -1
  bool want_kind_ = false;
  bool restrict_ = false;
  std::unordered_map<std::string, PerDocument, StringHash, std::equal_to<>> docs_;
  std::size_t clauses_ = 0;
  std::unordered_set<std::uint64_t> texts_;  // the text keys of the summaries seen
  std::size_t keyed_ = 0;                    // summaries seen with a text key
  std::vector<Counts> counts_;  // one per schema field
  const std::string summary_order_ = Xapian::sortable_serialise(0.0);
};

// The same counts from a FacetTable: one pass over the matches, no value read.
class TableFacetSpy : public FacetCounter {
 public:
  TableFacetSpy(std::vector<const format::schema::Field*> fields, const FacetTable& table);

  void operator()(const Xapian::Document& doc, double weight) override;
  bool counts_docids() const override { return table_.single_database(); }
  void add(const std::vector<std::uint64_t>& bits, const std::vector<std::uint8_t>* allowed,
           std::uint32_t kinds) override;

  std::size_t documents() const override { return touched_.size(); }
  std::size_t distinct_documents() const override;
  std::size_t clauses() const override { return clauses_; }
  std::size_t clauses_of(const std::string& doc_id) const override;
  bool counted(std::uint32_t d, const std::string& doc_id) const override {
    if (d == FacetTable::kNone) d = table_.find(doc_id);
    return d < per_document_.size() && (per_document_[d].kinds & kSeen);
  }
  std::vector<Facet> facets(std::size_t limit) const override;
  bool needs_summaries() const override { return false; }

 private:
  void count(std::uint32_t d, std::uint8_t kind) {
    if (d >= per_document_.size()) return;  // written after the table was built
    PerDocument& p = per_document_[d];
    if (!(p.kinds & kSeen)) {
      p.kinds |= kSeen;
      touched_.push_back(d);
    }
    if (kind == FacetTable::kSummary) {
      p.kinds |= table_.kinds(d);  // a summary stands for the kinds of all its clauses
    } else {
      ++p.clauses;
      ++clauses_;
      p.kinds |= 1u << kind;
    }
  }

  static constexpr std::uint32_t kSeen = 1u << 31;  // in PerDocument::kinds
  struct PerDocument {
    std::uint32_t clauses = 0;  // matching clauses
    std::uint32_t kinds = 0;    // kinds of the matching clauses (bits), and kSeen
  };
  std::vector<const format::schema::Field*> fields_;
  const FacetTable& table_;
  std::vector<PerDocument> per_document_;  // per table document
  std::vector<std::uint32_t> touched_;     // documents seen, in order
  std::size_t clauses_ = 0;
  const std::string summary_order_ = Xapian::sortable_serialise(0.0);
};

}  // namespace hemicycle::searcher
