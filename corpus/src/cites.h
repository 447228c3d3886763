#pragma once

// Private entry point of cites.cc for segment(): cites with a context kept across the
// clauses of one document.

#include <string>
#include <string_view>
#include <vector>

namespace hemicycle::corpus::internal {

// extract_cites (extract.h) where *last_code carries the code last cited ("code civil")
// in and out, so that "du même code" in a later clause of the same document resolves.
void extract_cites(std::string_view text, std::vector<std::string>* out,
                   std::string* last_code);

}  // namespace hemicycle::corpus::internal
