#pragma once

#include "hemicycle/model/document.h"
#include "hemicycle/corpus/extract.h"  // extraction helpers used by segment()

namespace hemicycle::corpus {

// Splits doc.text into clauses according to the kind of text (resolution, amendment,
// bill/code/règlement, anything else), fills doc.clauses, extracts cites, territories and
// countries (per clause and for the document), and fills metadata the text itself gives
// when the metadata is empty (resolution: institution, date, place, signatory and role).
// Never throws on odd text: the fallback is one clause per paragraph.
//
// The kind of text, in this order:
//   amendment   doc.type contains "amendement", or the first line is a division in
//               capitals ("ARTICLE 3", "APRÈS L'ARTICLE 2, insérer …") and an "EXPOSÉ
//               SOMMAIRE" line follows. Clauses: the first paragraph as kTarget, then
//               kDispositif paragraphs numbered "1", "2"… (quoted "« Considérant … »" stay
//               dispositif), then kExpose paragraphs; the "EXPOSÉ SOMMAIRE" line is no clause.
//   debate      doc.type "compte_rendu" (or no type and a plain text where the chair speaks
//               as "M. le président. – …"): one kSpeech clause per speech, from its
//               speaker to the next, Clause::speech filled (who speaks, as printed and as a
//               person, the role, the kind of speaker, the group, the heading path, the
//               amendment discussed, the stage directions); headings and "Présidence de …"
//               lines are no clause. Read from doc.blocks when a page gave them, else from
//               the blank-line separated paragraphs. See debate.h. No speech found: one
//               kParagraph per paragraph.
//   resolution  a preamble line ("L’Assemblée nationale,", "Le Sénat,") among the first
//               five lines, or a first line opening with "Vu", or a "résolution" type with
//               "Vu"/"Considérant" lines. A clause starts at a line opening with "Vu",
//               "Considérant", a recital participle ("Rappelant", "Soulignant", …), the next
//               article number ("2. Affirme …": kArticle, number "2", lead "Affirme"), a
//               closing place and date, or "La Présidente," / "Signé :" (one kSignature);
//               other lines, blank lines in between included, continue the clause.
//   legal       doc.type texte_legislatif, article_de_code, reglement (or containing "loi",
//               "code"), or any "Article N" heading line. "Article 1er", "Article 2 A",
//               "Art. L. 1114-1." lines are no clause: their number goes to the following
//               kAlinea paragraphs (a quoted "Art. L. 1114-1. - …" alinéa numbers itself and
//               the quoted alinéas after it); TITRE/CHAPITRE/Section/Livre lines, the line
//               after them when it is a title, and a first line before any article (the
//               bill's title) are kHeading. Hard-wrapped lines join; blank lines separate.
//   other       anything else: one kParagraph per paragraph (blank-line separated).
// Clause::text keeps the text as published, numbers included ("7. Encourage …"): a
// clause's lines are trimmed and joined with single spaces, blank lines dropped.
// Clause::begin/end cover the clause in doc.text, from its first to its last byte.
// REQUIRES: doc.text is valid UTF-8. Calling it again recomputes the clauses; the facet
// unions keep the values they already hold. Thread-safe (no shared mutable state).
void segment(model::Document& doc);

}  // namespace hemicycle::corpus
