#pragma once

#include "hemicycle/corpus/document.h"

namespace hemicycle::corpus {

// Splits doc.text into clauses according to the kind of text (resolution, amendment,
// bill/code/règlement, anything else), fills doc.clauses, extracts cites, territories and
// countries (per clause and for the document), and fills metadata the text itself gives
// when the metadata is empty (resolution: institution, date, place, signatory and role).
// Never throws on odd text: the fallback is one clause per paragraph.
void segment(Document& doc);

}  // namespace hemicycle::corpus
