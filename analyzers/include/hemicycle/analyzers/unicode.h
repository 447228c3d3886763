#pragma once

// Character helpers shared by every library that reads text: one UTF-8 decoder (strict, with
// a lax wrapper for scanners), one encoder, one space predicate (with the space set each
// caller has always used) and the "written in lowercase" test of word forms.
// All functions are pure and thread-safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hemicycle::analyzers {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Strict decoder. Decodes one code point at p (REQUIRES: p < end). Returns the code point and
// sets *len to the number of bytes it uses. On an invalid sequence (stray continuation byte,
// overlong form, surrogate, > U+10FFFF, truncated sequence) returns kReplacementChar, sets *ok
// to false and *len to the length of the maximal ill-formed subpart (at least 1), as Unicode
// recommends, so that each bad subpart becomes one U+FFFD.
inline char32_t decode_utf8(const unsigned char* p, const unsigned char* end, int* len, bool* ok) {
  const unsigned c = p[0];
  *ok = true;
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  const std::ptrdiff_t avail = end - p;
  *ok = false;
  *len = 1;
  if (c < 0xC2) return kReplacementChar;
  if (c < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return kReplacementChar;
    *ok = true;
    *len = 2;
    return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
  }
  unsigned lo = 0x80, hi = 0xBF;
  if (c < 0xF0) {
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
    if (avail < 2 || p[1] < lo || p[1] > hi) return kReplacementChar;
    *len = 2;
    if (avail < 3 || (p[2] & 0xC0) != 0x80) return kReplacementChar;
    *ok = true;
    *len = 3;
    return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  }
  if (c < 0xF5) {
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // <= U+10FFFF
    if (avail < 2 || p[1] < lo || p[1] > hi) return kReplacementChar;
    *len = 2;
    if (avail < 3 || (p[2] & 0xC0) != 0x80) return kReplacementChar;
    *len = 3;
    if (avail < 4 || (p[3] & 0xC0) != 0x80) return kReplacementChar;
    *ok = true;
    *len = 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  }
  return kReplacementChar;
}

// Lax decoder for scanners that walk text byte offsets (the corpus): decode_utf8 at text[pos],
// except that an invalid sequence is U+FFFD of one byte, so that the scan resumes at the next
// byte. On valid UTF-8 both decoders agree. REQUIRES: pos < text.size().
inline char32_t decode_at(std::string_view text, std::size_t pos, std::size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  if (*p < 0x80) {
    *len = 1;
    return *p;
  }
  int n = 0;
  bool ok = false;
  const char32_t cp =
      decode_utf8(p, reinterpret_cast<const unsigned char*>(text.data()) + text.size(), &n, &ok);
  *len = ok ? static_cast<std::size_t>(n) : 1;
  return cp;
}

// The code point that ends just before text[pos], decoded as decode_at does; U+FFFD of one
// byte if the bytes before pos do not end a valid sequence. REQUIRES: pos > 0.
char32_t decode_before(std::string_view text, std::size_t pos, std::size_t* len);

// Appends the UTF-8 encoding of cp (REQUIRES: a scalar value) to out.
inline void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    const char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    const char b[3] = {static_cast<char>(0xE0 | (cp >> 12)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    const char b[4] = {
        static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
        static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

// Which characters count as a space. The sets differ on purpose (a line break ends a line of
// the corpus but not a query; U+200B pads corpus lines but is not White_Space), and each caller
// keeps the set its outputs were built with. Every space of every set is listed in unicode.cc.
enum class Spaces : std::uint8_t {
  // Unicode White_Space: ASCII blanks and line breaks, U+0085, U+00A0, U+1680, U+2000..U+200A,
  // U+2028, U+2029, U+202F, U+205F, U+3000. The analysis chain (fold) uses it.
  kUnicode,
  // Padding within a line of the corpus: ' ', \t, \r, \f, \v, U+00A0, U+2007, U+2009, U+200B,
  // U+202F, U+FEFF; not \n.
  kLine,
  // Between the words of a legal reference ("article\n12"): ' ', \t, \n and the non-ASCII
  // spaces of kLine; not \r, \f, \v.
  kReference,
  // Around a query: ASCII blanks and line breaks, U+00A0, U+2000..U+200A, U+202F.
  kQuery,
};

bool is_space(char32_t cp, Spaces set = Spaces::kUnicode);

// The longest prefix of `text` of at most `max_bytes` that does not cut a UTF-8 character
// (for excerpts quoted in messages). Only continuation bytes are looked at: on invalid
// input it still never cuts inside a well-formed sequence.
inline std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

// True if a word form as written starts with a lowercase letter: ASCII a-z, or a code point
// U+00E0..U+00FF (à-ÿ; ÷ included, as the suggestion index has always counted it).
// REQUIRES: !form.empty().
inline bool lowercase_initial(std::string_view form) {
  const auto c0 = static_cast<unsigned char>(form[0]);
  return (c0 >= 'a' && c0 <= 'z') ||
         (c0 == 0xC3 && form.size() > 1 && static_cast<unsigned char>(form[1]) >= 0xA0);
}

}  // namespace hemicycle::analyzers
