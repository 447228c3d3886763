#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "facet_table.h"

namespace hemicycle::searcher {

// Clause docids of the documents whose summary matches a boolean query, per database.
// Shared by the clones of one DocumentFilterSource during one search.
struct DocumentRanges {
  // Database uuid -> sorted, disjoint [first, last] clause docid ranges in that database.
  std::map<std::string, std::vector<std::pair<Xapian::docid, Xapian::docid>>> by_database;
  // With a single database, the facet table: clause ranges without reading any value.
  const FacetTable* table = nullptr;
};

// A posting source matching the docids of sorted, disjoint [first, last] ranges, set by a
// subclass (in init() at the latest). Gives no weight (a filter).
class RangesSource : public Xapian::PostingSource {
 public:
  Xapian::doccount get_termfreq_min() const override { return count_; }
  Xapian::doccount get_termfreq_est() const override { return count_; }
  Xapian::doccount get_termfreq_max() const override { return count_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override { return current_; }

 protected:
  using Ranges = std::vector<std::pair<Xapian::docid, Xapian::docid>>;
  // Starts over on these ranges (which must outlive the iteration).
  void reset(const Ranges* ranges);

 private:
  const Ranges* ranges_ = nullptr;
  std::size_t range_ = 0;
  Xapian::docid current_ = 0;
  Xapian::doccount count_ = 0;
  bool started_ = false;
};

// A posting source that matches the clauses of the documents whose *summary* matches
// `summaries` (facet terms live on summaries only). It relies on the indexer's layout: in
// each database a document's clauses have the docids right after its summary's, and the
// summary's kSlotClauses value says how many there are.
// Local databases only (not serialisable for remote shards).
class DocumentFilterSource : public RangesSource {
 public:
  DocumentFilterSource(Xapian::Query summaries, std::shared_ptr<DocumentRanges> cache);

  Xapian::PostingSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  Xapian::Query summaries_;
  std::shared_ptr<DocumentRanges> cache_;
};

// A posting source matching given docid ranges (e.g. the clauses of a few documents). For
// a single local database only: with several, each would see the same ranges.
class DocidRangesSource : public RangesSource {
 public:
  explicit DocidRangesSource(std::shared_ptr<const Ranges> ranges);

  Xapian::PostingSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  std::shared_ptr<const Ranges> fixed_;
};

}  // namespace hemicycle::searcher
