#include "article_number.h"

#include <algorithm>
#include <iterator>

namespace hemicycle::corpus::internal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True if a word character starts at s[i] (false at the end). See ArticleNumberStyle::heading
// for the byte rule.
bool word_at(std::string_view s, std::size_t i, const ArticleNumberStyle& style) {
  if (i >= s.size()) return false;
  if (style.heading) return is_word_char(static_cast<unsigned char>(s[i]));
  std::size_t n = 0;
  return is_word_char(decode_at(s, i, &n));
}

// "L. ", "R* ", "L.O. " before the digits: appends the prefix and a space to *out and returns
// the position of the digits, or 0 if there is none.
std::size_t code_prefix(std::string_view s, const ArticleNumberStyle& style, std::string* out) {
  static constexpr std::string_view kPrefixes[] = {"L.O.", "LO", "L.", "R.", "D.", "A.", "R*", "D*"};
  const std::size_t count = style.heading ? std::size(kPrefixes) : std::size(kPrefixes) - 2;
  for (std::size_t k = 0; k < count; ++k) {
    const std::string_view prefix = kPrefixes[k];
    if (s.substr(0, prefix.size()) != prefix) continue;
    const std::size_t p = skip_spaces(s, prefix.size(), style.spaces);
    if (p >= s.size() || !is_digit(s[p])) return 0;
    out->assign(prefix);
    out->push_back(' ');
    return p;
  }
  return 0;
}

// A number written as a word: "premier", "unique" (headings, as written) or "premier" in any
// case (references, as "1er"). Returns the bytes used, 0 if none.
std::size_t word_number(std::string_view s, const ArticleNumberStyle& style, std::string* out) {
  if (!style.heading) {
    const std::size_t e = match_folded(s, 0, "premier");
    if (e == std::string_view::npos) return 0;
    *out = "1er";
    return e;
  }
  for (std::string_view w : {"premier", "PREMIER", "Premier", "unique", "UNIQUE", "Unique",
                             "liminaire", "LIMINAIRE", "pr\xC3\xA9liminaire"}) {
    if (starts_with_word(s, w)) {
      *out = std::string(w);
      return w.size();
    }
  }
  return 0;
}

bool is_suffix(std::string_view w, const ArticleNumberStyle& style) {
  if (!style.heading) return is_latin_suffix(w, style);
  std::string lower;
  for (char c : w) lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  if (is_latin_suffix(lower, style)) return true;
  // "A", "B", "AA", "AB": one or two capitals.
  return w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Appends the suffix words after s[pos] (" bis", " A", " ter A") to *out; returns the end.
std::size_t suffixes(std::string_view s, std::size_t pos, const ArticleNumberStyle& style,
                     std::string* out) {
  while (true) {
    const std::size_t p = skip_spaces(s, pos, style.spaces);
    if (p == pos) return pos;
    std::size_t e = p;
    while (e < s.size() && is_ascii_letter(s[e])) ++e;
    if (e == p || word_at(s, e, style) || !is_suffix(s.substr(p, e - p), style)) return pos;
    out->push_back(' ');
    out->append(s.substr(p, e - p));
    pos = e;
  }
}

}  // namespace

namespace {

struct LatinSuffix {
  std::string_view word;
  // Read in references too. The reference extractor has only ever known the first twelve
  // (without "novies"); widening it would add cites (344 in the bulk corpus, such as
  // "code general des impots art. 199 quindecies"), a change of output left for later.
  bool in_references;
};

constexpr LatinSuffix kLatinSuffixes[] = {
    {"bis", true},           {"ter", true},         {"quater", true},      {"quinquies", true},
    {"sexies", true},        {"septies", true},     {"octies", true},      {"nonies", true},
    {"novies", false},       {"decies", true},      {"undecies", true},    {"duodecies", true},
    {"terdecies", true},     {"quaterdecies", false}, {"quindecies", false}, {"sexdecies", false},
    {"septdecies", false},   {"octodecies", false}, {"novodecies", false}, {"vicies", false},
    {"unvicies", false},     {"duovicies", false},  {"tervicies", false},  {"quatervicies", false},
};

}  // namespace

bool is_latin_suffix(std::string_view w, const ArticleNumberStyle& style) {
  for (const LatinSuffix& s : kLatinSuffixes) {
    if (s.word == w) return style.heading || s.in_references;
  }
  return false;
}

std::size_t parse_article_number(std::string_view s, const ArticleNumberStyle& style,
                                 std::string* number) {
  std::string out;
  const std::size_t start = code_prefix(s, style, &out);
  std::size_t pos = start;
  while (pos < s.size() && (is_digit(s[pos]) || (s[pos] == '-' && pos > start &&
                                                 pos + 1 < s.size() && is_digit(s[pos + 1])))) {
    out.push_back(s[pos]);
    ++pos;
  }
  if (pos == start) {
    const std::size_t used = word_number(s, style, &out);
    if (used != 0) *number = std::move(out);
    return used;
  }
  if (s.substr(pos, 2) == "er" && !word_at(s, pos + 2, style)) {
    out += "er";
    pos += 2;
  }
  std::size_t n = 0;
  if (pos < s.size() && is_word_char(decode_at(s, pos, &n))) return 0;
  *number = std::move(out);
  return suffixes(s, pos, style, number);
}

}  // namespace hemicycle::corpus::internal
