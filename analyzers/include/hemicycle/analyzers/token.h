#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace hemicycle::analyzers {

// One term produced by an analysis chain: plain data (Tantivy's Token).
struct Token {
  std::string text;        // the term: folded and stemmed (analyze) or folded only (normalize)
  std::size_t begin = 0;   // byte offset of the first byte in the *original* input
  std::size_t end = 0;     // byte offset one past the last byte in the original input
  std::uint32_t position = 0;  // word position; stop words leave gaps, compounds take one
                               // position per part

  bool operator==(const Token&) const = default;
};

}  // namespace hemicycle::analyzers
