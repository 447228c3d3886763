#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "hemicycle/indexer/schema.h"
#include "hemicycle/searcher/searcher.h"

namespace hemicycle::searcher {

// Sees matching Xapian documents and counts per *document*: how many documents and clauses
// matched, how many clauses of each document matched (from clause documents), the facet
// values of each document (from its summary, once), and for a clause kind the documents
// with a matching clause of that kind (or, for summaries, with a clause of that kind). Local databases only: it is not
// serialisable for remote shards. Not thread-safe.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::vector<const indexer::schema::Field*> fields);

  void operator()(const Xapian::Document& doc, double weight) override;

  // From now on, summaries count only for documents already seen (a second pass over the
  // summaries of the documents the clause pass found).
  void restrict_to_seen() { restrict_ = true; }

  std::size_t documents() const { return docs_.size(); }
  std::size_t clauses() const { return clauses_; }
  std::size_t clauses_of(const std::string& doc_id) const;
  // The counted fields in schema order, each with its `limit` most frequent values.
  std::vector<Facet> facets(std::size_t limit) const;

 private:
  bool wants(std::string_view field) const;

  std::vector<const indexer::schema::Field*> fields_;
  bool want_kind_ = false;
  bool restrict_ = false;
  std::unordered_set<std::string> faceted_;  // documents whose facets were counted
  std::unordered_map<std::string, std::uint32_t> docs_;  // id -> matching clauses
  std::size_t clauses_ = 0;
  std::unordered_set<std::string> kind_pairs_;  // "doc id\x1Fkind" already counted
  std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> counts_;
  const std::string summary_order_ = Xapian::sortable_serialise(0.0);
};

}  // namespace hemicycle::searcher
