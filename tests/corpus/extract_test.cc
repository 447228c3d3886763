// Facet extraction (corpus/src/cites.cc, gazetteer.cc, names.cc), table-driven.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../../corpus/src/text_util.h"  // private helpers, tested directly
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/extract.h"

namespace {

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("cites table", "[corpus]") {
  struct Case {
    std::string text;
    Strings cites;
  };
  const std::vector<Case> cases = {
      {"Vu la loi n° 2024-850 du 25 juillet 2024", {"loi 2024-850"}},
      {"la loi n°2024-850 et la LOI n° 78-17", {"loi 2024-850", "loi 78-17"}},
      {"la loi\u00a0n°\u00a02024-850", {"loi 2024-850"}},
      {"la loi organique n° 2009-403 du 15 avril 2009", {"loi-organique 2009-403"}},
      {"l’ordonnance n° 2010-1307 du 28 octobre 2010", {"ordonnance 2010-1307"}},
      {"le décret n° 2019-1234 et le decret n° 2020-1", {"decret 2019-1234", "decret 2020-1"}},
      {"Vu le règlement (UE) 2024/1689 du Parlement européen", {"reglement-ue 2024/1689"}},
      {"le règlement (UE) n° 1305/2013", {"reglement-ue 1305/2013"}},
      {"modifiant les règlements (CE) n° 300/2008, (UE) n° 167/2013, (UE) n° 168/2013, (UE) "
       "2018/858 et (UE) 2019/2144 et les directives 2014/90/UE, (UE) 2016/797 et (UE) 2020/1828",
       {"reglement-ce 300/2008", "reglement-ue 167/2013", "reglement-ue 168/2013",
        "reglement-ue 2018/858", "reglement-ue 2019/2144", "directive-ue 2014/90",
        "directive-ue 2016/797", "directive-ue 2020/1828"}},
      {"le règlement (UE, Euratom) 2018/1046", {"reglement-ue-euratom 2018/1046"}},
      {"la directive (UE) 2016/797 et la directive 2000/31/CE",
       {"directive-ue 2016/797", "directive-ce 2000/31"}},
      {"Vu l’article 88-4 de la Constitution,", {"constitution art. 88-4"}},
      {"l'article 45, alinéa 4, de la Constitution", {"constitution art. 45"}},
      {"les articles 34-1, 39 et 44 de la Constitution",
       {"constitution art. 34-1", "constitution art. 39", "constitution art. 44"}},
      {"l’article premier de la Constitution", {"constitution art. 1er"}},
      {"Vu les articles 198 à 204 du traité sur le fonctionnement de l’Union européenne",
       {"tfue art. 198-204"}},
      {"l'article 5 du TFUE et l’article 6 du traité sur l’Union européenne",
       {"tfue art. 5", "tue art. 6"}},
      {"Vu l’article 151-5 du Règlement de l’Assemblée nationale", {"reglement-an art. 151-5"}},
      {"l'article 73 bis du Règlement du Sénat", {"reglement-senat art. 73 bis"}},
      {"l’article L. 312-9 du code de l’éducation", {"code de l'education art. L. 312-9"}},
      {"l'article L.\u00a0312-9 du Code de l'éducation", {"code de l'education art. L. 312-9"}},
      {"l’article 1240 du code civil", {"code civil art. 1240"}},
      {"les articles L. 2523-4 à L. 2523-6 du code du travail",
       {"code du travail art. L. 2523-4 à L. 2523-6"}},
      {"l'article L.O. 176 du code électoral", {"code electoral art. L.O. 176"}},
      {"l'article L. 111-5 du code de l'éducation ; l'article L. 123-7 du même code",
       {"code de l'education art. L. 111-5", "code de l'education art. L. 123-7"}},
      {"l'article 302 bis du code des impositions sur les biens et services",
       {"code des impositions sur les biens et services art. 302 bis"}},
      {"l’article L. 1 du code civil et l’article 2 du code précité",
       {"code civil art. L. 1", "code civil art. 2"}},
      {"l’article 5 du code de déontologie médicale devenu l’article R. 4127-5",
       {"code de deontologie medicale art. 5"}},
      {"l'article 2 du code des marchés forestiers est abrogé",
       {"code des marches forestiers art. 2"}},
      {"l’article R. 123-4 du code de la construction et de l'habitation, pris",
       {"code de la construction et de l'habitation art. R. 123-4"}},
      // Not references.
      {"la loi du 29 juillet 1881 sur la liberté de la presse", {}},
      {"la loi 12 et le règlement intérieur", {}},
      {"le présent article et l'article 3", {}},
      {"les articles 34 et 37 de la présente loi", {}},
      {"Le Règlement de l'Assemblée nationale", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(hemicycle::corpus::extract_cites(c.text) == c.cites);
  }
}

TEST_CASE("cites are appended without duplicates", "[corpus]") {
  Strings out = {"loi 2024-850"};
  hemicycle::corpus::extract_cites("la loi n° 2024-850 et la loi n° 2020-1", &out);
  CHECK(out == Strings{"loi 2024-850", "loi 2020-1"});
}

TEST_CASE("territories and countries table", "[corpus]") {
  struct Case {
    std::string text;
    Strings territories;
    Strings countries;
  };
  const std::vector<Case> cases = {
      {"ingérences de l’Azerbaïdjan en Nouvelle-Calédonie et en outre-mer",
       {"Nouvelle-Calédonie", "Outre-mer"},
       {"Azerbaïdjan"}},
      {"la Nouvelle Calédonie, la nouvelle-calédonie et la NOUVELLE-CALÉDONIE",
       {"Nouvelle-Calédonie"},
       {}},
      {"L'AZERBAIDJAN et l’azerbaïdjan", {}, {"Azerbaïdjan"}},
      {"en Polynésie française ou en Guyane", {"Polynésie française", "Guyane"}, {}},
      {"les indépendantistes de la Réunion et de La Réunion", {"La Réunion"}, {}},
      {"la réunion de la commission des lois", {}, {}},
      {"Mayotte, la Guadeloupe, la Martinique, Saint-Pierre-et-Miquelon",
       {"Mayotte", "Guadeloupe", "Martinique", "Saint-Pierre-et-Miquelon"},
       {}},
      {"Wallis et Futuna, Saint-Barthélemy et Saint-Martin",
       {"Wallis-et-Futuna", "Saint-Barthélemy", "Saint-Martin"},
       {}},
      {"les TAAF et l'île de Clipperton", {"Terres australes et antarctiques françaises",
                                           "Clipperton"}, {}},
      {"la Corse, la Haute-Corse et la langue corse", {"Corse"}, {}},
      {"les départements d’Outre-Mer et d'outre mer", {"Outre-mer"}, {}},
      {"la France et l'Île-de-France", {}, {"France"}},
      {"la République française", {}, {"France"}},
      {"Saint-Martin-d'Hères n'est pas Saint-Martin", {"Saint-Martin"}, {}},
      {"M. Saint-Martin, Mme Anne France et MM. Laurent Corse", {}, {}},
      {"Salvador, 17 ans, vit au Salvador", {}, {"Salvador"}},
      {"la Papouasie-Nouvelle-Guinée, la Guinée équatoriale et la Guinée-Bissau", {},
       {"Papouasie-Nouvelle-Guinée", "Guinée équatoriale", "Guinée-Bissau"}},
      {"les États-Unis, le Royaume-Uni et les Pays-Bas", {},
       {"États-Unis", "Royaume-Uni", "Pays-Bas"}},
      {"les pays bas de gamme", {}, {}},
      {"la Côte d’Ivoire et la République démocratique du Congo", {},
       {"Côte d'Ivoire", "République démocratique du Congo"}},
      {"un mali de liquidation au Mali", {}, {"Mali"}},
      {"le Viêt Nam, le Vietnam", {}, {"Viêt Nam"}},
      {"les azerbaïdjanais et les Français", {}, {}},
      {"", {}, {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const hemicycle::corpus::Places p = hemicycle::corpus::extract_places(c.text);
    CHECK(p.territories == c.territories);
    CHECK(p.countries == c.countries);
  }
}

TEST_CASE("gazetteer names", "[corpus]") {
  const Strings territories = hemicycle::corpus::gazetteer_names("territory");
  const Strings countries = hemicycle::corpus::gazetteer_names("country");
  CHECK(territories.size() >= 15);
  CHECK(countries.size() >= 190);
  CHECK(std::find(territories.begin(), territories.end(), "Nouvelle-Calédonie") !=
        territories.end());
  CHECK(std::find(countries.begin(), countries.end(), "Azerbaïdjan") != countries.end());
  CHECK(hemicycle::corpus::gazetteer_names("planet").empty());
  // Every canonical name (not marked explicit) finds itself.
  for (const std::string& name : countries) {
    if (name == "Maurice" || name == "Dominique" || name == "Salvador") continue;
    INFO(name);
    CHECK(hemicycle::corpus::extract_places("en " + name + ".").countries == Strings{name});
  }
}

TEST_CASE("signataires", "[corpus]") {
  struct Case {
    std::string signataires;
    Strings names;
  };
  const std::vector<Case> cases = {
      {"Mme Parmentier, M. Ballard, Mme Auzanot et Mme Sicard",
       {"Parmentier", "Ballard", "Auzanot", "Sicard"}},
      {"Mme\u00a0Élisa\u00a0Martin et M.\u00a0Saint-Martin", {"Élisa Martin", "Saint-Martin"}},
      {"M. Dupont, rapporteur, M. Durand, rapporteur pour avis au nom de la commission des "
       "lois et les membres du groupe X",
       {"Dupont", "Durand"}},
      {"le Gouvernement", {"Gouvernement"}},
      {"M. Le Coq et Mme Da Conceicao Carvalho", {"Le Coq", "Da Conceicao Carvalho"}},
      {"rapporteur Mme Youssouffa", {"Youssouffa"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    INFO(c.signataires);
    CHECK(hemicycle::corpus::split_signatories(c.signataires) == c.names);
  }
}

TEST_CASE("title case of names in capitals", "[corpus]") {
  CHECK(hemicycle::corpus::title_case_name("YAËL BRAUN-PIVET") == "Yaël Braun-Pivet");
  CHECK(hemicycle::corpus::title_case_name("GÉRARD LARCHER") == "Gérard Larcher");
  CHECK(hemicycle::corpus::title_case_name("MARINE LE PEN") == "Marine Le Pen");
  CHECK(hemicycle::corpus::title_case_name("CHARLES DE GAULLE") == "Charles de Gaulle");
  CHECK(hemicycle::corpus::title_case_name("JEANNE D’ARC") == "Jeanne d’Arc");
  CHECK(hemicycle::corpus::title_case_name("ÉLISABETH  BORNE ") == "Élisabeth Borne");
  CHECK(hemicycle::corpus::title_case_name("") == "");
}

TEST_CASE("the Latin fast path folds like analyzers::fold", "[corpus]") {
  using hemicycle::corpus::internal::fold_latin;
  // Every letter of U+00C0..U+00FF, and Œ œ Ÿ, alone and inside a word.
  for (char32_t cp = 0xC0; cp <= 0xFF; ++cp) {
    std::string letter;
    hemicycle::corpus::internal::append_utf8(cp, letter);
    for (const std::string& word : {letter, "Ab" + letter + "cD"}) {
      std::string fast;
      if (fold_latin(word, &fast)) {
        INFO("U+" << std::hex << static_cast<unsigned>(cp));
        CHECK(fast == hemicycle::analyzers::fold(word));
      }
    }
  }
  for (const std::string word : {"Œuvre", "cœur", "Ÿ", "AZERBAÏDJAN", "Réunion"}) {
    std::string fast;
    REQUIRE(fold_latin(word, &fast));
    CHECK(fast == hemicycle::analyzers::fold(word));
  }
  std::string unused;
  CHECK_FALSE(fold_latin("Ł", &unused));
}

TEST_CASE("French dates", "[corpus]") {
  using hemicycle::corpus::internal::parse_french_date;
  struct Case {
    std::string text;
    std::string iso;
  };
  const std::vector<Case> cases = {
      {"28 mars 2025.", "2025-03-28"},   {"1er janvier 2020", "2020-01-01"},
      {"5\u00a0février 2025", "2025-02-05"}, {"15 août 1944", "1944-08-15"},
      {"3 décembre 2020", "2020-12-03"}, {"32 mars 2025", ""},
      {"28 mars", ""},                   {"mars 2025", ""},
      {"28 Mars 20255", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::size_t consumed = 0;
    CHECK(parse_french_date(c.text, &consumed) == c.iso);
  }
}
