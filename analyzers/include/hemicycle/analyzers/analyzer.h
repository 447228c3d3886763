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
// Details of the contract:
// - Words are runs of Unicode letters, decimal digits and combining marks; ', ’ (and U+02BC)
//   stay inside a word between two letters. Hyphens (-, U+2010, U+2011) and / separate the
//   parts of a compound. Everything else separates words, including invalid UTF-8 (U+FFFD),
//   « », U+00A0, U+202F, °, º and ª.
// - Token offsets are byte offsets into the original input; an elided article is not part of
//   the token ("l’Assemblée" -> [4, 14)). Every word takes one position, stop words included
//   (they leave gaps); elided articles take none.
// - Elision: the first apostrophe, when what precedes it is l d j m n s t c qu jusqu lorsqu
//   puisqu quoiqu (any case). Other apostrophes keep the word whole, written ':
//   "aujourd’hui" -> "aujourd'hui" (Snowball leaves it unchanged), "prud’homme" -> "prud'homm".
// - References: digit groups (ASCII digits only) joined by -, U+2010, U+2011 or / form one
//   token, unstemmed, joiners written - or /: "13‑19" -> "13-19"; "2014/90/UE" -> "2014/90",
//   "ue". Mixed groups split like compounds: "COVID-19" -> "covid", "19".
// - Words with a digit are not stemmed: "1er", "2e", "2025" are kept (lowercased, folded;
//   "1ᵉʳ" -> "1er").
// - Stop words: Snowball's French list (data/french_stop.txt), matched after lowercasing and
//   before folding: "Votre" and "à" are dropped, "a" is kept. "n" is a stop word, so
//   "loi n° 2024-850" -> "loi" (0), "2024-850" (2). Note that "ce" is too, so "(CE)" goes.
// - Folding happens before stemming, so accented and unaccented forms meet:
//   "ingérence" -> "ingerent", "Assemblée" -> "assemble", "Nouvelle-Calédonie" -> "nouvel",
//   "caledon".
// - Words and references longer than 200 bytes give no term but keep their position.
//
// Not thread-safe (it owns a libstemmer handle and reusable buffers): use one FrenchAnalyzer
// per thread. Construction is cheap after the first one (the stop list is shared).
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
// collapsed to one space and trimmed; other characters are kept, invalid UTF-8 becomes U+FFFD.
// Thread-safe.
// fold("Nouvelle-Calédonie") == "nouvelle-caledonie"; fold(" Outre-Mer ") == "outre-mer".
std::string fold(std::string_view text);

// The text as compared to find identical documents: NFC, every run of letters, digits and
// combining marks kept as written (case and accents kept: "État" and "état" differ), every
// run of anything else (spaces, U+00A0, U+202F, punctuation, ' ’ « » " “ ”, hyphens, line
// breaks) one space, trimmed. Two texts that differ only in spacing, punctuation or the
// typography of quotes and apostrophes give the same string. Invalid UTF-8 is a separator.
// Thread-safe. identity_text(" l’Union,  « européenne » ") == "l Union européenne".
std::string identity_text(std::string_view text);

// Replaces invalid UTF-8 sequences with U+FFFD, one per maximal ill-formed subpart (overlong
// forms, surrogates and code points above U+10FFFF are invalid). Thread-safe.
std::string sanitize_utf8(std::string_view text);

// True if text is valid UTF-8; if not and first_bad is given, it receives the byte
// offset of the first invalid sequence. Thread-safe.
bool is_valid_utf8(std::string_view text, std::size_t* first_bad = nullptr);

}  // namespace hemicycle::analyzers
