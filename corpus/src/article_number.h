#pragma once

// The article-number parser shared by the segmenter (article headings, "Art. L. 1114-1. -")
// and the reference extractor ("articles 3 bis et 4 du code civil"). Private to
// hemicycle_corpus. Pure and thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

#include "text_util.h"

namespace hemicycle::corpus::internal {

// What differs between the two callers. Each keeps the rules its outputs were built with.
struct ArticleNumberStyle {
  // Spaces allowed inside a number ("L.  1114-1", "3 bis").
  Spaces spaces = Spaces::kLine;
  // Headings: "R*" and "D*" prefixes (regulatory articles of a code); the words "premier",
  // "unique", "liminaire", "préliminaire" kept as written; Latin suffixes in any case and
  // capital-letter suffixes ("2 A", "3 bis AA"); and, after "er" and a suffix, the byte itself
  // read as a code point decides whether a word goes on (so "1er" followed by U+00A0 or "»"
  // is not a heading number, as the segmenter has always had it).
  // References: "premier" in any case or accents gives "1er"; only lowercase Latin suffixes.
  bool heading = false;
};

inline constexpr ArticleNumberStyle kHeadingNumber{Spaces::kLine, true};
inline constexpr ArticleNumberStyle kReferenceNumber{Spaces::kReference, false};

// True for the Latin multiplicative suffixes of inserted articles, lowercase: "bis", "ter",
// "quater", ... "quatervicies" in headings; references know "bis" to "terdecies" without
// "novies" (see article_number.cc).
bool is_latin_suffix(std::string_view lowercase_word, const ArticleNumberStyle& style);

// Parses an article number at the start of s: "1er", "515-14", "L. 1114-1", "L.O. 1",
// "3 bis", "premier". Returns the number of bytes used (0 if none; a number followed by a
// word character is none) and the number with its spaces normalised in *number.
std::size_t parse_article_number(std::string_view s, const ArticleNumberStyle& style,
                                 std::string* number);

}  // namespace hemicycle::corpus::internal
