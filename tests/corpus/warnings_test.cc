// Every warning of the readers (corpus/src/reader.cc), in its exact French words: one
// malformed input per warning, the whole "FILE:LINE\u00a0: message" checked.

#include <catch2/catch.hpp>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hemicycle/corpus/reader.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using hemicycle::model::Document;
using hemicycle::model::Warning;

// The warnings of reading `path`, as text, the folder `dir` left out of their file names.
std::vector<std::string> warnings_of(const fs::path& path, const fs::path& dir) {
  std::vector<std::string> out;
  hemicycle::corpus::read_unsegmented(
      path, [](Document&&) {},
      [&](Warning&& w) {
        if (w.file.rfind(dir.string() + "/", 0) == 0) w.file.erase(0, dir.string().size() + 1);
        out.push_back(w.to_string());
      });
  return out;
}

std::vector<std::string> warnings_of_line(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line + "\n");
  hemicycle::corpus::read_jsonl(
      in, "in.jsonl", [](Document&&) {}, [&](Warning&& w) { out.push_back(w.to_string()); });
  return out;
}

void write(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

void write_gzip(const fs::path& path, const std::string& data) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(gzwrite(f, data.data(), static_cast<unsigned>(data.size())) ==
          static_cast<int>(data.size()));
  REQUIRE(gzclose(f) == Z_OK);
}

// While it lives, the effective user is nobody when the tests run as root (whom no file
// permission stops), so that unreadable files are unreadable.
class AsNobody {
 public:
  AsNobody() {
    if (::geteuid() != 0) return;
    if (::setegid(kNobody) != 0 || ::seteuid(kNobody) != 0) {
      hemicycle::testing::skip("root cannot become nobody");
    }
    dropped_ = true;
  }
  ~AsNobody() {
    if (dropped_ && (::seteuid(0) != 0 || ::setegid(0) != 0)) std::abort();
  }
  AsNobody(const AsNobody&) = delete;
  AsNobody& operator=(const AsNobody&) = delete;

 private:
  static constexpr uid_t kNobody = 65534;
  bool dropped_ = false;
};

}  // namespace

TEST_CASE("each JSON Lines warning, in French", "[corpus][warnings]") {
  struct Row {
    std::string line;
    std::string warning;
  };
  const std::string deep = "{\"id\":\"a\",\"o\":" + std::string(100, '[') + std::string(100, ']') + "}";
  const Row rows[] = {
      {"{\"text\":\"Un.\"}", "in.jsonl:1\u00a0: objet sans «\u00a0id\u00a0»\u00a0: ignoré"},
      {"{\"id\":\"a\"}", "in.jsonl:1\u00a0: objet sans «\u00a0text\u00a0»\u00a0: ignoré"},
      {"{\"id\":\"a\",\"text\":\"  \"}", "in.jsonl:1\u00a0: «\u00a0text\u00a0» vide\u00a0: ignoré"},
      {"{\"id\":\"a\",\"text\":\" \\n\\t\\n \"}", "in.jsonl:1\u00a0: «\u00a0text\u00a0» vide\u00a0: ignoré"},
      {"[1, 2]", "in.jsonl:1\u00a0: pas un objet JSON"},
      {"{\"id\":\"a\",\"text\":\"\xC3\"}", "in.jsonl:1\u00a0: UTF-8 invalide à l’octet 19 de la ligne"},
      {deep, "in.jsonl:1\u00a0: JSON invalide\u00a0: plus de 64 niveaux d’imbrication (octet 78)"},
      {std::string("{\"id\":\"a\",\"text\":\"x\"}\0tail", 26),
       "in.jsonl:1\u00a0: JSON invalide\u00a0: octet NUL dans la ligne"},
      // RapidJSON's errors, each in French.
      {"{\"id\":\"a\" \"text\":\"x\"}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: virgule ou «\u00a0}\u00a0» manquante après un "
       "membre d’objet (octet 11)"},
      {"{\"id\":[\"a\" \"b\"]}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: virgule ou «\u00a0]\u00a0» manquante après un "
       "élément de tableau (octet 12)"},
      {"{\"id\":nope}", "in.jsonl:1\u00a0: JSON invalide\u00a0: valeur invalide (octet 8)"},
      {"{\"id\":\"a\"} {}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: d’autres valeurs suivent l’objet (octet 12)"},
      {"{id:\"a\"}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: nom de membre manquant dans un objet (octet 2)"},
      {"{\"id\" \"a\"}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: deux-points manquant après un nom de membre "
       "(octet 7)"},
      {"{\"id\":\"a\\u00zz\"}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: chiffre hexadécimal incorrect après \\u dans "
       "une chaîne (octet 9)"},
      {"{\"id\":\"\\ud800x\"}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: paire de substitution UTF-16 invalide dans une "
       "chaîne (octet 8)"},
      {"{\"id\":\"a\\q\"}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: échappement invalide dans une chaîne (octet 9)"},
      {"{\"id\":\"a",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: guillemet fermant manquant dans une chaîne "
       "(octet 9)"},
      {"{\"id\":1.}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: partie décimale manquante dans un nombre "
       "(octet 9)"},
      {"{\"id\":1e}",
       "in.jsonl:1\u00a0: JSON invalide\u00a0: exposant manquant dans un nombre (octet 9)"},
  };
  for (const Row& row : rows) {
    INFO(row.line);
    CHECK(warnings_of_line(row.line) == std::vector<std::string>{row.warning});
  }
}

TEST_CASE("each file warning, in French", "[corpus][warnings]") {
  struct Row {
    const char* name;  // the file given to the reader
    std::vector<std::pair<std::string, std::string>> files;  // written first: name, bytes
    std::string warning;
  };
  const std::string deep = "{\"o\":" + std::string(100, '[') + std::string(100, ']') + "}";
  const Row rows[] = {
      {"a.txt", {{"a.txt", " \n\t\n"}}, "a.txt\u00a0: fichier vide\u00a0: ignoré"},
      {"a.txt", {{"a.txt", "Un.\n\nDeux \xE9t\xE9.\n"}},
       "a.txt:3\u00a0: UTF-8 invalide (octet 11 du fichier)\u00a0: ignoré"},
      {"a.txt", {{"a.txt", "Un."}, {"a.json", "{\"id\": \"b\xE9\"}"}},
       "a.json:1\u00a0: métadonnées en UTF-8 invalide (octet 10)\u00a0: texte lu sans elles"},
      {"a.txt", {{"a.txt", "Un."}, {"a.json", deep}},
       "a.json:1\u00a0: métadonnées qui ne sont pas du JSON (plus de 64 niveaux d’imbrication à "
       "l’octet 69)\u00a0: texte lu sans elles"},
      {"a.txt", {{"a.txt", "Un."}, {"a.json", "{\n\"id\": b\n}"}},
       "a.json:2\u00a0: métadonnées qui ne sont pas du JSON (valeur invalide à l’octet "
       "9)\u00a0: texte lu sans elles"},
      {"a.txt", {{"a.txt", "Un."}, {"a.json", "[\"b\"]"}},
       "a.json\u00a0: métadonnées qui ne sont pas un objet JSON\u00a0: texte lu sans elles"},
      {"a.csv", {{"a.csv", "a,b\n"}},
       "a.csv\u00a0: pas un fichier du corpus (.txt, .html, .jsonl ou .jsonl.gz attendu)\u00a0: ignoré"},
      {"absent.jsonl", {}, "absent.jsonl\u00a0: impossible de lire\u00a0: fichier ou dossier introuvable"},
  };
  for (const Row& row : rows) {
    INFO(row.warning);
    hemicycle::testing::TempDir dir("hemicycle-warnings");
    for (const auto& [name, bytes] : row.files) write(dir.path() / name, bytes);
    CHECK(warnings_of(dir.path() / row.name, dir.path()) == std::vector<std::string>{row.warning});
  }
}

TEST_CASE("a damaged gzip file, in French", "[corpus][warnings]") {
  hemicycle::testing::TempDir dir("hemicycle-warnings-gz");
  std::string data;
  for (int i = 0; i < 500; ++i) {
    data += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Vu la loi n° 2024-850 " +
            std::string(i % 50, 'x') + ".\"}\n";
  }
  write_gzip(dir.path() / "whole.jsonl.gz", data);
  const std::string bytes = hemicycle::testing::read_file(dir.path() / "whole.jsonl.gz");
  write(dir.path() / "cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  std::string garbled = bytes;
  for (std::size_t i = bytes.size() / 3; i < bytes.size() / 3 + 64; ++i) garbled[i] ^= 0x5A;
  write(dir.path() / "garbled.jsonl.gz", garbled);

  const auto cut = warnings_of(dir.path() / "cut.jsonl.gz", dir.path());
  REQUIRE(cut.size() == 1);
  CHECK_THAT(cut[0], Catch::Matches("cut\\.jsonl\\.gz:[0-9]+\u00a0: flux gzip tronqué\u00a0; le "
                                    "reste du fichier est perdu"));
  const auto garbage = warnings_of(dir.path() / "garbled.jsonl.gz", dir.path());
  REQUIRE_FALSE(garbage.empty());
  CHECK_THAT(garbage.back(), Catch::Matches("garbled\\.jsonl\\.gz:[0-9]+\u00a0: flux gzip "
                                            "corrompu\u00a0; le reste du fichier est perdu"));
}

TEST_CASE("a file or folder that cannot be opened, in French", "[corpus][warnings]") {
  struct Row {
    const char* name;
    std::string warning;
  };
  const Row rows[] = {
      {"a.txt", "a.txt\u00a0: impossible d’ouvrir\u00a0: permission refusée"},
      {"a.jsonl", "a.jsonl\u00a0: impossible d’ouvrir\u00a0: permission refusée"},
      {"a.jsonl.gz", "a.jsonl.gz\u00a0: impossible d’ouvrir\u00a0: permission refusée"},
  };
  for (const Row& row : rows) {
    hemicycle::testing::TempDir dir("hemicycle-warnings-perm");
    write(dir.path() / row.name, "{}");
    fs::permissions(dir.path() / row.name, fs::perms::none);
    const AsNobody nobody;
    CHECK(warnings_of(dir.path() / row.name, dir.path()) == std::vector<std::string>{row.warning});
  }
  hemicycle::testing::TempDir dir("hemicycle-warnings-perm");
  write(dir.path() / "a.txt", "Un.");
  write(dir.path() / "a.json", "{}");
  fs::permissions(dir.path() / "a.json", fs::perms::none);
  const AsNobody nobody;
  CHECK(warnings_of(dir.path() / "a.txt", dir.path()) ==
        std::vector<std::string>{"a.json\u00a0: impossible d’ouvrir\u00a0: permission "
                                 "refusée\u00a0: texte lu sans ses métadonnées"});
}
