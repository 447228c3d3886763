#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/format/schema.h"
#include "hemicycle/searcher/notice.h"

namespace hemicycle::searcher {

// `field:value` (or `-field:value`).
struct FieldFilter {
  const format::schema::Field* field = nullptr;
  std::string value;  // as typed
  bool negated = false;
  bool selected = false;  // given apart (--filter, &filter=), as a facet selection
};

// `date:FROM..TO`, inclusive ISO dates; an empty bound is open.
struct DateRange {
  std::string from;
  std::string to;
};

// Parses "field:value" as given to --filter / &filter= (`field:"two words"` too) and appends
// it to `filters` as a selected filter; "date:A..B" narrows `date` instead (several ranges
// keep their intersection). Returns what is wrong (code and French message), or an empty
// Notice on success.
Notice add_filter(std::string_view spec, std::vector<FieldFilter>& filters,
                  std::optional<DateRange>& date);

// Narrows `date` to [from, to] (YYYY, YYYY-MM or YYYY-MM-DD; either may be empty = open).
// Returns what is wrong, or an empty Notice on success.
Notice add_date_bounds(std::string_view from, std::string_view to,
                       std::optional<DateRange>& date);

}  // namespace hemicycle::searcher
