#pragma once

// The compiled-in gazetteer of territories and countries (data/gazetteer.tsv) and its
// matcher. Private to hemicycle_corpus; the public entry points are in extract.h.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hemicycle::corpus::internal {

// The TSV text embedded at build time (generated gazetteer_data.cc).
extern const char* const kGazetteerTsv;

// Immutable after construction: safe for concurrent use.
class Gazetteer {
 public:
  enum class Kind { kTerritory, kCountry };

  // Parses TSV text in the format documented in data/gazetteer.tsv. Lines it cannot
  // parse are skipped.
  explicit Gazetteer(std::string_view tsv);

  // The instance built from kGazetteerTsv (built once, thread-safe).
  static const Gazetteer& instance();

  // Appends the canonical names found in text to *territories and *countries
  // (deduplicated, in order of appearance).
  void match(std::string_view text, std::vector<std::string>* territories,
             std::vector<std::string>* countries) const;

  std::vector<std::string> names(Kind kind) const;

 private:
  struct Entry {
    Kind kind;
    std::string canonical;
  };
  struct Variant {
    std::vector<std::string> tokens;  // folded words
    std::vector<bool> capital;        // word i must start with a capital in the text
    std::size_t entry = 0;
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };

  void add_variant(std::string_view variant, bool case_sensitive, std::size_t entry);

  std::vector<Entry> entries_;
  // First folded word -> variants starting with it, longest (most words) first.
  std::unordered_map<std::string, std::vector<Variant>, StringHash, std::equal_to<>> by_first_;
  std::size_t max_first_length_ = 0;
};

}  // namespace hemicycle::corpus::internal
