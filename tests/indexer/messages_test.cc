// What hemicycle-index says on bad usage, in French, with its exit status.

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "support.h"

namespace {

const std::string kIndex = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";

struct Outcome {
  int status = -1;
  std::string output;      // stderr
  std::string first_line;  // of stderr
};

Outcome run(const std::string& args) {
  Outcome o;
  FILE* p = popen((kIndex + " " + args + " 2>&1 >/dev/null").c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  o.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.first_line = out.substr(0, out.find('\n'));
  o.output = std::move(out);
  return o;
}

}  // namespace

TEST_CASE("usage errors are said in French, with exit status 2", "[indexer][cli]") {
  struct Row {
    const char* args;
    const char* message;
  };
  const Row rows[] = {
      {"", "hemicycle-index\u00a0: --db DOSSIER est obligatoire"},
      {"--db x", "hemicycle-index\u00a0: rien à indexer\u00a0: donnez un CHEMIN"},
      {"--db x --prune --delete a", "hemicycle-index\u00a0: --prune a besoin des CHEMINS auxquels "
                                    "comparer l’index"},
      {"--db x --bogus a", "hemicycle-index\u00a0: option inconnue --bogus"},
      {"--db", "hemicycle-index\u00a0: --db attend une valeur"},
      {"--db x --batch 0 a", "hemicycle-index\u00a0: --batch attend un nombre positif"},
      {"--db x --batch -3 a", "hemicycle-index\u00a0: --batch attend un nombre positif"},
      {"--db x --threads 3 a", "hemicycle-index\u00a0: --threads vaut 1 ou 2"},
      {"--db x --shards 17 a", "hemicycle-index\u00a0: --shards vaut au plus 16"},
  };
  for (const Row& row : rows) {
    INFO(row.args);
    const Outcome o = run(row.args);
    CHECK(o.status == 2);
    CHECK(o.first_line == row.message);
  }
}

TEST_CASE("paths that give no document: exit status 1, said in French", "[indexer][cli]") {
  hemicycle::testing::TempDir dir("hemicycle-index-nothing");
  std::ofstream(dir.path() / "README.md") << "# notes\n";
  std::ofstream(dir.path() / "empty.html") << "<html><body></body></html>";
  const std::string db = (dir.path() / "db").string();
  const std::string in = dir.path().string();
  struct Row {
    std::string args;
    int status;
  };
  const Row rows[] = {
      {"--quiet --db " + db + " " + in, 1},                      // a folder of nothing to read
      {"--quiet --db " + db + " " + in + "/README.md", 1},       // a file of another type
      {"--quiet --db " + db + " " + in + "/missing.txt", 1},     // a path that is not there
  };
  for (const Row& row : rows) {
    INFO(row.args);
    const Outcome o = run(row.args);
    const std::string& out = o.output;
    CHECK(o.status == row.status);
    // The warnings first (with their paths), then why the run failed.
    CHECK(out.find(in) != std::string::npos);
    CHECK(out.substr(out.rfind('\n', out.size() - 2) + 1) ==
          "hemicycle-index\u00a0: aucun document lu dans les chemins donnés\n");
  }
  // The same folder with a page in it: read, exit status 0.
  std::ofstream(dir.path() / "page.html") << "<p>Un texte.</p>";
  const Outcome ok = run("--quiet --db " + db + " " + in);
  CHECK(ok.status == 0);
  CHECK(ok.first_line.find("README.md\u00a0: pas un fichier du corpus") != std::string::npos);
}
