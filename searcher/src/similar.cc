#include "similar.h"

#include <xapian.h>

#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

namespace {

// Word terms only: unprefixed (a lowercase letter or a digit first; prefixes are capitals),
// at least three bytes, not digits and punctuation alone (years, article numbers).
class WordTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 3) return false;
    const auto first = static_cast<unsigned char>(term.front());
    if (first >= 'A' && first <= 'Z') return false;
    for (char c : term) {
      const auto u = static_cast<unsigned char>(c);
      if ((u >= 'a' && u <= 'z') || u >= 0x80) return true;
    }
    return false;
  }
};

// The document's clauses: the postings of its XDOC term but its summary.
Xapian::RSet clauses_of(Xapian::Database& db, const std::string& id, Xapian::docid summary) {
  Xapian::RSet rset;
  const std::string term = schema::bounded_term(schema::kDocPrefix, id);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    if (*it != summary) rset.add_document(*it);
  }
  return rset;
}

}  // namespace

std::optional<std::vector<QueryItem>> similar_unit(Shards& index, const std::string& id,
                                                   std::size_t max_terms) {
  Xapian::Database& db = index.db();
  const std::string unique = schema::bounded_term(schema::kUniquePrefix, id);
  auto summary = db.postlist_begin(unique);
  if (summary == db.postlist_end(unique)) return std::nullopt;
  const Xapian::RSet rset = clauses_of(db, id, *summary);
  std::vector<QueryItem> unit;
  if (rset.empty()) return unit;
  Xapian::Enquire enquire(db);
  const WordTerms words;
  const Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(max_terms), rset,
                                             &words);
  double best = 0;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    if (best == 0) best = it.get_weight();
    QueryItem item;
    item.text = *it;
    item.tokens.push_back(analyzers::Token{*it, 0, 0, 0});
    item.origin = Origin::kSimilar;
    item.weight = best > 0 ? it.get_weight() / best : 1.0;
    unit.push_back(std::move(item));
  }
  return unit;
}

}  // namespace hemicycle::searcher
