#pragma once

// How the query's own recognisers (known items, legal references) compare a word typed:
// the one key both use, so that they agree on what a word is.

#include <initializer_list>
#include <string>
#include <string_view>

namespace hemicycle::searcher {

// A word as typed without the brackets before it and the closing brackets and punctuation
// after it: "(ART." -> "ART.", "civil," -> "civil".
std::string_view without_brackets(std::string_view raw);

// Its key: folded, without dots except between digits ("C. civ." -> "c" "civ", "L.1114-1"
// -> "l1114-1", "49.3" stays), ’ as ', an elided "l'" or "d'" dropped.
std::string word_key(std::string_view raw);

inline bool key_in(const std::string& key, std::initializer_list<std::string_view> set) {
  for (std::string_view k : set) {
    if (key == k) return true;
  }
  return false;
}

}  // namespace hemicycle::searcher
