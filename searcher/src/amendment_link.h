#pragma once

// The amendment a speech names ("pour soutenir l’amendement n° 53"), linked at display time
// to its document when the index holds exactly one that fits: never a wrong link.

#include <string>

#include "shards.h"

namespace hemicycle::searcher {

// The id of the one amendment document of number `number` (schema::kNumberPrefix) whose
// legislature and text (texte_ref) are those of the sitting where either side has none;
// "" when there is none or several.
std::string linked_amendment(Shards& index, const std::string& number,
                             const std::string& legislature, const std::string& texte_ref);

}  // namespace hemicycle::searcher
