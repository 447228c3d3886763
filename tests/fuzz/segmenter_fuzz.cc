// The segmenter on any text, as each kind of document: no exception, clauses inside the
// text and in order. The first byte picks the document type.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kTypes[] = {"",     "résolution", "résolution européenne",
                                       "amendement", "projet de loi", "proposition de loi",
                                       "code", "règlement", "compte rendu"};
  constexpr std::size_t kTypeCount = sizeof kTypes / sizeof kTypes[0];
  if (size == 0) return 0;
  hemicycle::model::Document doc;
  doc.type = kTypes[data[0] % kTypeCount];
  // The reader hands the segmenter valid UTF-8 only.
  doc.text = hemicycle::analyzers::sanitize_utf8(
      std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  hemicycle::corpus::segment(doc);  // an exception escapes: libFuzzer reports it
  std::size_t previous = 0;
  for (const auto& c : doc.clauses) {
    FUZZ_CHECK(hemicycle::analyzers::is_valid_utf8(c.text));
    FUZZ_CHECK(c.begin <= c.end && c.end <= doc.text.size());
    FUZZ_CHECK(c.begin >= previous);
    for (const auto& d : c.speech.directions) {  // a speech's stage directions, in its text
      FUZZ_CHECK(d.begin < d.end && d.end <= c.text.size());
    }
    previous = c.begin;
  }
  return 0;
}
