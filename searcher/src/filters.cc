#include "filters.h"

#include <map>
#include <string_view>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/model/document.h"
#include "queries.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

Query Filters::on_clauses(Query q) const {
  std::vector<Query> must = clause_must;
  if (!documents.empty()) {
    must.emplace_back((new DocumentFilterSource(documents, ranges))->release());
  }
  if (!must.empty()) q = Query(Query::OP_FILTER, q, combine(Query::OP_AND, must));
  if (!clause_must_not.empty()) {
    q = Query(Query::OP_AND_NOT, q, combine(Query::OP_OR, clause_must_not));
  }
  return q;
}

Query Filters::on_summaries(Query q) const {
  if (!summary_must.empty()) q = Query(Query::OP_FILTER, q, combine(Query::OP_AND, summary_must));
  if (!summary_must_not.empty()) {
    q = Query(Query::OP_AND_NOT, q, combine(Query::OP_OR, summary_must_not));
  }
  return q;
}

namespace {

Query date_query(const DateRange& date) {
  if (!date.from.empty() && !date.to.empty()) {
    return Query(Query::OP_VALUE_RANGE, schema::kSlotDate, date.from, date.to);
  }
  if (!date.from.empty()) return Query(Query::OP_VALUE_GE, schema::kSlotDate, date.from);
  return Query(Query::OP_VALUE_LE, schema::kSlotDate, date.to);
}

// `base` less any of `refused`.
Query and_not(Query base, const std::vector<Query>& refused) {
  if (refused.empty()) return base;
  return Query(Query::OP_AND_NOT, base, combine(Query::OP_OR, refused));
}

// The document-level conditions, kept apart from the clause-level ones.
struct DocumentLevel {
  std::vector<Query> must, must_not;
};

// `titre:` words: the title's words, a phrase of them when there are several (no term of
// the title prefix alone: stop words only match nothing).
Query title_query(std::string_view value) {
  thread_local analyzers::FrenchAnalyzer analyzer;
  QueryItem item;
  item.tokens = analyzer.analyze(value);
  if (item.tokens.empty()) return Query(std::string(schema::kTitlePrefix));
  for (auto& t : item.tokens) t.text = std::string(schema::kTitlePrefix).append(t.text);
  return clause_query(item);
}

// The summaries a field filter holds: a facet term, a title's words or a number.
Query field_query(const FieldFilter& ff) {
  const std::string_view prefix = ff.field->prefix;
  if (prefix == schema::kTitlePrefix) return title_query(ff.value);
  if (prefix == schema::kNumberPrefix) {
    const std::string term = schema::number_term(prefix, ff.value);
    return Query(term.empty() ? std::string(prefix) : term);
  }
  return Query(schema::facet_term(*ff.field, ff.value));
}

// A clause-level field other than kind: a speech's speaker, speaker_role, group.
bool speech_field(const schema::Field& field) { return field.clause_level && field.name != "kind"; }

// The field filters: values of one field ORed, fields ANDed, negations apart.
void add_field_filters(const ParsedQuery& pq, Filters& f, DocumentLevel& doc) {
  std::map<std::string_view, std::vector<Query>> by_field;
  std::map<std::string_view, std::vector<std::string>> speech_terms;
  for (const auto& ff : pq.filters) {
    Query term = field_query(ff);
    if (ff.negated) {
      f.summary_must_not.push_back(term);
      (ff.field->clause_level ? f.clause_must_not : doc.must_not).push_back(term);
      if (speech_field(*ff.field)) f.speech_refused.push_back(schema::facet_term(*ff.field, ff.value));
    } else {
      by_field[ff.field->name].push_back(term);
      if (speech_field(*ff.field)) {
        speech_terms[ff.field->name].push_back(schema::facet_term(*ff.field, ff.value));
      }
    }
  }
  for (auto& [name, values] : by_field) {
    Query any = combine(Query::OP_OR, values);
    f.summary_must.push_back(any);
    const bool clause_level = schema::find_query_field(name)->clause_level;
    (clause_level ? f.clause_must : doc.must).push_back(any);
    // A speech field: its summary holds the values of its clauses, so the documents are
    // narrowed too; the clauses themselves through speech_required.
    if (clause_level && name != "kind") doc.must.push_back(any);
  }
  for (auto& [name, terms] : speech_terms) f.speech_required.push_back(std::move(terms));
}

// The clause kinds a query's kind filters allow, a bit per ClauseKind.
std::uint32_t allowed_kinds(const ParsedQuery& pq) {
  std::uint32_t selected = 0, refused = 0;
  bool any_selected = false;
  for (const auto& ff : pq.filters) {
    if (ff.field->name != "kind") continue;
    const std::string term = schema::facet_term(*ff.field, ff.value);
    const auto kind = model::clause_kind_from_string(term.substr(ff.field->prefix.size()));
    const std::uint32_t bit = kind ? 1u << static_cast<unsigned>(*kind) : 0;
    if (ff.negated) {
      refused |= bit;
    } else {
      selected |= bit;
      any_selected = true;
    }
  }
  return (any_selected ? selected : ~std::uint32_t{0}) & ~refused;
}

// For counting from postings: the summary-level conditions but the kinds (a summary has
// every kind of its clauses; the clause's own kind is checked instead).
Query passing_summaries(const ParsedQuery& pq, const DocumentLevel& doc) {
  std::vector<Query> passing = doc.must;
  if (pq.date) passing.push_back(date_query(*pq.date));
  if (!pq.document_id.empty()) {
    passing.emplace_back(schema::bounded_term(schema::kUniquePrefix, pq.document_id));
  }
  if (passing.empty() && doc.must_not.empty()) return Query();
  Query q{std::string(schema::kSummaryTerm)};
  if (!passing.empty()) q = Query(Query::OP_FILTER, q, combine(Query::OP_AND, passing));
  return and_not(q, doc.must_not);
}

}  // namespace

Filters filters_of(const ParsedQuery& pq, const FacetTable* single) {
  Filters f;
  f.ranges->table = single;
  DocumentLevel doc;
  add_field_filters(pq, f, doc);
  if (pq.date) {
    const Query range = date_query(*pq.date);
    f.clause_must.push_back(range);
    f.summary_must.push_back(range);
  }
  if (!pq.document_id.empty()) {
    Query one(schema::bounded_term(schema::kDocPrefix, pq.document_id));
    f.clause_must.push_back(one);
    f.summary_must.push_back(one);
  }
  if (!doc.must.empty() || !doc.must_not.empty()) {
    Query docs = doc.must.empty() ? Query(std::string(schema::kSummaryTerm))
                                  : combine(Query::OP_AND, doc.must);
    f.documents = and_not(docs, doc.must_not);
  }
  f.kinds = allowed_kinds(pq);
  f.passing_summaries = passing_summaries(pq, doc);
  return f;
}

}  // namespace hemicycle::searcher
