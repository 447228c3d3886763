#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace hemicycle::searcher {

// Clause docids of the documents whose summary matches a boolean query, per database.
// Shared by the clones of one DocumentFilterSource during one search.
struct DocumentRanges {
  // Database uuid -> sorted, disjoint [first, last] clause docid ranges in that database.
  std::map<std::string, std::vector<std::pair<Xapian::docid, Xapian::docid>>> by_database;
};

// A posting source that matches the clauses of the documents whose *summary* matches
// `summaries` (facet terms live on summaries only). It relies on the indexer's layout: in
// each database a document's clauses have the docids right after its summary's, and the
// summary's kSlotClauses value says how many there are. Gives no weight (a filter).
// Local databases only (not serialisable for remote shards).
class DocumentFilterSource : public Xapian::PostingSource {
 public:
  DocumentFilterSource(Xapian::Query summaries, std::shared_ptr<DocumentRanges> cache);

  Xapian::PostingSource* clone() const override;
  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return count_; }
  Xapian::doccount get_termfreq_est() const override { return count_; }
  Xapian::doccount get_termfreq_max() const override { return count_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override { return current_; }
  std::string get_description() const override;

 private:
  Xapian::Query summaries_;
  std::shared_ptr<DocumentRanges> cache_;
  const std::vector<std::pair<Xapian::docid, Xapian::docid>>* ranges_ = nullptr;
  std::size_t range_ = 0;
  Xapian::docid current_ = 0;
  Xapian::doccount count_ = 0;
  bool started_ = false;
};

}  // namespace hemicycle::searcher
