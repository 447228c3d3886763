#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace hemicycle::analyzers {

// A Snowball stemmer (libstemmer). The stemming step alone: it neither folds nor
// lowercases, so the Snowball reference vocabulary goes through it unchanged.
// Not thread-safe: libstemmer owns its result buffer. Use one per thread.
class Stemmer {
 public:
  // Throws std::runtime_error if libstemmer has no such language.
  explicit Stemmer(const char* language = "french");
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  ~Stemmer();

  // Returns the stem of a lowercase UTF-8 word. The view is valid until the next call.
  std::string_view stem(std::string_view word);

 private:
  struct Deleter {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace hemicycle::analyzers
