// Segmentation of texts into clauses (corpus/src/segmenter.cc), table-driven.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hemicycle/corpus/reader.h"
#include "hemicycle/corpus/segmenter.h"
#include "support.h"

namespace {

using hemicycle::model::Clause;
using hemicycle::model::ClauseKind;
using hemicycle::model::Document;

struct ExpectedClause {
  ClauseKind kind;
  std::string number;
  std::string lead;
  std::string text_prefix;
};

Document segmented(const std::string& text, const std::string& type = "") {
  Document doc;
  doc.text = text;
  doc.type = type;
  hemicycle::corpus::segment(doc);
  return doc;
}

void check_clauses(const Document& doc, const std::vector<ExpectedClause>& expected) {
  INFO("document text:\n" << doc.text);
  REQUIRE(doc.clauses.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Clause& c = doc.clauses[i];
    INFO("clause " << i << ": " << c.text);
    CHECK(hemicycle::model::to_string(c.kind) == hemicycle::model::to_string(expected[i].kind));
    CHECK(c.number == expected[i].number);
    CHECK(c.lead == expected[i].lead);
    CHECK(c.text.substr(0, expected[i].text_prefix.size()) == expected[i].text_prefix);
    // Offsets: the clause starts and ends where its text does.
    REQUIRE(c.end <= doc.text.size());
    REQUIRE(c.begin <= c.end);
    const std::size_t head = std::min<std::size_t>(6, c.text.size());
    CHECK(doc.text.substr(c.begin, head) == c.text.substr(0, head));
    const std::size_t tail = std::min<std::size_t>(4, c.text.size());
    CHECK(doc.text.substr(c.end - tail, tail) == c.text.substr(c.text.size() - tail));
  }
}

std::vector<Document> read_all(const std::filesystem::path& path,
                               std::vector<hemicycle::model::Warning>* warnings) {
  std::vector<Document> docs;
  hemicycle::corpus::read_path(
      path, [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](hemicycle::model::Warning&& w) { warnings->push_back(std::move(w)); });
  return docs;
}

}  // namespace

TEST_CASE("clause kind names round-trip", "[corpus]") {
  for (ClauseKind k :
       {ClauseKind::kPreamble, ClauseKind::kVisa, ClauseKind::kConsiderant, ClauseKind::kRecital,
        ClauseKind::kArticle, ClauseKind::kPlaceDate, ClauseKind::kSignature, ClauseKind::kTarget,
        ClauseKind::kDispositif, ClauseKind::kExpose, ClauseKind::kHeading, ClauseKind::kAlinea,
        ClauseKind::kParagraph}) {
    auto back = hemicycle::model::clause_kind_from_string(hemicycle::model::to_string(k));
    REQUIRE(back.has_value());
    CHECK(*back == k);
  }
  CHECK(hemicycle::model::to_string(ClauseKind::kPlaceDate) == "place_date");
  CHECK_FALSE(hemicycle::model::clause_kind_from_string("nope").has_value());
}

TEST_CASE("segmentation table", "[corpus]") {
  struct Case {
    const char* name;
    std::string type;
    std::string text;
    std::vector<ExpectedClause> clauses;
  };
  const std::vector<Case> cases = {
      {"resolution: openers without blank lines, blank line inside a visa",
       "",
       " L’Assemblée nationale, \n\nVu l’article 88-4 de la Constitution, \n\nVu la loi "
       "n° 2024-850 du 25 juillet \n   \n\n2024 visant à prévenir, \nConsidérant que A ;  \n "
       "Considérant que B ; \n\nRappelant que C ; \nSaluant D ; \n\n1. Condamne E ; \n 2. "
       "Affirme F \net G ; \n\n À Paris, le 1er avril 2025. \n\n La Présidente, \n\nSigné : "
       "JEANNE D’ARC-DUPONT \n",
       {{ClauseKind::kPreamble, "", "", "L’Assemblée nationale,"},
        {ClauseKind::kVisa, "", "", "Vu l’article 88-4 de la Constitution,"},
        {ClauseKind::kVisa, "", "", "Vu la loi n° 2024-850 du 25 juillet 2024 visant à prévenir,"},
        {ClauseKind::kConsiderant, "", "", "Considérant que A ;"},
        {ClauseKind::kConsiderant, "", "", "Considérant que B ;"},
        {ClauseKind::kRecital, "", "", "Rappelant que C ;"},
        {ClauseKind::kRecital, "", "", "Saluant D ;"},
        {ClauseKind::kArticle, "1", "Condamne", "1. Condamne E ;"},
        {ClauseKind::kArticle, "2", "Affirme", "2. Affirme F et G ;"},
        {ClauseKind::kPlaceDate, "", "", "À Paris, le 1er avril 2025."},
        {ClauseKind::kSignature, "", "", "La Présidente, Signé : JEANNE D’ARC-DUPONT"}}},
      {"resolution: a wrapped line starting with a number is not an article", "",
       "Le Sénat,\n\nVu le règlement (UE) n° 1305/2013 modifié en\n2020. Texte suivant,\n\n"
       "1. Demande X.\n\n3. Pas un article\n",
       {{ClauseKind::kPreamble, "", "", "Le Sénat,"},
        {ClauseKind::kVisa, "", "", "Vu le règlement (UE) n° 1305/2013 modifié en 2020. Texte"},
        {ClauseKind::kArticle, "1", "Demande", "1. Demande X. 3. Pas un article"}}},
      {"resolution: unnumbered dispositif paragraphs (Sénat style)", "résolution",
       "Le Sénat,\n\nVu l’article 88-4 de la Constitution,\n\nConsidérant que A ;\n\nDemande au "
       "Gouvernement de B ;\n\nSouhaite que C.\n",
       {{ClauseKind::kPreamble, "", "", "Le Sénat,"},
        {ClauseKind::kVisa, "", "", "Vu l’article"},
        {ClauseKind::kConsiderant, "", "", "Considérant que A ;"},
        {ClauseKind::kArticle, "", "Demande", "Demande au Gouvernement de B ;"},
        {ClauseKind::kArticle, "", "Souhaite", "Souhaite que C."}}},
      {"amendment: quoted Considérant and Vu stay dispositif", "amendement",
       "ARTICLE UNIQUE\n\nAprès l’alinéa 15, insérer l’alinéa suivant :\n\n« Considérant que "
       "X ; »\n\n« Vu la loi n° 2020-1 ; »\n\nEXPOSÉ SOMMAIRE\n\nPremier paragraphe.\n\nSecond "
       "paragraphe\nsur deux lignes.",
       {{ClauseKind::kTarget, "", "", "ARTICLE UNIQUE"},
        {ClauseKind::kDispositif, "1", "", "Après l’alinéa 15"},
        {ClauseKind::kDispositif, "2", "", "« Considérant que X ; »"},
        {ClauseKind::kDispositif, "3", "", "« Vu la loi"},
        {ClauseKind::kExpose, "", "", "Premier paragraphe."},
        {ClauseKind::kExpose, "", "", "Second paragraphe sur deux lignes."}}},
      {"amendment detected by structure", "",
       "APRÈS L'ARTICLE 2, insérer l'article suivant:\n\nLe code est modifié.\n\nEXPOSÉ "
       "SOMMAIRE\n\nParce que.",
       {{ClauseKind::kTarget, "", "", "APRÈS L'ARTICLE 2, insérer"},
        {ClauseKind::kDispositif, "1", "", "Le code est modifié."},
        {ClauseKind::kExpose, "", "", "Parce que."}}},
      {"bill: title, Article 1er, Article 2 A, quoted code article, headings",
       "texte_legislatif",
       "Texte adopté n° 829 - Proposition de loi relative aux transports\n\nArticle 1er\n\nLe "
       "code est modifié :\n\n\"Chapitre IV\n\n\"Dispositions relatives aux passagers\n\n\"Art. "
       "L. 1114-1. - I. - Le présent chapitre s'applique.\n\n\"II. - Suite.\n\nArticle 2 "
       "A\n\nI. - Première.\n\nII. - Seconde.\n\nCHAPITRE II DISPOSITIONS DIVERSES\n\nArticle 3 "
       "bis (nouveau)\n\nTexte.",
       {{ClauseKind::kHeading, "", "", "Texte adopté n° 829"},
        {ClauseKind::kAlinea, "1er", "", "Le code est modifié :"},
        {ClauseKind::kHeading, "", "", "\"Chapitre IV"},
        {ClauseKind::kHeading, "", "", "\"Dispositions relatives"},
        {ClauseKind::kAlinea, "L. 1114-1", "", "\"Art. L. 1114-1. - I."},
        {ClauseKind::kAlinea, "L. 1114-1", "", "\"II. - Suite."},
        {ClauseKind::kAlinea, "2 A", "", "I. - Première."},
        {ClauseKind::kAlinea, "2 A", "", "II. - Seconde."},
        {ClauseKind::kHeading, "", "", "CHAPITRE II DISPOSITIONS DIVERSES"},
        {ClauseKind::kAlinea, "3 bis", "", "Texte."}}},
      {"code article hard-wrapped at 80 columns", "article_de_code",
       "Article 515-14\nLes animaux sont des êtres vivants doués de sensibilité. Sous\nréserve "
       "des lois qui les protègent, ils sont soumis au régime des biens.\n\nSecond "
       "alinéa.",
       {{ClauseKind::kAlinea, "515-14", "",
         "Les animaux sont des êtres vivants doués de sensibilité. Sous réserve des lois"},
        {ClauseKind::kAlinea, "515-14", "", "Second alinéa."}}},
      {"règlement with Art. L. heading line", "",
       "TITRE PREMIER Organisation\n\nArt. L. 1114-1.\n\nAlinéa un.\n\nAlinéa deux.",
       {{ClauseKind::kHeading, "", "", "TITRE PREMIER Organisation"},
        {ClauseKind::kAlinea, "L. 1114-1", "", "Alinéa un."},
        {ClauseKind::kAlinea, "L. 1114-1", "", "Alinéa deux."}}},
      {"unknown text: paragraphs", "", "Un.\n\n\n  Deux, \nsuite.  \n",
       {{ClauseKind::kParagraph, "", "", "Un."},
        {ClauseKind::kParagraph, "", "", "Deux, suite."}}},
      {"empty text", "", "", {}},
      {"only spaces", "", " \n\u00a0\n", {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_clauses(segmented(c.text, c.type), c.clauses); }
  }
}

TEST_CASE("resolution metadata comes from the text when empty", "[corpus]") {
  Document doc = segmented(
      "Le Sénat,\n\nVu l’article 88-4 de la Constitution,\n\n1. Demande X.\n\nDélibéré en "
      "séance publique, à Paris, le 5 février 2025.\n\nLe Président,\n\nSigné : GÉRARD "
      "LARCHER\n");
  CHECK(doc.institution == "Sénat");
  CHECK(doc.date == "2025-02-05");
  CHECK(doc.place == "Paris");
  CHECK(doc.signatory_role == "Le Président");
  CHECK(doc.signatories == std::vector<std::string>{"Gérard Larcher"});

  // Metadata already known is kept.
  Document known;
  known.text = doc.text;
  known.institution = "Sénat de la République";
  known.date = "2025-02-06";
  known.signatories = {"Quelqu’un"};
  hemicycle::corpus::segment(known);
  CHECK(known.institution == "Sénat de la République");
  CHECK(known.date == "2025-02-06");
  CHECK(known.signatories == std::vector<std::string>{"Quelqu’un"});
}

TEST_CASE("segmenting twice gives the same result", "[corpus]") {
  Document doc = segmented("Le Sénat,\n\nVu la loi n° 2024-850,\n\n1. Demande à la Corse.\n");
  const auto clauses = doc.clauses.size();
  const auto cites = doc.cites;
  hemicycle::corpus::segment(doc);
  CHECK(doc.clauses.size() == clauses);
  CHECK(doc.cites == cites);
  CHECK(doc.territories == std::vector<std::string>{"Corse"});
}

TEST_CASE("our resolution fixture", "[corpus]") {
  std::vector<hemicycle::model::Warning> warnings;
  auto docs = read_all(hemicycle::testing::fixture("corpus/good/resolution_senat.txt"), &warnings);
  CHECK(warnings.empty());
  REQUIRE(docs.size() == 1);
  const Document& doc = docs[0];
  CHECK(doc.id == "senat-resolution-test-2025-02");
  CHECK(doc.type == "résolution européenne");
  CHECK(doc.institution == "Sénat");
  CHECK(doc.date == "2025-02-05");
  CHECK(doc.place == "Paris");
  CHECK(doc.signatories == std::vector<std::string>{"Gérard Larcher"});
  CHECK(doc.signatory_role == "Le Président");
  check_clauses(
      doc,
      {{ClauseKind::kPreamble, "", "", "Le Sénat,"},
       {ClauseKind::kVisa, "", "", "Vu l’article 88-4"},
       {ClauseKind::kVisa, "", "", "Vu le traité sur l’Union européenne"},
       {ClauseKind::kVisa, "", "",
        "Vu la directive (UE) 2019/1937 du Parlement européen et du Conseil du 23 octobre 2019 "
        "sur la protection des personnes qui signalent des violations du droit de l’Union,"},
       {ClauseKind::kVisa, "", "", "Vu la loi organique n° 2009-403"},
       {ClauseKind::kConsiderant, "", "", "Considérant que les collectivités"},
       {ClauseKind::kConsiderant, "", "", "Considérant que la Guadeloupe"},
       {ClauseKind::kRecital, "", "", "Soulignant le rôle"},
       {ClauseKind::kRecital, "", "", "Regrettant que la réunion"},
       {ClauseKind::kArticle, "1", "Demande", "1. Demande au Gouvernement"},
       {ClauseKind::kArticle, "2", "Invite", "2. Invite la Commission"},
       {ClauseKind::kArticle, "3", "Souhaite", "3. Souhaite que"},
       {ClauseKind::kPlaceDate, "", "", "Délibéré en séance publique, à Paris, le 5 février 2025."},
       {ClauseKind::kSignature, "", "", "Le Président, Signé : GÉRARD LARCHER"}});
  CHECK(doc.cites == std::vector<std::string>{
                         "constitution art. 88-4", "directive-ue 2019/1937",
                         "loi-organique 2009-403", "constitution art. 34-1", "constitution art. 39",
                         "constitution art. 44", "code de l'education art. L. 312-9"});
  CHECK(doc.territories ==
        std::vector<std::string>{"Saint-Pierre-et-Miquelon", "Wallis-et-Futuna", "Guadeloupe",
                                 "Martinique", "Mayotte", "Nouvelle-Calédonie"});
  CHECK(doc.countries == std::vector<std::string>{"Japon", "Canada"});
  // Per clause too.
  CHECK(doc.clauses[10].cites == std::vector<std::string>{"code de l'education art. L. 312-9"});
  CHECK(doc.clauses[9].countries == std::vector<std::string>{"Japon", "Canada"});
  CHECK(doc.clauses[8].territories.empty());  // "la réunion du comité"
}

TEST_CASE("our amendment and bill fixtures", "[corpus]") {
  std::vector<hemicycle::model::Warning> warnings;
  auto docs = read_all(hemicycle::testing::fixture("corpus/good/amendement.txt"), &warnings);
  CHECK(warnings.empty());
  REQUIRE(docs.size() == 1);
  const Document& am = docs[0];
  check_clauses(am, {{ClauseKind::kTarget, "", "", "APRÈS L'ARTICLE 4"},
                     {ClauseKind::kDispositif, "1", "", "I. – Après l’article L. 121-3"},
                     {ClauseKind::kDispositif, "2", "", "« Art. L. 121-3-1. – Considérant"},
                     {ClauseKind::kDispositif, "3", "", "« Vu la loi n° 2021-641"},
                     {ClauseKind::kExpose, "", "", "Cet amendement vise"},
                     {ClauseKind::kExpose, "", "", "Il s’inspire"}});
  CHECK(am.signatories ==
        std::vector<std::string>{"Dupont", "Élodie Martin", "Saint-Martin", "Leroy"});
  CHECK(am.outcome == "Adopté");
  CHECK(am.legislature == "17");
  CHECK(am.texte_ref == "PIONANR5L17B0999");
  CHECK(am.dossier_ref == "DLR5L17N99999");
  // The deputy "M. Saint-Martin" is in the metadata, not the text: no territory from him.
  CHECK(am.territories ==
        std::vector<std::string>{"Guadeloupe", "Martinique", "La Réunion", "Outre-mer", "Corse"});
  CHECK(am.cites == std::vector<std::string>{"code de l'education art. L. 121-3", "loi 2021-641"});

  docs.clear();
  docs = read_all(hemicycle::testing::fixture("corpus/good/sub/projet_de_loi.txt"), &warnings);
  CHECK(warnings.empty());
  REQUIRE(docs.size() == 1);
  check_clauses(docs[0], {{ClauseKind::kHeading, "", "", "Texte adopté n° 999"},
                          {ClauseKind::kAlinea, "1er", "", "Le code de l'environnement"},
                          {ClauseKind::kAlinea, "1er", "", "1° L'article L. 110-1"},
                          {ClauseKind::kAlinea, "1er", "", "\"Les récifs coralliens"},
                          {ClauseKind::kAlinea, "1er", "", "2° Après l'article L. 411-1"},
                          {ClauseKind::kAlinea, "L. 411-1-1", "", "\"Art. L. 411-1-1. -"},
                          {ClauseKind::kAlinea, "L. 411-1-1", "", "\"Un décret"},
                          {ClauseKind::kAlinea, "2 A", "", "L'ordonnance n° 2019-964"},
                          {ClauseKind::kHeading, "", "", "TITRE II"},
                          {ClauseKind::kHeading, "", "", "DISPOSITIONS FINALES"},
                          {ClauseKind::kAlinea, "3", "", "La présente loi"}});
  CHECK(docs[0].id == "projet_de_loi");
  CHECK(docs[0].cites == std::vector<std::string>{"ordonnance 2019-964"});
}

TEST_CASE("a line that is only the start of a marker never throws", "[corpus]") {
  // A line cut where a marker word begins ("S" of "Se félicitant", "Art" of "Art. 2"): the
  // segmenter must read it as text, whatever kind of document holds it.
  const std::vector<std::string> lines = {
      "S",  "Se",     "S ",  "Se ", "Art.", "Art", "Article", "ARTICLE", "Le",  "La",
      "1.", "1. ",    "1",   "Signé", "SIGNÉ", "TITRE", "Chapitre", "Vu", "Vu ", "Considérant",
      "«",  "\"",     "“",   "-",   "–",    "Art. ", "Article 1er (", "Le Président",
  };
  const std::vector<std::string> types = {"", "résolution", "amendement", "projet de loi",
                                          "code", "compte rendu"};
  for (const auto& type : types) {
    for (const auto& line : lines) {
      const std::string text = "L\xE2\x80\x99" "Assembl\xC3\xA9" "e nationale,\n\nVu le trait\xC3\xA9,\n\n" +
                               line + "\n";
      INFO("type « " << type << " », line « " << line << " »");
      Document doc;
      REQUIRE_NOTHROW(doc = segmented(text, type));
      CHECK_FALSE(doc.clauses.empty());
    }
  }
}
