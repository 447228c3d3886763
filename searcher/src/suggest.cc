#include "suggest.h"

#include <algorithm>
#include <unordered_map>

#include "hemicycle/analyzers/unicode.h"
#include "hemicycle/format/schema.h"
#include "spelling.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

namespace {

// The forms of one stem: the one shown, and how many clauses hold the stem.
struct Word {
  std::string stem;
  std::string form;
  bool lower = false;
  std::size_t clauses = 0;
  std::size_t rank = 0;  // 0: completes the letters typed; n: the n-th prefix near them
};

// One form per stem: lowercase if there is one, then the shortest ("ingérence" rather than
// "ingérences").
void offer(Word& w, const std::string& form) {
  const bool lower = analyzers::lowercase_initial(form);
  if (w.form.empty() || (lower && !w.lower) || (lower == w.lower && form.size() < w.form.size())) {
    w.form = form;
    w.lower = lower;
  }
}

// The lexicon (metadata "XF<folded word>" -> the word as written) of every shard under
// `prefix`, grouped by stem.
std::vector<Word> words_by_stem(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                                const std::string& prefix) {
  std::unordered_map<std::string, Word> by_stem;
  constexpr std::size_t kScanLimit = 2000;  // bounds the work for a short, common prefix
  for (auto& shard : index.each()) {
    std::size_t scanned = 0;
    for (auto k = shard.metadata_keys_begin(prefix); k != shard.metadata_keys_end(prefix); ++k) {
      if (++scanned > kScanLimit) break;
      const std::string form = shard.get_metadata(*k);
      if (form.empty()) continue;
      auto stems = analyzer.analyze(form);
      if (stems.size() != 1) continue;
      const std::string& stem = stems.front().text;
      auto [it, fresh] = by_stem.try_emplace(stem);
      if (fresh) {
        it->second.stem = stem;
        it->second.clauses = index.db().get_termfreq(stem);
      }
      offer(it->second, form);
    }
  }
  std::vector<Word> words;
  for (auto& [stem, w] : by_stem) {
    if (w.clauses > 0) words.push_back(std::move(w));  // 0: every clause holding it deleted
  }
  return words;
}

// Fewer completions than this of the letters typed: those of the prefixes near them are
// added (typos tolerated), at most kNearPrefixes of them.
constexpr std::size_t kFewCompletions = 3;
constexpr std::size_t kNearPrefixes = 8;

// The words of `words` and those of the prefixes near `folded`, each stem once, ranked after
// them, the nearest prefixes first.
void add_near_words(Shards& index, analyzers::FrenchAnalyzer& analyzer, const std::string& folded,
                    std::vector<Word>& words) {
  for (const auto& prefix : near_prefixes(index, folded, kNearPrefixes)) {
    for (auto& w : words_by_stem(index, analyzer, std::string(schema::kSuggestPrefix) + prefix.folded)) {
      const bool seen = std::any_of(words.begin(), words.end(),
                                    [&](const Word& o) { return o.stem == w.stem; });
      w.rank = prefix.rank;
      if (!seen) words.push_back(std::move(w));
    }
  }
}

}  // namespace

// Ranked by the clauses holding the stem; the documents are counted for those kept. With
// few completions of the letters typed, those of the prefixes near them follow.
std::vector<Suggestion> suggest_words(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                                      const std::string& raw, std::size_t limit) {
  const std::string query = analyzers::sanitize_utf8(raw);
  std::vector<Suggestion> out;
  auto tokens = analyzer.normalize(query);
  if (tokens.empty() || tokens.back().end != query.size()) return out;  // no word being typed
  const analyzers::Token& last = tokens.back();
  if (last.text.size() < 2) return out;
  std::vector<Word> words =
      words_by_stem(index, analyzer, std::string(schema::kSuggestPrefix) + last.text);
  if (words.size() < kFewCompletions) add_near_words(index, analyzer, last.text, words);
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.clauses != b.clauses ? a.clauses > b.clauses : a.form < b.form;
  });
  if (words.size() > limit) words.resize(limit);
  std::vector<std::size_t> ranks;
  for (const Word& w : words) {
    out.push_back({w.form, query.substr(0, last.begin) + w.form, index.documents_holding(w.stem)});
    ranks.push_back(w.rank);
  }
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return ranks[a] != ranks[b] ? ranks[a] < ranks[b] : out[a].documents > out[b].documents;
  });
  std::vector<Suggestion> sorted;
  for (std::size_t i : order) sorted.push_back(std::move(out[i]));
  out = std::move(sorted);
  return out;
}

}  // namespace hemicycle::searcher
