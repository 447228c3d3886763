#pragma once

// Character properties, lowercasing, accent folding and NFC for the analyzers (private header).
// Latin code points (below U+0300) and ASCII use precomputed tables; ICU is called only for the
// rest. All functions are thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

namespace hemicycle::analyzers::internal {

enum class CharClass : std::uint8_t {
  kSeparator,   // anything that ends a word (punctuation, spaces, symbols, U+FFFD, ...)
  kLetter,      // general category L*
  kDigit,       // ASCII 0-9
  kOtherDigit,  // other decimal digits (Nd)
  kMark,        // combining marks (Mn, Mc, Me): they stay in the word
  kApostrophe,  // ', U+2019 and U+02BC
  kHyphen,      // -, U+2010, U+2011
  kSlash,       // /
};

CharClass classify(char32_t cp);

// classify() for ASCII, as a constant table.
inline constexpr auto kAsciiClass = [] {
  struct Table {
    CharClass c[128];
  } t{};
  for (int i = 0; i < 128; ++i) {
    CharClass c = CharClass::kSeparator;
    if (i >= '0' && i <= '9') c = CharClass::kDigit;
    if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z')) c = CharClass::kLetter;
    if (i == '\'') c = CharClass::kApostrophe;
    if (i == '-') c = CharClass::kHyphen;
    if (i == '/') c = CharClass::kSlash;
    t.c[i] = c;
  }
  return t;
}();

inline bool is_word_char(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kOtherDigit ||
         c == CharClass::kMark;
}

// True for Unicode White_Space (ASCII blanks, U+00A0, U+202F, ...): the table-driven
// answer behind analyzers::is_space(cp, Spaces::kUnicode).
bool is_white_space(char32_t cp);

// Simple (one-to-one) Unicode lowercase mapping. U+2019 is not touched here.
char32_t to_lower(char32_t cp);

// Appends the lowercased, accent-folded form of cp to out: letters go through NFKD keeping
// letters and digits (é->e, ﬁ->fi, ᵉ->e), other characters through NFD without nonspacing
// marks; ß->ss, œ->oe, æ->ae, ø->o, ł->l, đ/ð->d, þ->th, ı->i. A lone nonspacing mark appends
// nothing. Hangul syllables are kept whole.
void append_folded(char32_t cp, std::string& out);

// False if the valid UTF-8 text may not be in NFC (NFC_Quick_Check not Yes, or combining marks
// out of canonical order). True is exact; false means "normalize to be sure".
bool quick_check_nfc(std::string_view valid_utf8);

// Replaces out with the NFC form of valid_utf8 (REQUIRES: valid UTF-8). On an ICU error, out
// receives the input unchanged.
void to_nfc(std::string_view valid_utf8, std::string& out);

}  // namespace hemicycle::analyzers::internal
