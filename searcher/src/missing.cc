#include "missing.h"

#include <algorithm>
#include <map>

#include "hemicycle/format/schema.h"
#include "queries.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

namespace {

using Positions = std::map<std::string, std::vector<Xapian::termpos>>;

// The positions of the item's terms in the clause (none for an absent term).
Positions positions_of(const Xapian::Document& clause, const std::vector<QueryItem>& unit) {
  Positions out;
  for (const auto& item : unit) {
    for (const auto& t : item.tokens) out.emplace(t.text, std::vector<Xapian::termpos>{});
  }
  // One pass over the clause's terms: both lists are in term order.
  Xapian::TermIterator it = clause.termlist_begin();
  for (auto& [term, list] : out) {
    it.skip_to(term);
    if (it == clause.termlist_end()) break;
    if (*it != term) continue;
    for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) list.push_back(*p);
    if (list.empty()) list.push_back(0);  // present without positions: a reference's term
  }
  return out;
}

// Whether the item's terms stand in order within its window from some start (a word: is
// present), as OP_PHRASE decides.
bool holds(const QueryItem& item, const Positions& at) {
  const auto& first = at.at(item.tokens.front().text);
  if (item.tokens.size() == 1) return !first.empty();
  const Xapian::termpos window = item.tokens.back().position - item.tokens.front().position + 1;
  for (Xapian::termpos start : first) {
    Xapian::termpos last = start;
    bool ok = true;
    for (std::size_t i = 1; i < item.tokens.size() && ok; ++i) {
      const auto& list = at.at(item.tokens[i].text);
      auto next = std::upper_bound(list.begin(), list.end(), last);
      ok = next != list.end() && *next < start + window;
      if (ok) last = *next;
    }
    if (ok) return true;
  }
  return false;
}

}  // namespace

std::string unit_text(const std::vector<QueryItem>& unit) {
  std::string out, last;
  for (const auto& item : unit) {
    std::string shown;
    if (item.origin == Origin::kTyped) {
      shown = item.quoted ? "\"" + item.text + "\"" : item.text;
    } else if (item.origin == Origin::kWildcard) {
      shown = item.text + "*";  // typed so: the completions of one `word*` follow each other
    } else if (item.origin == Origin::kPrefix) {
      shown = item.text;  // the word being typed, after the word itself when it is one
    } else {
      continue;  // added by the searcher: not shown
    }
    if (shown == last) continue;
    out += (out.empty() ? "" : " OR ") + shown;
    last = std::move(shown);
  }
  return out;
}

namespace {

// A unit the searcher added whole (no typed word) is not named.
void add_missing(const std::vector<QueryItem>& unit, std::vector<std::string>& missing) {
  std::string text = unit_text(unit);
  if (!text.empty()) missing.push_back(std::move(text));
}

}  // namespace

std::vector<std::string> missing_in_document(Xapian::Database& db, const ParsedQuery& pq,
                                             const std::string& doc_id, const Filters& filters) {
  Filters inside = filters;
  inside.documents = Query();  // the document itself passed the document-level filters
  const Query scope(schema::bounded_term(schema::kDocPrefix, doc_id));
  std::vector<std::string> missing;
  for (const auto& unit : pq.units) {
    Xapian::Enquire e(db);
    e.set_query(inside.on_clauses(Query(Query::OP_FILTER, unit_query(unit), scope)));
    e.set_weighting_scheme(Xapian::BoolWeight());
    if (e.get_mset(0, 1).empty()) add_missing(unit, missing);
  }
  return missing;
}

std::vector<std::string> missing_in_clause(const Xapian::Document& clause, const ParsedQuery& pq) {
  std::vector<std::string> missing;
  for (const auto& unit : pq.units) {
    const Positions at = positions_of(clause, unit);
    bool any = false;
    for (const auto& item : unit) any = any || holds(item, at);
    if (!any) add_missing(unit, missing);
  }
  return missing;
}

}  // namespace hemicycle::searcher
