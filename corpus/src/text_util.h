#pragma once

// Small UTF-8 text helpers shared by the corpus sources. Private to hemicycle_corpus.
// All functions are pure and thread-safe. Inputs are assumed to be valid UTF-8 unless
// stated otherwise; on malformed bytes they never read out of bounds.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/analyzers/unicode.h"

namespace hemicycle::corpus::internal {

// UTF-8 decoding (lax: a malformed byte is one U+FFFD) and encoding, and the space sets:
// the shared helpers of analyzers (unicode.h).
using analyzers::append_utf8;
using analyzers::decode_at;
using analyzers::decode_before;
using analyzers::is_space;
using analyzers::Spaces;

// True for letters and digits (ASCII alphanumerics, Latin-1 letters, and other scripts'
// code points outside the punctuation and symbol blocks).
bool is_word_char(char32_t cp);

// True for ASCII and Latin-1/Latin Extended-A upper-case letters.
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);

// Case mapping for Latin scripts (ASCII, Latin-1, Latin Extended-A, Greek basics are not
// handled); other code points are returned unchanged.
char32_t to_lower(char32_t cp);
char32_t to_upper(char32_t cp);

// Byte range of `text` without leading and trailing spaces (Spaces::kLine).
std::string_view trim(std::string_view text);
// Offsets [*begin, *end) of the trimmed part of text[begin, end).
void trim_range(std::string_view text, std::size_t* begin, std::size_t* end);

// Appends the case- and accent-folded form of one word to *out, for ASCII and Latin-1
// letters and Œ/œ/Ÿ (the same results as analyzers::fold for these). Returns false, with
// *out unspecified, if the word holds anything else: callers then use analyzers::fold.
bool fold_latin(std::string_view word, std::string* out);

// analyzers::fold for one word, with the fold_latin fast path.
std::string fold_word(std::string_view word);

// analyzers::fold of a phrase with the typographic apostrophe made straight ("l’article" ->
// "l'article"), for comparisons with folded ASCII phrases.
std::string fold_key(std::string_view text);

// Position of the first character at or after pos that is not a space of `set`.
std::size_t skip_spaces(std::string_view text, std::size_t pos, Spaces set = Spaces::kLine);

// Matches a folded phrase (lowercase ASCII, single spaces, straight apostrophes) at
// text[pos]: case- and accent-insensitive, any run of Spaces::kReference for a space. Returns
// the end position, or npos. The match must end on a word boundary unless the phrase ends
// with a non-letter.
std::size_t match_folded(std::string_view text, std::size_t pos, std::string_view phrase);

// Title case for a name written in capitals: "YAËL BRAUN-PIVET" -> "Yaël Braun-Pivet".
// Each part after a space, hyphen or apostrophe gets an upper-case initial; the particles
// "de", "du", "des", "d'" after the first part stay lower-case ("Le Pen" keeps its "Le").
std::string title_case_name(std::string_view name);

// Replaces U+00A0 and U+202F by ' ', collapses runs of spaces and trims.
std::string normalize_spaces(std::string_view text);

// ASCII case-insensitive prefix test.
bool starts_with_ci(std::string_view text, std::string_view prefix);

// True if text starts with `word` followed by a non-word character or the end.
bool starts_with_word(std::string_view text, std::string_view word);

// Parses a French date "28 mars 2025", "1er janvier 2020" at the start of text (the day
// may be followed by "er"); returns "YYYY-MM-DD" and sets *consumed, or "" if none.
std::string parse_french_date(std::string_view text, std::size_t* consumed);

// True if text starts with an ISO date "YYYY-MM-DD".
bool is_iso_date(std::string_view text);

// Appends value to list unless already present.
void add_unique(std::vector<std::string>& list, const std::string& value);

}  // namespace hemicycle::corpus::internal
