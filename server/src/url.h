#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hemicycle::server {

// A request target split into its decoded path and query parameters, in order.
struct Target {
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;

  // The last value of a parameter, or nullptr.
  const std::string* get(std::string_view name) const;
  // Every value of a parameter, in order.
  std::vector<std::string> all(std::string_view name) const;
};

// Percent-decodes `in` ('+' is a space when `plus_is_space`). Returns false on a malformed
// escape ("%", "%4", "%zz"); `out` is then unspecified.
bool percent_decode(std::string_view in, bool plus_is_space, std::string* out);

// Parses an origin-form target ("/api/search?q=a+b&filter=x"). Returns an error message,
// or an empty string on success.
std::string parse_target(std::string_view target, Target* out);

}  // namespace hemicycle::server
