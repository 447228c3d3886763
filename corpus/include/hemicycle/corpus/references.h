#pragma once

// The normaliser of legal references, one for the texts and for the queries: the indexer
// (through segment()) extracts the references a text cites with it, and the searcher
// recognises the references a query names with it, so that both sides write a reference
// the same way ("l’article L. 252 du code électoral" in an amendment and "article L. 252
// du code électoral" in a query both give "code electoral art. L. 252").
//
// Its own library, hemicycle_references (corpus/src: cites.cc, article_number.cc,
// codes.cc, text_util.cc), that hemicycle_corpus and the searcher both link: the searcher
// links neither the segmenter nor the gazetteer. Pure functions, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hemicycle::corpus {

// One reference found in a text.
struct Reference {
  std::size_t begin = 0;  // bytes of the text it was read from, begin inclusive
  std::size_t end = 0;    // end exclusive
  // Normalised values, one per item of a list ("articles 34 et 37 de la Constitution"):
  // the `cites` facet values (forms in extract_cites() below).
  std::vector<std::string> values;
  // Finer keys a clause carries beside its values (never facets): the alinéa an article
  // reference names, "constitution art. 49 al. 3" ("article 49, alinéa 3, de la
  // Constitution", "article 49, troisième alinéa, de la Constitution"); the date an act is
  // named by, "loi du 2024-07-25" ("loi n° 2024-850 du 25 juillet 2024", "la loi du 25
  // juillet 2024").
  std::vector<std::string> details;
};

// Every reference of `text`, in order of appearance (a reference repeated is found again).
std::vector<Reference> find_references(std::string_view text);

// Normalised references to legal texts cited in `text`, deduplicated, in order of
// appearance (the values of find_references()). Forms produced:
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
//     (code names lowercase, accent-folded, straight apostrophe, as legal_codes() lists
//      them; "du même code" resolves to the code last cited in the same text; "du CGCT",
//      "du CGI": a code's usual abbreviation, after "du", names it too)
// Lists ("articles 34 et 37 de la Constitution") give one value per item.
std::vector<std::string> extract_cites(std::string_view text);

// As above, appending to *out the values it does not already hold.
void extract_cites(std::string_view text, std::vector<std::string>* out);

// A code of French law: its name as references write it (folded, see above) and the keys
// of its usual abbreviations (folded, without dots or spaces: "C. civ." is "cciv").
struct LegalCode {
  std::string_view name;                        // "code general des impots"
  std::vector<std::string_view> abbreviations;  // "cgi"
};

// The codes both sides know, one table: a text's "du code …" is read against it (the
// longest name wins), a query's "C. civ." or "code civil" too.
const std::vector<LegalCode>& legal_codes();

// The code whose abbreviation key (folded, without dots or spaces) is `key`, or nullptr.
const LegalCode* code_by_abbreviation(std::string_view key);

// A reference to an article of `source` ("code civil", "constitution", "tfue"…, as in the
// forms above) in the one form both sides write: "code civil art. 1240". `number` is read
// as a reference's article number ("L.252" -> "L. 252", "premier" -> "1er"); empty when it
// is not one.
std::string article_reference(std::string_view source, std::string_view number);

// The reference to article `number` of `source`, alinéa `alinea` (0: none named), as both
// sides write it: its value and, with an alinéa, its detail. The Constitution's "49-3" and
// "49.3" are its article 49, alinéa 3 (it has no article 49-3). Empty when `number` is not
// an article number.
Reference cite_article(std::string_view source, std::string_view number, int alinea = 0);

// The detail key of an alinéa of an article reference: "constitution art. 49 al. 3".
std::string alinea_reference(std::string_view article_reference, int alinea);

// The detail key of an act named by its date: kind "loi", "decret"… and an ISO date:
// "loi du 2024-07-25".
std::string dated_reference(std::string_view kind, std::string_view iso_date);

}  // namespace hemicycle::corpus
