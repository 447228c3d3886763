#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace hemicycle::server {

struct ServerOptions {
  std::vector<std::string> databases;  // searched as one; REQUIRES: at least one
  std::string host = "127.0.0.1";      // loopback unless told otherwise
  std::uint16_t port = 8080;           // 0: any free port (printed when listening)
  unsigned threads = 2;                // worker threads, each with its own index handles
  std::vector<std::string> cors_origins;  // origins allowed to call the API from a browser

  // Limits, answered with a JSON error.
  std::size_t max_connections = 256;         // 503 to a connection above, then closed
  std::size_t max_target_bytes = 8 * 1024;   // 414 above
  std::size_t max_body_bytes = 16 * 1024;    // 413 above
  std::size_t max_query_bytes = 1024;        // 400 above (the q parameter, decoded)
  std::size_t max_limit = 100;               // 400 above
  std::size_t max_offset = 10000;            // 400 above

  // A request must arrive whole within this time (slow clients are cut off), and an idle
  // keep-alive connection is closed after it.
  std::chrono::milliseconds request_timeout{10000};
  // Bound on one search (Xapian's time limit); a search cut short says so.
  double search_time_limit_seconds = 2.0;
  // On SIGTERM/SIGINT, in-flight requests get this long to finish.
  std::chrono::milliseconds shutdown_grace{10000};
  bool access_log = true;  // one line per request on stderr
};

// Opens the databases once (throws std::runtime_error with a readable message if a local
// one does not exist; one that exists but cannot be read yet is answered 503 until it
// opens), listens, prints "listening on http://HOST:PORT" on stdout, and serves until
// SIGTERM or SIGINT: then it stops accepting, finishes the requests in flight and returns.
void run(const ServerOptions& options);

}  // namespace hemicycle::server
