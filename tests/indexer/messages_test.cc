// What hemicycle-index says on bad usage, in French, with its exit status.

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

namespace {

const std::string kIndex = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";

struct Outcome {
  int status = -1;
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
