#include "civility.h"

namespace hemicycle::corpus::internal {

std::size_t civility_at(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  for (const Civility& c : kCivilities) {
    if (rest.substr(0, c.word.size()) != c.word) continue;
    std::size_t len = c.word.size();
    if (c.dotted) {
      if (rest.substr(len, 1) != ".") continue;
      ++len;
    }
    if (rest.substr(len, 1) == " ") return len + 1;
  }
  return 0;
}

bool is_running_text_civility(std::string_view w) {
  for (const Civility& c : kCivilities) {
    if (c.in_running_text && w == c.word) return true;
  }
  return false;
}

}  // namespace hemicycle::corpus::internal
