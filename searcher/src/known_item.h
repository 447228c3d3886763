#pragma once

// Known-item search: the forms of a query that name one document (or a few) by what
// identifies it, recognised among the words the parser read, and the Xapian side of them.
//
// Forms (words in any case and accents; "n°", "no", "numéro" alike; "art." for "article"):
//   article 1240 code civil, art. 1240 du code civil, 1240 C. civ., Code civil 1240,
//   code civil, article 1240       number 1240 and the code's name in the title
//                                  (abbreviations: C. civ., C. pén., CGCT, CGI, CSP, …)
//   amendement CL2, amendement n° 1386 article 4
//                                  number CL2 (1386) and "amendement" in the title; the
//                                  target article ranks the amendments of one number
//   texte adopté n° 180, n° 180    number 180 and the word before "n°" in the title
//   article 515-14                 the whole query: number 515-14 and "article" in the title
//   515-14, L. 1114-1, II-CF1      the whole query, a number with a hyphen, a code letter or
//                                  a committee prefix (a bare 2024 is a year, not a number)
//   AMANR5L17PO59051B1105P0D1N000002, code-civil/Livre II/Article 515-14
//                                  a document id (the whole query, or a long word of
//                                  letters and digits)

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"

namespace hemicycle::searcher {

// A positive bare word of the query as typed, the only_stop_words note it gave, if any,
// and the unit it made, if any (references.h rewrites units).
struct QueryWord {
  static constexpr std::size_t kNoNote = static_cast<std::size_t>(-1);
  static constexpr std::size_t kNoUnit = static_cast<std::size_t>(-1);
  std::string text;
  std::size_t note = kNoNote;
  std::size_t unit = kNoUnit;
};

// The known items named in `runs` (runs of consecutive positive bare words: an OR, a phrase,
// a field or an excluded word ends a run) and in the whole `query`; `only_words`: the query
// has no positive phrase or alternative (the forms that must be the whole query need it).
// Appends to `used_notes`
// the notes of the words a form took ("n°" is no stop word there). Pure string checks and
// analysis: nothing is looked up in the index.
std::vector<KnownItem> recognize_known_items(const std::vector<std::vector<QueryWord>>& runs,
                                             std::string_view query, bool only_words,
                                             analyzers::FrenchAnalyzer& analyzer,
                                             std::vector<std::size_t>* used_notes);

// The summaries of the known items: each item's terms ANDed, items ORed; empty for none.
Xapian::Query known_item_query(const std::vector<KnownItem>& known);

// What ranks the known documents among themselves: the words of the query in their title
// and the items' boosts (an amendment's target article). Empty without known items.
Xapian::Query known_item_boost(const ParsedQuery& pq);

// The summary docids of the documents the known items of `pq` name, in increasing order,
// each once, from the postings of their terms (a few postings lists, no document read).
// Filters are not applied. For counting: known documents belong with the matches.
std::vector<Xapian::docid> known_item_documents(const Xapian::Database& db,
                                                const ParsedQuery& pq);

}  // namespace hemicycle::searcher
