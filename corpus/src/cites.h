#pragma once

// Private entry points of cites.cc for segment(): references with a context kept across
// the clauses of one document.

#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/corpus/references.h"

namespace hemicycle::corpus::internal {

// find_references (references.h) where *last_code carries the code last cited ("code
// civil") in and out, so that "du même code" in a later clause of the same document
// resolves. Appends to *out.
void find_references(std::string_view text, std::string* last_code,
                     std::vector<Reference>* out);

// extract_cites (references.h) with *last_code as above.
void extract_cites(std::string_view text, std::vector<std::string>* out,
                   std::string* last_code);

}  // namespace hemicycle::corpus::internal
