#pragma once

// What a run shows: where it is in its inputs, the progress line and the summary. One
// formatter for both ways of running (a new index built in parts, an update in place).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "hemicycle/indexer/pipeline.h"

namespace hemicycle::indexer::internal {

// How far a run is in its inputs, for the ETA: the sizes of every input file under the
// given paths, and the position of the document read last.
class InputPosition {
 public:
  explicit InputPosition(const std::vector<std::string>& inputs);
  // The document read last came from `origin`, whose first `offset` bytes are read. Files
  // are read one after the other: a new origin means the previous one is done.
  void at(const std::string& origin, std::uint64_t offset);
  std::uint64_t position() const { return done_ + offset_; }
  std::uint64_t total() const { return total_; }

 private:
  std::map<std::string, std::uint64_t> sizes_;
  std::uint64_t total_ = 0;
  std::uint64_t done_ = 0;  // bytes of the files finished
  std::string origin_;
  std::uint64_t offset_ = 0;
};

// "1:05": minutes and seconds, rounded.
std::string clock_text(double seconds);

// The progress line, without the terminal's line clearing, in French:
// "120 documents (20 inchangés), 3400 passages, 1 avertissement, 60 doc/s, 1,2 Mo/s,
// 40\u00a0%, reste 0:03" for an update, "120 documents, 3400 passages en 2 parties, 60 doc/s,
// 1,2 Mo/s" for a new index in parts. The share and the ETA show once a second has passed.
std::string progress_line(const IngestProgress& progress);

// "0,25 s", "1,2 s": two decimals below a second, one above.
std::string seconds_text(double seconds);

// The summary of a run, one line, in French ("10 documents lus\u00a0: 8 ajoutés, 1 mis à
// jour, 1 inchangé\u00a0; 2 avertissements\u00a0; 412 passages\u00a0; 1,2 s (…)\u00a0; index
// DB\u00a0: 2,1 Mo"), and a second when documents were pruned; each ends with '\n'.
std::string summary_text(const IngestResult& result, const std::string& db,
                         std::uintmax_t index_bytes);

}  // namespace hemicycle::indexer::internal
