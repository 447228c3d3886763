#pragma once

// Prefixes and wildcards: the words of the index a prefix stands for. The parser records
// `scrut*` (origin kWildcard) and the last word of a query being typed (origin kPrefix) as
// one item holding the normalised prefix; before the tiers are planned, expand_prefixes()
// replaces that item by the index's terms it stands for, each an alternative of its unit,
// so that counting, ranking, highlights and "il manque" treat them as any alternative.

#include <cstddef>
#include <string>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"
#include "shards.h"

namespace hemicycle::searcher {

struct Completions {
  // The prefix's own term when the index holds it ("scrutin*" -> "scrutin"): it ranks as
  // a typed word (weight 1). Empty otherwise.
  std::string exact;
  // The others, most frequent (clauses holding them) first; with `exact`, at most `bound`.
  std::vector<std::string> terms;
  // Every term found for the prefix, `exact` included: more than `bound` means that the
  // least frequent were left out.
  std::size_t found = 0;
  bool scan_cut = false;  // the walk of the terms stopped at kMaxPrefixScan: `found` is more
};

// The most terms one prefix walks (a bound on the work for a short, common prefix; the
// bulk corpus has at most a few thousand terms under any two letters).
inline constexpr std::size_t kMaxPrefixScan = 20000;

// The word terms of the index for `prefix` (normalised: folded, lowercase, unstemmed): the
// terms that start with it, and the stems of the lexicon's words that start with it (a stem
// may be shorter than the prefix: "securit" -> "secur", the stem of "sécurité"); `typed`
// (the prefix as typed) gives `exact` when the prefix is a word of the texts (known_word()). Terms in `skip` (already in the unit) are left out.
// REQUIRES: bound >= 1.
Completions complete_prefix(Shards& index, analyzers::FrenchAnalyzer& analyzer,
                            const std::string& prefix, const std::string& typed,
                            const std::vector<std::string>& skip, std::size_t bound);

// Whether `word` (normalised) is a word of the texts as the lexicon knows them; true when
// the lexicon cannot tell (fewer than 3 bytes, digits: it holds no such words).
bool known_word(Shards& index, const std::string& word);

// Replaces every kWildcard and kPrefix item of `pq` (positive units and excluded items) by
// its completions: `exact` at weight 1, the others at kCompletionWeight, their `text` the
// prefix as typed. A kPrefix item's word as typed stays only when it is a known word. A
// prefix with no completion stays as it is (it matches nothing), or goes when the word as
// typed is beside it. Adds a
// `wildcard_bound` note to pq.notes for each prefix that had more than `bound` terms.
// Costs one walk of the terms under each prefix (bounded) and no document fetch.
void expand_prefixes(Shards& index, analyzers::FrenchAnalyzer& analyzer, ParsedQuery& pq,
                     std::size_t bound = kMaxExpansions);

}  // namespace hemicycle::searcher
