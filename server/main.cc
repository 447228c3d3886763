// hemicycle-serve: the HTTP JSON API over one or more indexes. Thin: flags, run, exit codes.

#include <cstdlib>
#include <iostream>
#include <string>

#include "hemicycle/server/server.h"

namespace {

constexpr const char* kUsage =
    "usage: hemicycle-serve --db DIR [--db DIR]... [--host 127.0.0.1] [--port 8080]\n"
    "                       [--threads N] [--cors-origin ORIGIN]... [--request-timeout MS]\n"
    "                       [--time-limit SECONDS] [--max-connections N] [--quiet]\n"
    "\n"
    "Serves the search API (GET /api/search, /api/documents/{id}, /api/suggest, /api/schema,\n"
    "/health, /metrics, /api/openapi.json) and the search page over HTTP/1.1. Several --db\n"
    "are searched as one index.\n"
    "\n"
    "  --host ADDR          address to listen on (default 127.0.0.1: this machine only)\n"
    "  --port N             port (default 8080; 0 picks a free one, printed at start)\n"
    "  --threads N          worker threads, each with its own index handles (default 2)\n"
    "  --cors-origin ORIGIN a web origin allowed to call the API (repeatable; none by default)\n"
    "  --request-timeout MS a request must arrive whole within this time; idle connections\n"
    "                       close after it (default 10000)\n"
    "  --time-limit SECONDS bound on one search (default 2)\n"
    "  --max-connections N  connections served at once; one more gets a 503 and is closed\n"
    "                       (default 256)\n"
    "  --quiet              no access log on stderr\n"
    "\n"
    "SIGTERM or SIGINT: stop accepting, finish the requests in flight, exit 0.\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "hemicycle-serve: " << message << "\n\n" << kUsage;
  std::exit(2);
}

unsigned long number(const std::string& flag, const std::string& v, unsigned long max) {
  char* end = nullptr;
  unsigned long n = std::strtoul(v.c_str(), &end, 10);
  if (v.empty() || *end || v[0] == '-' || n > max) {
    usage_error(flag + " takes a number from 0 to " + std::to_string(max));
  }
  return n;
}

hemicycle::server::ServerOptions parse_flags(int argc, char** argv) {
  hemicycle::server::ServerOptions o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(a + " needs a value");
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
      if (o.threads == 0) usage_error("--threads takes at least 1");
    } else if (a == "--cors-origin") {
      o.cors_origins.push_back(value());
    } else if (a == "--request-timeout") {
      o.request_timeout = std::chrono::milliseconds(number(a, value(), 3600000));
    } else if (a == "--time-limit") {
      std::string v = value();
      char* end = nullptr;
      double s = std::strtod(v.c_str(), &end);
      if (v.empty() || *end || s < 0) usage_error("--time-limit takes seconds, e.g. 2 or 0.5");
      o.search_time_limit_seconds = s;
    } else if (a == "--max-connections") {
      o.max_connections = number(a, value(), 1000000);
      if (o.max_connections == 0) usage_error("--max-connections takes at least 1");
    } else if (a == "--quiet") {
      o.access_log = false;
    } else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else {
      usage_error("unknown argument " + a);
    }
  }
  if (o.databases.empty()) usage_error("--db DIR is required");
  return o;
}

}  // namespace

int main(int argc, char** argv) try {
  hemicycle::server::run(parse_flags(argc, argv));
  return 0;
} catch (const std::exception& e) {
  std::cerr << "hemicycle-serve: " << e.what() << "\n";
  return 1;
} catch (...) {  // a Xapian::Error is no std::exception
  std::cerr << "hemicycle-serve: erreur inattendue au démarrage\n";
  return 1;
}
