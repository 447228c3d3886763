#pragma once

// The records the index keeps to show a hit (schema::kSlotStored, compressed by store.h):
// a clause (its index, kind, number, lead verb, text) and a document's metadata. This file
// is the one place that knows their keys: the writer encodes, the searcher decodes, and
// the API's "metadata" object of a document is the stored document record as it is.
//
// Records are JSON objects, so that an index stays readable by tools that know nothing of
// this code; keys absent from a record decode as empty fields, unknown keys are ignored.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hemicycle::format {

struct StoredClause {
  std::size_t index = 0;  // 1-based position in its document
  std::string kind;       // model::to_string(ClauseKind)
  std::string number;
  std::string lead;
  std::string text;
  // A speech (kind "speech"; model::Speech): left out of the JSON when empty. `directions`
  // are [begin, end) byte offsets of stage directions in `text`.
  std::string speaker;
  std::string speaker_label;
  std::string speaker_role;
  std::string speaker_kind;
  std::string group;
  std::vector<std::string> headings;
  std::string amendment;
  std::vector<std::pair<std::size_t, std::size_t>> directions;
};

struct StoredDocument {
  std::string id;
  std::string title;
  std::string type;
  std::string institution;
  std::string date;
  std::string legislature;
  std::string place;
  std::vector<std::string> signatories;
  std::string signatory_role;
  std::string outcome;
  std::string texte_ref;
  std::string dossier_ref;
  std::string sitting;             // a sitting: "Troisième séance du mardi 29 janvier 2013"
  std::size_t sitting_of_day = 0;  // its rank in the day, 0: left out
  std::vector<std::string> presiding;
  std::string source;
  std::string origin;
  std::size_t line = 0;
  std::vector<std::string> cites;
  std::vector<std::string> territories;
  std::vector<std::string> countries;
  std::vector<std::pair<std::string, std::string>> extras;
  std::size_t clauses = 0;
  std::size_t text_bytes = 0;
};

// One JSON object; empty fields are left out (the id and the counts are always written).
std::string encode(const StoredClause& clause);
std::string encode(const StoredDocument& document);
// False when `json` is not a JSON object; fields it lacks stay as they were.
bool decode(std::string_view json, StoredClause* clause);
bool decode(std::string_view json, StoredDocument* document);

// A document's fields as (key, text) pairs in the record's order, lists joined by "; ",
// each extra as its own pair, empty fields left out: for plain-text display.
std::vector<std::pair<std::string, std::string>> display_fields(const StoredDocument& document);

}  // namespace hemicycle::format
