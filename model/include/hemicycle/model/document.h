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
  kSpeech,        // debate: one speech, from its speaker's name to the next speaker
};

// Stable lowercase ASCII names used in the index, the CLI and JSON:
// preamble visa considerant recital article place_date signature target dispositif
// expose heading alinea paragraph speech.
std::string_view to_string(ClauseKind kind);
std::optional<ClauseKind> clause_kind_from_string(std::string_view name);
// The kind as a French reader names it, lowercase: "considérant", "exposé sommaire".
std::string_view label(ClauseKind kind);
// Every kind, in declaration order.
inline constexpr int kClauseKindCount = static_cast<int>(ClauseKind::kSpeech) + 1;

// Who speaks, as a category: the facet `speaker_role`. Display values, French.
//   "président de séance"  the chair ("M. le président", "Mme la présidente")
//   "gouvernement"         a minister or secretary of state ("garde des sceaux, …")
//   "rapporteur"           a rapporteur, rapporteure, président(e) of a commission
//   "député"               any other member speaking (and a "sénateur" in the Sénat)
//   "groupe"               a collective speech ("Plusieurs députés du groupe UMP")
inline constexpr std::string_view kSpeakerChair = "président de séance";
inline constexpr std::string_view kSpeakerGovernment = "gouvernement";
inline constexpr std::string_view kSpeakerRapporteur = "rapporteur";
inline constexpr std::string_view kSpeakerMember = "député";
inline constexpr std::string_view kSpeakerGroup = "groupe";

// A stage direction inside a speech ("(Applaudissements sur les bancs du groupe SRC.)"):
// its byte range in Clause::text, parentheses included.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

// What a kSpeech clause knows of who speaks and where in the sitting. Empty for other kinds.
struct Speech {
  std::string speaker;       // the person as named: "Christiane Taubira" (no M./Mme); the
                             // chair and a minister named by office resolved to the person;
                             // empty for a collective speech and when unknown
  std::string speaker_label; // the speaker as printed, without the final dot: "M. le
                             // président", "Mme la garde des sceaux", "Plusieurs députés
                             // du groupe UMP", "M. Julien Aubert"
  std::string speaker_role;  // the role in this sitting as printed: "garde des sceaux,
                             // ministre de la justice", "rapporteur de la commission des
                             // lois…"; "président de séance" / "présidente de séance" for
                             // the chair; empty for a member with no role printed
  std::string speaker_kind;  // one of kSpeaker* above
  std::string group;         // political group where printed: "UMP", "SRC", "écologiste"
  std::vector<std::string> headings;  // agenda path, outermost first: {"Ouverture du
                             // mariage …", "Discussion des articles", "Après l’article 1er"}
  std::string amendment;     // the amendment under discussion when named: "53" (as printed
                             // after "n°"), else empty
  std::vector<Span> directions;  // stage directions inside Clause::text, in order
};

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
  Speech speech;                         // kSpeech only
};

// A unit of a page's structure as published (HTML), which plain text does not mark: the
// reader fills Document::blocks, the segmenter reads them. Byte ranges are in
// Document::text, where each block is one paragraph (blocks are separated by a blank line).
struct Block {
  enum class Kind {
    kHeading,     // h1–h4 and the chambers' heading classes (titre1, titre2, titre3)
    kPresidency,  // "Présidence de M. Claude Bartolone" (h5.presidence)
    kParagraph,   // a <p> (and any other block of text)
  };
  Kind kind = Kind::kParagraph;
  int level = 0;            // kHeading: 1 the agenda item (titre1), 2 (titre2), 3
                            // (titre3: a stage, an article); h-levels otherwise
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t lead_end = 0; // kParagraph: end of its leading bold run (the speaker: "M. le
                            // président.", "Mme Christiane Taubira,") in text; 0 when the
                            // paragraph opens with no bold
  std::vector<Span> italic; // italic runs (a role after the speaker, stage directions)
  std::string css_class;    // the element's class attribute as published ("titre1")
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
  // A sitting (compte rendu), empty otherwise: "Troisième séance du mardi 29 janvier 2013",
  // its rank in the day (1 for "Première séance", 0 for a day's only sitting or unknown),
  // and who presided, in order, each once ("Claude Bartolone"), without M./Mme.
  std::string sitting;
  int sitting_of_day = 0;
  std::vector<std::string> presiding;
  // Every other scalar field of the sidecar / JSON line, as (name, value) strings.
  std::vector<std::pair<std::string, std::string>> extras;

  std::string text;  // the whole text (valid UTF-8)
  std::vector<Block> blocks;  // the structure an HTML page gives; empty for plain text
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
