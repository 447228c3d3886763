// What identifies a document besides its id: its number and an amendment's target article,
// from its title (or a "numero" field), as published.

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "hemicycle/corpus/identity.h"

TEST_CASE("a document's number and target article, from its title", "[corpus][identity]") {
  struct Case {
    std::string title;
    std::vector<std::pair<std::string, std::string>> extras;
    std::string number;
    std::string target;
  };
  const std::vector<Case> cases = {
      {"Code civil, article 515-14", {}, "515-14", ""},
      {"Code civil, article 1er", {}, "1er", ""},
      {"Code général des collectivités territoriales, article L. 2121-29", {}, "L. 2121-29", ""},
      {"Code civil, article 2 bis", {}, "2 bis", ""},
      {"Amendement n° CL2 (ART. PREMIER)", {}, "CL2", "PREMIER"},
      {"Amendement n° 1386 (ART. 4)", {}, "1386", "4"},
      {"Amendement n° II-CF1 (APRÈS ART. 64)", {}, "II-CF1", ""},  // an additional article
      {"Amendement n° I-1 (ART. 21 BIS)", {}, "I-1", "21 BIS"},
      {"Amendement n\u00a0° 12 (ARTICLE 3)", {}, "", "3"},  // "n °" is no sign
      {"Amendement nº 12 (ART. 3)", {}, "12", "3"},
      // The first number: the article 45 is cited.
      {"Texte adopté n° 180 - Projet de loi, adopté dans les conditions prévues à l'article 45 "
       "de la Constitution",
       {}, "180", ""},
      {"Règlement — 6 juillet 1848", {}, "", ""},
      {"Compte rendu de la séance CRSANR5L15S2022O1N080", {}, "", ""},
      {"Le particulier (ART. PREMIER)", {}, "", "PREMIER"},
      {"Articles 3 et 4", {}, "", ""},  // "Articles" numbers no one article
      {"Rapport", {{"numero", "4712"}}, "4712", ""},
      {"Amendement n° 7 (ART. 2)", {{"number", "7 rect."}}, "7 rect.", "2"},
      {"", {}, "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.title);
    hemicycle::model::Document doc;
    doc.title = c.title;
    doc.extras = c.extras;
    const auto id = hemicycle::corpus::identify(doc);
    CHECK(id.number == c.number);
    CHECK(id.target == c.target);
  }
}
