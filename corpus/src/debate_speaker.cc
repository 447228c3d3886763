#include "debate_speaker.h"

#include <array>

#include "civility.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/model/document.h"
#include "text_util.h"

namespace hemicycle::corpus::internal {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// Subjects of a collective speech, folded: "Plusieurs députés du groupe UMP", "Un député du
// groupe SRC", "De nombreux députés …", "Mêmes mouvements" is a direction, not a speaker.
constexpr std::array<std::string_view, 13> kCollectiveOpeners = {
    "plusieurs ", "un depute", "une deputee", "un membre", "une voix", "des voix",
    "de nombreux ", "quelques ", "les deputes", "des deputes", "tous les ", "toutes les ",
    "un senateur"};

bool collective_opener(std::string_view folded) {
  for (std::string_view o : kCollectiveOpeners) {
    if (folded.starts_with(o)) return true;
  }
  return false;
}

// A speaker opens with a civility ("M. ", "Mme ") or a collective subject.
// The label as shown: no-break spaces as spaces, "M . Claude Sturni" (a misprint) as "M.".
std::string shown(std::string_view printed) {
  std::string label = normalize_spaces(printed);
  if (label.rfind("M . ", 0) == 0) label.erase(1, 1);
  return label;
}

bool opens_speaker(std::string_view printed) {
  if (printed.empty()) return false;
  const std::string label = shown(printed.substr(0, 40));
  if (civility_at(label, 0) > 0) return true;
  return collective_opener(fold_key(label.substr(0, 40)));
}

std::string_view without_final(std::string_view s, char c) {
  s = trim(s);
  while (!s.empty() && s.back() == c) s = trim(s.substr(0, s.size() - 1));
  return s;
}

// "M. Erwann Binet, rapporteur" -> label "M. Erwann Binet", role "rapporteur". The comma
// searched after the civility ("MM." never holds one).
void split_role(Lead* lead) {
  const std::size_t comma = lead->label.find(", ");
  if (comma == std::string::npos) return;
  // "M. Jacques Myard, M. Céleste Lett et M. Hervé Mariton": several speakers, no role.
  if (civility_at(lead->label, comma + 2) > 0) return;
  std::string role(trim(std::string_view(lead->label).substr(comma + 2)));
  if (!lead->role.empty()) role += ", " + lead->role;
  lead->role = std::string(without_final(role, '.'));
  lead->label.resize(comma);
}

// The label and role as shown (no-break spaces as spaces), the body from its first word.
void finish(std::string_view para, Lead* lead) {
  lead->label = shown(lead->label);
  split_role(lead);
  lead->role = normalize_spaces(lead->role);
  lead->body = skip_spaces(para, lead->body);
}

// Where the sentence that begins at `from` ends: the first ". " (or a final "."), within
// `limit` bytes; npos when none.
std::size_t sentence_end(std::string_view para, std::size_t from, std::size_t limit) {
  const std::size_t last = std::min(para.size(), from + limit);
  for (std::size_t i = from; i < last; ++i) {
    if (para[i] != '.' || (i + 1 < para.size() && para[i + 1] != ' ')) continue;
    const std::size_t word = para.find_last_of(' ', i) == kNone ? 0 : para.find_last_of(' ', i) + 1;
    const std::string_view w = para.substr(word, i - word);
    if (w == "M" || w == "MM") continue;  // "M. Céleste Lett" goes on
    return i;
  }
  return kNone;
}

// The role after "Mme Christiane Taubira, ": the italic run there, else the sentence.
bool read_role_after(std::string_view para, std::size_t from, std::size_t italic_begin,
                     std::size_t italic_end, Lead* lead) {
  if (italic_begin != kNone && italic_begin >= from && italic_begin <= from + 2) {
    lead->role = std::string(without_final(para.substr(italic_begin, italic_end - italic_begin), '.'));
    std::size_t body = italic_end;
    if (body < para.size() && para[body] == '.') ++body;
    lead->body = body;
    return true;
  }
  const std::size_t dot = sentence_end(para, from, 300);
  if (dot == kNone) return false;
  lead->role = std::string(trim(para.substr(from, dot - from)));
  lead->body = dot + 1;
  return true;
}

std::string group_of(std::string_view label) {
  for (std::string_view marker : {std::string_view("du groupe "), std::string_view("des groupes ")}) {
    const std::size_t at = label.find(marker);
    if (at == std::string_view::npos) continue;
    std::string_view g = label.substr(at + marker.size());
    for (std::string_view stop : {std::string_view(" et "), std::string_view(", ")}) {
      const std::size_t s = g.find(stop);
      if (s != std::string_view::npos) g = g.substr(0, s);
    }
    return std::string(without_final(g, '.'));
  }
  return {};
}

}  // namespace

bool read_html_lead(std::string_view para, std::size_t bold_end, std::size_t italic_begin,
                    std::size_t italic_end, Lead* lead) {
  if (bold_end == 0 || bold_end > para.size()) return false;
  const std::string_view bold = trim(para.substr(0, bold_end));
  // A name with no civility stands as a speaker when its role follows in italics
  // ("<b>Christiane Taubira, </b><i>garde des sceaux.</i>", as once published).
  const bool role_follows = !bold.empty() && bold.back() == ',' && italic_begin != kNone &&
                            italic_begin >= bold_end && italic_begin <= bold_end + 2;
  if ((!opens_speaker(bold) && !role_follows) || bold.size() > 300) return false;
  *lead = Lead{};
  if (bold.back() == ',') {
    lead->label = std::string(without_final(bold, ','));
    if (!read_role_after(para, skip_spaces(para, bold_end), italic_begin, italic_end, lead)) {
      return false;
    }
  } else if (bold.back() == '.' || bold.back() == ':') {
    lead->label = std::string(without_final(without_final(bold, ':'), '.'));
    lead->body = bold_end;
  } else {
    // "Plusieurs députés du groupe SRC</b> : Oui !": the colon ends the speaker.
    const std::size_t colon = skip_spaces(para, bold_end);
    if (colon < para.size() && para[colon] == ':') {
      lead->label = std::string(bold);
      lead->body = colon + 1;
      finish(para, lead);
      return true;
    }
    // "M. Jean-Claude Perez</b> et <b>Mme Geneviève Gaillard." : the lead runs to its dot;
    // "M. François Rochebloine</b> Vous ne serez pas…" (no dot printed): the bold alone.
    const std::string_view next = para.substr(skip_spaces(para, bold_end));
    const bool joined = next.rfind("et ", 0) == 0 || next.rfind(",", 0) == 0;
    const std::size_t dot = joined ? sentence_end(para, bold_end, 200) : kNone;
    if (dot == kNone) {
      lead->label = std::string(bold);
      lead->body = bold_end;
      finish(para, lead);
      return true;
    }
    lead->label = std::string(trim(para.substr(0, dot)));
    lead->body = dot + 1;
  }
  finish(para, lead);
  return !lead->label.empty();
}

bool read_text_lead(std::string_view para, Lead* lead) {
  std::size_t dash = kNone, dash_len = 0;
  for (std::string_view d : {std::string_view(" \xE2\x80\x93 "), std::string_view(" \xE2\x80\x94 "),
                             std::string_view(" - ")}) {
    const std::size_t at = para.substr(0, 400).find(d);
    if (at != std::string_view::npos && at < dash) {
      dash = at;
      dash_len = d.size();
    }
  }
  if (dash == kNone) return false;
  const std::string_view head = para.substr(0, dash);
  if (!opens_speaker(head)) return false;
  *lead = Lead{};
  lead->label = std::string(without_final(head, '.'));
  lead->body = dash + dash_len;
  finish(para, lead);
  return !lead->label.empty();
}

LabelParts parse_label(std::string_view label) {
  LabelParts parts;
  parts.group = group_of(label);
  const std::size_t civ = civility_at(label, 0);
  if (civ == 0) {
    const bool collective = collective_opener(fold_key(label.substr(0, 40)));
    parts.kind = collective ? LabelKind::kCollective : LabelKind::kPerson;
    if (!collective) parts.name = std::string(trim(label));
    return parts;
  }
  const std::string_view civility = trim(label.substr(0, civ));
  parts.feminine = civility.rfind("Mme", 0) == 0 || civility == "Mlle";
  const std::string_view rest = trim(label.substr(civ));
  const std::string key = fold_key(rest);
  if (key == "le president" || key == "la presidente") {
    parts.kind = LabelKind::kChair;
    parts.feminine = key == "la presidente";
    return parts;
  }
  for (std::string_view article : {"le ", "la ", "l'"}) {
    if (!key.starts_with(article)) continue;
    parts.kind = LabelKind::kOffice;
    std::size_t skip = article.size();
    if (article == "l'" && rest.size() > 1 && rest[1] != '\'') skip = 4;  // "l’": 4 bytes
    parts.name = std::string(trim(rest.substr(skip)));
    return parts;
  }
  const std::size_t et = rest.find(" et ");
  const bool joined = et != std::string_view::npos &&
                      (civility_at(rest, et + 4) > 0 ||
                       collective_opener(fold_key(rest.substr(et + 4, 40))));
  const bool several = civility == "MM." || civility == "Mmes" || joined ||
                       rest.find(", M") != std::string_view::npos;
  parts.kind = several ? LabelKind::kCollective : LabelKind::kPerson;
  if (!several) parts.name = std::string(rest);
  return parts;
}

std::string_view kind_of_role(std::string_view role) {
  const std::string k = fold_key(role);
  if (k.empty()) return model::kSpeakerMember;
  if (k.find("ministre") != std::string::npos || k.find("secretaire d'etat") != std::string::npos ||
      k.find("garde des sceaux") != std::string::npos) {
    return model::kSpeakerGovernment;
  }
  const bool chairs = k.starts_with("president") || k.starts_with("vice-president");
  if (k.find("rapporteu") != std::string::npos ||
      (chairs && k.find("commission") != std::string::npos)) {
    return model::kSpeakerRapporteur;
  }
  return model::kSpeakerMember;
}

std::string presiding_name(std::string_view printed) {
  const std::string normalized = normalize_spaces(printed);
  std::string_view text = normalized;
  if (fold_key(text.substr(0, 20)).rfind("presidence de ", 0) != 0) return {};
  const std::size_t de = text.find("de ");
  std::string_view name = trim(text.substr(de + 3));
  name = name.substr(civility_at(name, 0));
  const std::size_t comma = name.find(',');
  if (comma != std::string_view::npos) name = name.substr(0, comma);
  return std::string(without_final(name, '.'));
}

}  // namespace hemicycle::corpus::internal
