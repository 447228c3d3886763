#include "amendment_link.h"

#include "hemicycle/format/records.h"
#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

namespace {

// Past this many amendments of one number and type, the number says too little: no link.
constexpr Xapian::doccount kMaxCandidates = 64;

// Equal, or unknown on one side.
bool fits(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

}  // namespace

std::string linked_amendment(Shards& index, const std::string& number,
                             const std::string& legislature, const std::string& texte_ref) {
  const std::string number_term = schema::number_term(schema::kNumberPrefix, number);
  if (number_term.empty()) return {};
  Xapian::Database& db = index.db();
  const std::string type = schema::facet_term(*schema::find_field("type"), "amendement");
  Xapian::Enquire e(db);
  e.set_query(Query(Query::OP_FILTER, Query(number_term),
                    Query(Query::OP_AND, Query(type), Query(std::string(schema::kSummaryTerm)))));
  e.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet m = e.get_mset(0, kMaxCandidates + 1);
  if (m.size() > kMaxCandidates) return {};
  std::string found;
  for (auto it = m.begin(); it != m.end(); ++it) {
    format::StoredDocument d;
    if (!format::decode(index.stored(it.get_document()), &d)) continue;
    if (!fits(d.legislature, legislature) || !fits(d.texte_ref, texte_ref)) continue;
    if (!found.empty()) return {};  // several: none
    found = d.id;
  }
  return found;
}

}  // namespace hemicycle::searcher
