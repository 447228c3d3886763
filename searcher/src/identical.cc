#include "identical.h"

#include <algorithm>

#include "hemicycle/format/records.h"
#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

std::vector<IdenticalDocument> identical_documents(Shards& index, std::uint64_t text,
                                                   const std::string& doc_id,
                                                   std::uint32_t table_document,
                                                   const FacetCounter& counted) {
  std::vector<IdenticalDocument> out;
  if (text == 0) return out;
  const FacetTable* table = index.table();
  if (table && table_document != FacetTable::kNone) {
    // Most texts are of one document: the table says so without a lookup.
    const std::uint32_t t = table->text_id(table_document);
    if (t == FacetTable::kNoText || !table->shared(t)) return out;
  }
  Xapian::Database& db = index.db();
  const std::string term = schema::text_term(text);
  for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) {
    const std::uint32_t d = table ? table->document_of(*it) : FacetTable::kNone;
    if (d != FacetTable::kNone && table->id(d) == doc_id) continue;  // the hit itself
    const Xapian::Document summary = db.get_document(*it);
    const std::string id = d != FacetTable::kNone ? table->id(d)
                                                  : summary.get_value(schema::kSlotDocId);
    if (id == doc_id || !counted.counted(d, id)) continue;
    format::StoredDocument s;
    if (!format::decode(index.stored(summary), &s)) continue;
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
