#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <string>

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
//   NAME.jsonl, .jsonl.gz one JSON object per line: id, type, institution, date, title,
//                        text, source, and extras
//   a folder             read recursively, files in sorted order; other files ignored
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

// read_unsegmented(), and each document segmented (segment()) before it is handed out.
std::size_t read_path(const std::filesystem::path& path, const DocumentSink& on_document,
                      const WarningSink& on_warning);

// Reads JSON Lines from a stream (already decompressed) as read_path() does, segmented;
// `name` is used in warnings and as Document::origin.
std::size_t read_jsonl(std::istream& in, const std::string& name,
                       const DocumentSink& on_document, const WarningSink& on_warning);

}  // namespace hemicycle::corpus
