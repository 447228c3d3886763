#pragma once

#include <string>

namespace hemicycle::searcher {

// A remark or an error about a query: a stable code for programs ("unbalanced_quote"), a
// French message for the person who typed it. The codes are listed in README.md; they never
// change once published, the messages may.
struct Notice {
  std::string code;
  std::string message;

  bool empty() const { return code.empty(); }
};

}  // namespace hemicycle::searcher
