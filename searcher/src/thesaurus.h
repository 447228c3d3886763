#pragma once

// The thesaurus: concepts, each a set of labels that say the same thing (EuroVoc's French
// labels, as derived by tools/thesaurus/derive.py, and our own parliamentary vocabulary,
// searcher/data/), and the query expansion it gives: a word or phrase of the query that is
// one of a concept's labels also matches the concept's other labels, ranked below it.
// Private to hemicycle_searcher.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"
#include "hemicycle/searcher/searcher.h"

namespace hemicycle::searcher {

namespace internal {
// The lists of searcher/data/, analysed at build time by tools/thesaurus_gen.cc (generated
// thesaurus_data.cc): Thesaurus::compiled() of them.
extern const char* const kThesaurusCompiled;
}  // namespace internal

// Immutable after construction: safe for concurrent use.
class Thesaurus {
 public:
  struct Label {
    std::string text;                      // as the list writes it
    std::vector<analyzers::Token> tokens;  // analysed: its terms and their positions
    std::vector<std::string> words;        // each term's word as written, folded (surface())
  };
  struct Concept {
    std::string id;
    std::vector<Label> labels;
    std::unordered_set<std::string> context;  // terms that point at it among homographs
  };

  // Parses lists in the format of searcher/data/thesaurus-*.tsv (`id TAB labels|… [TAB
  // context|…]`, `#` comments; a line `- TAB labels|…` names labels never expanded nor
  // added, whatever list holds them); each label is analysed with `analyzer`. A label of
  // stop words only is dropped, and a concept left with fewer than two labels.
  Thesaurus(const std::vector<std::string_view>& lists, analyzers::FrenchAnalyzer& analyzer);

  // The thesaurus compiled in (the EuroVoc list and ours, analysed at build time), read
  // once, thread-safe.
  static const Thesaurus& builtin();

  // The thesaurus as text, its labels analysed (what the build compiles in), and back: no
  // analysis at run time (which costs ~0.1 s for the ~12,000 labels).
  std::string compiled() const;
  static Thesaurus from_compiled(std::string_view text);

  // The concepts one of whose labels has exactly these terms (in order), or null.
  const std::vector<std::uint32_t>* concepts_of(const std::vector<std::string>& terms) const;
  const Concept& concept_at(std::uint32_t i) const { return concepts_[i]; }
  std::size_t size() const { return concepts_.size(); }
  std::size_t longest() const { return longest_; }  // most terms in one label

 private:
  Thesaurus() = default;
  void add_line(std::string_view line, analyzers::FrenchAnalyzer& analyzer);
  void index_last();  // the labels of the last concept into by_terms_

  std::vector<Concept> concepts_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_terms_;
  std::unordered_set<std::string> never_;  // labels never expanded nor added (`-` lines)
  std::size_t longest_ = 0;
};

// A token's word as written in `text`, folded, without an elided article ("l’Assurance"
// -> "assurance"): what surface_alike() compares.
std::string surface(std::string_view text, const analyzers::Token& token);

// Whether two words of the same stem are the same word said otherwise (a plural, an accent)
// rather than two words the stemmer confuses ("loi" and "loyer" both give "loi"): their
// folded forms share their first four letters (all of the shorter, when shorter).
bool surface_alike(std::string_view a, std::string_view b);

// The weight of an added label before it is scaled to the words typed (weigh_expansions).
inline constexpr double kThesaurusWeight = 0.5;
// At most this many labels are added for one word or phrase of the query, and this many
// terms to the whole query (query.h's kMaxQueryTerms bounds the words typed).
inline constexpr std::size_t kMaxLabelsPerExpansion = 4;
inline constexpr std::size_t kMaxExpansionTerms = 64;

// Expands the positive words of `pq` in place: among consecutive units of one typed
// unquoted word each, the longest run whose terms are a label of a concept (its words
// looking like those typed: surface_alike()) gets the concept's other labels added to each
// of its units (Origin::kThesaurus, weight kThesaurusWeight), so that a document saying
// the label otherwise holds every one of them; the typed words of an OR are expanded each
// in its unit. A phrase typed in quotes and excluded words stay as typed. A label of
// several concepts ("LFI") adds the labels of those its context matches (a term of the
// query's other words among the concept's labels or context words), else of them all.
// Returns what was added, for the user, in the order of the query.
std::vector<Expansion> expand_query(ParsedQuery& pq, const Thesaurus& thesaurus);

// Scales each added label's weight so that it ranks below the words it was added for:
// kThesaurusWeight times the ratio of their BM25 idf (the typed words' over the label's,
// at most 1), so that a label rarer than the word typed does not outweigh it.
// `termfreq` and `documents` are the index's.
void weigh_expansions(ParsedQuery& pq, const std::function<double(const std::string&)>& termfreq,
                      double documents);

// expand_query() with the compiled-in thesaurus, then weigh_expansions() on `db`.
std::vector<Expansion> expand_on(ParsedQuery& pq, const Xapian::Database& db);

}  // namespace hemicycle::searcher
