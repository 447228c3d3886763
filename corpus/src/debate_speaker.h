#pragma once

// Who speaks: reading the speaker that opens a paragraph of a compte rendu, and naming what
// kind of speaker it is. Private to hemicycle_corpus (the debate segmenter, debate.cc).

#include <cstddef>
#include <string>
#include <string_view>

namespace hemicycle::corpus::internal {

// The speaker at the start of a paragraph, as printed.
struct Lead {
  std::string label;       // "M. Julien Aubert", "Mme la garde des sceaux", "Plusieurs
                           // députés du groupe UMP" (no final dot or comma)
  std::string role;        // "garde des sceaux, ministre de la justice", or empty
  std::size_t body = 0;    // offset in the paragraph where the speech's words begin
};

// The speaker of a published page's paragraph: `bold_end` ends its leading bold run (0 when
// none), `italic_begin`/`italic_end` the italic run that follows it, if any (npos when none):
//   "M. le président. La séance …"                         bold "M. le président."
//   "Mme Christiane Taubira, garde des sceaux. Merci …"     bold "Mme Christiane Taubira, ",
//                                                          italic "garde des sceaux."
// False when the bold run is no speaker (it must open with a civility or a collective
// subject such as "Plusieurs députés").
bool read_html_lead(std::string_view para, std::size_t bold_end, std::size_t italic_begin,
                    std::size_t italic_end, Lead* lead);

// The speaker of a plain-text paragraph: "M. Erwan Balanant, rapporteur de …. – Pas moins
// de 700 000 …" (an en dash or a hyphen between spaces ends the speaker).
bool read_text_lead(std::string_view para, Lead* lead);

// What a label names.
enum class LabelKind {
  kChair,       // "M. le président", "Mme la présidente"
  kOffice,      // "Mme la garde des sceaux", "M. le rapporteur": a person by their office
  kPerson,      // "M. Julien Aubert"
  kCollective,  // "Plusieurs députés du groupe UMP", "M. X et Mme Y"
};

struct LabelParts {
  LabelKind kind = LabelKind::kPerson;
  bool feminine = false;   // "Mme", "Mmes", "la présidente"
  std::string name;        // kPerson: "Julien Aubert"; kOffice: "garde des sceaux"
  std::string group;       // "UMP" for "… du groupe UMP", else empty
};

LabelParts parse_label(std::string_view label);

// The speaker_kind (model::kSpeaker*) of a person speaking with this role as printed:
// gouvernement for a minister, rapporteur for a rapporteur or a commission's president,
// député otherwise.
std::string_view kind_of_role(std::string_view role);

// "Présidence de M. Claude Bartolone" -> "Claude Bartolone"; empty if the text is not one.
std::string presiding_name(std::string_view text);

}  // namespace hemicycle::corpus::internal
