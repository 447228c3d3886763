// unicode.h: the decoders, the space sets, lowercase_initial.

#include <catch2/catch.hpp>
#include <string>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/analyzers/unicode.h"

namespace ha = hemicycle::analyzers;

TEST_CASE("the lax decoder agrees with the strict one and steps one byte on an error",
          "[analyzers]") {
  struct Case {
    std::string input;
    char32_t cp;
    std::size_t len;       // decode_at
    int strict_len;        // decode_utf8
    bool ok;
  };
  const Case cases[] = {
      {"a", U'a', 1, 1, true},
      {"\u00e9t\u00e9", 0xE9, 2, 2, true},
      {"\u2019", 0x2019, 3, 3, true},
      {"\U0001F600", 0x1F600, 4, 4, true},
      {"\xc3", 0xFFFD, 1, 1, false},             // truncated
      {"\xe2\x80", 0xFFFD, 1, 2, false},         // truncated, maximal subpart of two bytes
      {"\xc0\xaf", 0xFFFD, 1, 1, false},         // overlong
      {"\xed\xa0\x80", 0xFFFD, 1, 1, false},     // surrogate
      {"\xf4\x90\x80\x80", 0xFFFD, 1, 1, false}, // > U+10FFFF
      {"\x80", 0xFFFD, 1, 1, false},             // stray continuation byte
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    std::size_t len = 0;
    CHECK(ha::decode_at(c.input, 0, &len) == c.cp);
    CHECK(len == c.len);
    const auto* p = reinterpret_cast<const unsigned char*>(c.input.data());
    int n = 0;
    bool ok = false;
    CHECK(ha::decode_utf8(p, p + c.input.size(), &n, &ok) == c.cp);
    CHECK(n == c.strict_len);
    CHECK(ok == c.ok);
  }
}

TEST_CASE("decode_before reads the code point that ends at a position", "[analyzers]") {
  const std::string text = "a\u00e9\u2019\U0001F600";
  struct Case {
    std::size_t pos;
    char32_t cp;
    std::size_t len;
  };
  const Case cases[] = {{1, U'a', 1}, {3, 0xE9, 2}, {6, 0x2019, 3}, {10, 0x1F600, 4},
                        {2, 0xFFFD, 1}, {5, 0xFFFD, 1}};
  for (const Case& c : cases) {
    CAPTURE(c.pos);
    std::size_t len = 0;
    CHECK(ha::decode_before(text, c.pos, &len) == c.cp);
    CHECK(len == c.len);
  }
}

TEST_CASE("append_utf8 encodes what decode_at decodes", "[analyzers]") {
  for (char32_t cp : {U'a', char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800},
                      char32_t{0x2019}, char32_t{0xFFFD}, char32_t{0x10000}, char32_t{0x10FFFF}}) {
    std::string s;
    ha::append_utf8(cp, s);
    std::size_t len = 0;
    CHECK(ha::decode_at(s, 0, &len) == cp);
    CHECK(len == s.size());
  }
}

TEST_CASE("each caller keeps its space set", "[analyzers]") {
  using ha::Spaces;
  struct Case {
    char32_t cp;
    bool unicode, line, reference, query;
  };
  const Case cases[] = {
      {U' ', true, true, true, true},
      {U'\t', true, true, true, true},
      {U'\n', true, false, true, true},
      {U'\r', true, true, false, true},
      {U'\f', true, true, false, true},
      {U'\v', true, true, false, true},
      {0x0085, true, false, false, false},  // next line
      {0x00A0, true, true, true, true},
      {0x1680, true, false, false, false},  // ogham space mark
      {0x2000, true, false, false, true},
      {0x2007, true, true, true, true},
      {0x2009, true, true, true, true},
      {0x200A, true, false, false, true},
      {0x200B, false, true, true, false},   // zero width space: not White_Space
      {0x2028, true, false, false, false},
      {0x202F, true, true, true, true},
      {0x205F, true, false, false, false},
      {0x3000, true, false, false, false},
      {0xFEFF, false, true, true, false},
      {U'a', false, false, false, false},
      {U'_', false, false, false, false},
      {0x00AD, false, false, false, false}, // soft hyphen
  };
  for (const Case& c : cases) {
    INFO("U+" << std::hex << static_cast<unsigned>(c.cp));
    CHECK(ha::is_space(c.cp) == c.unicode);
    CHECK(ha::is_space(c.cp, Spaces::kUnicode) == c.unicode);
    CHECK(ha::is_space(c.cp, Spaces::kLine) == c.line);
    CHECK(ha::is_space(c.cp, Spaces::kReference) == c.reference);
    CHECK(ha::is_space(c.cp, Spaces::kQuery) == c.query);
  }
}

TEST_CASE("lowercase_initial looks at the first letter as written", "[analyzers]") {
  struct Case {
    std::string form;
    bool lower;
  };
  const Case cases[] = {
      {"ingérence", true}, {"Ingérence", false}, {"été", true},   {"État", false},
      {"ÿ", true},         {"÷", true},          {"À", false},    {"œuvre", false},
      {"1er", false},      {"z", true},          {"\xc3", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.form);
    CHECK(ha::lowercase_initial(c.form) == c.lower);
  }
}

TEST_CASE("utf8_prefix never cuts a character", "[analyzers]") {
  struct Case {
    std::string text;
    std::size_t max;
    std::string prefix;
  };
  const Case cases[] = {
      {"ingérence", 40, "ingérence"},
      {"ingérence", 5, "ingé"},             // "ing" + the two bytes of é
      {"ingérence", 4, "ing"},              // é would be cut
      {"ingérence", 3, "ing"},
      {"abc\xE2\x94\x94\xE2\x94\x94", 5, "abc"},   // a 3-byte character cut after 2
      {"abc\xE2\x94\x94\xE2\x94\x94", 6, "abc\xE2\x94\x94"},
      {"\xF0\x9F\x98\x80x", 2, ""},        // an emoji cut inside
      {"", 3, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text, c.max);
    CHECK(ha::utf8_prefix(c.text, c.max) == c.prefix);
    CHECK(ha::is_valid_utf8(std::string(ha::utf8_prefix(c.text, c.max))));
  }
}
