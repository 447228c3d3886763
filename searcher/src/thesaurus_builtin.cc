// The compiled-in thesaurus and the expansion of a search's query with it. Apart from
// thesaurus.cc, which the build's generator (tools/thesaurus_gen.cc) compiles too.

#include <algorithm>

#include "thesaurus.h"

namespace hemicycle::searcher {

const Thesaurus& Thesaurus::builtin() {
  static const Thesaurus thesaurus = Thesaurus::from_compiled(internal::kThesaurusCompiled);
  return thesaurus;
}

std::vector<Expansion> expand_on(ParsedQuery& pq, const Xapian::Database& db) {
  std::vector<Expansion> added = expand_query(pq, Thesaurus::builtin());
  if (added.empty()) return added;
  weigh_expansions(
      pq, [&](const std::string& term) { return static_cast<double>(db.get_termfreq(term)); },
      std::max<double>(db.get_doccount(), 1));
  return added;
}

}  // namespace hemicycle::searcher
