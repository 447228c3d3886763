#pragma once

// The documents a query excludes (`-word`, `-"phrase"`) and the match decider that keeps
// their summaries and clauses out of every pass.

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "facet_table.h"
#include "hemicycle/searcher/query.h"
#include "shards.h"

namespace hemicycle::searcher {

// By facet table document with one database and a table, else by id.
struct Exclusions {
  const FacetTable* table = nullptr;
  std::vector<std::uint8_t> documents;  // by table document, when `table`
  std::unordered_set<std::string> ids;  // otherwise
  bool any = false;

  void add(std::uint32_t d) {
    documents[d] = 1;
    any = true;
  }
  void add(std::string id) {
    ids.insert(std::move(id));
    any = true;
  }
  bool excludes(std::uint32_t d) const { return d < documents.size() && documents[d]; }
};

// The documents where an excluded word or phrase appears (in any clause).
Exclusions excluded_documents(Shards& index, const ParsedQuery& pq);

// Rejects the excluded documents' summaries and clauses.
class ExcludeDocuments : public Xapian::MatchDecider {
 public:
  explicit ExcludeDocuments(const Exclusions* excluded) : excluded_(excluded) {}
  bool operator()(const Xapian::Document& doc) const override;

 private:
  const Exclusions* excluded_;
};

}  // namespace hemicycle::searcher
