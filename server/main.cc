// hemicycle-serve: the HTTP JSON API over one or more indexes. Thin: flags, run, exit codes.

#include <cstdlib>
#include <iostream>
#include <string>

#include "hemicycle/server/server.h"

namespace {

constexpr const char* kUsage =
    "usage\u00a0: hemicycle-serve --db DOSSIER [--db DOSSIER]... [--host 127.0.0.1]\n"
    "                        [--port 8080] [--threads N] [--cors-origin ORIGINE]...\n"
    "                        [--request-timeout MS] [--time-limit SECONDES]\n"
    "                        [--max-connections N] [--quiet]\n"
    "\n"
    "Sert l’API de recherche (GET /api/search, /api/documents/{id}, /api/suggest, /api/schema,\n"
    "/health, /metrics, /api/openapi.json) et la page de recherche en HTTP/1.1. Plusieurs --db\n"
    "sont interrogés comme un seul index.\n"
    "\n"
    "  --host ADRESSE         adresse d’écoute (127.0.0.1 par défaut\u00a0: cette machine seule)\n"
    "  --port N               port (8080 par défaut\u00a0; 0 en choisit un libre, affiché au départ)\n"
    "  --threads N            fils de travail, chacun avec ses accès à l’index (2 par défaut)\n"
    "  --cors-origin ORIGINE  une origine web autorisée à appeler l’API (répétable\u00a0; aucune\n"
    "                         par défaut)\n"
    "  --request-timeout MS   délai pour recevoir une requête entière\u00a0; une connexion inactive\n"
    "                         est fermée au bout de ce délai (10000 par défaut)\n"
    "  --time-limit SECONDES  durée maximale d’une recherche (2 par défaut)\n"
    "  --max-connections N    connexions servies à la fois\u00a0; une de plus reçoit un 503 et est\n"
    "                         fermée (256 par défaut)\n"
    "  --quiet                pas de journal des accès sur la sortie d’erreur\n"
    "\n"
    "La première ligne de la sortie standard, «\u00a0listening on http://HÔTE:PORT\u00a0», est lue\n"
    "par les programmes qui lancent le serveur\u00a0: elle reste telle quelle.\n"
    "SIGTERM ou SIGINT\u00a0: plus de nouvelle connexion, fin des requêtes en cours, code de\n"
    "sortie 0. Code de sortie\u00a0: 0 arrêté, 1 erreur au démarrage, 2 usage incorrect.\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "hemicycle-serve\u00a0: " << message << "\n\n" << kUsage;
  std::exit(2);
}

unsigned long number(const std::string& flag, const std::string& v, unsigned long max) {
  char* end = nullptr;
  unsigned long n = std::strtoul(v.c_str(), &end, 10);
  if (v.empty() || *end || v[0] == '-' || n > max) {
    usage_error(flag + " attend un nombre de 0 à " + std::to_string(max));
  }
  return n;
}

hemicycle::server::ServerOptions parse_flags(int argc, char** argv) {
  hemicycle::server::ServerOptions o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(a + " attend une valeur");
      return argv[++i];
    };
    if (a == "--db") {
      o.databases.push_back(value());
    } else if (a == "--host") {
      o.host = value();
    } else if (a == "--port") {
      o.port = static_cast<std::uint16_t>(number(a, value(), 65535));
    } else if (a == "--threads") {
      o.threads = static_cast<unsigned>(number(a, value(), 256));
      if (o.threads == 0) usage_error("--threads attend au moins 1");
    } else if (a == "--cors-origin") {
      o.cors_origins.push_back(value());
    } else if (a == "--request-timeout") {
      o.request_timeout = std::chrono::milliseconds(number(a, value(), 3600000));
    } else if (a == "--time-limit") {
      std::string v = value();
      char* end = nullptr;
      double s = std::strtod(v.c_str(), &end);
      if (v.empty() || *end || s < 0) usage_error("--time-limit attend des secondes, par exemple 2 ou 0.5");
      o.search_time_limit_seconds = s;
    } else if (a == "--max-connections") {
      o.max_connections = number(a, value(), 1000000);
      if (o.max_connections == 0) usage_error("--max-connections attend au moins 1");
    } else if (a == "--quiet") {
      o.access_log = false;
    } else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else {
      usage_error("argument inconnu «\u00a0" + a + "\u00a0»");
    }
  }
  if (o.databases.empty()) usage_error("--db DOSSIER est obligatoire");
  return o;
}

}  // namespace

int main(int argc, char** argv) try {
  hemicycle::server::run(parse_flags(argc, argv));
  return 0;
} catch (const std::exception& e) {
  std::cerr << "hemicycle-serve\u00a0: " << e.what() << "\n";
  return 1;
} catch (...) {  // a Xapian::Error is no std::exception
  std::cerr << "hemicycle-serve\u00a0: erreur inattendue au démarrage\n";
  return 1;
}
