#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hemicycle::model {

// What part of a parliamentary text a clause is.
enum class ClauseKind {
  kPreamble,      // "L’Assemblée nationale," opening a resolution
  kVisa,          // "Vu …"
  kConsiderant,   // "Considérant …"
  kRecital,       // "Rappelant …", "Rappelant que …" (and other participial recitals)
  kArticle,       // numbered article of a resolution's dispositif: "1. Condamne …"
  kPlaceDate,     // "À Paris, le 28 mars 2025."
  kSignature,     // "La Présidente, Signé : YAËL BRAUN-PIVET"
  kTarget,        // amendment: the division it targets ("ARTICLE PREMIER", "TITRE")
  kDispositif,    // amendment: a paragraph of its dispositif
  kExpose,        // amendment: a paragraph of its "EXPOSÉ SOMMAIRE"
  kHeading,       // bill/code/règlement: "TITRE …", "CHAPITRE …", "Section …" headings
  kAlinea,        // bill/code/règlement: a paragraph (alinéa) of an "Article N"
  kParagraph,     // anything else: a paragraph
};

// Stable lowercase ASCII names used in the index, the CLI and JSON:
// preamble visa considerant recital article place_date signature target dispositif
// expose heading alinea paragraph.
std::string_view to_string(ClauseKind kind);
std::optional<ClauseKind> clause_kind_from_string(std::string_view name);
// The kind as a French reader names it, lowercase: "considérant", "exposé sommaire".
std::string_view label(ClauseKind kind);
// Every kind, in declaration order.
inline constexpr int kClauseKindCount = static_cast<int>(ClauseKind::kParagraph) + 1;

struct Clause {
  ClauseKind kind = ClauseKind::kParagraph;
  std::string number;   // resolution article "7"; for kAlinea the enclosing article ("2 A",
                        // "1er", "L. 1114-1"); for kDispositif its 1-based paragraph index
                        // ("1"); empty when the clause has none
  std::string lead;     // lead verb of a resolution article ("Condamne"); else empty
  std::string text;     // the clause as published, lines joined with single spaces,
                        // page-break spaces trimmed
  std::size_t begin = 0;  // byte range of the clause in Document::text
  std::size_t end = 0;
  // Facet values extracted from this clause (display form, deduplicated, in order).
  std::vector<std::string> cites;        // normalised legal references: "loi 2024-850"
  // Finer keys of the references it cites, not facets (corpus/references.h, Reference::
  // details): "constitution art. 49 al. 3", "loi du 2024-07-25".
  std::vector<std::string> reference_details;
  std::vector<std::string> territories;  // canonical names: "Nouvelle-Calédonie"
  std::vector<std::string> countries;    // canonical names: "Azerbaïdjan"
};

struct Document {
  // Identity and provenance.
  std::string id;          // unique id (sidecar/JSON "id", else the file name stem)
  std::string origin;      // file it was read from
  std::size_t line = 0;    // 1-based line in origin for JSON Lines, 0 for a .txt
  // Bytes of origin consumed when this document was handed out (compressed bytes for gzip;
  // the file size for a .txt): progress and ETA for the indexer.
  std::uint64_t input_offset = 0;
  std::string source;      // the data's own "source" field

  // Metadata (empty when unknown). Display forms, as published.
  std::string type;         // "résolution européenne", "amendement", "reglement", …
  std::string institution;  // "Assemblée nationale"
  std::string date;         // ISO "YYYY-MM-DD"
  std::string title;
  std::string legislature;  // "17"
  std::string place;        // "Paris"
  std::vector<std::string> signatories;  // "Yaël Braun-Pivet"; amendment signataires, one
                                         // name each without "M."/"Mme"
  std::string signatory_role;  // "La Présidente"
  std::string outcome;      // amendment "sort": "Adopté", "Retiré", …
  std::string texte_ref;
  std::string dossier_ref;
  // Every other scalar field of the sidecar / JSON line, as (name, value) strings.
  std::vector<std::pair<std::string, std::string>> extras;

  std::string text;  // the whole text (valid UTF-8)
  std::vector<Clause> clauses;

  // Unions of the clauses' extracted values plus the document's own, deduplicated.
  std::vector<std::string> cites;
  std::vector<std::string> territories;
  std::vector<std::string> countries;
};

// A problem with the input. The item it names was skipped; the rest was read.
struct Warning {
  std::string file;
  std::size_t line = 0;  // 1-based, 0 when the whole file is concerned
  std::string message;

  // "FILE:LINE\u00a0: MESSAGE" (or "FILE\u00a0: MESSAGE" when line is 0): FILE:LINE first,
  // for tools, then a no-break space before the colon, as French typography has it.
  std::string to_string() const;
};

}  // namespace hemicycle::model
