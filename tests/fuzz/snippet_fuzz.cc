// Highlights and snippets on any text: the first bytes choose the words to highlight and the
// snippet's size. Ranges stay inside the text, in order, and the snippet is valid UTF-8.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>

#include "fuzz_check.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/snippet.h"

namespace ha = hemicycle::analyzers;
namespace hs = hemicycle::searcher;

namespace {

void check_ranges(const std::vector<hs::Range>& ranges, std::size_t size) {
  std::size_t last_end = 0;
  for (const auto& r : ranges) {
    FUZZ_CHECK(r.begin < r.end && r.end <= size);
    FUZZ_CHECK(r.begin >= last_end);
    last_end = r.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static ha::FrenchAnalyzer analyzer;
  if (size < 2) return 0;
  const std::size_t max_bytes = 16 + data[0] * 4u;
  // The words of the first line are the query; the rest is the clause (valid UTF-8, as
  // every stored clause is).
  const std::string all =
      ha::sanitize_utf8(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  const std::size_t nl = all.find('\n');
  const std::string query = all.substr(0, nl);
  const std::string text = nl == std::string::npos ? all : all.substr(nl + 1);
  std::unordered_set<std::string> terms;
  for (const auto& t : analyzer.analyze(query)) terms.insert(t.text);
  const std::vector<hs::Range> highlights = hs::find_highlights(text, terms, analyzer);
  check_ranges(highlights, text.size());
  const hs::Snippet s = hs::make_snippet(text, highlights, max_bytes);
  FUZZ_CHECK(ha::is_valid_utf8(s.text));
  check_ranges(s.highlights, s.text.size());
  return 0;
}
