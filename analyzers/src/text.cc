// The free text functions of analyzer.h: is_valid_utf8, sanitize_utf8, fold, identity_text.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "chars.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/analyzers/unicode.h"

namespace hemicycle::analyzers {
namespace {


// Offset of the first non-ASCII byte at or after i.
std::size_t skip_ascii(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    if (w & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

}  // namespace

bool is_valid_utf8(std::string_view text, std::size_t* first_bad) {
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = base + text.size();
  std::size_t i = 0;
  while (true) {
    i = skip_ascii(text, i);
    if (i >= text.size()) return true;
    int len;
    bool ok;
    decode_utf8(base + i, end, &len, &ok);
    if (!ok) {
      if (first_bad != nullptr) *first_bad = i;
      return false;
    }
    i += static_cast<std::size_t>(len);
  }
}

std::string sanitize_utf8(std::string_view text) {
  std::size_t bad = 0;
  if (is_valid_utf8(text, &bad)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  out.append(text.data(), bad);
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = base + text.size();
  std::size_t i = bad;
  while (i < text.size()) {
    int len;
    bool ok;
    decode_utf8(base + i, end, &len, &ok);
    if (ok) {
      out.append(text.data() + i, static_cast<std::size_t>(len));
    } else {
      out.append("\xEF\xBF\xBD");  // U+FFFD
    }
    i += static_cast<std::size_t>(len);
  }
  return out;
}

// `text` as valid UTF-8 (U+FFFD for invalid bytes) in NFC: `text` itself when it already
// is, else a view of `sanitized` or `nfc`, which hold the converted forms.
static std::string_view valid_nfc(std::string_view text, std::string& sanitized,
                                  std::string& nfc) {
  std::string_view v = text;
  if (!is_valid_utf8(v)) {
    sanitized = sanitize_utf8(v);
    v = sanitized;
  }
  if (!internal::quick_check_nfc(v)) {
    internal::to_nfc(v, nfc);
    v = nfc;
  }
  return v;
}

std::string fold(std::string_view text) {
  std::string sanitized, nfc;
  const std::string_view v = valid_nfc(text, sanitized, nfc);
  std::string out;
  out.reserve(v.size());
  const auto* p = reinterpret_cast<const unsigned char*>(v.data());
  const auto* end = p + v.size();
  bool pending_space = false;
  while (p < end) {
    int len;
    bool ok;
    const char32_t cp = decode_utf8(p, end, &len, &ok);
    p += len;
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    const std::size_t before = out.size();
    if (pending_space) out.push_back(' ');
    internal::append_folded(cp, out);
    if (out.size() == before + (pending_space ? 1 : 0)) {
      out.resize(before);  // the character folded to nothing: keep the space pending
    } else {
      pending_space = false;
    }
  }
  return out;
}

std::string identity_text(std::string_view text) {
  std::string sanitized, nfc;
  const std::string_view v = valid_nfc(text, sanitized, nfc);  // U+FFFD: a separator
  std::string out;
  out.reserve(v.size());
  const auto* p = reinterpret_cast<const unsigned char*>(v.data());
  const auto* end = p + v.size();
  bool pending_space = false;
  while (p < end) {
    int len;
    bool ok;
    const char32_t cp = decode_utf8(p, end, &len, &ok);
    if (!internal::is_word_char(internal::classify(cp))) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len));
    }
    p += len;
  }
  return out;
}

}  // namespace hemicycle::analyzers
