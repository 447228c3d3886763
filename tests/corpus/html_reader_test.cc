// The HTML reader (corpus/src/html_reader.cc, html_text.cc): generic pages, the Assemblée's
// comptes rendus (our fixture in its published format, then the 18 sittings of ../shared),
// the folder's warnings.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/reader.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using hemicycle::model::Block;
using hemicycle::model::Document;
using hemicycle::model::Warning;

Document read_page(const std::string& bytes, const std::string& name = "page.html") {
  Document doc;
  std::string error;
  INFO(bytes);
  REQUIRE(hemicycle::corpus::read_html(bytes, name, &doc, &error));
  CHECK(error.empty());
  return doc;
}

std::string text_of(const Document& d, std::size_t begin, std::size_t end) {
  return d.text.substr(begin, end - begin);
}
std::string text_of(const Document& d, const Block& b) { return text_of(d, b.begin, b.end); }

// Every block in range, in order, one paragraph each, the paragraphs "\n\n" apart: the
// whole text is its blocks.
void check_blocks(const Document& d) {
  CHECK(hemicycle::analyzers::is_valid_utf8(d.text));
  CHECK(d.text.find('\r') == std::string::npos);
  std::string joined;
  for (const Block& b : d.blocks) {
    REQUIRE(b.begin < b.end);
    REQUIRE(b.end <= d.text.size());
    CHECK((b.lead_end == 0 || (b.lead_end > b.begin && b.lead_end <= b.end)));
    for (const auto& s : b.italic) CHECK((s.begin >= b.begin && s.begin < s.end && s.end <= b.end));
    if (!joined.empty()) joined += "\n\n";
    joined += text_of(d, b);
  }
  CHECK(joined == d.text);
}

std::vector<std::string> leads(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) {
    if (b.lead_end > 0) out.push_back(text_of(d, b.begin, b.lead_end));
  }
  return out;
}

const Document& fixture_sitting() {
  static const Document doc = [] {
    const fs::path path = hemicycle::testing::fixture("debates/20130170.html");
    return read_page(hemicycle::testing::read_file(path), path.string());
  }();
  return doc;
}

}  // namespace

TEST_CASE("a compte rendu: the sitting's metadata from the page", "[corpus][html]") {
  const Document& d = fixture_sitting();
  struct Row {
    const char* field;
    std::string value;
    std::string expected;
  };
  const Row rows[] = {
      {"id", d.id, "20130170"},
      {"type", d.type, "compte_rendu"},
      {"institution", d.institution, "Assemblée nationale"},
      {"title", d.title, "Deuxième séance du mercredi 13 mars 2013"},
      {"sitting", d.sitting, "Deuxième séance du mercredi 13 mars 2013"},
      {"date", d.date, "2013-03-13"},
      {"legislature", d.legislature, "14"},
      {"sitting_of_day", std::to_string(d.sitting_of_day), "2"},
  };
  for (const Row& r : rows) {
    INFO(r.field);
    CHECK(r.value == r.expected);
  }
  CHECK(d.presiding == std::vector<std::string>{"Claude Bartolone", "Laurence Dumont"});
  CHECK(d.origin == hemicycle::testing::fixture("debates/20130170.html").string());
  check_blocks(d);
}

TEST_CASE("a compte rendu: only its text, entities decoded", "[corpus][html]") {
  const Document& d = fixture_sitting();
  // The site's navigation, a script, the sommaire, h2.entete, h1.seance, h5.numencad, the
  // signature after the sitting and the footer are not text.
  for (const char* absent : {"Le Président", "Les députés", "pas du texte", "SOMMAIRE",
                             "Session ordinaire", "Compte rendu", "mercredi 13 mars",
                             "Nicolas Véron", "Directeur du service", "©", "ZZTAGZZ",
                             "INTER_", "\n\n1\n\n", "&nbsp;", "&#8217;"}) {
    INFO(absent);
    CHECK(d.text.find(absent) == std::string::npos);
  }
  for (const char* present :
       {"Protection des lanceurs d’alerte", "(n°s\u00a0712, 790)", "Article 1er",
        "confidentiel\u00a0: l’identité", "Et les entreprises\u00a0?", "l’amendement n°\u00a053.",
        "Après l’article 1er (suite)"}) {
    INFO(present);
    CHECK(d.text.find(present) != std::string::npos);
  }
  REQUIRE_FALSE(d.blocks.empty());
  CHECK(text_of(d, d.blocks.front()) == "Présidence de M.\u00a0Claude Bartolone");
  CHECK(text_of(d, d.blocks[1]) == "M. le président. La séance est ouverte.");
  CHECK(text_of(d, d.blocks.back()) ==
        "(La séance est levée, le jeudi 14\u00a0mars 2013, à zéro heure dix.)");
}

TEST_CASE("a compte rendu: headings, presidencies and their levels", "[corpus][html]") {
  const Document& d = fixture_sitting();
  struct Row {
    Block::Kind kind;
    int level;
    std::string text;
    std::string css_class;
  };
  const std::vector<Row> expected = {
      {Block::Kind::kPresidency, 0, "Présidence de M.\u00a0Claude Bartolone", "presidence"},
      {Block::Kind::kHeading, 1, "Protection des lanceurs d’alerte", "titre1"},
      {Block::Kind::kHeading, 3, "Discussion des articles", "titre3"},
      {Block::Kind::kHeading, 2, "Article 1er", "titre2"},
      {Block::Kind::kPresidency, 0, "Présidence de Mme\u00a0Laurence Dumont", "presidence"},
      {Block::Kind::kHeading, 2, "Après l’article 1er", "titre2"},
      {Block::Kind::kHeading, 3, "Rappel au règlement", "titre3"},
      {Block::Kind::kHeading, 2, "Après l’article 1er (suite)", "titre2"},
      {Block::Kind::kHeading, 1, "Ordre du jour de la prochaine séance", "titre1"},
  };
  std::vector<Row> got;
  for (const Block& b : d.blocks) {
    if (b.kind != Block::Kind::kParagraph) got.push_back({b.kind, b.level, text_of(d, b), b.css_class});
  }
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO(expected[i].text);
    CHECK(got[i].kind == expected[i].kind);
    CHECK(got[i].level == expected[i].level);
    CHECK(got[i].text == expected[i].text);
    CHECK(got[i].css_class == expected[i].css_class);
  }
  for (const Block& b : d.blocks) {
    if (b.kind != Block::Kind::kParagraph) CHECK(b.lead_end == 0);  // only paragraphs have a lead
  }
}

TEST_CASE("a compte rendu: each paragraph's leading bold run, across <b>, <a> and comments",
          "[corpus][html]") {
  const std::vector<std::string> expected = {
      "M. le président.",  // <b>M. le président</b>. : the dot right after the bold
      "Suite de la discussion d’un projet de loi",  // p.sstitreinfo, bold as a whole
      "M. le président. ",
      "M.\u00a0le président.",
      "M.\u00a0le président.",
      "Mme\u00a0Christiane Taubira, ",  // <b><!-- … --><a …>Mme&nbsp;Christiane Taubira</a>, </b>
      "Plusieurs députés du groupe UMP.",
      "M.\u00a0le président.",
      "M.\u00a0Julien Aubert.",  // <b><!-- … --><a …>M.&nbsp;Julien Aubert</a>.</b>
      "Mme la présidente.",
      "M.\u00a0Erwann Binet, ",
      "Mme la présidente.",
      "Mme la garde des sceaux.",
      "Mme la présidente.",
      "Mme la présidente.",  // after <a name>, <!-- AMEND_53 -->
      "M.\u00a0Hervé Mariton.",
      "Un député du groupe SRC.",
      "M.\u00a0Erwann Binet, ",
      "M.\u00a0Philippe Gosselin.",
      "Mme la présidente.",
      "Mme la présidente.",
      "Mme la présidente.",
  };
  CHECK(leads(fixture_sitting()) == expected);
}

TEST_CASE("a compte rendu: italic runs, roles and stage directions", "[corpus][html]") {
  const Document& d = fixture_sitting();
  struct Row {
    std::string paragraph_start;
    std::vector<std::string> italic;
  };
  const Row rows[] = {
      {"(La séance est ouverte", {"(La séance est ouverte à vingt et une heures trente.)"}},
      {"Mme\u00a0Christiane Taubira",
       {"garde des sceaux, ministre de la justice.", "(Applaudissements sur les bancs du groupe SRC.)"}},
      {"M.\u00a0Julien Aubert", {"(Exclamations sur les bancs du groupe SRC.)"}},
      {"M.\u00a0Erwann Binet, rapporteur de",
       {"rapporteur de la commission des lois constitutionnelles, de la législation et de "
        "l’administration générale de la République."}},
      {"M.\u00a0Erwann Binet, rapporteur.", {"rapporteur."}},
      {"Rappel au règlement", {"Rappel au règlement"}},
      {"Après l’article 1er (suite)", {"(suite)"}},
      {"M.\u00a0Hervé Mariton.", {}},
  };
  for (const Row& r : rows) {
    INFO(r.paragraph_start);
    auto b = std::find_if(d.blocks.begin(), d.blocks.end(), [&](const Block& x) {
      return text_of(d, x).rfind(r.paragraph_start, 0) == 0;
    });
    REQUIRE(b != d.blocks.end());
    std::vector<std::string> got;
    for (const auto& s : b->italic) got.push_back(text_of(d, s.begin, s.end));
    CHECK(got == r.italic);
  }
}

TEST_CASE("a generic page: charset, entities, blocks, what is not text", "[corpus][html]") {
  struct Row {
    const char* what;
    std::string bytes;
    std::string title;
    std::string text;
  };
  const Row rows[] = {
      {"UTF-8 without charset",
       "<html><head><title>Un  titre\n é</title></head><body><p>Été&nbsp;: &laquo;&nbsp;"
       "&oelig;uvre&nbsp;&raquo;&hellip;</p><p>Deux<br>lignes</p></body></html>",
       "Un titre é", "Été\u00a0: «\u00a0œuvre\u00a0»…\n\nDeux\nlignes"},
      {"windows-1252 bytes without charset", "<p>caf\xe9 l\x92\x9c" "uvre \x80</p>", "",
       "café l’œuvre €"},
      {"ISO-8859-1 declared, read as windows-1252, and &#146;",
       "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
       "<p>l&#146;\xe9t\xe9 \x85</p>",
       "", "l’été …"},
      {"UTF-8 declared, an invalid byte", "<meta charset=\"utf-8\"><p>a\xff b</p>", "",
       "a\xEF\xBF\xBD b"},
      {"UTF-8 with a BOM", "\xEF\xBB\xBF<p>\xC3\xA9t\xC3\xA9</p>", "", "été"},
      {"decomposed accents become NFC", "<p>e\xCC\x81te\xCC\x81</p>", "", "\xC3\xA9t\xC3\xA9"},
      {"broken markup", "<p>Un <b>gras <i>et italique</p><p>Deux<td>trois", "",
       "Un gras et italique\n\nDeux\n\ntrois"},
      {"scripts, styles, comments and head are not text",
       "<head><style>p{}</style><script>var x = '<p>non</p>';</script></head><body>"
       "<noscript>non plus</noscript><p>Oui<!-- jamais --></p><script>n()</script></body>",
       "", "Oui"},
      {"no title: the first h1; a div's text around its paragraphs",
       "<body><h1>Grand titre</h1><div>Texte <span>du div</span><p>para</p>suite</div></body>",
       "Grand titre", "Grand titre\n\nTexte du div\n\npara\n\nsuite"},
      {"lists and tables", "<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>",
       "", "a\n\nb\n\nc\n\nd"},
      {"CRLF, tabs and runs of spaces", "<p>Un\r\n\tdeux   trois</p>\r\n<p> &nbsp;</p>", "",
       "Un deux trois"},
      {"superscripts stay as text", "<p>1<sup>er</sup> et n&deg;<sup>s</sup>&nbsp;2</p>", "",
       "1er et n°s\u00a02"},
      {"control characters dropped", "<p>a&#1;b\x01" "c&#x9f;</p>", "", "abcŸ"},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    const Document d = read_page(r.bytes);
    CHECK(d.title == r.title);
    CHECK(d.text == r.text);
    CHECK(d.type.empty());
    CHECK(d.sitting.empty());
    CHECK(d.id == "page");
    check_blocks(d);
  }
}

TEST_CASE("a generic page: block kinds, levels, leads and italics", "[corpus][html]") {
  const Document d = read_page(
      "<h2>Titre</h2><h5>Petit</h5><p><b>M. X.</b> Texte <i>(Rires.)</i> fin <em>oui</em></p>"
      "<p>Sans <b>gras</b> en tête</p><p class=\"a b\"><strong>Tout</strong> <b>gras</b>, puis</p>"
      "<p><b><a>M.&nbsp;A</a></b> et <b><!-- x --><a>M.&nbsp;B</a>.</b> Ensemble.</p>"
      "<p><b>M. A</b>, <b>Mme B</b> et <b>M. C</b>. Trois.</p>"
      "<p><b>M. A</b> et puis <b>non</b>.</p>"
      "<p><b><a>M. A</a> </b>et <b>M. B</b>. Oui.</p>");
  REQUIRE(d.blocks.size() == 9);
  struct Row {
    Block::Kind kind;
    int level;
    std::string lead;
    std::vector<std::string> italic;
    std::string css_class;
  };
  const Row rows[] = {
      {Block::Kind::kHeading, 2, "", {}, ""},
      {Block::Kind::kHeading, 5, "", {}, ""},
      {Block::Kind::kParagraph, 0, "M. X.", {"(Rires.)", "oui"}, ""},
      {Block::Kind::kParagraph, 0, "", {}, ""},
      {Block::Kind::kParagraph, 0, "Tout gras,", {}, "a b"},
      {Block::Kind::kParagraph, 0, "M.\u00a0A et M.\u00a0B.", {}, ""},  // two speakers, one lead
      {Block::Kind::kParagraph, 0, "M. A, Mme B et M. C.", {}, ""},
      {Block::Kind::kParagraph, 0, "M. A", {}, ""},
      {Block::Kind::kParagraph, 0, "M. A et M. B.", {}, ""},  // the space inside the first bold
  };
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    INFO(i);
    const Block& b = d.blocks[i];
    CHECK(b.kind == rows[i].kind);
    CHECK(b.level == rows[i].level);
    CHECK((b.lead_end == 0 ? "" : text_of(d, b.begin, b.lead_end)) == rows[i].lead);
    std::vector<std::string> italic;
    for (const auto& s : b.italic) italic.push_back(text_of(d, s.begin, s.end));
    CHECK(italic == rows[i].italic);
    CHECK(b.css_class == rows[i].css_class);
  }
  check_blocks(d);
}

TEST_CASE("pages with nothing to read are refused with a French reason", "[corpus][html]") {
  struct Row {
    const char* what;
    std::string bytes;
    std::string error;
  };
  const Row rows[] = {
      {"no bytes", "", "fichier vide\u00a0: ignoré"},
      {"an empty body", "<html><head><title>T</title></head><body></body></html>",
       "fichier vide\u00a0: ignoré"},
      {"spaces only", "<p>&nbsp; </p>\r\n<div> </div>", "fichier vide\u00a0: ignoré"},
      {"only a script", "<script>document.write('x')</script>", "fichier vide\u00a0: ignoré"},
      {"a binary file", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
       "fichier binaire, pas une page HTML\u00a0: ignoré"},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    Document d;
    d.id = "left over";
    std::string error;
    CHECK_FALSE(hemicycle::corpus::read_html(r.bytes, "x.html", &d, &error));
    CHECK(error == r.error);
    CHECK(d.id.empty());
  }
}

TEST_CASE("a compte rendu without the markers: h1.seance and h2.entete say what it is",
          "[corpus][html]") {
  const Document d = read_page(
      "<body><div id=\"menu\"><p>Menu</p></div><div id=\"englobe\"><h2 class=\"entete\">"
      "Assemblée nationale<br>XV<sup>e</sup> législature<br>Compte rendu<br>intégral</h2>"
      "<h1 class=\"seance\">Séance du jeudi 1er octobre 2020</h1><div id=\"somjo\"><p>SOMMAIRE</p>"
      "</div><p class=\"somtitre\">1. Point</p><h5 class=\"presidence\">Présidence de "
      "Mme&nbsp;Annie Genevard</h5><p><b>Mme la présidente.</b> La séance est ouverte.</p></div>"
      "<div id=\"pied\">Pied</div></body>",
      "dir/sitting.htm");
  CHECK(d.type == "compte_rendu");
  CHECK(d.sitting == "Séance du jeudi 1er octobre 2020");
  CHECK(d.date == "2020-10-01");
  CHECK(d.sitting_of_day == 0);
  CHECK(d.legislature == "15");
  CHECK(d.presiding == std::vector<std::string>{"Annie Genevard"});
  CHECK(d.id == "sitting");
  CHECK(d.text == "Présidence de Mme\u00a0Annie Genevard\n\nMme la présidente. La séance est ouverte.");
}

TEST_CASE("a folder of pages: sidecars, other files said with their path", "[corpus][html]") {
  hemicycle::testing::TempDir dir("hemicycle-html");
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir.path() / name, std::ios::binary) << bytes;
  };
  write("a.html", "<title>Page A</title><p>Texte A</p>");
  write("a.json", R"({"id": "A-1", "date": "2020-01-02", "extra": "x"})");
  write("b.HTM", "<p>Texte B</p>");
  write("c.html", "<html><body></body></html>");
  write("README.md", "# notes");
  write("stray.json", "{}");
  std::vector<Document> docs;
  std::vector<std::string> warnings;
  const std::size_t n = hemicycle::corpus::read_unsegmented(
      dir.path(), [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](Warning&& w) {
        w.file = fs::path(w.file).filename().string();
        warnings.push_back(w.to_string());
      });
  CHECK(n == 2);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == "A-1");
  CHECK(docs[0].title == "Page A");
  CHECK(docs[0].date == "2020-01-02");
  CHECK(docs[0].text == "Texte A");
  CHECK(docs[0].extras == std::vector<std::pair<std::string, std::string>>{{"extra", "x"}});
  CHECK(docs[1].id == "b");
  const std::string not_corpus =
      "\u00a0: pas un fichier du corpus (.txt, .html, .jsonl ou .jsonl.gz attendu)\u00a0: ignoré";
  CHECK(warnings == std::vector<std::string>{"README.md" + not_corpus,
                                             "c.html\u00a0: fichier vide\u00a0: ignoré",
                                             "stray.json" + not_corpus});
}

// Acceptance on the 18 sittings as the Assemblée published them (../shared/corpus/debates).
TEST_CASE("the 18 published sittings: metadata and text", "[corpus][html][shared]") {
  const auto dir = hemicycle::testing::shared("corpus/debates");
  if (!dir) hemicycle::testing::skip("../shared/corpus/debates is absent");
  struct Row {
    std::string id;
    std::string sitting;
    std::string date;
    int rank;
  };
  const std::vector<Row> rows = {
      {"20130118", "Deuxième séance du mardi 29 janvier 2013", "2013-01-29", 2},
      {"20130119", "Troisième séance du mardi 29 janvier 2013", "2013-01-29", 3},
      {"20130121", "Deuxième séance du mercredi 30 janvier 2013", "2013-01-30", 2},
      {"20130124", "Première séance du vendredi 1er février 2013", "2013-02-01", 1},
      {"20130126", "Troisième séance du vendredi 1er février 2013", "2013-02-01", 3},
      {"20130127", "Première séance du samedi 2 février 2013", "2013-02-02", 1},
      {"20130128", "Deuxième séance du samedi 2 février 2013", "2013-02-02", 2},
      {"20130130", "Première séance du dimanche 3 février 2013", "2013-02-03", 1},
      {"20130131", "Deuxième séance du dimanche 3 février 2013", "2013-02-03", 2},
      {"20130132", "Troisième séance du dimanche 3 février 2013", "2013-02-03", 3},
      {"20130134", "Deuxième séance du lundi 4 février 2013", "2013-02-04", 2},
      {"20130135", "Première séance du mardi 5 février 2013", "2013-02-05", 1},
      {"20130136", "Deuxième séance du mardi 5 février 2013", "2013-02-05", 2},
      {"20130138", "Deuxième séance du mercredi 6 février 2013", "2013-02-06", 2},
      {"20130139", "Première séance du jeudi 7 février 2013", "2013-02-07", 1},
      {"20130141", "Première séance du vendredi 8 février 2013", "2013-02-08", 1},
      {"20130142", "Deuxième séance du vendredi 8 février 2013", "2013-02-08", 2},
      {"20130144", "Première séance du mardi 12 février 2013", "2013-02-12", 1},
  };
  std::vector<Document> docs;
  std::vector<std::string> warnings;
  hemicycle::corpus::read_unsegmented(
      *dir, [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](Warning&& w) { warnings.push_back(fs::path(w.file).filename().string()); });
  CHECK(warnings == std::vector<std::string>{"README.md"});
  REQUIRE(docs.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Document& d = docs[i];
    INFO(rows[i].id);
    CHECK(d.id == rows[i].id);
    CHECK(d.type == "compte_rendu");
    CHECK(d.sitting == rows[i].sitting);
    CHECK(d.title == rows[i].sitting);
    CHECK(d.date == rows[i].date);
    CHECK(d.sitting_of_day == rows[i].rank);
    CHECK(d.legislature == "14");
    CHECK_FALSE(d.presiding.empty());
    check_blocks(d);
    // The sommaire is not text: the first paragraph is the chair opening the sitting.
    auto first = std::find_if(d.blocks.begin(), d.blocks.end(),
                              [](const Block& b) { return b.kind == Block::Kind::kParagraph; });
    REQUIRE(first != d.blocks.end());
    std::string opening = text_of(d, *first);
    for (std::size_t at; (at = opening.find("\u00a0")) != std::string::npos;) opening.replace(at, 2, " ");
    CHECK((opening.rfind("M. le président.", 0) == 0 || opening.rfind("Mme la présidente.", 0) == 0));
    CHECK(opening.find("La séance est ouverte.") != std::string::npos);
    for (const char* absent : {"SOMMAIRE", "Directeur du service", "Recherche avancée",
                               "ZZTAGZZ", "Compte rendu\nintégral"}) {
      INFO(absent);
      CHECK(d.text.find(absent) == std::string::npos);
    }
  }
  CHECK(docs[0].presiding == std::vector<std::string>{"Claude Bartolone", "Laurence Dumont"});
  CHECK(docs[10].presiding == std::vector<std::string>{"Claude Bartolone", "Christophe Sirugue"});
  CHECK(docs[15].presiding == std::vector<std::string>{"Sandrine Mazetier"});
}
