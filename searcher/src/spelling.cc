#include "spelling.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <mutex>
#include <unordered_set>

#include <xapian.h>

#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

namespace {

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Longest folded word looked at (bytes): the table is (length + 5) rows of length + 1.
constexpr std::size_t kMaxLetters = 40;

}  // namespace

// One walk of the trie: the typed word, the rows of the table (one per depth), the letters
// of the path, and what was found.
struct Lexicon::Walk {
  Walk(std::string_view typed, int max, bool prefixes)
      : q(typed), max_cost(max), prefix_mode(prefixes), width(typed.size() + 1),
        rows((typed.size() + 2 + static_cast<std::size_t>(max / kDoubled)) * width),
        path(rows.size() / width, '\0') {
    for (std::size_t j = 1; j < width; ++j) {  // letters typed too many; "nn" for "n" cheap
      rows[j] = rows[j - 1] + (j >= 2 && q[j - 1] == q[j - 2] ? kDoubled : kEdit);
    }
  }
  int* row(std::size_t depth) { return rows.data() + depth * width; }
  std::size_t depths() const { return rows.size() / width; }

  std::string_view q;
  int max_cost;
  bool prefix_mode;
  std::size_t width;
  std::vector<int> rows;
  std::string path;
  std::vector<Match> out;
};

Lexicon::Lexicon(std::vector<std::string> folded_words) {
  std::sort(folded_words.begin(), folded_words.end());
  folded_words.erase(std::unique(folded_words.begin(), folded_words.end()), folded_words.end());
  nodes_.emplace_back();  // the root
  for (const auto& w : folded_words) {
    if (w.empty() || w.size() > kMaxLetters || has_digit(w)) continue;
    insert(w);
    ++words_;
  }
  nodes_.shrink_to_fit();
}

void Lexicon::insert(std::string_view word) {
  std::uint32_t node = 0;
  for (char c : word) {
    std::uint32_t child = nodes_[node].first_child, last = 0;
    while (child != 0 && nodes_[child].letter != c) {
      last = child;
      child = nodes_[child].next_sibling;
    }
    if (child == 0) {
      child = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
      nodes_[child].letter = c;
      if (last == 0) {
        nodes_[node].first_child = child;
      } else {
        nodes_[last].next_sibling = child;
      }
    }
    node = child;
  }
  nodes_[node].terminal = true;
}

// The row of `depth` from the two above it: the cost of the lexicon's path[0, depth) against
// each prefix of the typed word. A letter of the lexicon's word missing from what was typed,
// or one typed too many, costs kDoubled when it doubles the letter before it.
void Lexicon::visit(Walk& walk, std::uint32_t node, std::size_t depth) const {
  const char c = nodes_[node].letter;
  walk.path[depth - 1] = c;
  const char pc = depth >= 2 ? walk.path[depth - 2] : '\0';
  const int* up = walk.row(depth - 1);
  const int* up2 = depth >= 2 ? walk.row(depth - 2) : nullptr;
  int* row = walk.row(depth);
  const int missing = c == pc ? kDoubled : kEdit;
  row[0] = up[0] + missing;
  int best = row[0];
  for (std::size_t j = 1; j < walk.width; ++j) {
    const char qj = walk.q[j - 1];
    const char pq = j >= 2 ? walk.q[j - 2] : '\0';
    int v = std::min(up[j] + missing, row[j - 1] + (qj == pq ? kDoubled : kEdit));
    v = std::min(v, up[j - 1] + (c == qj ? 0 : kEdit));
    if (up2 && j >= 2 && c == pq && pc == qj && c != qj) v = std::min(v, up2[j - 2] + kEdit);
    row[j] = v;
    best = std::min(best, v);
  }
  const int cost = row[walk.width - 1];
  if (walk.prefix_mode && depth + 1 >= walk.width && cost <= walk.max_cost) {
    walk.out.push_back({walk.path.substr(0, depth), cost});
    return;  // every word below completes this prefix
  }
  if (!walk.prefix_mode && nodes_[node].terminal && cost <= walk.max_cost) {
    walk.out.push_back({walk.path.substr(0, depth), cost});
  }
  if (best > walk.max_cost || depth + 1 >= walk.depths()) return;
  for (std::uint32_t ch = nodes_[node].first_child; ch != 0; ch = nodes_[ch].next_sibling) {
    visit(walk, ch, depth + 1);
  }
}

namespace {

void cheapest_first(std::vector<Lexicon::Match>& out) {
  std::stable_sort(out.begin(), out.end(), [](const Lexicon::Match& a, const Lexicon::Match& b) {
    return a.cost < b.cost;
  });
}

}  // namespace

std::vector<Lexicon::Match> Lexicon::matches(std::string_view folded, int max_cost) const {
  if (folded.empty() || folded.size() > kMaxLetters) return {};
  Walk walk(folded, max_cost, false);
  for (std::uint32_t ch = nodes_[0].first_child; ch != 0; ch = nodes_[ch].next_sibling) {
    visit(walk, ch, 1);
  }
  cheapest_first(walk.out);
  return std::move(walk.out);
}

std::vector<Lexicon::Match> Lexicon::prefix_matches(std::string_view folded, int max_cost) const {
  if (folded.empty() || folded.size() > kMaxLetters) return {};
  Walk walk(folded, max_cost, true);
  for (std::uint32_t ch = nodes_[0].first_child; ch != 0; ch = nodes_[ch].next_sibling) {
    visit(walk, ch, 1);
  }
  cheapest_first(walk.out);
  return std::move(walk.out);
}

int max_cost_for(std::size_t letters) {
  if (letters < 3) return 0;
  return letters <= 4 ? Lexicon::kEdit : 2 * Lexicon::kEdit;
}

namespace {

// What names the revision of every shard: a lexicon built for it is still the lexicon.
std::string revisions_of(Shards& index) {
  std::string key;
  for (auto& shard : index.each()) {
    try {
      key += shard.get_uuid() + ':' + std::to_string(shard.get_revision()) + ';';
    } catch (const Xapian::Error&) {  // a remote shard may not say: see kUnknownRevisionAge
      key += "?;";
    }
  }
  return key;
}

std::shared_ptr<const Lexicon> build_lexicon(Shards& index) {
  std::vector<std::string> words;
  const std::string prefix(schema::kSuggestPrefix);
  for (auto& shard : index.each()) {
    for (auto k = shard.metadata_keys_begin(prefix); k != shard.metadata_keys_end(prefix); ++k) {
      words.push_back((*k).substr(prefix.size()));
    }
  }
  return std::make_shared<const Lexicon>(std::move(words));
}

struct Cached {
  std::string revisions;
  std::shared_ptr<const Lexicon> lexicon;
  std::chrono::steady_clock::time_point built;
};

// A lexicon of shards whose revision is unknown is kept this long.
constexpr std::chrono::seconds kUnknownRevisionAge{60};

bool stale(const Cached& cached, const std::string& revisions) {
  if (!cached.lexicon || cached.revisions != revisions) return true;
  return revisions.find('?') != std::string::npos &&
         std::chrono::steady_clock::now() - cached.built > kUnknownRevisionAge;
}

}  // namespace

std::shared_ptr<const Lexicon> lexicon_of(Shards& index) {
  static std::mutex mutex;
  static std::map<std::string, Cached> by_paths;  // key: the paths, joined
  std::string paths;
  for (const auto& p : index.paths()) paths += p + '\n';
  const std::string revisions = revisions_of(index);
  // Held while building: the other threads that need it at that moment wait for it rather
  // than build it again.
  std::lock_guard lock(mutex);
  Cached& cached = by_paths[paths];
  if (stale(cached, revisions)) {
    cached.lexicon = build_lexicon(index);
    cached.revisions = revisions;
    cached.built = std::chrono::steady_clock::now();
  }
  return cached.lexicon;
}

}  // namespace hemicycle::searcher

namespace hemicycle::searcher {

namespace {

// A word written so in the texts (in the lexicon) and whose stem is in more clauses than
// this is known well: never corrected. In fewer, it is rare: a correction is offered when a
// close word is in kRareRatio times more clauses.
constexpr Xapian::doccount kRareClauses = 3;
constexpr Xapian::doccount kRareRatio = 50;
// A word written nowhere whose stem is found through other words ("ingérance": the stem of
// "ingéré", 48 clauses of the bulk corpus): a close word in kUnwrittenRatio times more
// clauses is offered ("ingérence", 161).
constexpr Xapian::doccount kUnwrittenRatio = 2;
// Candidates looked up (form, stem, frequency) per word, cheapest first.
constexpr std::size_t kCandidatesLooked = 64;
constexpr std::size_t kCandidatesKept = 3;

// The word as usually written for a folded lexicon word (the first shard that has it).
std::string form_of(Shards& index, const std::string& folded) {
  const std::string key = std::string(schema::kSuggestPrefix) + folded;
  for (auto& shard : index.each()) {
    std::string form = shard.get_metadata(key);
    if (!form.empty()) return form;
  }
  return {};
}

struct Candidate {
  std::string form;
  int cost = 0;
  Xapian::doccount clauses = 0;
};

// Whether some text writes the word so (its folded form is in the lexicon).
bool written(Shards& index, const std::string& folded) {
  const std::string key = std::string(schema::kSuggestPrefix) + folded;
  for (auto& shard : index.each()) {
    if (!shard.get_metadata(key).empty()) return true;
  }
  return false;
}

// The clauses a candidate's stem must be in to be offered for a typed word whose stem is in
// `clauses`, written so in the texts or not; 0: never corrected.
Xapian::doccount needed_clauses(Xapian::doccount clauses, bool written) {
  if (clauses == 0) return 1;
  if (!written) return kUnwrittenRatio * clauses;
  return clauses > kRareClauses ? 0 : kRareRatio * clauses;
}

// The lexicon's words near `folded` whose stem is another than `stem`, in at least `needed`
// clauses; cheapest then most frequent first, those within half an edit of the best.
std::vector<std::string> candidates_for(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                                        const Lexicon& lexicon, const std::string& folded,
                                        const std::string& stem, Xapian::doccount needed) {
  std::vector<Candidate> found;
  std::unordered_set<std::string> stems{stem};
  const auto matches = lexicon.matches(folded, max_cost_for(folded.size()));
  for (std::size_t i = 0; i < matches.size() && i < kCandidatesLooked; ++i) {
    if (matches[i].folded == folded) continue;
    std::string form = form_of(index, matches[i].folded);
    const auto terms = analyzer.analyze(form);
    if (terms.size() != 1 || !stems.insert(terms.front().text).second) continue;
    const Xapian::doccount n = index.db().get_termfreq(terms.front().text);
    if (n < needed) continue;
    found.push_back({std::move(form), matches[i].cost, n});
  }
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.cost != b.cost ? a.cost < b.cost : a.clauses > b.clauses;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.size() && i < kCandidatesKept; ++i) {
    if (found[i].cost > found.front().cost + Lexicon::kDoubled) break;  // far worse than the best
    out.push_back(std::move(found[i].form));
  }
  return out;
}

// The words of the query that may be corrected: typed without quotes, not excluded (units
// only hold positive items), parsed from the query's bytes (offset known).
bool correctable(const QueryItem& item) {
  return item.origin == Origin::kTyped && !item.quoted && item.offset != QueryItem::kNoOffset;
}

}  // namespace

std::vector<WordCorrection> corrections_for(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                                            const std::string& query, const ParsedQuery& pq) {
  std::vector<WordCorrection> out;
  std::shared_ptr<const Lexicon> lexicon;  // only read when a word is unknown or rare
  for (const auto& unit : pq.units) {
    for (const auto& item : unit) {
      if (!correctable(item)) continue;
      for (const auto& token : item.tokens) {
        const std::string_view typed =
            std::string_view(item.text).substr(token.begin, token.end - token.begin);
        if (has_digit(typed)) continue;
        const Xapian::doccount clauses = index.db().get_termfreq(token.text);
        const auto folded = analyzer.normalize(typed);
        if (folded.size() != 1 || max_cost_for(folded.front().text.size()) == 0) continue;
        const bool as_written = clauses > 0 && written(index, folded.front().text);
        const Xapian::doccount needed = needed_clauses(clauses, as_written);
        if (needed == 0) continue;
        if (!lexicon) lexicon = lexicon_of(index);
        WordCorrection w{item.offset + token.begin, item.offset + token.end, clauses == 0,
                         !as_written,
                         candidates_for(index, analyzer, *lexicon, folded.front().text,
                                        token.text, needed)};
        if (!w.candidates.empty() && w.end <= query.size()) out.push_back(std::move(w));
      }
    }
  }
  return out;
}

namespace {

// `query` with word i replaced by its candidate choice[i].
std::string rewrite(const std::string& query, const std::vector<WordCorrection>& words,
                    const std::vector<std::size_t>& choice) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].begin < at) continue;
    out.append(query, at, words[i].begin - at);
    out += words[i].candidates[choice[i]];
    at = words[i].end;
  }
  out.append(query, at, std::string::npos);
  return out;
}

}  // namespace

std::vector<std::string> corrected_queries(const std::string& query,
                                           const std::vector<WordCorrection>& words,
                                           std::size_t limit) {
  const std::vector<std::size_t> best(words.size(), 0);
  std::vector<std::string> out;
  auto offer = [&](std::string q) {
    if (out.size() < limit && q != query && std::find(out.begin(), out.end(), q) == out.end()) {
      out.push_back(std::move(q));
    }
  };
  offer(rewrite(query, words, best));
  for (std::size_t k = 1; k < kCandidatesKept; ++k) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (k >= words[i].candidates.size()) continue;
      std::vector<std::size_t> choice = best;
      choice[i] = k;
      offer(rewrite(query, words, choice));
    }
  }
  return out;
}

std::vector<NearPrefix> near_prefixes(Shards& index, std::string_view folded, std::size_t limit) {
  std::vector<NearPrefix> out;
  if (folded.size() < 5 || has_digit(folded)) return out;
  const int max = folded.size() >= 7 ? 2 * Lexicon::kEdit : Lexicon::kEdit;
  auto matches = lexicon_of(index)->prefix_matches(folded, max);
  // At the same cost, the prefix sharing more first letters with what was typed first
  // ("ingera": "ingere" before "insera").
  auto shared = [&](const std::string& p) {
    std::size_t n = 0;
    while (n < p.size() && n < folded.size() && p[n] == folded[n]) ++n;
    return n;
  };
  std::stable_sort(matches.begin(), matches.end(), [&](const Lexicon::Match& a, const Lexicon::Match& b) {
    return a.cost != b.cost ? a.cost < b.cost : shared(a.folded) > shared(b.folded);
  });
  std::size_t rank = 0;
  int cost = -1;
  std::size_t letters = 0;
  for (auto& m : matches) {
    if (out.size() == limit) break;
    if (m.cost == 0) continue;
    if (m.cost != cost || shared(m.folded) != letters) ++rank;
    cost = m.cost;
    letters = shared(m.folded);
    out.push_back({std::move(m.folded), rank});
  }
  return out;
}

}  // namespace hemicycle::searcher
