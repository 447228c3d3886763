#pragma once

// The civilities that announce a person's name ("M.", "Mme", "MM.", ...), one list for the
// signatory splitter (names.cc) and the gazetteer (which must not read a person's name as a
// place). Private to hemicycle_corpus.

#include <cstddef>
#include <string_view>

namespace hemicycle::corpus::internal {

struct Civility {
  std::string_view word;  // without its period: "M", "Mme"
  bool dotted;            // written with a period: "M.", "MM."
  // Also a civility in running text. "Me" and "Dr" are not: the gazetteer has never counted
  // them, and signatory lists are where they occur.
  bool in_running_text;
};

inline constexpr Civility kCivilities[] = {
    {"Mme", false, true}, {"M", true, true},   {"Mlle", false, true}, {"MM", true, true},
    {"Mmes", false, true}, {"Me", false, false}, {"Dr", false, false},
};

// Length of the civility written at text[pos] with its period and the space after it
// ("M. ", "Mme "), or 0 if none starts there.
std::size_t civility_at(std::string_view text, std::size_t pos);

// True if w, a word of running text read without its period, is a civility ("M", "Mme").
bool is_running_text_civility(std::string_view w);

}  // namespace hemicycle::corpus::internal
