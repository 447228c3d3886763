// A compte rendu cut into speeches (corpus/src/debate.cc), table-driven: the plain text of
// the bulk corpus, our own page in the Assemblée's published format (tests/data/debates/),
// and the 18 published sittings of ../shared/corpus/debates.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
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

std::string spaced(std::string s) {
  for (std::size_t at = s.find("\xC2\xA0"); at != std::string::npos; at = s.find("\xC2\xA0", at)) {
    s.replace(at, 2, " ");
  }
  return s;
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
    // The clause covers its speaker in the document's text (a page's no-break spaces shown
    // as spaces in the label).
    REQUIRE(c.end <= doc.text.size());
    CHECK(spaced(doc.text.substr(c.begin, e.label.size() + 8)).rfind(e.label, 0) == 0);
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

TEST_CASE("debate: speakers as printed, misprints and several at once", "[corpus][debate]") {
  struct Case {
    std::string lead;
    std::string speaker, label, kind, group;
  };
  const std::string member = "d\xC3\xA9put\xC3\xA9";
  const std::vector<Case> cases = {
      {"M . Claude Sturni.", "Claude Sturni", "M. Claude Sturni", member, ""},
      {"M. Laurent Wauquiez et plusieurs d\xC3\xA9put\xC3\xA9s du groupe UMP.", "",
       "M. Laurent Wauquiez et plusieurs d\xC3\xA9put\xC3\xA9s du groupe UMP", "groupe", "UMP"},
      {"MM. Herv\xC3\xA9 Mariton et Philippe Gosselin.", "", "MM. Herv\xC3\xA9 Mariton et Philippe Gosselin",
       "groupe", ""},
      {"M. Jacques Myard, M. C\xC3\xA9leste Lett et M. Philippe Gosselin.", "",
       "M. Jacques Myard, M. C\xC3\xA9leste Lett et M. Philippe Gosselin", "groupe", ""},
      {"Mme\xC2\xA0Marie-George Buffet.", "Marie-George Buffet", "Mme Marie-George Buffet", member, ""},
  };
  for (const Case& c : cases) {
    INFO(c.lead);
    Document doc;
    doc.type = "compte_rendu";
    doc.text = c.lead + " \xE2\x80\x93 Tr\xC3\xA8s bien !\n";
    hemicycle::corpus::segment(doc);
    const auto found = speeches(doc);
    REQUIRE(found.size() == 1);
    CHECK(found[0]->speech.speaker == c.speaker);
    CHECK(found[0]->speech.speaker_label == c.label);
    CHECK(found[0]->speech.speaker_kind == c.kind);
    CHECK(found[0]->speech.group == c.group);
    CHECK(found[0]->text == "Tr\xC3\xA8s bien !");
  }
}

Document read_one(const std::filesystem::path& path) {
  std::vector<Document> docs;
  hemicycle::corpus::read_path(
      path, [&](Document&& d) { docs.push_back(std::move(d)); }, [](hemicycle::model::Warning&&) {});
  REQUIRE(docs.size() == 1);
  return std::move(docs[0]);
}

TEST_CASE("debate: our sitting in the published format, speech by speech", "[corpus][debate]") {
  const Document doc = read_one(hemicycle::testing::fixture("debates/20130170.html"));
  CHECK(doc.presiding == std::vector<std::string>{"Claude Bartolone", "Laurence Dumont"});
  const std::string chair = "pr\xC3\xA9sident de s\xC3\xA9""ance";
  const std::string chair_f = "pr\xC3\xA9sidente de s\xC3\xA9""ance";
  const std::string le_pres = "M. le pr\xC3\xA9sident";
  const std::string la_pres = "Mme la pr\xC3\xA9sidente";
  const std::string cb = "Claude Bartolone";
  const std::string ld = "Laurence Dumont";
  const std::string ct = "Christiane Taubira";
  const std::string gds = "garde des sceaux, ministre de la justice";
  const std::string item = "Protection des lanceurs d\xE2\x80\x99""alerte";
  const std::string disc = item + " \xE2\x80\xBA Discussion des articles";
  const std::string art = disc + " \xE2\x80\xBA Article 1er";
  const std::string after = disc + " \xE2\x80\xBA Apr\xC3\xA8s l\xE2\x80\x99""article 1er";
  const std::string rappel = after + " \xE2\x80\xBA Rappel au r\xC3\xA8glement";
  const std::string rap = "rapporteur de la commission des lois constitutionnelles, de la "
                          "l\xC3\xA9gislation et de l\xE2\x80\x99""administration g\xC3\xA9n\xC3\xA9rale de la "
                          "R\xC3\xA9publique";
  check_speeches(doc, {
      {cb, le_pres, chair, chair, "", "", "", "La s\xC3\xA9""ance est ouverte.\n(", 1},
      {cb, le_pres, chair, chair, "", item, "", "L\xE2\x80\x99ordre du jour", 0},
      {cb, le_pres, chair, chair, "", disc, "", "Nous abordons", 0},
      {cb, le_pres, chair, chair, "", art, "", "La parole est \xC3\xA0 Mme", 0},
      {ct, "Mme Christiane Taubira", gds, "gouvernement", "", art, "", "Mesdames et messieurs", 1},
      {"", "Plusieurs d\xC3\xA9put\xC3\xA9s du groupe UMP", "", "groupe", "UMP", art, "", "Et les entreprises", 0},
      {cb, le_pres, chair, chair, "", art, "", "La parole est \xC3\xA0 M.", 0},
      {"Julien Aubert", "M. Julien Aubert", "", "d\xC3\xA9put\xC3\xA9", "", art, "", "Madame la garde", 1},
      {ld, la_pres, chair_f, chair, "", art, "", "Quel est l\xE2\x80\x99""avis de la commission", 0},
      {"Erwann Binet", "M. Erwann Binet", rap, "rapporteur", "", art, "", "La commission a rejet\xC3\xA9", 0},
      {ld, la_pres, chair_f, chair, "", art, "", "Quel est l\xE2\x80\x99""avis du Gouvernement", 0},
      {ct, "Mme la garde des sceaux", gds, "gouvernement", "", art, "", "Le Gouvernement partage", 0},
      {ld, la_pres, chair_f, chair, "", art, "", "Je mets aux voix l\xE2\x80\x99""article 1er.\n(", 1},
      {ld, la_pres, chair_f, chair, "", after, "53", "La parole est \xC3\xA0 M.\xC2\xA0Herv\xC3\xA9", 0},
      {"Herv\xC3\xA9 Mariton", "M. Herv\xC3\xA9 Mariton", "", "d\xC3\xA9put\xC3\xA9", "", after, "53", "Cet amendement", 0},
      {"", "Un d\xC3\xA9put\xC3\xA9 du groupe SRC", "", "groupe", "SRC", after, "53", "C\xE2\x80\x99""est d\xC3\xA9j\xC3\xA0", 0},
      {"Erwann Binet", "M. Erwann Binet", "rapporteur", "rapporteur", "", after, "53", "D\xC3\xA9""favorable.", 0},
      {"Philippe Gosselin", "M. Philippe Gosselin", "", "d\xC3\xA9put\xC3\xA9", "", rappel, "", "Rappel au r\xC3\xA8glement,", 0},
      {ld, la_pres, chair_f, chair, "", rappel, "", "Acte vous est donn\xC3\xA9", 0},
      {ld, la_pres, chair_f, chair, "", after, "53", "Je mets aux voix l\xE2\x80\x99""amendement n\xC2\xB0\xC2\xA0""53.", 1},
      {ld, la_pres, chair_f, chair, "", "Ordre du jour de la prochaine s\xC3\xA9""ance", "", "Prochaine s\xC3\xA9""ance", 1},
  });
  const auto found = speeches(doc);
  // The stage direction inside Julien Aubert's speech, as the page and snippets show it.
  const Clause& aubert = *found[7];
  const auto& d = aubert.speech.directions.at(0);
  CHECK(aubert.text.substr(d.begin, d.end - d.begin) ==
        "(Exclamations sur les bancs du groupe SRC.)");
  CHECK(aubert.text.find("clause de conscience") != std::string::npos);
  // A speech's paragraphs are lines of its text; the closing "(La séance est levée …)" stays
  // with the chair's last words.
  CHECK(found[4]->text.find("\nLe signalement restera confidentiel") != std::string::npos);
  CHECK(found[20]->text.find("(La s\xC3\xA9""ance est lev\xC3\xA9""e") != std::string::npos);
}

// Speeches per sitting of ../shared/corpus/debates, as counted from the pages' speaker leads
// (paragraphs opening with a bold speaker) by a script independent of the segmenter; where
// they differ, the page prints the speaker outside the usual markup, which the script missed:
// a bold lead inside a link (20130124), a misprinted "M . Claude Sturni" (20130138), and
// one lead the segmenter does not read, "M. Jacques Myard, M. Céleste Lett et M. Philippe
// Gosselin, C’est…" with no dot printed (20130130).
struct Sitting {
  std::string id;
  std::size_t speeches;
};

TEST_CASE("debate: the 18 published sittings, one speech per speaker", "[corpus][debate][shared]") {
  const auto dir = hemicycle::testing::shared("corpus/debates");
  if (!dir) hemicycle::testing::skip("../shared/corpus/debates is absent");
  const std::vector<Sitting> sittings = {
      {"20130118", 888}, {"20130119", 380}, {"20130121", 747}, {"20130124", 885},
      {"20130126", 694}, {"20130127", 612}, {"20130128", 789}, {"20130130", 485},
      {"20130131", 769}, {"20130132", 1727}, {"20130134", 542}, {"20130135", 754},
      {"20130136", 628}, {"20130138", 1099}, {"20130139", 810}, {"20130141", 457},
      {"20130142", 768}, {"20130144", 479}};
  std::size_t chairs = 0, unresolved_chairs = 0, taubira = 0;
  for (const Sitting& s : sittings) {
    const Document doc = read_one(*dir / (s.id + ".html"));
    INFO(s.id << " " << doc.sitting);
    const auto found = speeches(doc);
    CHECK(found.size() == s.speeches);
    std::size_t no_path = 0;  // only the opening words, before the first item
    for (const Clause* c : found) {
      CHECK_FALSE(c->speech.speaker_label.empty());
      CHECK_FALSE(c->speech.speaker_kind.empty());
      no_path += c->speech.headings.empty();
      if (c->speech.speaker_kind == hemicycle::model::kSpeakerChair) {
        ++chairs;
        // The chair is always one of the sitting's presiding persons.
        const bool known = std::find(doc.presiding.begin(), doc.presiding.end(),
                                     c->speech.speaker) != doc.presiding.end();
        if (!known) ++unresolved_chairs;
      }
      if (c->speech.speaker == "Christiane Taubira") ++taubira;
    }
    CHECK(no_path <= 2);
  }
  CHECK(chairs > 3000);
  CHECK(unresolved_chairs == 0);
  CHECK(taubira > 600);  // "Mme la garde des sceaux" resolved to her
}

}  // namespace
