// hemicycle-index: reads texts and writes the Xapian index. Thin: flags, ingest() (see
// pipeline.h), what the terminal shows, exit codes.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

#include <xapian.h>

#include "hemicycle/indexer/pipeline.h"
#include "hemicycle/model/french.h"
#include "progress.h"

namespace {

namespace fs = std::filesystem;
namespace ix = hemicycle::indexer;
namespace fr = hemicycle::model::french;

constexpr int kNotWritable = 3;  // exit status: DIR or the folder holding it not writable

constexpr const char* kUsage =
    "usage\u00a0: hemicycle-index --db DOSSIER [--batch N] [--threads N] [--shards N] [--prune]\n"
    "                        [--strict] [--quiet] CHEMIN...\n"
    "       hemicycle-index --db DOSSIER --delete ID [--delete ID]...\n"
    "\n"
    "Indexe des textes bruts (NOM.txt, avec ou sans fiche de métadonnées NOM.json), des\n"
    "fichiers JSON Lines (.jsonl, .jsonl.gz) et des dossiers qui en contiennent (parcourus\n"
    "récursivement) dans l’index Xapian DOSSIER, une entrée par passage. Un document indexé à\n"
    "nouveau remplace le précédent\u00a0; un document dont le contenu n’a pas changé est\n"
    "laissé tel quel.\n"
    "\n"
    "  --db DOSSIER  l’index (créé s’il n’existe pas)\n"
    "  --delete ID   retirer un document et ses passages\n"
    "  --prune       retirer les documents lus auparavant depuis ces CHEMINS qui n’y sont\n"
    "                plus (fichiers supprimés, documents disparus d’un fichier)\n"
    "  --batch N     documents entre deux validations (2000 par défaut)\n"
    "  --threads N   1\u00a0: tout sur un seul fil\u00a0; 2 (par défaut)\u00a0: un nouvel index est\n"
    "                construit en deux parties à la fois, fusionnées et compactées à la fin\u00a0;\n"
    "                un index existant est mis à jour par un fil qui lit et analyse et un fil\n"
    "                qui écrit\n"
    "  --shards N    construire un nouvel index en N parties (2 par défaut avec --threads 2),\n"
    "                à côté de DOSSIER (DOSSIER.new), qu’il remplace une fois complet\n"
    "  --strict      sortir avec le code 1 si une entrée a été ignorée\n"
    "  --quiet       ni ligne de progression ni bilan\n"
    "\n"
    "Une seule exécution à la fois écrit dans DOSSIER (elle verrouille DOSSIER.lock)\u00a0; une\n"
    "exécution interrompue à tout moment est reprise par la suivante. Code de sortie\u00a0:\n"
    "0 terminé, 1 erreur (ou DOSSIER verrouillé par une autre exécution, ou avec --strict une\n"
    "entrée ignorée), 2 usage incorrect, 3 DOSSIER ou son dossier parent non inscriptible.\n";

struct Flags {
  ix::IngestOptions ingest;
  bool strict = false;
  bool quiet = false;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "hemicycle-index\u00a0: " << message << "\n\n" << kUsage;
  std::exit(2);
}

unsigned long positive(const std::string& flag, const std::string& v) {
  char* end = nullptr;
  unsigned long n = std::strtoul(v.c_str(), &end, 10);
  if (v.empty() || *end || v[0] == '-' || n == 0) usage_error(flag + " attend un nombre positif");
  return n;
}

unsigned at_most(const std::string& flag, const std::string& v, unsigned limit,
                 const char* message) {
  const unsigned long n = positive(flag, v);
  if (n > limit) usage_error(message);
  return static_cast<unsigned>(n);
}

// The options, each with what it sets. Those with a value get it as `v`.
struct Option {
  const char* name;
  bool takes_value;
  void (*set)(Flags& f, const std::string& v);
};

const Option kOptions[] = {
    {"--db", true, [](Flags& f, const std::string& v) { f.ingest.db = v; }},
    {"--delete", true, [](Flags& f, const std::string& v) { f.ingest.deletes.push_back(v); }},
    {"--batch", true,
     [](Flags& f, const std::string& v) { f.ingest.batch_documents = positive("--batch", v); }},
    {"--threads", true,
     [](Flags& f, const std::string& v) {
       f.ingest.threads = at_most("--threads", v, 2, "--threads vaut 1 ou 2");
     }},
    {"--shards", true,
     [](Flags& f, const std::string& v) {
       f.ingest.shards = at_most("--shards", v, ix::kMaxShards, "--shards vaut au plus 16");
     }},
    {"--prune", false, [](Flags& f, const std::string&) { f.ingest.prune = true; }},
    {"--strict", false, [](Flags& f, const std::string&) { f.strict = true; }},
    {"--quiet", false, [](Flags& f, const std::string&) { f.quiet = true; }},
};

const Option* find_option(const std::string& name) {
  for (const Option& o : kOptions) {
    if (name == o.name) return &o;
  }
  return nullptr;
}

Flags parse_flags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (const Option* o = find_option(a)) {
      if (o->takes_value && i + 1 >= argc) usage_error(a + " attend une valeur");
      o->set(f, o->takes_value ? argv[++i] : "");
    } else if (a.size() > 1 && a[0] == '-') {
      usage_error("option inconnue " + a);
    } else {
      f.ingest.inputs.push_back(a);
    }
  }
  if (f.ingest.db.empty()) usage_error("--db DOSSIER est obligatoire");
  if (f.ingest.inputs.empty() && f.ingest.deletes.empty()) {
    usage_error("rien à indexer\u00a0: donnez un CHEMIN");
  }
  if (f.ingest.prune && f.ingest.inputs.empty()) {
    usage_error("--prune a besoin des CHEMINS auxquels comparer l’index");
  }
  return f;
}

std::uintmax_t folder_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// What a run shows on stderr: warnings and notices always, the progress line on a
// terminal (each message first clears it).
class Terminal : public ix::IngestObserver {
 public:
  Terminal(std::string db, bool progress_line) : db_(std::move(db)), tty_(progress_line) {}

  void warning(const hemicycle::model::Warning& w) override {
    clear_line();
    std::cerr << "hemicycle-index\u00a0: " << w.to_string() << "\n";
  }
  void progress(const ix::IngestProgress& p) override {
    if (tty_) std::fprintf(stderr, "\r\033[K%s", ix::internal::progress_line(p).c_str());
  }
  void not_found(const std::string& id) override {
    std::cerr << "hemicycle-index\u00a0: aucun document " << fr::quoted(id) << " dans " << db_ << "\n";
  }
  void updating_in_place() override {
    std::cerr << "hemicycle-index\u00a0: --shards ne sert qu’à un nouvel index\u00a0; " << db_
              << " est mis à jour sur place\n";
  }
  void merging() override {
    if (tty_) std::fputs("\r\033[Kfusion des parties…", stderr);
  }
  void clear_line() {
    if (tty_) std::fputs("\r\033[K", stderr);
  }

 private:
  std::string db_;
  bool tty_;
};

int run(const Flags& flags) {
  Terminal terminal(flags.ingest.db, !flags.quiet && isatty(STDERR_FILENO));
  const ix::IngestResult result = ix::ingest(flags.ingest, terminal);
  terminal.clear_line();
  if (!flags.quiet) {
    std::cerr << ix::internal::summary_text(result, flags.ingest.db,
                                            folder_bytes(flags.ingest.db));
  }
  // Paths given and not one document read from them: a mistake, not a success.
  const bool read_nothing = !flags.ingest.inputs.empty() && result.documents + result.unchanged == 0;
  if (read_nothing) {
    std::cerr << "hemicycle-index\u00a0: aucun document lu dans les chemins donnés\n";
  }
  const bool failed =
      read_nothing || result.not_found > 0 || (flags.strict && result.warnings > 0);
  return failed ? 1 : 0;
}

// A rename or a removal that failed, in French (what() is libstdc++'s English).
std::string filesystem_error_text(const fs::filesystem_error& e) {
  std::string text = "opération impossible sur " + e.path1().string();
  if (!e.path2().empty()) text += " et " + e.path2().string();
  return text + "\u00a0: " + fr::system_error(e.code().value());
}

}  // namespace

int main(int argc, char** argv) try {
  // Xapian writes its buffers to disk every this many Xapian documents (inside a batch's
  // transaction: nothing shows before the batch's commit), which bounds the memory. Set on
  // purpose, unless the environment says otherwise: on the bulk corpus 10,000 gave 24.3 s
  // and 158 MB peak, 30,000 gave 25.2 s and 235 MB.
  setenv("XAPIAN_FLUSH_THRESHOLD", "10000", /*overwrite=*/0);
  return run(parse_flags(argc, argv));
} catch (const ix::FolderNotWritable& e) {
  std::cerr << "hemicycle-index\u00a0: " << e.what() << "\n";
  return kNotWritable;
} catch (const Xapian::DatabaseLockError& e) {
  std::cerr << "hemicycle-index\u00a0: l’index est verrouillé par une autre écriture ("
            << e.get_msg() << ")\n";
  return 1;
} catch (const Xapian::Error& e) {
  std::cerr << "hemicycle-index\u00a0: erreur de l’index\u00a0: " << e.get_description() << "\n";
  return 1;
} catch (const fs::filesystem_error& e) {
  std::cerr << "hemicycle-index\u00a0: " << filesystem_error_text(e) << "\n";
  return 1;
} catch (const std::exception& e) {
  std::cerr << "hemicycle-index\u00a0: " << e.what() << "\n";
  return 1;
}
