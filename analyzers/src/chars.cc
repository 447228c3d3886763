#include "chars.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <array>
#include <cstring>

#include "hemicycle/analyzers/unicode.h"

namespace hemicycle::analyzers::internal {
namespace {

using analyzers::append_utf8;
using analyzers::decode_utf8;

// Code points below this value use the table.
constexpr char32_t kTableSize = 0x300;

struct Entry {
  CharClass cls = CharClass::kSeparator;
  bool space = false;
  char32_t lower = 0;
  std::uint8_t folded_len = 0;
  char folded[6] = {};  // lowercased and folded, UTF-8
};

// One of ICU's normalizer singletons (unorm2_getNFDInstance, ...), or nullptr if ICU fails.
const UNormalizer2* normalizer(const UNormalizer2* (*get_instance)(UErrorCode*)) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* n = get_instance(&status);
  return U_SUCCESS(status) ? n : nullptr;
}

const UNormalizer2* nfd_instance() {
  static const UNormalizer2* nfd = normalizer(unorm2_getNFDInstance);
  return nfd;
}

const UNormalizer2* nfkd_instance() {
  static const UNormalizer2* nfkd = normalizer(unorm2_getNFKDInstance);
  return nfkd;
}

const UNormalizer2* nfc_instance() {
  static const UNormalizer2* nfc = normalizer(unorm2_getNFCInstance);
  return nfc;
}

CharClass classify_icu(char32_t cp) {
  switch (cp) {
    case U'\'':
    case 0x2019:
    case 0x02BC:  // modifier letter apostrophe, found in the corpus as "dʼun"
      return CharClass::kApostrophe;
    case 0x00AA:  // ª and º: ordinal indicators, written like ° in "nº 12", "4º"
    case 0x00BA:
      return CharClass::kSeparator;
    case U'-':
    case 0x2010:
    case 0x2011:
      return CharClass::kHyphen;
    case U'/':
      return CharClass::kSlash;
    default:
      break;
  }
  if (cp >= U'0' && cp <= U'9') return CharClass::kDigit;
  const auto type = u_charType(static_cast<UChar32>(cp));
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
    return CharClass::kMark;
  }
  if (u_isalpha(static_cast<UChar32>(cp))) return CharClass::kLetter;
  if (u_isdigit(static_cast<UChar32>(cp))) return CharClass::kOtherDigit;
  return CharClass::kSeparator;
}

// Folding of letters that have no canonical decomposition. cp is lowercase.
const char* special_fold(char32_t cp) {
  switch (cp) {
    case 0x00DF:
      return "ss";  // ß
    case 0x0153:
      return "oe";  // œ
    case 0x00E6:
      return "ae";  // æ
    case 0x00F8:
      return "o";  // ø
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x0142:
      return "l";  // ł
    case 0x0140:
      return "l";  // ŀ
    case 0x0131:
      return "i";  // ı
    case 0x00FE:
      return "th";  // þ
    case 0x0133:
      return "ij";  // ĳ
    case 0x017F:
      return "s";  // ſ
    default:
      return nullptr;
  }
}

bool is_nonspacing_mark(char32_t cp) {
  return u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

// Appends the decomposition of c by norm (NFD or NFKD) to out, lowercased and folded, keeping
// only the code points for which keep() holds. Returns false if c has no decomposition or
// nothing was kept (out is then unchanged).
template <typename Keep>
bool append_decomposition(const UNormalizer2* norm, char32_t c, std::string& out, Keep keep) {
  if (norm == nullptr) return false;
  UChar buf[32];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = unorm2_getDecomposition(norm, static_cast<UChar32>(c), buf, 32, &status);
  if (U_FAILURE(status) || n <= 0) return false;
  const std::size_t before = out.size();
  for (int32_t i = 0; i < n;) {
    UChar32 d;
    U16_NEXT(buf, i, n, d);
    if (!keep(d)) continue;
    const char32_t dl = static_cast<char32_t>(u_tolower(d));
    if (const char* s = special_fold(dl)) {
      out.append(s);
    } else {
      append_utf8(dl, out);
    }
  }
  return out.size() != before;
}

// The general (ICU) path of append_folded.
void append_folded_icu(char32_t cp, std::string& out) {
  const char32_t c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
  if (const char* s = special_fold(c)) {
    out.append(s);
    return;
  }
  if (c < 0xC0) {  // nothing below decomposes canonically; ª µ º are handled below
    if (c != 0xAA && c != 0xB5 && c != 0xBA) {
      append_utf8(c, out);
      return;
    }
  }
  if (is_nonspacing_mark(c)) return;
  if (c >= 0xAC00 && c <= 0xD7A3) {  // Hangul syllables: their NFD is jamo, keep them whole
    append_utf8(c, out);
    return;
  }
  if (u_isalpha(static_cast<UChar32>(c))) {
    // Letters fold through their compatibility decomposition, keeping letters and digits:
    // ﬁ->fi, ᵉ->e, ʳ->r ("1ᵉʳ" -> "1er"), µ->μ, ŀ->l, full-width letters -> ASCII.
    if (append_decomposition(nfkd_instance(), c, out,
                             [](UChar32 d) { return u_isalnum(d) != 0; })) {
      return;
    }
  } else if (append_decomposition(nfd_instance(), c, out,
                                  [](UChar32 d) { return u_charType(d) != U_NON_SPACING_MARK; })) {
    return;
  }
  append_utf8(c, out);
}

const std::array<Entry, kTableSize>& table() {
  static const std::array<Entry, kTableSize> t = [] {
    std::array<Entry, kTableSize> a{};
    std::string folded;
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      Entry& e = a[cp];
      e.cls = classify_icu(cp);
      e.space = u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0;
      e.lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
      folded.clear();
      append_folded_icu(cp, folded);
      if (folded.size() <= sizeof(e.folded)) {
        e.folded_len = static_cast<std::uint8_t>(folded.size());
        std::memcpy(e.folded, folded.data(), folded.size());
      }
    }
    return a;
  }();
  return t;
}

}  // namespace

CharClass classify(char32_t cp) {
  if (cp < kTableSize) return table()[cp].cls;
  if (cp >= 0x2000 && cp <= 0x206F) {  // General Punctuation: no letters or digits
    if (cp == 0x2019) return CharClass::kApostrophe;
    if (cp == 0x2010 || cp == 0x2011) return CharClass::kHyphen;
    return CharClass::kSeparator;
  }
  return classify_icu(cp);
}

bool is_white_space(char32_t cp) {
  if (cp < kTableSize) return table()[cp].space;
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0;
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= U'A' && cp <= U'Z') ? cp + 32 : cp;
  if (cp < kTableSize) return table()[cp].lower;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

void append_folded(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>((cp >= U'A' && cp <= U'Z') ? cp + 32 : cp));
    return;
  }
  if (cp < kTableSize) {
    const Entry& e = table()[cp];
    out.append(e.folded, e.folded_len);
    return;
  }
  append_folded_icu(cp, out);
}

bool quick_check_nfc(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  std::uint8_t last_ccc = 0;
  while (p < end) {
    if (*p < 0xCC) {  // below U+0300: always NFC, combining class 0
      p += (*p < 0x80) ? 1 : 2;
      last_ccc = 0;
      continue;
    }
    int len;
    bool ok;
    const char32_t cp = decode_utf8(p, end, &len, &ok);
    p += len;
    if (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      return false;
    }
    const std::uint8_t ccc = u_getCombiningClass(static_cast<UChar32>(cp));
    if (ccc != 0 && ccc < last_ccc) return false;
    last_ccc = ccc;
  }
  return true;
}

void to_nfc(std::string_view s, std::string& out) {
  thread_local std::u16string src, dst;
  out.assign(s);
  const UNormalizer2* nfc = nfc_instance();
  if (nfc == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;
  src.resize(s.size());
  u_strFromUTF8(src.data(), static_cast<int32_t>(src.size()), &n, s.data(),
                static_cast<int32_t>(s.size()), &status);
  if (U_FAILURE(status)) return;
  src.resize(static_cast<std::size_t>(n));
  dst.resize(src.size() * 3 + 4);
  status = U_ZERO_ERROR;
  const int32_t m =
      unorm2_normalize(nfc, src.data(), n, dst.data(), static_cast<int32_t>(dst.size()), &status);
  if (U_FAILURE(status)) return;
  std::string result(static_cast<std::size_t>(m) * 3, '\0');
  int32_t k = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(result.data(), static_cast<int32_t>(result.size()), &k, dst.data(), m, &status);
  if (U_FAILURE(status)) return;
  result.resize(static_cast<std::size_t>(k));
  out.swap(result);
}

}  // namespace hemicycle::analyzers::internal
