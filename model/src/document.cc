#include "hemicycle/model/document.h"

#include <array>
#include <utility>

namespace hemicycle::model {
namespace {

struct KindName {
  ClauseKind kind;
  std::string_view name;   // in the index, the CLI and JSON
  std::string_view label;  // for people, in French
};

constexpr std::array<KindName, 14> kKindNames = {{
    {ClauseKind::kPreamble, "preamble", "préambule"},
    {ClauseKind::kVisa, "visa", "visa"},
    {ClauseKind::kConsiderant, "considerant", "considérant"},
    {ClauseKind::kRecital, "recital", "rappel"},
    {ClauseKind::kArticle, "article", "article"},
    {ClauseKind::kPlaceDate, "place_date", "lieu et date"},
    {ClauseKind::kSignature, "signature", "signature"},
    {ClauseKind::kTarget, "target", "division visée"},
    {ClauseKind::kDispositif, "dispositif", "dispositif"},
    {ClauseKind::kExpose, "expose", "exposé sommaire"},
    {ClauseKind::kHeading, "heading", "intitulé"},
    {ClauseKind::kAlinea, "alinea", "alinéa"},
    {ClauseKind::kParagraph, "paragraph", "paragraphe"},
    {ClauseKind::kSpeech, "speech", "intervention"},
}};

}  // namespace

std::string_view to_string(ClauseKind kind) {
  for (const auto& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "paragraph";
}

std::optional<ClauseKind> clause_kind_from_string(std::string_view name) {
  for (const auto& k : kKindNames) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::string_view label(ClauseKind kind) {
  for (const auto& k : kKindNames) {
    if (k.kind == kind) return k.label;
  }
  return "paragraphe";
}

std::string Warning::to_string() const {
  std::string out = file;
  if (line != 0) {
    out += ':';
    out += std::to_string(line);
  }
  out += "\u00a0: ";  // French typography: a no-break space before the colon
  out += message;
  return out;
}

}  // namespace hemicycle::model
