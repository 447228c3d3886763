// French typography of messages (model/include/hemicycle/model/french.h).

#include <catch2/catch.hpp>

#include <cerrno>
#include <string>

#include "hemicycle/model/french.h"

namespace fr = hemicycle::model::french;

TEST_CASE("numbers are grouped from five digits on, with a narrow no-break space",
          "[model][french]") {
  const std::pair<std::uint64_t, const char*> cases[] = {
      {0, "0"},
      {999, "999"},
      {2156, "2156"},
      {9999, "9999"},
      {10000, "10\u202f000"},
      {64501, "64\u202f501"},
      {999999, "999\u202f999"},
      {1234567, "1\u202f234\u202f567"},
      {18446744073709551615ull, "18\u202f446\u202f744\u202f073\u202f709\u202f551\u202f615"},
  };
  for (const auto& [n, text] : cases) CHECK(fr::number(n) == text);
}

TEST_CASE("counts take the singular below 2", "[model][french]") {
  const std::pair<std::uint64_t, const char*> cases[] = {
      {0, "0 document lu"},
      {1, "1 document lu"},
      {2, "2 documents lus"},
      {64501, "64\u202f501 documents lus"},
  };
  for (const auto& [n, text] : cases) CHECK(fr::count(n, "document lu", "documents lus") == text);
}

TEST_CASE("decimals take a comma", "[model][french]") {
  struct Case {
    double x;
    int decimals;
    const char* text;
  };
  const Case cases[] = {
      {0, 1, "0,0"},       {0.25, 2, "0,25"},   {1.24, 1, "1,2"},
      {1.26, 1, "1,3"},    {28.94, 1, "28,9"},  {3.0, 0, "3"},
      {1234.56, 1, "1234,6"}, {12345.67, 1, "12\u202f345,7"}, {-2.5, 1, "-2,5"},
      {-0.01, 1, "0,0"},
  };
  for (const Case& c : cases) {
    INFO(c.x << " " << c.decimals);
    CHECK(fr::decimal(c.x, c.decimals) == c.text);
  }
}

TEST_CASE("quotes and system errors", "[model][french]") {
  CHECK(fr::quoted("id") == "«\u00a0id\u00a0»");
  CHECK(fr::quoted("") == "«\u00a0\u00a0»");
  const std::pair<int, const char*> cases[] = {
      {EACCES, "permission refusée"},
      {ENOENT, "fichier ou dossier introuvable"},
      {EROFS, "système de fichiers en lecture seule"},
      {ENOSPC, "plus de place sur le disque"},
      {ENOTDIR, "n’est pas un dossier"},
  };
  for (const auto& [error, text] : cases) CHECK(fr::system_error(error) == text);
  // One without a French text: said as a system error, with the C library's words.
  CHECK_THAT(fr::system_error(EDOM), Catch::StartsWith("erreur système " + std::to_string(EDOM) +
                                                       " ("));
}
