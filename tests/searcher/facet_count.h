#pragma once

#include <cstddef>
#include <string>

#include "hemicycle/searcher/searcher.h"

namespace hemicycle::testing {

// The count of `value` in the facet `field` of a result (0 when not listed).
inline std::size_t facet_count(const searcher::SearchResult& r, const std::string& field,
                               const std::string& value) {
  for (const auto& f : r.facets) {
    if (f.field != field) continue;
    for (const auto& v : f.values) {
      if (v.value == value) return v.count;
    }
  }
  return 0;
}

}  // namespace hemicycle::testing
