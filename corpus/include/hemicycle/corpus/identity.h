#pragma once

// What identifies a document besides its id, for known-item search: its own number and,
// for an amendment, the article it targets. Read from the metadata or the title, as
// published. Pure and thread-safe.

#include <string>

#include "hemicycle/model/document.h"

namespace hemicycle::corpus {

struct Identity {
  // The document's own number, as written: the extra field "numero" (or "number") when
  // there is one, else the first "n° X" or "article X" of its title:
  //   "Code civil, article 515-14"             -> "515-14"
  //   "Amendement n° II-CF1 (APRÈS ART. 64)"   -> "II-CF1"
  //   "Texte adopté n° 180 - Projet de loi …"  -> "180" (a later "l'article 45" is cited)
  // Empty when there is none ("Règlement — 6 juillet 1848").
  std::string number;
  // The article a title's "(ART. X)" targets: "(ART. PREMIER)" -> "PREMIER", "(ART. 4 BIS)"
  // -> "4 BIS". Not "(APRÈS ART. 4)": an additional article is not article 4. Else empty.
  std::string target;
};

Identity identify(const model::Document& doc);

}  // namespace hemicycle::corpus
