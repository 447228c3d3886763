// The reference normaliser's spans and details (corpus/references.h: find_references,
// cite_article), table-driven; its values are the cites of extract_test.cc.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hemicycle/corpus/references.h"

namespace {

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("find_references: the span and the keys of each reference", "[corpus]") {
  struct Case {
    std::string text;
    std::string span;  // the text of the first reference
    Strings values;
    Strings details;
  };
  const std::vector<Case> cases = {
      {"Au premier alinéa de l’article L. 252 du code électoral, le nombre est remplacé.",
       "article L. 252 du code électoral", {"code electoral art. L. 252"}, {}},
      {"l’article 3 du code de l’éducation est abrogé", "article 3 du code de l’éducation",
       {"code de l'education art. 3"}, {}},
      // A code by its abbreviation, after "du" or not; the Constitution abbreviated.
      {"l’article L. 2121-29 du CGCT prévoit", "article L. 2121-29 du CGCT",
       {"code general des collectivites territoriales art. L. 2121-29"}, {}},
      {"l’art. 1240 C. civ. dispose", "art. 1240 C. civ.", {"code civil art. 1240"}, {}},
      {"Vu l’art. 88-4 Const.,", "art. 88-4 Const.", {"constitution art. 88-4"}, {}},
      // The alinéa named, by its number or its ordinal.
      {"sur le fondement de l’article 49, alinéa 3, de la Constitution",
       "article 49, alinéa 3, de la Constitution", {"constitution art. 49"},
       {"constitution art. 49 al. 3"}},
      {"l’article 45, deuxième alinéa, de la Constitution", "article 45, deuxième alinéa, de la Constitution",
       {"constitution art. 45"}, {"constitution art. 45 al. 2"}},
      {"l’article 13, paragraphe 2, du TFUE", "article 13, paragraphe 2, du TFUE",
       {"tfue art. 13"}, {}},
      // The short names of the Constitution's article 49, alinéa 3.
      {"le recours au 49.3 est exclu", "49.3", {"constitution art. 49"},
       {"constitution art. 49 al. 3"}},
      {"un 49-3 de plus", "49-3", {"constitution art. 49"}, {"constitution art. 49 al. 3"}},
      {"l’article 49-3 de la Constitution", "article 49-3 de la Constitution",
       {"constitution art. 49"}, {"constitution art. 49 al. 3"}},
      // An act by its number and its date, or by its date alone.
      {"la loi n° 2024-850 du 25 juillet 2024 est abrogée", "loi n° 2024-850 du 25 juillet 2024",
       {"loi 2024-850"}, {"loi du 2024-07-25"}},
      {"la loi du 25 juillet 2024 s’applique", "loi du 25 juillet 2024", {}, {"loi du 2024-07-25"}},
      {"le décret du 1er mars 2020", "décret du 1er mars 2020", {}, {"decret du 2020-03-01"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto refs = hemicycle::corpus::find_references(c.text);
    REQUIRE(!refs.empty());
    CHECK(c.text.substr(refs.front().begin, refs.front().end - refs.front().begin) == c.span);
    CHECK(refs.front().values == c.values);
    CHECK(refs.front().details == c.details);
  }
  // Not references: an article with no source, a number that is no 49.3, a law with no
  // number nor date.
  for (const std::string text : {"l’article 12 est supprimé", "49.35 % des voix", "la loi est",
                                 "un 49-30", "article 2 Le Gouvernement"}) {
    INFO(text);
    CHECK(hemicycle::corpus::find_references(text).empty());
  }
}

TEST_CASE("cite_article: one form for both sides", "[corpus]") {
  using hemicycle::corpus::cite_article;
  CHECK(cite_article("code civil", "1240").values == Strings{"code civil art. 1240"});
  CHECK(cite_article("code electoral", "L.252").values == Strings{"code electoral art. L. 252"});
  CHECK(cite_article("code civil", "premier").values == Strings{"code civil art. 1er"});
  CHECK(cite_article("constitution", "49.3").details == Strings{"constitution art. 49 al. 3"});
  CHECK(cite_article("constitution", "45", 3).details == Strings{"constitution art. 45 al. 3"});
  CHECK(cite_article("code civil", "1240 bis").values == Strings{"code civil art. 1240 bis"});
  CHECK(cite_article("code civil", "civil").values.empty());
  CHECK(cite_article("", "1240").values.empty());
}
