#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/analyzers/token.h"

namespace hemicycle::analyzers {

// The one French analysis chain, used for indexing and querying alike:
//   Tokenizer (UTF-8, NFC, invalid bytes replaced) -> Elision (l' d' qu' jusqu' ... with ' and ’)
//   -> Lowercase -> StopWords (positions kept) -> AccentFold -> Snowball French stem.
// Hyphenated compounds ("outre-mer", "Nouvelle-Calédonie") give one token per part at
// consecutive positions; references made of digits ("2024-850", "88-4", "2024/1689") stay
// one token.
//
// Not thread-safe (it owns a libstemmer handle): use one FrenchAnalyzer per thread.
class FrenchAnalyzer {
 public:
  using Sink = std::function<void(const Token&)>;

  FrenchAnalyzer();
  FrenchAnalyzer(const FrenchAnalyzer&) = delete;
  FrenchAnalyzer& operator=(const FrenchAnalyzer&) = delete;
  ~FrenchAnalyzer();

  // Full chain: the terms to index or to search, in order.
  void analyze(std::string_view text, const Sink& sink);
  std::vector<Token> analyze(std::string_view text);

  // Short chain (Lucene's normalize()): tokenizer, elision, lowercase, accent folding;
  // no stop words, no stemming. For prefix completion and exact forms.
  void normalize(std::string_view text, const Sink& sink);
  std::vector<Token> normalize(std::string_view text);

  // True if the lowercase word (before folding) is a French stop word.
  bool is_stop_word(std::string_view lowercase_word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Case and accent folding of a whole string, for facet values and identifiers:
// NFC, lowercase, accents removed (é->e, œ->oe, æ->ae, ß->ss), runs of white space
// collapsed to one space and trimmed; other characters are kept. Thread-safe.
// fold("Nouvelle-Calédonie") == "nouvelle-caledonie"; fold(" Outre-Mer ") == "outre-mer".
std::string fold(std::string_view text);

// Replaces invalid UTF-8 sequences with U+FFFD. Thread-safe.
std::string sanitize_utf8(std::string_view text);

// True if text is valid UTF-8; if not and first_bad is given, it receives the byte
// offset of the first invalid sequence. Thread-safe.
bool is_valid_utf8(std::string_view text, std::size_t* first_bad = nullptr);

}  // namespace hemicycle::analyzers
