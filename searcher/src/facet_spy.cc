#include "facet_spy.h"

#include <algorithm>

namespace hemicycle::searcher {

namespace schema = indexer::schema;

FacetSpy::FacetSpy(std::vector<const schema::Field*> fields) : fields_(std::move(fields)) {
  want_kind_ = wants("kind");
}

bool FacetSpy::wants(std::string_view field) const {
  for (const auto* f : fields_) {
    if (f->name == field) return true;
  }
  return false;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  std::string id = doc.get_value(schema::kSlotDocId);
  const bool summary = doc.get_value(schema::kSlotOrder) == summary_order_;
  if (summary) {
    if (restrict_ && !docs_.count(id)) return;
    if (!restrict_) docs_.try_emplace(id, 0);
    if (!faceted_.insert(id).second) return;
    for (auto& [field, value] : schema::decode_facets(doc.get_value(schema::kSlotFacets))) {
      if (wants(field)) ++counts_[field][value];
    }
    if (restrict_) return;  // kinds were counted from the matching clauses
  } else {
    ++docs_[id];
    ++clauses_;
  }
  if (!want_kind_) return;
  const std::string kinds = doc.get_value(schema::kSlotKind);
  std::string_view rest = kinds;
  while (!rest.empty()) {
    auto sep = rest.find('\x1E');
    std::string_view kind = rest.substr(0, sep);
    std::string key = id;
    key += '\x1F';
    key += kind;
    if (kind_pairs_.insert(std::move(key)).second) ++counts_["kind"][std::string(kind)];
    if (sep == std::string_view::npos) break;
    rest.remove_prefix(sep + 1);
  }
}

std::size_t FacetSpy::clauses_of(const std::string& doc_id) const {
  auto it = docs_.find(doc_id);
  return it == docs_.end() ? 0 : it->second;
}

std::vector<Facet> FacetSpy::facets(std::size_t limit) const {
  std::vector<Facet> out;
  for (const auto* f : fields_) {
    Facet facet;
    facet.field = std::string(f->name);
    facet.label = std::string(f->label);
    auto it = counts_.find(facet.field);
    if (it != counts_.end()) {
      for (const auto& [value, count] : it->second) facet.values.push_back({value, count});
    }
    std::sort(facet.values.begin(), facet.values.end(), [](const auto& a, const auto& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (limit && facet.values.size() > limit) facet.values.resize(limit);
    out.push_back(std::move(facet));
  }
  return out;
}

}  // namespace hemicycle::searcher
