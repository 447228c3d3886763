#include "expand_prefix.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "hemicycle/format/schema.h"
#include "hemicycle/model/french.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
namespace french = model::french;

namespace {

// The lexicon's words a prefix looks at for stems shorter than it: only a long prefix
// reaches into the endings Snowball removes, and a long prefix has few words.
constexpr std::size_t kLexiconScan = 200;

using Frequencies = std::unordered_map<std::string, Xapian::doccount>;

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// The stems of the lexicon's words under `prefix` (metadata keys kSuggestPrefix + folded
// word) that do not start with it, with their frequencies.
void shorter_stems(Shards& index, analyzers::FrenchAnalyzer& analyzer, const std::string& prefix,
                   Frequencies& found) {
  const std::string key = std::string(schema::kSuggestPrefix) + prefix;
  for (auto& shard : index.each()) {
    std::size_t scanned = 0;
    for (auto k = shard.metadata_keys_begin(key), end = shard.metadata_keys_end(key);
         k != end && scanned < kLexiconScan; ++k, ++scanned) {
      const auto stems = analyzer.analyze(std::string(*k).substr(schema::kSuggestPrefix.size()));
      if (stems.size() != 1 || starts_with(stems.front().text, prefix)) continue;
      if (found.count(stems.front().text)) continue;
      found.emplace(stems.front().text, index.db().get_termfreq(stems.front().text));
    }
  }
}

// The term of the prefix as typed, analysed as a word ("scrutin" -> "scrutin",
// "élections" -> "elect"); empty when it is not one term or not a word of the index.
std::string own_term(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                     const std::string& prefix, const std::string& typed) {
  if (!known_word(index, prefix)) return {};
  const auto tokens = analyzer.analyze(typed);
  return tokens.size() == 1 ? tokens.front().text : std::string();
}

}  // namespace

bool known_word(Shards& index, const std::string& word) {
  // The lexicon holds the words of 3 bytes or more without digits (indexer.cc).
  if (word.size() < 3 || std::any_of(word.begin(), word.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return true;
  }
  const std::string key = std::string(schema::kSuggestPrefix) + word;
  for (auto& shard : index.each()) {
    if (!shard.get_metadata(key).empty()) return true;
  }
  return false;
}

Completions complete_prefix(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                            const std::string& prefix, const std::string& typed,
                            const std::vector<std::string>& skip, std::size_t bound) {
  Completions out;
  Frequencies found;
  Xapian::Database& db = index.db();
  std::size_t scanned = 0;
  for (auto t = db.allterms_begin(prefix), end = db.allterms_end(prefix); t != end; ++t) {
    if (++scanned > kMaxPrefixScan) {
      out.scan_cut = true;
      break;
    }
    found.emplace(*t, t.get_termfreq());
  }
  shorter_stems(index, analyzer, prefix, found);
  const std::string exact = own_term(index, analyzer, prefix, typed);
  if (!exact.empty() && !found.count(exact)) found.emplace(exact, db.get_termfreq(exact));
  for (const auto& s : skip) found.erase(s);
  std::vector<std::pair<Xapian::doccount, std::string>> ranked;
  for (auto& [term, freq] : found) {
    if (freq == 0) continue;  // every clause holding it deleted, or not a term
    if (term == exact) {
      out.exact = term;
    } else {
      ranked.emplace_back(freq, term);
    }
  }
  out.found = ranked.size() + (out.exact.empty() ? 0 : 1);
  const std::size_t keep = std::min(ranked.size(), bound - (out.exact.empty() ? 0 : 1));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  for (std::size_t i = 0; i < keep; ++i) out.terms.push_back(std::move(ranked[i].second));
  return out;
}

namespace {

bool is_prefix(const QueryItem& item) {
  return item.origin == Origin::kWildcard || item.origin == Origin::kPrefix;
}

QueryItem completion(const QueryItem& prefix, const std::string& term, double weight) {
  QueryItem item = prefix;
  item.tokens.front().text = term;
  item.weight = weight;
  return item;
}

// « scrut* » : les 100 mots les plus fréquents qui commencent par « scrut » ont été
// cherchés, sur 240
Notice bound_note(const QueryItem& prefix, const Completions& c, std::size_t bound) {
  const std::string shown = prefix.origin == Origin::kWildcard
                                ? french::quoted(prefix.text + "*")
                                : french::quoted(prefix.text) + " (mot en cours de frappe)";
  return {"wildcard_bound",
          shown + "\u00a0: les " + french::number(bound) +
              " mots les plus fréquents qui commencent par " + french::quoted(prefix.text) +
              " ont été cherchés, sur " + (c.scan_cut ? "plus de " : "") +
              french::number(c.found)};
}

// The prefix's completions, in rank order; none when it has none.
std::vector<QueryItem> expand(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                              const QueryItem& prefix, const std::vector<std::string>& skip,
                              std::size_t bound, std::vector<Notice>& notes) {
  const Completions c =
      complete_prefix(index, analyzer, prefix.tokens.front().text, prefix.text, skip, bound);
  if (c.exact.empty() && c.terms.empty()) return {};
  std::vector<QueryItem> out;
  if (!c.exact.empty()) out.push_back(completion(prefix, c.exact, 1.0));
  for (const auto& t : c.terms) out.push_back(completion(prefix, t, kCompletionWeight));
  if (c.found > bound || c.scan_cut) notes.push_back(bound_note(prefix, c, bound));
  return out;
}

// The word as typed that a kPrefix item follows in its unit (or out.end()).
std::vector<QueryItem>::iterator typed_word(std::vector<QueryItem>& out, const QueryItem& prefix) {
  if (prefix.origin != Origin::kPrefix || out.empty()) return out.end();
  const QueryItem& last = out.back();
  const bool same = last.origin == Origin::kTyped && last.text == prefix.text && !last.quoted;
  return same ? out.end() - 1 : out.end();
}

// A list of items with its prefixes replaced by their completions; the words already in
// the list are not repeated. The word being typed stays before its completions when it is
// a word of the index (complete and known), else only its completions stand for it (or the
// word, when it has none: a typo still finds what it finds).
std::vector<QueryItem> expand_items(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                                    const std::vector<QueryItem>& items, std::size_t bound,
                                    std::vector<Notice>& notes) {
  std::vector<std::string> skip;
  for (const auto& item : items) {
    if (!is_prefix(item) && item.tokens.size() == 1) skip.push_back(item.tokens.front().text);
  }
  std::vector<QueryItem> out;
  for (const auto& item : items) {
    if (!is_prefix(item)) {
      out.push_back(item);
      continue;
    }
    auto typed = typed_word(out, item);
    const bool drop_typed = typed != out.end() && !known_word(index, item.tokens.front().text);
    std::vector<std::string> others = skip;
    if (drop_typed && typed->tokens.size() == 1) {
      others.erase(std::remove(others.begin(), others.end(), typed->tokens.front().text),
                   others.end());
    }
    std::vector<QueryItem> expanded = expand(index, analyzer, item, others, bound, notes);
    if (expanded.empty()) {
      if (typed == out.end()) out.push_back(item);  // matches nothing, as a word would not
      continue;
    }
    if (drop_typed) out.erase(typed);
    for (auto& e : expanded) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

void expand_prefixes(Shards& index, analyzers::FrenchAnalyzer& analyzer, ParsedQuery& pq,
                     std::size_t bound) {
  const auto any_prefix = [](const std::vector<QueryItem>& items) {
    return std::any_of(items.begin(), items.end(), is_prefix);
  };
  for (auto& unit : pq.units) {
    if (any_prefix(unit)) unit = expand_items(index, analyzer, unit, bound, pq.notes);
  }
  if (any_prefix(pq.excluded)) pq.excluded = expand_items(index, analyzer, pq.excluded, bound, pq.notes);
}

}  // namespace hemicycle::searcher
