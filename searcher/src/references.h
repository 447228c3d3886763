#pragma once

// Legal references named in a query ("article L. 252 du code électoral", "art. 1240 C.
// civ.", "88-4", "49.3", "loi n° 2024-850", "loi du 25 juillet 2024", "RGPD"), read with the
// indexer's own normaliser (hemicycle/corpus/references.h) and the forms people type
// beside it: a code's abbreviation or name without "du", the code first, "Const.", the
// short names of constitutional articles, the usual names of a few EU regulations. Each
// becomes one unit of the query: the words as typed, or a clause citing the reference
// (schema::reference_term(), which the indexer writes on the clauses citing it).

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"
#include "known_item.h"

namespace hemicycle::searcher {

// One reference among the words of a run.
struct QueryReference {
  std::size_t from = 0;           // the words it takes: [from, to) of the run
  std::size_t to = 0;
  std::vector<std::string> keys;  // normalised: its values, then its details (alinéa, date)

  bool operator==(const QueryReference&) const = default;
};

// The references among `words` (a run of positive bare words, as typed), left to right,
// each word in one at most. `context`: every bare word of the query, for the short names
// that need one ("article 40" is the Constitution's with "irrecevabilité" or "charge").
// Pure string checks.
std::vector<QueryReference> find_query_references(const std::vector<std::string>& words,
                                                  const std::vector<std::string>& context);

// In pq.units, the units of each reference's words give way to one unit, where the first
// of them stood: the words as typed (a phrase whose window allows two words more, for a
// "du" or "de la" not typed) OR each of the reference's terms (Origin::kReference). Appends
// to `used_notes` the notes of the words it took ("« L. » … ignoré").
void apply_references(ParsedQuery& pq, const std::vector<std::vector<QueryWord>>& runs,
                      analyzers::FrenchAnalyzer& analyzer, std::vector<std::size_t>* used_notes);

// For each reference to an act named by its date ("loi du 25 juillet 2024"), the act's
// number when the corpus tells it: the number of that kind and year that the first clauses
// citing the date cite too ("loi n° 2024-850 du 25 juillet 2024"), added to its unit. Reads
// the terms of at most 8 clauses a dated reference; nothing for a query without one.
void add_dated_numbers(const Xapian::Database& db, ParsedQuery& pq);

}  // namespace hemicycle::searcher
