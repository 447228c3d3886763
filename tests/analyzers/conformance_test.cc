// Snowball's French reference vocabulary through the Stemmer (the stemming step alone).

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "hemicycle/analyzers/stemmer.h"
#include "support.h"

namespace {

namespace ha = hemicycle::analyzers;

TEST_CASE("Stemmer matches Snowball's French voc.txt -> output.txt", "[analyzers]") {
  const auto voc = hemicycle::testing::shared("conformance/snowball-french/voc.txt");
  const auto output = hemicycle::testing::shared("conformance/snowball-french/output.txt");
  if (!voc || !output) {
    hemicycle::testing::skip("the shared conformance/snowball-french is absent");
  }
  std::ifstream words(*voc, std::ios::binary);
  std::ifstream stems(*output, std::ios::binary);
  REQUIRE(words);
  REQUIRE(stems);
  ha::Stemmer stemmer;
  std::string word, expected;
  std::size_t count = 0, mismatches = 0;
  std::ostringstream first;
  while (std::getline(words, word)) {
    REQUIRE(std::getline(stems, expected));
    ++count;
    const std::string_view got = stemmer.stem(word);
    if (got != expected) {
      if (++mismatches <= 10) {
        first << "line " << count << ": " << word << " -> " << got << ", expected " << expected
              << "\n";
      }
    }
  }
  CHECK_FALSE(std::getline(stems, expected));  // same number of lines
  INFO(first.str());
  CHECK(count == 20805);
  REQUIRE(mismatches == 0);
}

}  // namespace
