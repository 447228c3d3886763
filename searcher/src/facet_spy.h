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

// Sees every matching Xapian document (clauses and summaries) and counts per *document*:
// how many documents and clauses matched, how many clauses of each document matched, and
// for each facet value the number of documents carrying it (a clause kind counts the
// documents with a matching clause of that kind). Local databases only: it is not
// serialisable for remote shards. Not thread-safe.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::vector<const indexer::schema::Field*> fields);

  void operator()(const Xapian::Document& doc, double weight) override;

  std::size_t documents() const { return docs_.size(); }
  std::size_t clauses() const { return clauses_; }
  std::size_t clauses_of(const std::string& doc_id) const;
  // The counted fields in schema order, each with its `limit` most frequent values.
  std::vector<Facet> facets(std::size_t limit) const;

 private:
  bool wants(std::string_view field) const;

  std::vector<const indexer::schema::Field*> fields_;
  bool want_kind_ = false;
  std::unordered_map<std::string, std::uint32_t> docs_;  // id -> matching clauses
  std::size_t clauses_ = 0;
  std::unordered_set<std::string> kind_pairs_;  // "doc id\x1Fkind" already counted
  std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> counts_;
  const std::string summary_order_ = Xapian::sortable_serialise(0.0);
};

}  // namespace hemicycle::searcher
