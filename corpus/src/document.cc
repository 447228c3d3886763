#include "hemicycle/corpus/document.h"

#include <array>
#include <utility>

namespace hemicycle::corpus {
namespace {

constexpr std::array<std::pair<ClauseKind, std::string_view>, 13> kKindNames = {{
    {ClauseKind::kPreamble, "preamble"},
    {ClauseKind::kVisa, "visa"},
    {ClauseKind::kConsiderant, "considerant"},
    {ClauseKind::kRecital, "recital"},
    {ClauseKind::kArticle, "article"},
    {ClauseKind::kPlaceDate, "place_date"},
    {ClauseKind::kSignature, "signature"},
    {ClauseKind::kTarget, "target"},
    {ClauseKind::kDispositif, "dispositif"},
    {ClauseKind::kExpose, "expose"},
    {ClauseKind::kHeading, "heading"},
    {ClauseKind::kAlinea, "alinea"},
    {ClauseKind::kParagraph, "paragraph"},
}};

}  // namespace

std::string_view to_string(ClauseKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "paragraph";
}

std::optional<ClauseKind> clause_kind_from_string(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string Warning::to_string() const {
  std::string out = file;
  if (line != 0) {
    out += ':';
    out += std::to_string(line);
  }
  out += ": ";
  out += message;
  return out;
}

}  // namespace hemicycle::corpus
