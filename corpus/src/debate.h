#pragma once

// The debate segmenter: a compte rendu cut into speeches. Private to hemicycle_corpus; the
// public entry point is segment() (segmenter.h).

#include "hemicycle/model/document.h"

namespace hemicycle::corpus::internal {

// True if a text with no type reads as a compte rendu in plain text: the chair speaks as
// "M. le président. – …" or "Mme la présidente. – …".
bool looks_like_debate(std::string_view text);

// Fills doc.clauses with one kSpeech clause per speech (Clause::speech filled), from
// doc.blocks when the page gave them, else from doc.text's blank-line separated paragraphs:
//   - a speech opens at a paragraph that begins with its speaker (the bold run of a page,
//     "M. X, role. – " in plain text) and runs to the next speaker, heading or presidency;
//     Clause::text is the speech's words without the speaker, its paragraphs joined by "\n";
//     Clause::begin/end cover it in doc.text, speaker included;
//   - headings ("Discussion des articles", "Après l’article 1er (suite)") and "Présidence de
//     …" lines are no clause: they set each speech's heading path (item › stage › article ›
//     incident, "(suite)" dropped) and who the chair is; "M. le président" is resolved to the
//     person presiding, "Mme la garde des sceaux" to the person who spoke earlier with that
//     role;
//   - stage directions "(Applaudissements …)" stay in the speech they interrupt, as
//     Speech::directions; the amendment named for discussion ("pour soutenir l’amendement
//     n° 53", the chair calling it) is Speech::amendment until voted, withdrawn or the next
//     heading;
//   - a paragraph outside any speech (before the first, the closing signature) is a
//     kParagraph clause.
// doc.presiding is filled from the presidency lines when the reader left it empty. Returns
// false, doc.clauses untouched, when no speech was found.
bool segment_debate(model::Document& doc);

}  // namespace hemicycle::corpus::internal
