// Signatory names (extract.h: split_signatories, title_case_name).

#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/corpus/extract.h"
#include "civility.h"
#include "text_util.h"

namespace hemicycle::corpus {
namespace {

// Position just after the first civility in piece (at its start or after a space), or npos.
std::size_t after_civility(std::string_view piece) {
  for (std::size_t pos = 0; pos < piece.size(); ++pos) {
    if (pos > 0 && piece[pos - 1] != ' ') continue;
    if (const std::size_t len = internal::civility_at(piece, pos)) return pos + len;
  }
  return std::string_view::npos;
}

// Splits on ", " and on " et " when a civility follows.
std::vector<std::string_view> split_pieces(std::string_view s) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (s[pos] == ',') {
      pieces.push_back(s.substr(start, pos - start));
      start = pos + 1;
    } else if (s.compare(pos, 4, " et ") == 0) {
      if (internal::civility_at(s, pos + 4) != 0) {
        pieces.push_back(s.substr(start, pos - start));
        start = pos + 4;
        pos += 3;
      }
    }
    ++pos;
  }
  pieces.push_back(s.substr(start));
  return pieces;
}

}  // namespace

std::vector<std::string> split_signatories(std::string_view signataires) {
  const std::string clean = internal::normalize_spaces(signataires);
  std::vector<std::string> out;
  for (std::string_view piece : split_pieces(clean)) {
    piece = internal::trim(piece);
    // Drop a parenthetical remark.
    std::size_t paren = piece.find(" (");
    if (paren != std::string_view::npos) piece = internal::trim(piece.substr(0, paren));
    if (piece.empty()) continue;
    std::size_t start = after_civility(piece);
    if (start == std::string_view::npos) {
      if (piece == "le Gouvernement" || piece == "Le Gouvernement" || piece == "Gouvernement") {
        internal::add_unique(out, "Gouvernement");
      }
      continue;
    }
    std::string_view name = internal::trim(piece.substr(start));
    // "M. X rapporteur" / "M. X et les membres du groupe …" are cut by the comma split;
    // a trailing quality after a space is rare and left as is.
    internal::add_unique(out, std::string(name));
  }
  return out;
}

std::string title_case_name(std::string_view name) { return internal::title_case_name(name); }

}  // namespace hemicycle::corpus
