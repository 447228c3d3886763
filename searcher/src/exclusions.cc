#include "exclusions.h"

#include "hemicycle/format/schema.h"
#include "queries.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

namespace {

// Adds the documents of every clause `phrases` match.
void exclude_matches(Shards& index, const std::vector<Query>& phrases, Exclusions& out) {
  Xapian::Database& db = index.db();
  Xapian::Enquire e(db);
  e.set_query(combine(Query::OP_OR, phrases));
  e.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet m = e.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) {
    const std::uint32_t d = out.table ? out.table->document_of(*it) : FacetTable::kNone;
    if (d != FacetTable::kNone) {
      out.add(d);
    } else if (out.table) {
      const std::uint32_t found = out.table->find(it.get_document().get_value(schema::kSlotDocId));
      if (found != FacetTable::kNone) out.add(found);
    } else {
      out.add(it.get_document().get_value(schema::kSlotDocId));
    }
  }
}

// A document named by its id (`similaire:ID` leaves the document itself out).
void exclude_id(const std::string& id, Exclusions& out) {
  if (!out.table) return out.add(id);
  const std::uint32_t d = out.table->find(id);
  if (d != FacetTable::kNone) {
    out.add(d);
  } else {
    out.any = true;  // written after the table was read: ExcludeDocuments checks ids too
    out.ids.insert(id);
  }
}

}  // namespace

Exclusions excluded_documents(Shards& index, const ParsedQuery& pq) {
  Exclusions out;
  if (pq.excluded.empty() && pq.similar_to.empty()) return out;
  if (const FacetTable* single = index.single_table()) {
    out.table = single;
    out.documents.assign(single->documents(), 0);
  }
  if (!pq.similar_to.empty()) exclude_id(pq.similar_to, out);
  std::vector<Query> phrases;
  for (const auto& item : pq.excluded) {
    if (item.tokens.size() > 1 || !out.table) {
      phrases.push_back(clause_query(item));
      continue;
    }
    // A word: its postings, through the table.
    for (std::uint32_t d : index.table_documents_holding(item.tokens.front().text)) out.add(d);
  }
  if (!phrases.empty()) exclude_matches(index, phrases, out);
  return out;
}

bool ExcludeDocuments::operator()(const Xapian::Document& doc) const {
  if (excluded_->table) {
    const std::uint32_t d = excluded_->table->document_of(doc.get_docid());
    if (d != FacetTable::kNone) return !excluded_->excludes(d);
    // Written after the table was read: by its id.
    const std::string id = doc.get_value(schema::kSlotDocId);
    return !excluded_->excludes(excluded_->table->find(id)) && !excluded_->ids.count(id);
  }
  return !excluded_->ids.count(doc.get_value(schema::kSlotDocId));
}

}  // namespace hemicycle::searcher
