#pragma once

// "Did you mean": corrections of a query's words from the index's own vocabulary (the
// lexicon the indexer keeps in metadata, schema::kSuggestPrefix), and typo-tolerant prefixes
// for search-as-you-type.
//
// A word is looked at only when the index does not know it well: its stem is in no clause
// (unknown); or no text writes it so, its stem found through other words, while a close word
// is in twice the clauses ("ingérance", stemmed as "ingéré"; "ingérence"); or it is written
// but its stem is in 3 clauses or fewer while a close word is in 50 times more (rare). A
// common query pays a termfreq and a metadata lookup a word. Candidates are the lexicon's folded words within a weighted
// Damerau-Levenshtein distance of the typed word's folded form (an edit 1, a doubled or
// undoubled letter 0.5, at most 2; at most 1 for words of 4 letters or fewer); accents cost
// nothing, since the analyzer folds them before stemming (an accent-only difference is the
// same term, never a typo). They rank by that cost, then by the clauses holding their stem.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"
#include "hemicycle/searcher/searcher.h"
#include "shards.h"

namespace hemicycle::searcher {

// The lexicon's folded words as a byte trie, walked with a row of the edit-distance table
// per depth. Immutable once built; shared by every thread (see lexicon_of()).
class Lexicon {
 public:
  // Costs in quarters of an edit.
  static constexpr int kEdit = 4;
  static constexpr int kDoubled = 2;  // a doubled letter typed single, or a single one doubled

  struct Match {
    std::string folded;  // the lexicon's word, or the prefix (prefix_matches())
    int cost = 0;
  };

  // The words given (folded, any order, duplicates allowed). Words holding a digit are left
  // out: numbers and references are never corrections.
  explicit Lexicon(std::vector<std::string> folded_words);

  // The words within `max_cost` of `folded` (itself included if present), cheapest first.
  std::vector<Match> matches(std::string_view folded, int max_cost) const;
  // The shortest prefixes of words within `max_cost` of `folded` (a prefix typed), cheapest
  // first: every word under one of them is a completion of what was typed.
  std::vector<Match> prefix_matches(std::string_view folded, int max_cost) const;

  std::size_t words() const { return words_; }
  std::size_t nodes() const { return nodes_.size(); }

 private:
  struct Node {
    std::uint32_t first_child = 0;   // 0: none (the root is node 0, never a child)
    std::uint32_t next_sibling = 0;  // 0: none
    char letter = 0;
    bool terminal = false;
  };
  struct Walk;
  void insert(std::string_view word);
  void visit(Walk& walk, std::uint32_t node, std::size_t depth) const;

  std::vector<Node> nodes_;
  std::size_t words_ = 0;
};

// The lexicon of these databases at their current revisions, built on first use and shared
// by every Searcher of the process on the same databases (one immutable object behind a
// shared_ptr; a commit that changes a revision has it rebuilt on the next need; with a
// remote shard that cannot say its revision, every minute at most).
std::shared_ptr<const Lexicon> lexicon_of(Shards& index);

// The largest cost allowed for a typed word of `letters` folded bytes: 0 (never corrected)
// under 3, one edit up to 4, two edits beyond.
int max_cost_for(std::size_t letters);

// A correction of one word of the query: the byte range in the query, and the words that
// could replace it, best first (as usually written).
struct WordCorrection {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool unknown = false;  // no clause holds the typed word's stem
  // No text writes the typed word so: what it matches, if anything, are other words of its
  // stem ("ingérance", stemmed as "ingéré").
  bool unwritten = false;
  std::vector<std::string> candidates;
};

// The corrections to offer for the words of `pq` (parsed from `query`): typed, unquoted,
// positive words holding no digit, not known well (above). Empty when the index knows every
// word.
std::vector<WordCorrection> corrections_for(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                                            const std::string& query, const ParsedQuery& pq);

// The corrected queries, best first (at most `limit`): the best candidate of every word, then
// the next candidates of each word in turn.
std::vector<std::string> corrected_queries(const std::string& query,
                                           const std::vector<WordCorrection>& words,
                                           std::size_t limit);

// The folded prefixes in the lexicon near `folded` (the letters typed of a word): edit
// distance 1, 2 from 7 letters; none under 5 letters (too many neighbours). Cheapest first
// (then those sharing more first letters with `folded`: typos are rarer at the start of a
// word), at most `limit`, the exact prefix left out; `rank` is equal for prefixes as near.
// For search-as-you-type when the letters typed have few completions.
struct NearPrefix {
  std::string folded;
  std::size_t rank = 0;  // from 1, nearest
};
std::vector<NearPrefix> near_prefixes(Shards& index, std::string_view folded, std::size_t limit);

// The search's "did you mean", given the result of the query as typed (parsed as `pq`):
// `result.suggestions` gets the corrected queries; when the typed query found nothing, or
// every word corrected is written in no text while its stem is (the typed query matched it
// only through other words of its stem), the best correction is searched with `search`
// and, if it finds something, its result replaces `result`, with `corrected` set and
// `query` kept as typed.
template <typename SearchFn>
void apply_spelling(Shards& index, analyzers::FrenchAnalyzer& analyzer, const std::string& query,
                    const ParsedQuery& pq, SearchResult& result, SearchFn&& search) {
  const std::vector<WordCorrection> words = corrections_for(index, analyzer, query, pq);
  if (words.empty()) return;
  std::vector<std::string> offered = corrected_queries(query, words, 3);
  const bool found = result.total + result.total_partial > 0 || !result.hits.empty();
  // Results that hold the typed word only through another word of its stem mislead (they
  // seem to hold it); a word that matches nothing leaves honest partial results, marked.
  const bool misleading = std::all_of(words.begin(), words.end(), [](const WordCorrection& w) {
    return w.unwritten && !w.unknown;
  });
  if ((!found || misleading) && !offered.empty()) {
    SearchResult again = search(offered.front());
    if (again.total + again.total_partial > 0 || !again.hits.empty()) {
      again.query = query;
      again.corrected = offered.front();
      offered.erase(offered.begin());
      result = std::move(again);
    }
  }
  result.suggestions = std::move(offered);
}

}  // namespace hemicycle::searcher
