// Readers (corpus/src/reader.cc): .txt + sidecar, JSON Lines, gzip, folders, bad input.

#include <catch2/catch.hpp>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hemicycle/corpus/reader.h"
#include "hemicycle/corpus/segmenter.h"
#include "support.h"

namespace {

using hemicycle::model::ClauseKind;
using hemicycle::model::Document;
using hemicycle::model::Warning;

struct Result {
  std::vector<Document> docs;
  std::vector<Warning> warnings;
  std::size_t count = 0;
};

Result read(const std::filesystem::path& path) {
  Result r;
  r.count = hemicycle::corpus::read_path(
      path, [&](Document&& d) { r.docs.push_back(std::move(d)); },
      [&](Warning&& w) { r.warnings.push_back(std::move(w)); });
  return r;
}

Result read_unsegmented(const std::filesystem::path& path) {
  Result r;
  r.count = hemicycle::corpus::read_unsegmented(
      path, [&](Document&& d) { r.docs.push_back(std::move(d)); },
      [&](Warning&& w) { r.warnings.push_back(std::move(w)); });
  return r;
}

Result read_stream(const std::string& jsonl, const std::string& name = "stream.jsonl") {
  Result r;
  std::istringstream in(jsonl);
  r.count = hemicycle::corpus::read_jsonl(
      in, name, [&](Document&& d) { r.docs.push_back(std::move(d)); },
      [&](Warning&& w) { r.warnings.push_back(std::move(w)); });
  return r;
}

std::vector<std::string> ids(const Result& r) {
  std::vector<std::string> out;
  for (const Document& d : r.docs) out.push_back(d.id);
  return out;
}

std::string extra(const Document& d, const std::string& key) {
  for (const auto& [k, v] : d.extras) {
    if (k == key) return v;
  }
  return "<absent>";
}

bool has_extra(const Document& d, const std::string& key) { return extra(d, key) != "<absent>"; }

void write_gzip(const std::filesystem::path& path, const std::string& data) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(gzwrite(f, data.data(), static_cast<unsigned>(data.size())) ==
          static_cast<int>(data.size()));
  REQUIRE(gzclose(f) == Z_OK);
}

std::string jsonl_line(const std::string& id, const std::string& text) {
  return "{\"id\": \"" + id + "\", \"type\": \"x\", \"text\": \"" + text + "\"}\n";
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : "|") + v;
  return out;
}

// What segment() may fill or derive, and what the reader reads, as one text.
std::string describe(const Document& d) {
  std::string out = d.id + "\n" + d.origin + ":" + std::to_string(d.line) + "\n" + d.type +
                    "\n" + d.institution + "\n" + d.date + "\n" + d.place + "\n" +
                    joined(d.signatories) + "\n" + d.signatory_role + "\n" + joined(d.cites) +
                    "\n" + joined(d.territories) + "\n" + joined(d.countries) + "\n" + d.text +
                    "\n";
  for (const auto& c : d.clauses) {
    out += std::string(hemicycle::model::to_string(c.kind)) + " " + c.number + ": " + c.text +
           "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("read_unsegmented hands out documents as read; read_path also segments them",
          "[corpus]") {
  for (const char* folder : {"corpus/good", "corpus/bad", "searcher"}) {
    INFO(folder);
    const auto path = hemicycle::testing::fixture(folder);
    Result as_read = read_unsegmented(path);
    Result segmented = read(path);
    CHECK(as_read.count == segmented.count);
    CHECK(as_read.warnings.size() == segmented.warnings.size());
    REQUIRE(as_read.docs.size() == segmented.docs.size());
    for (std::size_t i = 0; i < as_read.docs.size(); ++i) {
      Document d = as_read.docs[i];
      INFO(d.id);
      CHECK(d.clauses.empty());
      CHECK(d.cites.empty());
      CHECK(d.territories.empty());
      CHECK(d.countries.empty());
      hemicycle::corpus::segment(d);
      CHECK(describe(d) == describe(segmented.docs[i]));
    }
  }
}

TEST_CASE("metadata the text gives is filled by segmentation, not by reading", "[corpus]") {
  // resolution_senat.txt: a sidecar without institution, date or signatory.
  const auto path = hemicycle::testing::fixture("corpus/good/resolution_senat.txt");
  Result as_read = read_unsegmented(path);
  Result segmented = read(path);
  REQUIRE(as_read.docs.size() == 1);
  REQUIRE(segmented.docs.size() == 1);
  struct Case {
    const char* field;
    std::string Document::*member;
    const char* as_read;
    const char* segmented;
  };
  const Case cases[] = {
      {"institution", &Document::institution, "", "Sénat"},
      {"date", &Document::date, "", "2025-02-05"},
      {"place", &Document::place, "", "Paris"},
      {"signatory_role", &Document::signatory_role, "", "Le Président"},
      {"type", &Document::type, "résolution européenne", "résolution européenne"},
  };
  for (const Case& c : cases) {
    INFO(c.field);
    CHECK(as_read.docs[0].*c.member == c.as_read);
    CHECK(segmented.docs[0].*c.member == c.segmented);
  }
  CHECK(as_read.docs[0].signatories.empty());
  CHECK(segmented.docs[0].signatories == std::vector<std::string>{"Gérard Larcher"});
}

TEST_CASE("a folder is read recursively, in sorted order, sidecars read, others warned",
          "[corpus]") {
  Result r = read(hemicycle::testing::fixture("corpus/good"));
  // notes.md is not a corpus file: said, with its path; the sidecars are not.
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].to_string() ==
        hemicycle::testing::fixture("corpus/good/notes.md").string() +
            "\u00a0: pas un fichier du corpus (.txt, .html, .jsonl ou .jsonl.gz attendu)\u00a0: "
            "ignoré");
  CHECK(r.count == r.docs.size());
  // amendement.txt, documents.jsonl (3 lines), resolution_senat.txt, sub/projet_de_loi.txt.
  CHECK(ids(r) == std::vector<std::string>{"AMTEST0001", "AMTEST0002", "code-test/Article 9-2",
                                           "CRTEST001", "senat-resolution-test-2025-02",
                                           "projet_de_loi"});
  for (const Document& d : r.docs) {
    CHECK_FALSE(d.clauses.empty());
    CHECK_FALSE(d.origin.empty());
  }
}

TEST_CASE("sidecar fields map into the document", "[corpus]") {
  Result r = read(hemicycle::testing::fixture("corpus/good/amendement.txt"));
  REQUIRE(r.docs.size() == 1);
  const Document& d = r.docs[0];
  CHECK(d.id == "AMTEST0001");
  CHECK(d.line == 0);
  CHECK(d.origin == hemicycle::testing::fixture("corpus/good/amendement.txt").string());
  CHECK(d.type == "amendement");
  CHECK(d.institution == "Assemblée nationale");
  CHECK(d.date == "2025-01-15");
  CHECK(d.title == "Amendement n° 12 (APRÈS ART. 4)");
  CHECK(d.source == "written for the hemicycle tests");
  CHECK(d.outcome == "Adopté");
  CHECK(extra(d, "etat") == "Discuté");
  CHECK(extra(d, "organe") == "CION-CEDU");
  // Mapped fields are not repeated in extras.
  CHECK_FALSE(has_extra(d, "sort"));
  CHECK_FALSE(has_extra(d, "signataires"));
  CHECK_FALSE(has_extra(d, "id"));
  CHECK_FALSE(has_extra(d, "text"));

  Result s = read(hemicycle::testing::fixture("corpus/good/resolution_senat.txt"));
  REQUIRE(s.docs.size() == 1);
  CHECK(extra(s.docs[0], "session") == "2024");  // a JSON number, as written
  CHECK(extra(s.docs[0], "numero") == "42");
  CHECK_FALSE(has_extra(s.docs[0], "note"));  // null
}

TEST_CASE("JSON Lines fields", "[corpus]") {
  Result r = read(hemicycle::testing::fixture("corpus/good/documents.jsonl"));
  CHECK(r.warnings.empty());
  REQUIRE(r.docs.size() == 3);
  const Document& am = r.docs[0];
  CHECK(am.line == 1);
  CHECK(am.legislature == "17");  // a number in the file
  CHECK(am.outcome.empty());      // "sort": null
  CHECK(am.signatories == std::vector<std::string>{"Dupont", "Anne Durand"});  // U+00A0
  CHECK(am.texte_ref == "PIONANR5L17B0100");
  CHECK(extra(am, "etat") == "En traitement");
  const Document& code = r.docs[1];
  CHECK(code.line == 2);
  CHECK(code.institution.empty());  // null
  CHECK(code.date.empty());         // null
  CHECK(extra(code, "location") == "Livre Ier/Titre Ier");
  REQUIRE(code.clauses.size() == 2);
  CHECK(code.clauses[0].kind == ClauseKind::kAlinea);
  CHECK(code.clauses[0].number == "9-2");
  CHECK(code.clauses[0].text ==
        "Toute personne a droit au respect de sa vie familiale et de son domicile. Les juges "
        "peuvent, sans préjudice de la réparation du dommage subi, prescrire toutes mesures "
        "propres à faire cesser une atteinte, conformément à l'article 9 du présent code et à "
        "l'article L. 226-1 du code pénal.");
  CHECK(code.cites == std::vector<std::string>{"code penal art. L. 226-1"});
  const Document& debate = r.docs[2];
  CHECK(debate.line == 3);
  // A compte rendu: one speech per speaker, the heading in their path (debate_test.cc).
  REQUIRE(debate.clauses.size() == 3);
  for (const auto& c : debate.clauses) CHECK(c.kind == ClauseKind::kSpeech);
  CHECK(debate.clauses[2].speech.speaker == "Claire Durand");
  CHECK(debate.clauses[2].speech.headings == std::vector<std::string>{"Article 1er"});
  CHECK(debate.clauses[2].speech.amendment == "5");
  CHECK(debate.clauses[2].text ==
        "Cet amendement concerne la Martinique et la loi n° 2022-217 ; il a été examiné en "
        "commission.");
}

TEST_CASE("bad input is reported with file and line, the rest is read", "[corpus]") {
  Result r = read(hemicycle::testing::fixture("corpus/bad"));
  // broken.jsonl gives b1, b3, b9; orphan.txt is read without its sidecar.
  CHECK(ids(r) == std::vector<std::string>{"b1", "b3", "b9", "orphan"});
  std::vector<std::string> seen;
  for (const Warning& w : r.warnings) {
    const std::string file = std::filesystem::path(w.file).filename().string();
    seen.push_back(file + ":" + std::to_string(w.line));
  }
  CHECK(seen == std::vector<std::string>{"blank.txt:0", "broken.jsonl:2", "broken.jsonl:4",
                                         "broken.jsonl:5", "broken.jsonl:6", "broken.jsonl:7",
                                         "empty.txt:0", "invalid_utf8.txt:2", "orphan.json:1"});
  auto message = [&](const std::string& where) {
    for (const Warning& w : r.warnings) {
      const std::string file = std::filesystem::path(w.file).filename().string();
      if (file + ":" + std::to_string(w.line) == where) return w.message;
    }
    return std::string();
  };
  CHECK_THAT(message("broken.jsonl:2"), Catch::StartsWith("JSON invalide"));
  CHECK_THAT(message("broken.jsonl:4"), Catch::Contains("«\u00a0text\u00a0»"));
  CHECK_THAT(message("broken.jsonl:5"), Catch::Contains("«\u00a0id\u00a0»"));
  CHECK_THAT(message("broken.jsonl:6"), Catch::Contains("UTF-8"));
  CHECK_THAT(message("empty.txt:0"), Catch::Contains("vide"));
  CHECK_THAT(message("invalid_utf8.txt:2"), Catch::Contains("UTF-8"));
  CHECK_THAT(message("orphan.json:1"), Catch::Contains("métadonnées"));
  // Warning::to_string.
  for (const Warning& w : r.warnings) {
    if (w.line == 0) {
      CHECK(w.to_string() == w.file + "\u00a0: " + w.message);
    } else {
      CHECK(w.to_string() == w.file + ":" + std::to_string(w.line) + "\u00a0: " + w.message);
    }
  }
  const Document& orphan = r.docs.back();
  CHECK(orphan.id == "orphan");
  CHECK(orphan.type.empty());
  CHECK(orphan.clauses.size() == 2);
}

TEST_CASE("read_jsonl from a stream", "[corpus]") {
  Result r = read_stream(jsonl_line("a", "Un.\\n\\nDeux.") + "\r\n" + "{not json}\n" +
                         jsonl_line("c", "Trois.") + "{\"id\":\"d\",\"text\":\"x\"} trailing\n" +
                         "{\"id\":\"e\",\"text\":\"  \"}\n" + "{\"id\":\"f\",\"text\":null}\n" +
                         "{\"id\":\"g\",\"text\":\"\\u00e9t\\u00e9\",\"tags\":[\"x\"],\"o\":{\"k\":1}," +
                         "\"flag\":true,\"n\":1.5e3,\"date\":\"2024-09-27T10:00:00\"}");
  CHECK(ids(r) == std::vector<std::string>{"a", "c", "g"});
  CHECK(r.count == 3);
  REQUIRE(r.warnings.size() == 4);
  CHECK(r.warnings[0].line == 3);
  CHECK(r.warnings[0].file == "stream.jsonl");
  CHECK(r.warnings[1].line == 5);  // trailing garbage
  CHECK(r.warnings[2].line == 6);  // blank text
  CHECK(r.warnings[3].line == 7);  // null text
  CHECK(r.docs[0].clauses.size() == 2);
  CHECK(r.docs[0].origin == "stream.jsonl");
  const Document& g = r.docs[2];
  CHECK(g.text == "été");
  CHECK(g.line == 8);
  CHECK(g.date == "2024-09-27");
  CHECK(extra(g, "flag") == "true");
  CHECK(extra(g, "n") == "1.5e3");
  CHECK_FALSE(has_extra(g, "tags"));  // not scalar
  CHECK_FALSE(has_extra(g, "o"));
  CHECK_FALSE(has_extra(g, "k"));
}

TEST_CASE("gzip JSON Lines, and a corrupt gzip stream", "[corpus]") {
  hemicycle::testing::TempDir dir("hemicycle-corpus-gz");
  std::string data;
  for (int i = 0; i < 2000; ++i) {
    data += jsonl_line("doc" + std::to_string(i),
                       "Vu la loi n° 2024-850,\\n\\nRappelant la Guyane ; " + std::string(200, 'x'));
  }
  const auto good = dir.path() / "a.jsonl.gz";
  write_gzip(good, data);
  Result r = read(good);
  CHECK(r.warnings.empty());
  REQUIRE(r.docs.size() == 2000);
  CHECK(r.docs[1999].id == "doc1999");
  CHECK(r.docs[1999].line == 2000);
  CHECK(r.docs[0].cites == std::vector<std::string>{"loi 2024-850"});
  CHECK(r.docs[0].territories == std::vector<std::string>{"Guyane"});

  // Truncated: the documents before the damage are kept, one warning.
  std::string bytes = hemicycle::testing::read_file(good);
  const auto cut = dir.path() / "b.jsonl.gz";
  {
    std::ofstream out(cut, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  }
  Result t = read(cut);
  CHECK(t.docs.size() > 0);
  CHECK(t.docs.size() < 2000);
  REQUIRE(t.warnings.size() == 1);
  CHECK_THAT(t.warnings[0].message, Catch::Contains("gzip"));
  CHECK(t.warnings[0].line == t.docs.size() + 1);

  // Garbage in the middle of the deflate stream.
  std::string broken = bytes;
  for (std::size_t i = broken.size() / 3; i < broken.size() / 3 + 64; ++i) broken[i] ^= 0x5A;
  const auto bad = dir.path() / "c.jsonl.gz";
  {
    std::ofstream out(bad, std::ios::binary);
    out.write(broken.data(), static_cast<std::streamsize>(broken.size()));
  }
  Result b = read(bad);
  CHECK(b.docs.size() < 2000);
  CHECK_FALSE(b.warnings.empty());
}

TEST_CASE("paths that cannot be read", "[corpus]") {
  Result r = read("/nonexistent/hemicycle/corpus.jsonl");
  CHECK(r.docs.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 0);

  hemicycle::testing::TempDir dir("hemicycle-corpus-misc");
  const auto other = dir.path() / "x.csv";
  std::ofstream(other) << "a,b\n";
  Result o = read(other);
  CHECK(o.docs.empty());
  CHECK(o.warnings.size() == 1);  // an explicit file of an unknown kind

  // A folder with only unknown files: nothing, and a warning for each.
  Result f = read(dir.path());
  CHECK(f.docs.empty());
  REQUIRE(f.warnings.size() == 1);
  CHECK(f.warnings[0].file == other.string());

  // CRLF text file.
  std::ofstream(dir.path() / "crlf.txt", std::ios::binary) << "Un,\r\nsuite.\r\n\r\nDeux.\r\n";
  Result c = read(dir.path());
  REQUIRE(c.docs.size() == 1);
  REQUIRE(c.docs[0].clauses.size() == 2);
  CHECK(c.docs[0].clauses[0].text == "Un, suite.");
}

// Hostile JSON, in a line and in a sidecar: each record is refused with its file and line,
// the others are read. (Before: 100,000 levels overflowed the stack; a truncated UTF-8
// character at the end made RapidJSON read past its buffer.)
TEST_CASE("JSON nested too deep or cut inside a character is refused, the rest is read",
          "[corpus]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  std::string nested = "{\"id\":\"n\",\"text\":\"x\",\"o\":";
  for (int i = 0; i < 64; ++i) nested += "{\"k\":";
  nested += "1" + std::string(64, '}') + "}";
  Result r = read_stream(jsonl_line("a", "Un.") + "{\"id\":\"deep\",\"o\":" + deep + "}\n" +
                         nested + "\n" + "{\n  \"id\": \"0R\xF3" + "\n" +
                         "{\"id\": \"0R\xF3\"}\n" + jsonl_line("e", "Cinq."));
  CHECK(ids(r) == std::vector<std::string>{"a", "e"});
  struct Expected {
    std::size_t line;
    std::string message;
  };
  const std::vector<Expected> expected = {
      {2, "JSON invalide\u00a0: plus de 64 niveaux d’imbrication (octet 81)"},
      {3, "JSON invalide\u00a0: plus de 64 niveaux d’imbrication (octet 341)"},
      {4, "JSON invalide"},
      {5, "UTF-8 invalide à l’octet 12 de la ligne"},
      {6, "UTF-8 invalide à l’octet 11 de la ligne"},
  };
  REQUIRE(r.warnings.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(r.warnings[i].to_string());
    CHECK(r.warnings[i].line == expected[i].line);
    CHECK_THAT(r.warnings[i].message, Catch::StartsWith(expected[i].message));
  }

  hemicycle::testing::TempDir dir("hemicycle-corpus-hostile");
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir.path() / name, std::ios::binary) << bytes;
  };
  write("cut.txt", "Texte lu sans sa fiche.\n");
  write("cut.json", "{\n  \"id\": \"0R\xF3");  // the 14 bytes the fuzzer found
  write("deep.txt", "Texte lu sans sa fiche.\n");
  write("deep.json", "{\"o\":" + deep + "}");
  Result files = read(dir.path());
  CHECK(ids(files) == std::vector<std::string>{"cut", "deep"});
  REQUIRE(files.warnings.size() == 2);
  CHECK(files.warnings[0].to_string() ==
        (dir.path() / "cut.json").string() +
            ":2\u00a0: métadonnées en UTF-8 invalide (octet 14)\u00a0: texte lu sans elles");
  CHECK_THAT(files.warnings[1].message,
             Catch::StartsWith("métadonnées qui ne sont pas du JSON (plus de 64 niveaux "
                               "d’imbrication à l’octet "));
}
