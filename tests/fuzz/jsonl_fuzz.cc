// The JSON Lines reader on any bytes: never crashes, never throws; every document it hands
// over has an id and valid UTF-8 text, every warning names a line of the input.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/reader.h"

namespace ha = hemicycle::analyzers;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::size_t lines = 1;
  for (char c : bytes) lines += c == '\n';
  std::istringstream in(bytes);
  std::size_t documents = 0;
  const std::size_t count = hemicycle::corpus::read_jsonl(
      in, "fuzz.jsonl",
      [&](hemicycle::model::Document&& d) {
        ++documents;
        FUZZ_CHECK(!d.id.empty());
        FUZZ_CHECK(ha::is_valid_utf8(d.text));
        FUZZ_CHECK(d.line >= 1 && d.line <= lines);
        for (const auto& c : d.clauses) FUZZ_CHECK(c.begin <= c.end && c.end <= d.text.size());
      },
      [&](hemicycle::model::Warning&& w) {
        FUZZ_CHECK(w.file == "fuzz.jsonl");
        FUZZ_CHECK(w.line <= lines);
        FUZZ_CHECK(ha::is_valid_utf8(w.message));
      });
  FUZZ_CHECK(count == documents);
  return 0;
}
