// The French analysis chain on any bytes: no crash, tokens inside the input, valid UTF-8
// terms, positions that never go back, fold() and sanitize_utf8() idempotent.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "hemicycle/analyzers/analyzer.h"

namespace ha = hemicycle::analyzers;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static ha::FrenchAnalyzer analyzer;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::uint32_t last = 0;
  for (const ha::Token& t : analyzer.analyze(text)) {
    FUZZ_CHECK(t.begin < t.end && t.end <= size);
    FUZZ_CHECK(!t.text.empty() && ha::is_valid_utf8(t.text));
    FUZZ_CHECK(t.text.size() <= 240);  // format::schema::kMaxTermBytes: Xapian takes 245
    FUZZ_CHECK(t.position >= last);
    last = t.position;
  }
  for (const ha::Token& t : analyzer.normalize(text)) {
    FUZZ_CHECK(t.begin < t.end && t.end <= size);
    FUZZ_CHECK(ha::is_valid_utf8(t.text));
    FUZZ_CHECK(t.text.size() <= 240);
  }
  const std::string clean = ha::sanitize_utf8(text);
  FUZZ_CHECK(ha::is_valid_utf8(clean));
  FUZZ_CHECK(ha::sanitize_utf8(clean) == clean);
  const std::string folded = ha::fold(text);
  FUZZ_CHECK(ha::is_valid_utf8(folded));
  FUZZ_CHECK(ha::fold(folded) == folded);
  return 0;
}
