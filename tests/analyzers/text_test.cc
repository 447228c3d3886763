// fold(), identity_text(), sanitize_utf8(), is_valid_utf8() and the Stemmer.

#include <catch2/catch.hpp>
#include <string>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/analyzers/stemmer.h"

namespace ha = hemicycle::analyzers;

TEST_CASE("is_valid_utf8 accepts valid text and locates the first bad byte", "[analyzers]") {
  struct Case {
    std::string input;
    bool valid;
    std::size_t first_bad;
  };
  const Case cases[] = {
      {"", true, 0},
      {"abc", true, 0},
      {"l\u2019Assembl\u00e9e nationale \U0001F600", true, 0},
      {"abc\xff\xfe"
       "def",
       false, 3},
      {"caf\xc3", false, 3},                // truncated 2-byte sequence at the end
      {"ab\xe2\x80", false, 2},             // truncated 3-byte sequence at the end
      {"\xc0\xaf", false, 0},               // overlong '/'
      {"x\xed\xa0\x80", false, 1},          // surrogate
      {"x\xf4\x90\x80\x80", false, 1},      // > U+10FFFF
      {"0123456789abcdef\x80", false, 16},  // stray continuation byte after the ASCII path
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    std::size_t bad = 12345;
    CHECK(ha::is_valid_utf8(c.input, &bad) == c.valid);
    if (!c.valid) CHECK(bad == c.first_bad);
    CHECK(ha::is_valid_utf8(c.input) == c.valid);
  }
}

TEST_CASE("sanitize_utf8 replaces each bad subpart with U+FFFD", "[analyzers]") {
  CHECK(ha::sanitize_utf8("") == "");
  CHECK(ha::sanitize_utf8("Assembl\u00e9e") == "Assembl\u00e9e");
  CHECK(ha::sanitize_utf8("abc\xff\xfe"
                          "def") ==
        "abc\uFFFD\uFFFD"
        "def");
  CHECK(ha::sanitize_utf8("ab\xe2\x80") == "ab\uFFFD");
  CHECK(ha::sanitize_utf8("\xe2\x80x") == "\uFFFDx");
  CHECK(ha::sanitize_utf8("\xc0\xaf") == "\uFFFD\uFFFD");
  for (const char* s : {"abc\xff\xfe"
                        "def",
                        "ab\xe2\x80", "\xf0\x9f\x98", "\xed\xa0\x80"}) {
    CHECK(ha::is_valid_utf8(ha::sanitize_utf8(s)));
  }
}

TEST_CASE("fold lowercases, removes accents and collapses white space", "[analyzers]") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"", ""},
      {"Nouvelle-Cal\u00e9donie", "nouvelle-caledonie"},
      {" Outre-Mer ", "outre-mer"},
      {"  \u00c9TAT\t de\u00a0 droit\u202f ", "etat de droit"},
      {"e\u0301tat", "etat"},  // NFD input
      {"\u0152uvre \u00c6sop Stra\u00dfe", "oeuvre aesop strasse"},
      {"A\u0301ZERBA\u00cfDJAN", "azerbaidjan"},
      {"Fran\u00e7ois \u00e0 l\u2019\u00e9cole", "francois a l\u2019ecole"},  // others kept
      {"\u00ab Oui \u00bb", "\u00ab oui \u00bb"},
      {"\u1E9E\u00df", "ssss"},                     // capital sharp s
      {"\u0130stanbul \u03AC", "istanbul \u03B1"},  // İ, Greek ά
      {"abc\xff"
       "def",
       "abc\uFFFD"
       "def"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(ha::fold(c.input) == c.expected);
  }
}

TEST_CASE("identity_text keeps letters and digits as written, one space for the rest",
          "[analyzers]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"", ""},
      {" \n\t ", ""},
      {"« … »", ""},
      {"Après l\u2019alinéa 2, insérer :", "Après l alinéa 2 insérer"},
      {"Après l'alinéa 2 , insérer\u00a0:", "Après l alinéa 2 insérer"},
      {"  «\u00a0coupes rases\u00a0»  ", "coupes rases"},
      {"\u201ccoupes\nrases.\u201d", "coupes rases"},
      {"\"coupes\u202frases\"", "coupes rases"},
      {"outre-mer, 2024-850", "outre mer 2024 850"},
      // Case and accents are kept: "État" and "état", "côte" and "cote" are other texts.
      {"l\u2019État", "l État"},
      {"l'état", "l état"},
      {"cote c\u00f4te", "cote côte"},
      // NFC: a decomposed é is the composed one.
      {"alin\u0065\u0301a", "alin\u00e9a"},
      // Invalid UTF-8 separates.
      {"ab\xff" "cd", "ab cd"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(ha::identity_text(c.input) == c.expected);
  }
}

TEST_CASE("Stemmer wraps Snowball French", "[analyzers]") {
  ha::Stemmer stemmer;
  CHECK(stemmer.stem("continuation") == "continu");
  CHECK(stemmer.stem("") == "");
  ha::Stemmer moved(std::move(stemmer));
  CHECK(moved.stem("majestueusement") == "majestu");
  CHECK_THROWS_AS(ha::Stemmer("klingon"), std::runtime_error);
}
