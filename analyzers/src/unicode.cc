// The out-of-line parts of unicode.h: decode_before and the space sets.

#include "hemicycle/analyzers/unicode.h"

#include "chars.h"

namespace hemicycle::analyzers {
namespace {

constexpr std::uint8_t bit(Spaces set) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(set)); }

constexpr std::uint8_t kLineBit = bit(Spaces::kLine);
constexpr std::uint8_t kReferenceBit = bit(Spaces::kReference);
constexpr std::uint8_t kQueryBit = bit(Spaces::kQuery);

// The sets (other than kUnicode, which ICU answers) that count cp as a space.
std::uint8_t space_sets(char32_t cp) {
  switch (cp) {
    case U' ':
    case U'\t':
    case 0x00A0:  // no-break space
    case 0x202F:  // narrow no-break space
      return kLineBit | kReferenceBit | kQueryBit;
    case U'\n':
      return kReferenceBit | kQueryBit;
    case U'\r':
    case U'\f':
    case U'\v':
      return kLineBit | kQueryBit;
    case 0x2007:  // figure space
    case 0x2009:  // thin space
      return kLineBit | kReferenceBit | kQueryBit;
    case 0x200B:  // zero width space
    case 0xFEFF:  // byte order mark, zero width no-break space
      return kLineBit | kReferenceBit;
    default:
      return (cp >= 0x2000 && cp <= 0x200A) ? kQueryBit : 0;
  }
}

}  // namespace

char32_t decode_before(std::string_view text, std::size_t pos, std::size_t* len) {
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  std::size_t n = 0;
  const char32_t cp = decode_at(text, start, &n);
  if (start + n != pos) {
    *len = 1;
    return kReplacementChar;
  }
  *len = n;
  return cp;
}

bool is_space(char32_t cp, Spaces set) {
  if (set == Spaces::kUnicode) return internal::is_white_space(cp);
  return (space_sets(cp) & bit(set)) != 0;
}

}  // namespace hemicycle::analyzers
