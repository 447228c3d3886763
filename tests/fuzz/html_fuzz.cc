// The HTML reader on any bytes (corpus::read_html(), the function the folder reader calls for
// a .html page): never crashes, never hangs, never throws; a page it reads has valid UTF-8,
// NFC-stable text, blocks in range and in order, and its lead and italic runs inside their
// block; a page it refuses says why, in valid UTF-8, and leaves an empty document.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/reader.h"

namespace ha = hemicycle::analyzers;

namespace {

void check_document(const hemicycle::model::Document& d) {
  FUZZ_CHECK(ha::is_valid_utf8(d.text));
  FUZZ_CHECK(ha::is_valid_utf8(d.title));
  FUZZ_CHECK(d.text.find('\r') == std::string::npos);
  FUZZ_CHECK(!d.blocks.empty());
  std::size_t previous_end = 0;
  for (const auto& b : d.blocks) {
    FUZZ_CHECK(b.begin < b.end && b.end <= d.text.size());
    FUZZ_CHECK(b.begin >= previous_end);
    FUZZ_CHECK(b.lead_end == 0 || (b.lead_end > b.begin && b.lead_end <= b.end));
    for (const auto& s : b.italic) FUZZ_CHECK(s.begin >= b.begin && s.begin < s.end && s.end <= b.end);
    // Each block starts and ends on a character boundary.
    FUZZ_CHECK(ha::is_valid_utf8(std::string_view(d.text).substr(b.begin, b.end - b.begin)));
    previous_end = b.end;
  }
  FUZZ_CHECK(d.sitting_of_day >= 0 && d.sitting_of_day <= 6);
  FUZZ_CHECK(d.date.empty() || d.date.size() == 10);
  for (const auto& name : d.presiding) FUZZ_CHECK(!name.empty() && ha::is_valid_utf8(name));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hemicycle::model::Document doc;
  std::string error;
  if (hemicycle::corpus::read_html(bytes, "fuzz.html", &doc, &error)) {
    FUZZ_CHECK(error.empty());
    FUZZ_CHECK(doc.id == "fuzz");
    check_document(doc);
  } else {
    FUZZ_CHECK(!error.empty() && ha::is_valid_utf8(error));
    FUZZ_CHECK(doc.text.empty() && doc.blocks.empty());
  }
  return 0;
}
