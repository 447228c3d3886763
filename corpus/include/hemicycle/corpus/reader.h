#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "hemicycle/model/document.h"

namespace hemicycle::corpus {

using DocumentSink = std::function<void(model::Document&&)>;
using WarningSink = std::function<void(model::Warning&&)>;

// Reads documents and hands each one as read to on_document: its metadata and its text,
// not segmented (no clauses, no extracted cites, territories or countries, no metadata
// taken from the text: see segmenter.h). Whoever reads decides whether to segment; the
// indexer, for one, skips a document it already holds without segmenting it.
// Accepted inputs:
//   NAME.txt             plain text as published, with an optional NAME.json sidecar
//   NAME.html, NAME.htm  an HTML page (read_html() below), with an optional NAME.json
//                        sidecar whose non-empty fields override what the page says
//   NAME.jsonl, .jsonl.gz one JSON object per line: id, type, institution, date, title,
//                        text, source, and extras
//   a folder             read recursively, files in sorted order; any other file is a
//                        warning ("pas un fichier du corpus"), but a NAME.json beside a
//                        NAME.txt or NAME.html (its sidecar)
// Bad input (invalid UTF-8, empty file, broken JSON line, a sidecar that is not JSON, a line
// without id or text, an unreadable file) is reported to on_warning with file and line, and
// that item is skipped; everything else is read. A sidecar that is not JSON skips the
// sidecar only: the text is still read, under its file name as id.
// Fields of a JSON line or sidecar: id, type, institution, date (ISO; null or not ISO ->
// empty), title, source, legislature, place, texte_ref, dossier_ref map to the fields of
// the same name; "signataires" ("Mme A, M. B et Mme C") -> signatories split into names
// (split_signatories in extract.h); "sort" -> outcome; the sidecar's "signer" and
// "signer_role" -> signatories and signatory_role; "text" of a sidecar is ignored (the
// .txt is the text). Every other scalar field goes to extras as a string (numbers as
// written, booleans "true"/"false"); null fields and arrays/objects are left out.
// Document::origin is the file (or `name`), Document::line the JSON line (0 for a .txt).
// A document without a sidecar id takes the file stem ("NAME" for NAME.txt).
// Returns the number of documents handed to on_document. The sinks are called on the
// calling thread, in file order; concurrent calls on different inputs are safe.
std::size_t read_unsegmented(const std::filesystem::path& path, const DocumentSink& on_document,
                             const WarningSink& on_warning);

// Reads the bytes of an HTML page into *doc (replacing it), not segmented. The charset is the
// page's own (<meta charset> or http-equiv; ISO-8859-1 read as windows-1252, as browsers
// do), else UTF-8 when the bytes are valid UTF-8, else windows-1252; libxml2's HTML parser
// reads any bytes, entities decoded. doc->text is the text of <body>, one paragraph per block
// element (p, h1–h6, li, div, td…), paragraphs separated by "\n\n", spaces collapsed, <br> a
// "\n" inside its paragraph, U+00A0 kept, scripts, styles and comments left out; valid
// UTF-8, NFC. doc->blocks: one Block per paragraph (kind, level, css_class, lead_end: the end
// of the leading bold run, with a '.', ',' or ':' right after it; italic runs). Title: <title>,
// else the first <h1>. A compte rendu of the Assemblée (meta TYPE_DOCUMENT "Compte rendu
// intégral", h1.seance or h2.entete "Compte rendu intégral") is read as one: only its own
// text (no navigation, sommaire, h2.entete, h1.seance, h5.numencad; between its DEBUT_SEANCE
// and FIN_SEANCE comments when it has them), type "compte_rendu", institution "Assemblée
// nationale", title and sitting "Troisième séance du mardi 29 janvier 2013", date
// (2013-01-29), sitting_of_day, legislature ("14", from LEGISLATURE_ID or "XIVe
// législature"), presiding (the h5.presidence, without M./Mme); h5.presidence is a
// kPresidency block, h2.titre1/2/3 kHeading of level 1/2/3. doc->id is the stem of `name`,
// doc->origin `name`. Returns false with *error set, in French, when the bytes hold no text
// ("fichier vide") or are binary. Never throws; thread-safe.
bool read_html(std::string_view bytes, const std::string& name, model::Document* doc,
               std::string* error);

// read_unsegmented(), and each document segmented (segment()) before it is handed out.
std::size_t read_path(const std::filesystem::path& path, const DocumentSink& on_document,
                      const WarningSink& on_warning);

// Reads JSON Lines from a stream (already decompressed) as read_path() does, segmented;
// `name` is used in warnings and as Document::origin.
std::size_t read_jsonl(std::istream& in, const std::string& name,
                       const DocumentSink& on_document, const WarningSink& on_warning);

}  // namespace hemicycle::corpus
