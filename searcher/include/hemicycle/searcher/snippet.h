#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/searcher.h"

namespace hemicycle::searcher {

struct Snippet {
  std::string text;               // the fragment, with "…" where text was cut
  std::vector<Range> highlights;  // byte ranges in `text`
};

// Byte ranges of `text` whose analysed term is one of `terms` (words as written, not stems).
std::vector<Range> find_highlights(std::string_view text,
                                   const std::unordered_set<std::string>& terms,
                                   analyzers::FrenchAnalyzer& analyzer);

// A fragment of about `max_bytes` around the densest run of highlights, cut at word
// boundaries (valid UTF-8), with the highlights shifted into it. A text that fits is
// returned whole.
Snippet make_snippet(std::string_view text, const std::vector<Range>& highlights,
                     std::size_t max_bytes = 240);

}  // namespace hemicycle::searcher
