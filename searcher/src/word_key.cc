#include "word_key.h"

#include "hemicycle/analyzers/analyzer.h"

namespace hemicycle::searcher {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view without_brackets(std::string_view raw) {
  while (!raw.empty() && (raw.front() == '(' || raw.front() == '[')) raw.remove_prefix(1);
  while (!raw.empty() && std::string_view(")],;:").find(raw.back()) != std::string_view::npos) {
    raw.remove_suffix(1);
  }
  return raw;
}

std::string word_key(std::string_view raw) {
  const std::string folded = analyzers::fold(raw);
  std::string key;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == '.' && !(i > 0 && is_digit(folded[i - 1]) && i + 1 < folded.size() &&
                              is_digit(folded[i + 1]))) {
      continue;
    }
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      key += '\'';
      i += 2;
      continue;
    }
    key += folded[i];
  }
  if (key.size() > 2 && (key[0] == 'l' || key[0] == 'd') && key[1] == '\'') key.erase(0, 2);
  return key;
}

}  // namespace hemicycle::searcher
