// hemicycle-bench-search: in-process query latency over a list of queries (a benchmark,
// not a test). Runs each query of the file `rounds` times through the Searcher library,
// as hemicycle-search does (top 10, snippets, all facets), and prints percentiles.
//
//   hemicycle-bench-search --db DIR [--db DIR]... --queries FILE [--rounds N] [--limit N]
//                          [--distinct true|false] [--no-correct] [--no-expand]
//                          [--prefix true|false]
//
// --prefix true: each query as the page sends it while typing (prefix=1: its last word is
// also a prefix).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "hemicycle/searcher/searcher.h"

int main(int argc, char** argv) try {
  std::vector<std::string> dbs;
  std::string queries_path;
  int rounds = 5;
  std::size_t limit = 10;
  bool distinct = true;  // identical texts folded, as by default
  bool spell = true;     // spelling corrections looked for, as by default
  bool expand = true;    // the thesaurus, as by default
  bool prefix = false;    // the last word a prefix (SearchRequest::prefix_last)
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--no-correct") {
      spell = false;
      continue;
    }
    if (a == "--no-expand") {
      expand = false;
      continue;
    }
    if (i + 1 >= argc) {
      std::cerr << "usage: hemicycle-bench-search --db DIR --queries FILE [--rounds N]\n";
      return 2;
    }
    if (a == "--db") dbs.push_back(argv[++i]);
    else if (a == "--queries") queries_path = argv[++i];
    else if (a == "--rounds") rounds = std::max(1, std::atoi(argv[++i]));
    else if (a == "--limit") limit = static_cast<std::size_t>(std::atoi(argv[++i]));
    else if (a == "--distinct") distinct = std::string(argv[++i]) != "false";
    else if (a == "--prefix") prefix = std::string(argv[++i]) == "true";
    else {
      std::cerr << "unknown option " << a << "\n";
      return 2;
    }
  }
  std::ifstream in(queries_path);
  if (dbs.empty() || !in) {
    std::cerr << "usage: hemicycle-bench-search --db DIR --queries FILE [--rounds N]\n";
    return 2;
  }
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  hemicycle::searcher::Searcher searcher(dbs);
  std::vector<double> all;
  std::printf("%-45s %8s %9s %9s\n", "query", "total", "p50 ms", "max ms");
  for (const auto& q : queries) {
    std::vector<double> times;
    std::size_t total = 0;
    for (int r = 0; r < rounds; ++r) {
      hemicycle::searcher::SearchRequest req;
      req.query = q;
      req.limit = limit;
      req.distinct = distinct;
      req.spell = spell;
      req.expand = expand;
      req.prefix_last = prefix;
      auto start = std::chrono::steady_clock::now();
      auto result = searcher.search(req);
      times.push_back(std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - start).count());
      total = result.total;
    }
    std::sort(times.begin(), times.end());
    all.insert(all.end(), times.begin(), times.end());
    std::printf("%-45.45s %8zu %9.2f %9.2f\n", q.c_str(), total, times[times.size() / 2],
                times.back());
  }
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all[std::min(all.size() - 1, std::size_t(p * all.size()))]; };
  double sum = 0;
  for (double t : all) sum += t;
  std::printf("\n%zu queries x %d rounds: mean %.2f ms, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
              "max %.2f ms\n",
              queries.size(), rounds, sum / all.size(), pct(0.5), pct(0.9), pct(0.99),
              all.back());
  return 0;
} catch (const std::exception& e) {
  std::cerr << "hemicycle-bench-search: " << e.what() << "\n";
  return 1;
}
