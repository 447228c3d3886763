// A searcher reading while a writer commits every document (`hemicycle-index --batch 1`):
// no search may fail, and a search that finds its revision discarded reads the new one
// whole, facet table included.

#include <atomic>
#include <string>
#include <thread>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "hemicycle/corpus/segmenter.h"
#include "hemicycle/indexer/indexer.h"
#include "hemicycle/searcher/searcher.h"
#include "searcher/fixture_index.h"

namespace {

using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Searcher;

constexpr int kCommits = 120;

hemicycle::model::Document amendment(int n) {
  hemicycle::model::Document d;
  d.id = "TEST-AM-COMMIT-" + std::to_string(n);
  d.type = "amendement";
  d.institution = "Assemblée nationale";
  d.date = "2025-02-01";
  d.text = "ARTICLE UNIQUE\n\nSupprimer cet article.\n\nEXPOSÉ SOMMAIRE\n\n"
           "Les ingérences étrangères en Guyane, amendement " + std::to_string(n) + ".";
  hemicycle::corpus::segment(d);
  return d;
}

std::uint64_t amendments(const SearchResult& r) {
  for (const auto& f : r.facets) {
    if (f.field != "type") continue;
    for (const auto& v : f.values) {
      if (v.value == "amendement") return v.count;
    }
  }
  return 0;
}

SearchResult search(Searcher& s) {
  SearchRequest r;
  r.query = "ingérence";
  return s.search(r);
}

}  // namespace

TEST_CASE("searches hold while a writer commits every document", "[searcher][concurrent]") {
  hemicycle::testing::FixtureIndex ix;
  Searcher reader({ix.db()});
  const SearchResult before = search(reader);

  std::atomic<bool> done{false};
  std::thread writer([&] {
    hemicycle::indexer::Indexer w(ix.db());
    for (int n = 0; n < kCommits; ++n) {
      w.add(amendment(n));
      w.commit();
    }
    done = true;
  });
  int searches = 0, failures = 0;
  std::string first_failure;
  Searcher stale({ix.db()});  // never reopened by hand: its revision goes out of date
  while (!done) {
    try {
      reader.reopen();  // as the server does before each request
      search(reader);
      search(stale);
    } catch (const Xapian::Error& e) {
      if (failures++ == 0) first_failure = e.get_description();
    } catch (const std::exception& e) {
      if (failures++ == 0) first_failure = e.what();
    }
    ++searches;
  }
  writer.join();
  INFO(first_failure);
  INFO(searches << " rounds of searches while " << kCommits << " commits were made");
  CHECK(failures == 0);

  // Whatever revision each search read, its facet table had read the same one: the
  // amendments counted are those the total counts (the fixture's and the ones added).
  const SearchResult after = search(stale);
  CHECK(after.total > before.total);
  CHECK(amendments(after) - amendments(before) == after.total - before.total);
  reader.reopen();
  const SearchResult last = search(reader);
  CHECK(last.total == before.total + kCommits);
  CHECK(amendments(last) == amendments(before) + kCommits);
}
