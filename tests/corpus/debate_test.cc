// A compte rendu cut into speeches (corpus/src/debate.cc), table-driven: the plain text of
// the bulk corpus, our own page in the Assemblée's published format (tests/data/debates/),
// and the 18 published sittings of ../shared/corpus/debates.

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "hemicycle/corpus/reader.h"
#include "hemicycle/corpus/segmenter.h"
#include "support.h"

namespace {

using hemicycle::model::Clause;
using hemicycle::model::ClauseKind;
using hemicycle::model::Document;

// One expected speech: who, as a person and as printed, role, kind, group, path, amendment,
// the start of its words, how many stage directions.
struct Expected {
  std::string speaker;
  std::string label;
  std::string role;
  std::string kind;
  std::string group;
  std::string path;  // headings joined by " › "
  std::string amendment;
  std::string text_prefix;
  std::size_t directions = 0;
};

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " \xE2\x80\xBA ") + p;
  return out;
}

std::vector<const Clause*> speeches(const Document& doc) {
  std::vector<const Clause*> out;
  for (const Clause& c : doc.clauses) {
    if (c.kind == ClauseKind::kSpeech) out.push_back(&c);
  }
  return out;
}

void check_speeches(const Document& doc, const std::vector<Expected>& expected) {
  const auto found = speeches(doc);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Clause& c = *found[i];
    const Expected& e = expected[i];
    INFO("speech " << i << ": " << c.speech.speaker_label << " / " << c.text.substr(0, 80));
    CHECK(c.speech.speaker == e.speaker);
    CHECK(c.speech.speaker_label == e.label);
    CHECK(c.speech.speaker_role == e.role);
    CHECK(c.speech.speaker_kind == e.kind);
    CHECK(c.speech.group == e.group);
    CHECK(joined(c.speech.headings) == e.path);
    CHECK(c.speech.amendment == e.amendment);
    CHECK(c.text.substr(0, e.text_prefix.size()) == e.text_prefix);
    CHECK(c.speech.directions.size() == e.directions);
    for (const auto& d : c.speech.directions) {
      REQUIRE(d.begin < d.end);
      REQUIRE(d.end <= c.text.size());
      CHECK(c.text[d.begin] == '(');
      CHECK(c.text[d.end - 1] == ')');
    }
    // The clause covers its speaker in the document's text.
    REQUIRE(c.end <= doc.text.size());
    CHECK(doc.text.compare(c.begin, e.label.size(), e.label) == 0);
  }
}

const std::string kPlain =
    "Mme la pr\xC3\xA9sidente. \xE2\x80\x93 La s\xC3\xA9""ance est ouverte.\n\n"
    "(La s\xC3\xA9""ance est ouverte \xC3\xA0 quinze heures.)\n\n"
    "Nouvelle lecture\n\n"
    "Mme la pr\xC3\xA9sidente. \xE2\x80\x93 L\xE2\x80\x99ordre du jour appelle la discussion.\n\n"
    "Pr\xC3\xA9sentation\n\n"
    "Mme la pr\xC3\xA9sidente. \xE2\x80\x93 La parole est \xC3\xA0 Mme la secr\xC3\xA9taire d\xE2\x80\x99\xC3\x89tat.\n\n"
    "Mme Sophie Cluzel, secr\xC3\xA9taire d\xE2\x80\x99\xC3\x89tat charg\xC3\xA9""e des personnes handicap\xC3\xA9""es. \xE2\x80\x93 "
    "Le bien-\xC3\xAAtre des enfants est indispensable. (Applaudissements sur les bancs du groupe LaREM.) "
    "Nous combattrons le harc\xC3\xA8lement.\n\n"
    "Plusieurs d\xC3\xA9put\xC3\xA9s du groupe LR. \xE2\x80\x93 Tr\xC3\xA8s bien !\n\n"
    "Discussion des articles\n\n"
    "Article 1er\n\n"
    "Mme la pr\xC3\xA9sidente. \xE2\x80\x93 La parole est \xC3\xA0 M. Erwan Balanant, pour soutenir l\xE2\x80\x99""amendement n\xC2\xB0 23.\n\n"
    "M. Erwan Balanant, rapporteur de la commission des affaires culturelles. \xE2\x80\x93 Il est r\xC3\xA9""dactionnel.\n\n"
    "Mme la pr\xC3\xA9sidente. \xE2\x80\x93 Quel est l\xE2\x80\x99""avis du Gouvernement ?\n\n"
    "Mme la secr\xC3\xA9taire d\xE2\x80\x99\xC3\x89tat. \xE2\x80\x93 Favorable.\n\n"
    "(L\xE2\x80\x99""amendement n\xC2\xB0 23 est adopt\xC3\xA9.)\n\n"
    "M. le rapporteur. \xE2\x80\x93 Merci.\n\n"
    "Le directeur des comptes rendus Serge Ezdra\n";

TEST_CASE("debate: the plain text of a sitting, one speech per speaker", "[corpus][debate]") {
  Document doc;
  doc.type = "compte_rendu";
  doc.text = kPlain;
  hemicycle::corpus::segment(doc);
  const std::string chair_role = "pr\xC3\xA9sidente de s\xC3\xA9""ance";
  const std::string chair = "pr\xC3\xA9sident de s\xC3\xA9""ance";
  const std::string la_presidente = "Mme la pr\xC3\xA9sidente";
  const std::string sec = "secr\xC3\xA9taire d\xE2\x80\x99\xC3\x89tat charg\xC3\xA9""e des personnes handicap\xC3\xA9""es";
  const std::string rap = "rapporteur de la commission des affaires culturelles";
  const std::string pres = "Nouvelle lecture \xE2\x80\xBA Pr\xC3\xA9sentation";
  const std::string art = "Nouvelle lecture \xE2\x80\xBA Discussion des articles \xE2\x80\xBA Article 1er";
  check_speeches(doc, {
      {"", la_presidente, chair_role, chair, "", "", "", "La s\xC3\xA9""ance est ouverte.\n(La", 1},
      {"", la_presidente, chair_role, chair, "", "Nouvelle lecture", "", "L\xE2\x80\x99ordre du jour", 0},
      {"", la_presidente, chair_role, chair, "", pres, "", "La parole est", 0},
      {"Sophie Cluzel", "Mme Sophie Cluzel", sec, "gouvernement", "", pres, "", "Le bien-\xC3\xAAtre", 1},
      {"", "Plusieurs d\xC3\xA9put\xC3\xA9s du groupe LR", "", "groupe", "LR", pres, "", "Tr\xC3\xA8s bien !", 0},
      {"", la_presidente, chair_role, chair, "", art, "23", "La parole est", 0},
      {"Erwan Balanant", "M. Erwan Balanant", rap, "rapporteur", "", art, "23", "Il est", 0},
      {"", la_presidente, chair_role, chair, "", art, "23", "Quel est", 0},
      {"Sophie Cluzel", "Mme la secr\xC3\xA9taire d\xE2\x80\x99\xC3\x89tat", sec, "gouvernement", "", art, "23",
       "Favorable.\n(L\xE2\x80\x99""amendement", 1},
      {"Erwan Balanant", "M. le rapporteur", rap, "rapporteur", "", art, "", "Merci.", 0},
  });
  // The closing signature is no speech.
  REQUIRE(!doc.clauses.empty());
  CHECK(doc.clauses.back().kind == ClauseKind::kParagraph);
  CHECK(doc.clauses.back().text == "Le directeur des comptes rendus Serge Ezdra");
  // A stage direction inside a speech, golden.
  const Clause& cluzel = *speeches(doc)[3];
  const auto& d = cluzel.speech.directions.at(0);
  CHECK(cluzel.text.substr(d.begin, d.end - d.begin) ==
        "(Applaudissements sur les bancs du groupe LaREM.)");
}

TEST_CASE("debate: a plain text with no type reads as a sitting by its chair", "[corpus][debate]") {
  Document doc;
  doc.text = kPlain;
  hemicycle::corpus::segment(doc);
  CHECK(speeches(doc).size() == 10);
  Document other;
  other.text = "Le pr\xC3\xA9sident. \xE2\x80\x93 Ceci n\xE2\x80\x99""est pas un compte rendu.\n";
  hemicycle::corpus::segment(other);
  CHECK(speeches(other).empty());
}

TEST_CASE("debate: a compte rendu with no speaker keeps its paragraphs", "[corpus][debate]") {
  Document doc;
  doc.type = "compte_rendu";
  doc.text = "Premier paragraphe.\n\nSecond paragraphe.\n";
  hemicycle::corpus::segment(doc);
  REQUIRE(doc.clauses.size() == 2);
  CHECK(doc.clauses[0].kind == ClauseKind::kParagraph);
  CHECK(doc.clauses[1].text == "Second paragraphe.");
}

TEST_CASE("debate: a heading is no clause, hard-wrapped lines join", "[corpus][debate]") {
  Document doc;
  doc.type = "compte_rendu";
  doc.text = "M. le pr\xC3\xA9sident. \xE2\x80\x93 La s\xC3\xA9""ance est ouverte.\n\nArticle 1er\n\n"
             "Mme X. \xE2\x80\x93 Je\nparle.";
  hemicycle::corpus::segment(doc);
  check_speeches(doc, {
      {"", "M. le pr\xC3\xA9sident", "pr\xC3\xA9sident de s\xC3\xA9""ance", "pr\xC3\xA9sident de s\xC3\xA9""ance",
       "", "", "", "La s\xC3\xA9""ance est ouverte.", 0},
      {"X", "Mme X", "", "d\xC3\xA9put\xC3\xA9", "", "Article 1er", "", "Je parle.", 0},
  });
  CHECK(doc.clauses.size() == 2);
}

}  // namespace
