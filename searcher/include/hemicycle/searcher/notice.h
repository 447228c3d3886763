#pragma once

#include <string>
#include <string_view>

namespace hemicycle::searcher {

// A remark or an error about a query: a stable code for programs ("unbalanced_quote"), a
// French message for the person who typed it. The codes are listed in README.md; they never
// change once published, the messages may.
struct Notice {
  std::string code;
  std::string message;

  bool empty() const { return code.empty(); }
};

// « text », with the non-breaking spaces French typography puts inside guillemets.
inline std::string guillemets(std::string_view text) {
  return "\u00ab\u00a0" + std::string(text) + "\u00a0\u00bb";
}

}  // namespace hemicycle::searcher
