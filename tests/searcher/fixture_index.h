#pragma once

// Builds an index of a folder of tests/data (our own fixtures; tests/data/searcher unless
// told) in a temporary folder.

#include <string>
#include <vector>

#include "hemicycle/corpus/reader.h"
#include "hemicycle/indexer/indexer.h"
#include "support.h"

namespace hemicycle::testing {

// Indexes `paths` into `db`; returns the warnings' text (empty when all went well).
inline std::vector<std::string> index_paths(const std::string& db,
                                            const std::vector<std::filesystem::path>& paths) {
  std::vector<std::string> warnings;
  indexer::Indexer ix(db);
  for (const auto& p : paths) {
    corpus::read_path(
        p, [&](model::Document&& d) { ix.add(d); },
        [&](model::Warning&& w) { warnings.push_back(w.to_string()); });
  }
  ix.commit();
  return warnings;
}

class FixtureIndex {
 public:
  explicit FixtureIndex(const std::string& folder = "searcher") : db_(dir_.path() / "db") {
    warnings_ = index_paths(db_.string(), {fixture(folder)});
  }
  std::string db() const { return db_.string(); }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  TempDir dir_;
  std::filesystem::path db_;
  std::vector<std::string> warnings_;
};

}  // namespace hemicycle::testing
