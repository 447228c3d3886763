// FrenchAnalyzer: {input, expected tokens} tables for analyze() and normalize(), the accent
// pairs that must meet, and robustness on invalid UTF-8.

#include "hemicycle/analyzers/analyzer.h"

#include <catch2/catch.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace hemicycle::analyzers {
// For Catch2's messages.
std::ostream& operator<<(std::ostream& os, const Token& t) {
  return os << "{\"" << t.text << "\", " << t.begin << ", " << t.end << ", " << t.position << "}";
}
}  // namespace hemicycle::analyzers

namespace {

namespace ha = hemicycle::analyzers;
using ha::Token;

struct Case {
  std::string input;
  std::vector<Token> expected;
};

std::vector<std::string> terms(ha::FrenchAnalyzer& a, std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : a.analyze(text)) out.push_back(t.text);
  return out;
}

TEST_CASE("analyze: tokens, byte offsets and positions", "[analyzers]") {
  const Case cases[] = {
      {"", {}},
      {"   \n ", {}},
      // Elision with U+2019 and with ASCII '; the offsets leave the article out.
      {"l\u2019Assembl\u00e9e nationale", {{"assemble", 4, 14, 0}, {"national", 15, 24, 1}}},
      {"l'Assembl\u00e9e", {{"assemble", 2, 12, 0}}},
      {"L\u2019ASSEMBL\u00c9E", {{"assemble", 4, 14, 0}}},
      // aujourd’hui stays one word; ’ is written '. Snowball leaves "aujourd'hui" whole.
      {"aujourd\u2019hui", {{"aujourd'hui", 0, 13, 0}}},
      {"aujourd'hui", {{"aujourd'hui", 0, 11, 0}}},
      {"qu\u2019aujourd\u2019hui", {{"aujourd'hui", 5, 18, 0}}},  // only the first ' elides
      {"prud\u2019homme", {{"prud'homm", 0, 12, 0}}},
      {"jusqu\u2019\u00e0 lorsqu\u2019il", {}},  // à and il are stop words
      // Compounds: one token per part, consecutive positions, own offsets.
      {"Jean-Fran\u00e7ois", {{"jean", 0, 4, 0}, {"francois", 5, 14, 1}}},
      {"outre-mer", {{"outr", 0, 5, 0}, {"mer", 6, 9, 1}}},
      {"Outre-Mer", {{"outr", 0, 5, 0}, {"mer", 6, 9, 1}}},
      {"d\u2019outre-mer", {{"outr", 4, 9, 0}, {"mer", 10, 13, 1}}},
      {"D\u2019outre\u2011mer", {{"outr", 4, 9, 0}, {"mer", 12, 15, 1}}},  // U+2011
      {"Nouvelle-Cal\u00e9donie", {{"nouvel", 0, 8, 0}, {"caledon", 9, 19, 1}}},
      {"nouvelle-caledonie", {{"nouvel", 0, 8, 0}, {"caledon", 9, 18, 1}}},
      {"Nouvelle Cal\u00e9donie", {{"nouvel", 0, 8, 0}, {"caledon", 9, 19, 1}}},
      // References: digit groups joined by - / U+2010 U+2011 stay one unstemmed token. "n" is
      // a stop word (n’): "n°" leaves a gap.
      {"loi n\u00b0 2024-850", {{"loi", 0, 3, 0}, {"2024-850", 8, 16, 2}}},
      {"article 88-4 de la Constitution",
       {{"articl", 0, 7, 0}, {"88-4", 8, 12, 1}, {"constitu", 19, 31, 4}}},
      {"article 151-5", {{"articl", 0, 7, 0}, {"151-5", 8, 13, 1}}},
      {"r\u00e8glement (UE) 2024/1689",
       {{"regl", 0, 10, 0}, {"ue", 12, 14, 1}, {"2024/1689", 16, 25, 2}}},
      // "CE" (Communauté européenne) lowercases to the stop word "ce": only the reference stays.
      {"(CE) n\u00b0 300/2008", {{"300/2008", 9, 17, 2}}},
      {"13\u201119 ans", {{"13-19", 0, 7, 0}, {"an", 8, 11, 1}}},
      {"13\u201019", {{"13-19", 0, 7, 0}}},
      {"(2020/2133[INI])", {{"2020/2133", 1, 10, 0}, {"ini", 11, 14, 1}}},
      {"2014/90/UE", {{"2014/90", 0, 7, 0}, {"ue", 8, 10, 1}}},
      {"1-2-3/4", {{"1-2-3/4", 0, 7, 0}}},
      {"2024- 850", {{"2024", 0, 4, 0}, {"850", 6, 9, 1}}},  // not joined across a space
      // Over-long words and references give no term but keep their position.
      {std::string(201, 'x') + " loi", {{"loi", 202, 205, 1}}},
      {std::string(200, 'x') + " loi", {{std::string(200, 'x'), 0, 200, 0}, {"loi", 201, 204, 1}}},
      {"12" + std::string(100, '/') + " loi", {{"12", 0, 2, 0}, {"loi", 103, 106, 1}}},
      {[] {
         std::string s = "1";
         for (int i = 0; i < 100; ++i) s += "-1";
         return s + " loi";
       }(),
       {{"loi", 202, 205, 1}}},
      // Mixed groups split like compounds: letters are stemmed, digit parts kept; a word with
      // a digit inside ("1er", "2e") is one unstemmed token.
      {"COVID-19", {{"covid", 0, 5, 0}, {"19", 6, 8, 1}}},
      {"le 1er juin 2025", {{"1er", 3, 6, 1}, {"juin", 7, 11, 2}, {"2025", 12, 16, 3}}},
      {"1ER 2e", {{"1er", 0, 3, 0}, {"2e", 4, 6, 1}}},
      // Superscript letters fold to plain ones: "1ᵉʳ" is "1er".
      {"1\u1d49\u02b3 XIX\u1d49", {{"1er", 0, 6, 0}, {"xix", 7, 13, 1}}},
      // º and ª are written like ° ("nº 12"): separators.
      {"n\u00ba 12 4\u00ba", {{"12", 4, 6, 1}, {"4", 7, 8, 2}}},
      // Stop words drop tokens and keep positions.
      {"la stabilit\u00e9 de la Nouvelle-Cal\u00e9donie",
       {{"stabilit", 3, 13, 1}, {"nouvel", 20, 28, 4}, {"caledon", 29, 39, 5}}},
      {"Nouvelle-Cal\u00e9donie et de l\u2019outre-mer",
       {{"nouvel", 0, 8, 0}, {"caledon", 9, 19, 1}, {"outr", 30, 35, 4}, {"mer", 36, 39, 5}}},
      // Stop words are matched after lowercasing: "Votre" goes, like "votre".
      {"Votre vote", {{"vot", 6, 10, 1}}},
      {"VOTRE vote", {{"vot", 6, 10, 1}}},
      // ... and before folding: "à" is a stop word, "a" (has) is not.
      {"\u00e0 a", {{"a", 3, 4, 1}}},
      {"\u00c0 Bakou", {{"bakou", 3, 8, 1}}},
      // Accents.
      {"\u00c9TAT \u00e9tat etat", {{"etat", 0, 5, 0}, {"etat", 6, 11, 1}, {"etat", 12, 16, 2}}},
      {"Azerba\u00efdjan", {{"azerbaidjan", 0, 12, 0}}},
      {"\u0153uvre", {{"oeuvr", 0, 6, 0}}},
      {"\ufb01nancier", {{"financi", 0, 10, 0}}},           // ﬁ ligature
      {"d\u02bcun d\u02bcemploi", {{"emploi", 9, 15, 1}}},  // U+02BC as an apostrophe
      // NFD input gives the NFC term.
      {"e\u0301tat", {{"etat", 0, 6, 0}}},
      // Typographic quotes and non-breaking spaces separate words.
      {"\u00ab\u00a0Lutte\u202fcontre\u00a0\u00bb", {{"lutt", 4, 9, 0}, {"contr", 12, 18, 1}}},
      {"\"Lutte\"", {{"lutt", 1, 6, 0}}},
      // Invalid UTF-8 is a separator (U+FFFD).
      {"abc\xff\xfe"
       "def",
       {{"abc", 0, 3, 0}, {"def", 5, 8, 1}}},
      {"\u00e9tat\xc3", {{"etat", 0, 5, 0}}},                        // truncated 2-byte sequence
      {"caf\xe2\x80", {{"caf", 0, 3, 0}}},                           // truncated 3-byte sequence
      {"\xc0\xafz\xed\xa0\x80w", {{"z", 2, 3, 0}, {"w", 6, 7, 1}}},  // overlong, surrogate
  };
  ha::FrenchAnalyzer analyzer;
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(analyzer.analyze(c.input) == c.expected);
    // The sink form gives the same tokens.
    std::vector<Token> via_sink;
    analyzer.analyze(c.input, [&](const Token& t) { via_sink.push_back(t); });
    CHECK(via_sink == c.expected);
  }
}

TEST_CASE("normalize: no stop words, no stemming", "[analyzers]") {
  const Case cases[] = {
      {"", {}},
      {"L\u2019Assembl\u00e9e nationale", {{"assemblee", 4, 14, 0}, {"nationale", 15, 24, 1}}},
      {"la Nouvelle-Cal\u00e9donie",
       {{"la", 0, 2, 0}, {"nouvelle", 3, 11, 1}, {"caledonie", 12, 22, 2}}},
      {"loi n\u00b0 2024-850", {{"loi", 0, 3, 0}, {"n", 4, 5, 1}, {"2024-850", 8, 16, 2}}},
      {"aujourd\u2019hui", {{"aujourd'hui", 0, 13, 0}}},
      {"INGÉR", {{"inger", 0, 6, 0}}},  // a prefix typed by the user
  };
  ha::FrenchAnalyzer analyzer;
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(analyzer.normalize(c.input) == c.expected);
  }
}

TEST_CASE("accented and unaccented forms give the same term (fold before stemming)",
          "[analyzers]") {
  const std::vector<std::vector<std::string>> groups = {
      {"ing\u00e9rence", "ingerence", "ing\u00e9rences", "ING\u00c9RENCES", "l\u2019ing\u00e9rence",
       "l'ingerence", "inge\u0301rence"},
      {"\u00e9trang\u00e8re", "etrangere", "\u00e9trang\u00e8res", "\u00c9TRANG\u00c8RE"},
      {"s\u00e9curit\u00e9", "securite", "S\u00e9curit\u00e9"},
      {"assembl\u00e9e", "assemblee", "Assembl\u00e9e", "l\u2019Assembl\u00e9e"},
      {"cal\u00e9donie", "caledonie", "Cal\u00e9donie"},
  };
  ha::FrenchAnalyzer analyzer;
  for (const auto& group : groups) {
    const auto first = terms(analyzer, group.front());
    REQUIRE(first.size() == 1);
    for (const auto& word : group) {
      CAPTURE(word);
      CHECK(terms(analyzer, word) == first);
    }
  }
  // The terms themselves, pinned so that an index built today stays searchable.
  CHECK(terms(analyzer, "ing\u00e9rence") == std::vector<std::string>{"ingerent"});
  CHECK(terms(analyzer, "\u00e9trang\u00e8re") == std::vector<std::string>{"etranger"});
  CHECK(terms(analyzer, "s\u00e9curit\u00e9") == std::vector<std::string>{"securit"});
  CHECK(terms(analyzer, "assembl\u00e9e") == std::vector<std::string>{"assemble"});
  CHECK(terms(analyzer, "cal\u00e9donie") == std::vector<std::string>{"caledon"});
}

TEST_CASE("is_stop_word matches the lowercased, unfolded form", "[analyzers]") {
  ha::FrenchAnalyzer analyzer;
  for (const char* w : {"de", "la", "votre", "\u00e0", "n", "\u00e9t\u00e9", "m\u00eame", "soi",
                        "celà", "eussent", "y"}) {
    CAPTURE(w);
    CHECK(analyzer.is_stop_word(w));
  }
  for (const char* w : {"a", "Votre", "ete", "meme", "assemblee", "", "loi", "|", "eussentx"}) {
    CAPTURE(w);
    CHECK_FALSE(analyzer.is_stop_word(w));
  }
}

TEST_CASE("analyze never crashes and keeps offsets in bounds", "[analyzers]") {
  // Deterministic pseudo-random byte strings, biased toward the interesting bytes.
  const unsigned char alphabet[] = {'a',  'E',  '0',  '9',  '-',  '/',  '\'',
                                    ' ',  0xC3, 0xA9, 0xE2, 0x80, 0x99, 0x91,
                                    0xCC, 0x81, 0xFF, 0xF0, 0x9F, 0xC0, 0xED};
  std::uint32_t state = 12345;
  ha::FrenchAnalyzer analyzer;
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int len = round % 40;
    for (int i = 0; i < len; ++i) {
      state = state * 1103515245u + 12345u;
      s.push_back(static_cast<char>(alphabet[(state >> 16) % sizeof(alphabet)]));
    }
    for (bool full : {true, false}) {
      const auto tokens = full ? analyzer.analyze(s) : analyzer.normalize(s);
      std::uint32_t last_position = 0;
      bool first = true;
      for (const Token& t : tokens) {
        CAPTURE(s, t);
        REQUIRE(t.begin < t.end);
        REQUIRE(t.end <= s.size());
        REQUIRE_FALSE(t.text.empty());
        REQUIRE(ha::is_valid_utf8(t.text));
        REQUIRE((first || t.position > last_position));
        last_position = t.position;
        first = false;
      }
    }
  }
}

TEST_CASE("no term is longer than Xapian accepts, even when lowercasing lengthens a word",
          "[analyzers]") {
  // "ŉ" (U+0149, 2 bytes) lowercases to U+02BC + "n" (3 bytes): 96 of them pass the
  // 200-byte word limit and made a 288-byte term, which Xapian refuses (found by fuzzing).
  std::string lengthened;
  for (int i = 0; i < 96; ++i) lengthened += "\xC5\x89";
  const std::string text = "ing\xC3\xA9rence " + lengthened + " \xC3\xA9trang\xC3\xA8re";
  ha::FrenchAnalyzer analyzer;
  for (bool full : {true, false}) {
    const auto tokens = full ? analyzer.analyze(text) : analyzer.normalize(text);
    std::vector<std::string> terms;
    for (const Token& t : tokens) {
      CHECK(t.text.size() <= 240);
      terms.push_back(t.text);
    }
    CAPTURE(full, terms);
    REQUIRE(terms.size() >= 2);  // the words around it are kept, at their positions
    CHECK(tokens.back().position == 2);
  }
}

}  // namespace
