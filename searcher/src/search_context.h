#pragma once

// What one search carries through its passes: the index it reads and its time budget.
// Made per call (never kept on the Searcher), so that nothing of a search outlives it.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "hemicycle/searcher/searcher.h"
#include "shards.h"

namespace hemicycle::searcher {

// One search's wall-clock budget, shared by the several matches it runs.
class Deadline {
 public:
  using Clock = std::chrono::steady_clock;
  // `seconds` from `start`; 0 = no limit.
  Deadline(double seconds, Clock::time_point start);

  // Gives the match what is left of the budget (marks the search out of time when nothing
  // is: that match then finishes with what its first documents give).
  void limit(Xapian::Enquire& enquire);
  // Whether the search ran out of time, given how long it took.
  bool reached(double took_ms) const;

 private:
  double seconds_;
  Clock::time_point end_;
  bool out_of_time_ = false;
};

class EveryUnit;  // every_unit.cc
struct Filters;

struct SearchContext {
  Shards& index;
  Deadline& deadline;
  // The walk of documents_with_every_unit() for these filters and decider (the ranking and
  // the counting both need it). Only for filters that live through the whole search: a
  // temporary's must be reset (forget_every_unit()) before it goes.
  std::shared_ptr<EveryUnit> every_unit = nullptr;
  const Filters* every_unit_filters = nullptr;
  const Xapian::MatchDecider* every_unit_decider = nullptr;

  void forget_every_unit() {
    every_unit.reset();
    every_unit_filters = nullptr;
  }
};

// An Enquire over the whole index, BM25 as the indexer tuned it, sorted as asked, within
// the search's time budget.
Xapian::Enquire enquire(SearchContext& ctx, const Xapian::Query& query, Sort sort);

// Whether date `a` comes before date `b` in the chronological `sort`: undated ("") last
// whichever the direction.
bool earlier_in(Sort sort, const std::string& a, const std::string& b);

// The parts of `query` to rank one after the other for `sort`, so that undated documents
// come last: with kDateAsc, the dated matches then the undated ones (Xapian puts an empty
// value first in ascending order); otherwise the query itself.
std::vector<Xapian::Query> chronological_parts(const Xapian::Query& query, Sort sort);

// A boolean match of every document `query` matches, each seen by `spy`.
void match_all(SearchContext& ctx, const Xapian::Query& query, Xapian::MatchSpy& spy,
               const Xapian::MatchDecider* decider = nullptr);

}  // namespace hemicycle::searcher
