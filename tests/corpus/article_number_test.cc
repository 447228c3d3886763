// The shared article-number parser, in the two styles its callers use, and the civilities.

#include <catch2/catch.hpp>
#include <string>

#include "../../corpus/src/article_number.h"  // private helpers, tested directly
#include "../../corpus/src/civility.h"

namespace hci = hemicycle::corpus::internal;

namespace {

struct Case {
  std::string input;
  std::string heading;    // number in kHeadingNumber style ("" if none)
  std::size_t heading_used;
  std::string reference;  // number in kReferenceNumber style ("" if none)
  std::size_t reference_used;
};

}  // namespace

TEST_CASE("one article-number parser, a heading style and a reference style", "[corpus]") {
  const Case cases[] = {
      {"1er", "1er", 3, "1er", 3},
      {"1er.", "1er", 3, "1er", 3},
      {"12", "12", 2, "12", 2},
      {"88-4 de la", "88-4", 4, "88-4", 4},
      {"515-14", "515-14", 6, "515-14", 6},
      {"12-", "12", 2, "12", 2},
      {"L. 1114-1. -", "L. 1114-1", 9, "L. 1114-1", 9},
      {"L.O. 1", "L.O. 1", 6, "L.O. 1", 6},
      {"LO 132", "LO 132", 6, "LO 132", 6},
      {"R.  312-9", "R. 312-9", 9, "R. 312-9", 9},
      {"R* 12", "R* 12", 5, "", 0},            // star prefixes only in headings
      {"L. premier", "", 0, "", 0},            // a prefix needs digits
      {"3 bis", "3 bis", 5, "3 bis", 5},
      {"3 bis A", "3 bis A", 7, "3 bis", 5},   // capital suffixes only in headings
      {"2 A", "2 A", 3, "2", 1},
      {"3 BIS", "3 BIS", 5, "3", 1},           // any case only in headings
      {"11 quaterdecies", "11 quaterdecies", 15, "11", 2},  // references: up to terdecies
      {"4 novies", "4 novies", 8, "4", 1},
      {"4 terdecies", "4 terdecies", 11, "4 terdecies", 11},
      {"3 du code", "3", 1, "3", 1},
      {"3 bisé", "3", 1, "3", 1},
      {"12abc", "", 0, "", 0},                 // a word goes on: no number
      {"1ers", "", 0, "", 0},
      {"premier", "premier", 7, "1er", 7},
      {"Premier alinéa", "Premier", 7, "1er", 7},
      {"PREMIER", "PREMIER", 7, "1er", 7},
      {"pRemier", "", 0, "1er", 7},
      {"premiers", "", 0, "", 0},
      {"unique", "unique", 6, "", 0},
      {"liminaire", "liminaire", 9, "", 0},
      {"pr\u00e9liminaire", "pr\u00e9liminaire", 13, "", 0},
      {"", "", 0, "", 0},
      // Spaces: a line break is a space inside a reference only.
      {"3\nbis", "3", 1, "3 bis", 5},
      {"3\u00a0bis", "3 bis", 6, "3 bis", 6},
      // After "er", the heading style reads the next byte as a code point: U+00A0 (C2 A0)
      // and "»" start with a byte that counts as a letter, so "er" stays out and no number
      // is found; the reference style decodes.
      {"1er\u00a0(nouveau)", "", 0, "1er", 3},
      {"1er\u00bb", "", 0, "1er", 3},
      {"1er (nouveau)", "1er", 3, "1er", 3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    std::string heading = "unchanged";
    const std::size_t hu = hci::parse_article_number(c.input, hci::kHeadingNumber, &heading);
    CHECK(hu == c.heading_used);
    CHECK((hu == 0 ? std::string() : heading) == c.heading);
    std::string reference = "unchanged";
    const std::size_t ru =
        hci::parse_article_number(c.input, hci::kReferenceNumber, &reference);
    CHECK(ru == c.reference_used);
    CHECK((ru == 0 ? std::string() : reference) == c.reference);
  }
}

TEST_CASE("the Latin suffixes are one list", "[corpus]") {
  struct Case {
    const char* word;
    bool heading, reference;
  };
  const Case cases[] = {
      {"bis", true, true},           {"ter", true, true},          {"quater", true, true},
      {"nonies", true, true},        {"novies", true, false},      {"terdecies", true, true},
      {"quaterdecies", true, false}, {"quatervicies", true, false}, {"", false, false},
      {"Bis", false, false},         {"a", false, false},          {"bise", false, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.word);
    CHECK(hci::is_latin_suffix(c.word, hci::kHeadingNumber) == c.heading);
    CHECK(hci::is_latin_suffix(c.word, hci::kReferenceNumber) == c.reference);
  }
}

TEST_CASE("one civility list for signatories and running text", "[corpus]") {
  struct Case {
    std::string text;
    std::size_t at;  // civility_at(text, 0)
  };
  const Case cases[] = {
      {"M. Dupont", 3}, {"MM. Dupont", 4}, {"Mme Durand", 4}, {"Mmes Durand", 5},
      {"Mlle Petit", 5}, {"Me Martin", 3}, {"Dr Roux", 3},    {"M Dupont", 0},
      {"Mme. Durand", 0}, {"M.Dupont", 0}, {"Monsieur X", 0}, {"Mme", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(hci::civility_at(c.text, 0) == c.at);
  }
  for (const char* w : {"M", "MM", "Mme", "Mmes", "Mlle"}) {
    CAPTURE(w);
    CHECK(hci::is_running_text_civility(w));
  }
  for (const char* w : {"Me", "Dr", "M.", "Madame", ""}) {
    CAPTURE(w);
    CHECK_FALSE(hci::is_running_text_civility(w));
  }
}
