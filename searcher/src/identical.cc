#include "identical.h"

#include <algorithm>

#include "hemicycle/format/records.h"
#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

std::vector<IdenticalDocument> identical_documents(Shards& index, std::uint64_t text,
                                                   const std::string& doc_id,
                                                   const Filters& filters,
                                                   const Xapian::MatchDecider* decider) {
  std::vector<IdenticalDocument> out;
  if (text == 0) return out;
  Xapian::Database& db = index.db();
  const std::string term = schema::text_term(text);
  if (db.get_termfreq(term) < 2) return out;  // the hit's document alone
  Xapian::Enquire e(db);
  e.set_query(filters.on_summaries(
      Query(Query::OP_FILTER, Query(std::string(schema::kSummaryTerm)), Query(term))));
  e.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet m = e.get_mset(0, db.get_termfreq(term), 0, nullptr, decider);
  for (auto it = m.begin(); it != m.end(); ++it) {
    format::StoredDocument s;
    if (!format::decode(index.stored(it.get_document()), &s) || s.id == doc_id) continue;
    out.push_back({std::move(s.id), std::move(s.title), std::move(s.date),
                   std::move(s.signatories)});
  }
  std::sort(out.begin(), out.end(), [](const IdenticalDocument& a, const IdenticalDocument& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();  // undated last
    return a.date != b.date ? a.date < b.date : a.document_id < b.document_id;
  });
  return out;
}

}  // namespace hemicycle::searcher
