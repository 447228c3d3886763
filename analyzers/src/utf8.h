#pragma once

// UTF-8 decoding and encoding helpers shared by the analyzers (private header).

#include <cstddef>
#include <string>

namespace hemicycle::analyzers::internal {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point at p (REQUIRES: p < end). Returns the code point and sets *len to the
// number of bytes it uses. On an invalid sequence (stray continuation byte, overlong form,
// surrogate, > U+10FFFF, truncated sequence) returns kReplacementChar, sets *ok to false and
// *len to the length of the maximal ill-formed subpart (at least 1), as Unicode recommends, so
// that each bad subpart becomes one U+FFFD.
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

}  // namespace hemicycle::analyzers::internal
