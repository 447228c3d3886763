#pragma once

// Facet extraction used by segment() (segmenter.h), public so that the indexer and the
// searcher can normalise user input the same way ("loi n° 2024-850" typed in a query gives
// the facet value "loi 2024-850"). All functions are pure and thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace hemicycle::corpus {

// Normalised references to legal texts cited in `text`, deduplicated, in order of
// appearance. Forms produced:
//   "loi n° 2024-850"                                   -> "loi 2024-850"
//   "loi organique n° 2009-403"                         -> "loi-organique 2009-403"
//   "ordonnance n° 2010-1307" / "décret n° 2019-1234"   -> "ordonnance 2010-1307" / "decret 2019-1234"
//   "règlement (UE) 2024/1689", "règlements (CE) n° 300/2008, (UE) n° 167/2013"
//                              -> "reglement-ue 2024/1689", "reglement-ce 300/2008", "reglement-ue 167/2013"
//   "directive (UE) 2016/797", "directives 2014/90/UE"  -> "directive-ue 2016/797", "directive-ue 2014/90"
//   "article 88-4 de la Constitution"                   -> "constitution art. 88-4"
//   "articles 198 à 204 du traité sur le fonctionnement de l’Union européenne"
//                                                       -> "tfue art. 198-204"  (TUE: "tue art. N")
//   "article 151-5 du Règlement de l’Assemblée nationale" -> "reglement-an art. 151-5"
//                                                          (Sénat: "reglement-senat art. N")
//   "article L. 312-9 du code de l’éducation"           -> "code de l'education art. L. 312-9"
//     (code names lowercase, accent-folded, straight apostrophe; "du même code" resolves to
//      the code last cited in the same text)
// Lists ("articles 34 et 37 de la Constitution") give one value per item.
std::vector<std::string> extract_cites(std::string_view text);

// As above, appending to *out the values it does not already hold.
void extract_cites(std::string_view text, std::vector<std::string>* out);

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
