// The query parser on any bytes: never throws, an error or a parse, and every message valid
// UTF-8 once the input is (the searcher sanitises before parsing).

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"

namespace ha = hemicycle::analyzers;
namespace hs = hemicycle::searcher;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static ha::FrenchAnalyzer analyzer;
  const std::string text =
      ha::sanitize_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  hs::ParsedQuery q = hs::parse_query(text, analyzer);
  FUZZ_CHECK(ha::is_valid_utf8(q.error.message));
  FUZZ_CHECK(q.ok() == q.error.message.empty());
  for (const auto& note : q.notes) FUZZ_CHECK(ha::is_valid_utf8(note.message) && !note.code.empty());
  if (!q.ok()) return 0;
  for (const auto& unit : q.units) FUZZ_CHECK(!unit.empty());
  for (const auto& f : q.filters) FUZZ_CHECK(f.field != nullptr && !f.value.empty());
  // (Two date ranges that do not overlap intersect to from > to: a query that matches
  // nothing, as it should.)
  std::vector<hs::FieldFilter> filters;
  std::optional<hs::DateRange> date;
  const hs::Notice err = hs::add_filter(text, filters, date);
  FUZZ_CHECK(ha::is_valid_utf8(err.message));
  FUZZ_CHECK(err.empty() == err.message.empty());
  FUZZ_CHECK(err.empty() || (filters.empty() && !date));
  return 0;
}
