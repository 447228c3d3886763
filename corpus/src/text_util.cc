#include "text_util.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "hemicycle/analyzers/analyzer.h"

namespace hemicycle::corpus::internal {

bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  if (cp < 0xC0) return false;  // Latin-1 punctuation and symbols, NBSP
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows...
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 0 && cp != 0x138;
  return false;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 1;
  return false;
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x100 && cp <= 0x17F && (cp & 1) == 0 && cp != 0x138) return cp + 1;
  return cp;
}

char32_t to_upper(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
  if (cp == 0xFF) return 0x178;
  if (cp >= 0x100 && cp <= 0x17F && (cp & 1) == 1 && cp != 0x149 && cp != 0x17F) {
    return cp - 1;
  }
  return cp;
}

void trim_range(std::string_view text, std::size_t* begin, std::size_t* end) {
  std::size_t b = *begin;
  std::size_t e = *end;
  while (b < e) {
    const auto c = static_cast<unsigned char>(text[b]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++b;
      continue;
    }
    if (c < 0x80) break;
    std::size_t n = 0;
    if (!is_space(decode_at(text, b, &n), Spaces::kLine) || b + n > e) break;
    b += n;
  }
  while (e > b) {
    const auto c = static_cast<unsigned char>(text[e - 1]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      --e;
      continue;
    }
    if (c < 0x80) break;
    std::size_t n = 0;
    if (!is_space(decode_before(text, e, &n), Spaces::kLine) || e - n < b) break;
    e -= n;
  }
  *begin = b;
  *end = e;
}

std::string_view trim(std::string_view text) {
  std::size_t b = 0;
  std::size_t e = text.size();
  trim_range(text, &b, &e);
  return text.substr(b, e - b);
}

namespace {

// Folded forms of U+00C0..U+00FF; nullptr where fold_latin defers to analyzers::fold.
constexpr std::array<const char*, 64> kLatin1Fold = {
    "a", "a", "a", "a", "a", "a", "ae", "c",   // À Á Â Ã Ä Å Æ Ç
    "e", "e", "e", "e", "i", "i", "i", "i",    // È É Ê Ë Ì Í Î Ï
    nullptr, "n", "o", "o", "o", "o", "o", nullptr,  // Ð Ñ Ò Ó Ô Õ Ö ×
    nullptr, "u", "u", "u", "u", "y", nullptr, "ss",  // Ø Ù Ú Û Ü Ý Þ ß
    "a", "a", "a", "a", "a", "a", "ae", "c",   // à á â ã ä å æ ç
    "e", "e", "e", "e", "i", "i", "i", "i",    // è é ê ë ì í î ï
    nullptr, "n", "o", "o", "o", "o", "o", nullptr,  // ð ñ ò ó ô õ ö ÷
    nullptr, "u", "u", "u", "u", "y", nullptr, "y",  // ø ù ú û ü ý þ ÿ
};

}  // namespace

bool fold_latin(std::string_view word, std::string* out) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
      continue;
    }
    if (i + 1 >= word.size()) return false;
    const auto c1 = static_cast<unsigned char>(word[i + 1]);
    if (c == 0xC3 && c1 >= 0x80 && c1 <= 0xBF) {
      const char* f = kLatin1Fold[c1 - 0x80];
      if (f == nullptr) return false;
      out->append(f);
      ++i;
      continue;
    }
    if (c == 0xC5 && (c1 == 0x92 || c1 == 0x93)) {  // Œ œ
      out->append("oe");
      ++i;
      continue;
    }
    if (c == 0xC5 && c1 == 0xB8) {  // Ÿ
      out->push_back('y');
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

std::string fold_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  if (fold_latin(word, &out)) return out;
  return analyzers::fold(word);
}

std::string fold_key(std::string_view text) {
  std::string k = analyzers::fold(text);
  std::string out;
  out.reserve(k.size());
  for (std::size_t i = 0; i < k.size(); ++i) {
    if (k.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(k[i]);
    }
  }
  return out;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos, Spaces set) {
  while (pos < text.size()) {
    std::size_t n = 0;
    if (!is_space(decode_at(text, pos, &n), set)) break;
    pos += n;
  }
  return pos;
}

namespace {

// Folds the code point at text[pos] to lowercase ASCII (accents removed) and returns it,
// or 0 if it has no one-letter ASCII fold; ’ gives '\''. Sets *len to its byte length.
char fold_char(std::string_view text, std::size_t pos, std::size_t* len) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    *len = 1;
    return static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  char32_t cp = decode_at(text, pos, len);
  if (cp == 0x2019) return '\'';
  if (cp >= 0xC0 && cp <= 0xFF) {
    std::string one;
    std::string folded;
    append_utf8(cp, one);
    if (fold_latin(one, &folded) && folded.size() == 1) return folded[0];
  }
  return 0;
}

}  // namespace

// Matches a folded phrase (lowercase ASCII, single spaces, straight apostrophes) at
// text[pos]: case- and accent-insensitive, any run of spaces for a space. Returns the end
// position, or kNone. The match must end on a word boundary unless the phrase ends with
// a non-letter.
std::size_t match_folded(std::string_view text, std::size_t pos, std::string_view phrase) {
  std::size_t i = 0;
  while (i < phrase.size()) {
    if (pos >= text.size()) return std::string_view::npos;
    if (phrase[i] == ' ') {
      std::size_t p = skip_spaces(text, pos, Spaces::kReference);
      if (p == pos) return std::string_view::npos;
      pos = p;
      ++i;
      continue;
    }
    std::size_t n = 0;
    const char f = fold_char(text, pos, &n);
    if (f != phrase[i]) return std::string_view::npos;
    pos += n;
    ++i;
  }
  const char last = phrase.back();
  const bool letter_end = (last >= 'a' && last <= 'z') || (last >= '0' && last <= '9');
  std::size_t n = 0;
  if (letter_end && pos < text.size() && is_word_char(decode_at(text, pos, &n))) {
    return std::string_view::npos;
  }
  return pos;
}


namespace {

bool is_particle(std::string_view lower) {
  return lower == "de" || lower == "du" || lower == "des" || lower == "d" || lower == "von" ||
         lower == "van";
}

}  // namespace

std::string title_case_name(std::string_view name) {
  std::string clean = normalize_spaces(name);
  std::string out;
  out.reserve(clean.size());
  std::size_t pos = 0;
  bool first_part = true;
  while (pos < clean.size()) {
    // One part: a run of word characters.
    std::size_t n = 0;
    char32_t cp = decode_at(clean, pos, &n);
    if (!is_word_char(cp)) {
      append_utf8(cp, out);
      pos += n;
      continue;
    }
    std::size_t end = pos;
    std::string lower;
    while (end < clean.size()) {
      std::size_t m = 0;
      char32_t c = decode_at(clean, end, &m);
      if (!is_word_char(c)) break;
      append_utf8(to_lower(c), lower);
      end += m;
    }
    if (!first_part && is_particle(lower)) {
      out += lower;
    } else {
      std::size_t m = 0;
      char32_t c = decode_at(lower, 0, &m);
      append_utf8(to_upper(c), out);
      out.append(lower, m, std::string::npos);
    }
    first_part = false;
    pos = end;
  }
  return out;
}

std::string normalize_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t n = 0;
    char32_t cp = decode_at(text, pos, &n);
    if (is_space(cp, Spaces::kLine) || cp == '\n') {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(text.substr(pos, n));
    }
    pos += n;
  }
  return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i];
    char b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
    if (a != b) return false;
  }
  return true;
}

bool starts_with_word(std::string_view text, std::string_view word) {
  if (text.substr(0, word.size()) != word) return false;
  if (text.size() == word.size()) return true;
  std::size_t n = 0;
  return !is_word_char(decode_at(text, word.size(), &n));
}

namespace {

struct Month {
  const char* name;
  int number;
};

constexpr Month kMonths[] = {
    {"janvier", 1},  {"février", 2}, {"fevrier", 2},  {"mars", 3},      {"avril", 4},
    {"mai", 5},      {"juin", 6},    {"juillet", 7},  {"août", 8},      {"aout", 8},
    {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
};

}  // namespace

std::string parse_french_date(std::string_view text, std::size_t* consumed) {
  std::size_t pos = 0;
  int day = 0;
  std::size_t digits = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && digits < 3) {
    day = day * 10 + (text[pos] - '0');
    ++pos;
    ++digits;
  }
  if (digits == 0 || digits > 2 || day < 1 || day > 31) return "";
  if (text.substr(pos, 2) == "er") pos += 2;
  std::size_t after_day = skip_spaces(text, pos);
  if (after_day == pos) return "";
  pos = after_day;
  int month = 0;
  for (const Month& m : kMonths) {
    std::string_view name(m.name);
    if (starts_with_ci(text.substr(pos), name)) {
      month = m.number;
      pos += name.size();
      break;
    }
  }
  if (month == 0) return "";
  std::size_t after_month = skip_spaces(text, pos);
  if (after_month == pos) return "";
  pos = after_month;
  if (pos + 4 > text.size()) return "";
  for (std::size_t i = 0; i < 4; ++i) {
    if (text[pos + i] < '0' || text[pos + i] > '9') return "";
  }
  if (pos + 4 < text.size() && text[pos + 4] >= '0' && text[pos + 4] <= '9') return "";
  std::string out(text.substr(pos, 4));
  out += '-';
  out += static_cast<char>('0' + month / 10);
  out += static_cast<char>('0' + month % 10);
  out += '-';
  out += static_cast<char>('0' + day / 10);
  out += static_cast<char>('0' + day % 10);
  *consumed = pos + 4;
  return out;
}

bool is_iso_date(std::string_view text) {
  if (text.size() < 10) return false;
  for (std::size_t i = 0; i < 10; ++i) {
    const char c = text[i];
    if (i == 4 || i == 7) {
      if (c != '-') return false;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (value.empty()) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace hemicycle::corpus::internal
