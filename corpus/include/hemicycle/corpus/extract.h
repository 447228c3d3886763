#pragma once

// Facet extraction used by segment() (segmenter.h), public so that the indexer and the
// searcher can normalise user input the same way ("loi n° 2024-850" typed in a query gives
// the facet value "loi 2024-850"). All functions are pure and thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/corpus/references.h"  // extract_cites(), find_references()

namespace hemicycle::corpus {

// French territories and countries named in `text` (canonical names from the compiled-in
// gazetteer, corpus/data/gazetteer.tsv), deduplicated, in order of appearance. Matching is
// case- and accent-insensitive on whole words, spaces and hyphens interchangeable
// ("Nouvelle Calédonie", "nouvelle-calédonie"), longest name first; a name glued by a
// hyphen to another word does not match ("Île-de-France" does not name France). Entries
// marked case-sensitive need their capitals ("la Réunion" is La Réunion, "la réunion de la
// commission" is not).
struct Places {
  std::vector<std::string> territories;  // "Nouvelle-Calédonie", "Outre-mer", "Corse"
  std::vector<std::string> countries;    // "Azerbaïdjan", "France"
};
Places extract_places(std::string_view text);

// As above, appending the values not already held.
void extract_places(std::string_view text, std::vector<std::string>* territories,
                    std::vector<std::string>* countries);

// Canonical names the gazetteer knows for one kind ("territory" or "country"), in file
// order; empty for an unknown kind.
std::vector<std::string> gazetteer_names(std::string_view kind);

// Splits an amendment's "signataires" ("Mme Parmentier, M. Ballard … et Mme Sicard") into
// names without civility ("Parmentier", "Ballard", "Sicard"; "Mme Élisa Martin" gives
// "Élisa Martin"). Qualities ("rapporteur", "les membres du groupe …") are dropped; "le
// Gouvernement" gives "Gouvernement". Non-breaking spaces become spaces.
std::vector<std::string> split_signatories(std::string_view signataires);

// "YAËL BRAUN-PIVET" -> "Yaël Braun-Pivet" (particles de/du/des/d' stay lower-case).
std::string title_case_name(std::string_view name);

}  // namespace hemicycle::corpus
