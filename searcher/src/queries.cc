#include "queries.h"

#include <algorithm>

#include "hemicycle/format/schema.h"
#include "known_item.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

Query combine(Query::op op, const std::vector<Query>& parts) {
  if (parts.empty()) return Query();
  if (parts.size() == 1) return parts.front();
  return Query(op, parts.begin(), parts.end());
}

namespace {

Query unweighted_clause_query(const QueryItem& item) {
  if (item.tokens.size() == 1) return Query(item.tokens.front().text);
  std::vector<Query> terms;
  for (const auto& t : item.tokens) terms.emplace_back(t.text);
  Xapian::termcount window = item.tokens.back().position - item.tokens.front().position + 1;
  return Query(Query::OP_PHRASE, terms.begin(), terms.end(), window);
}

}  // namespace

Query clause_query(const QueryItem& item) {
  Query q = unweighted_clause_query(item);
  if (item.weight == 1.0) return q;
  return Query(Query::OP_SCALE_WEIGHT, q, item.weight);
}

namespace {

// A prefix's completion below the word typed (expand_prefix.cc): one word each.
bool completion(const QueryItem& item) {
  return (item.origin == Origin::kWildcard || item.origin == Origin::kPrefix) &&
         item.weight == kCompletionWeight && item.tokens.size() == 1;
}

}  // namespace

// A prefix's completions are one synonym, as Xapian's QueryParser expands a wildcard: a
// clause weighs as if they were one word (holding several ranks it no higher), and the
// matcher merges them as one postlist, which costs a frequent prefix much less than an OR
// of its 100 words.
Query unit_query(const std::vector<QueryItem>& unit) {
  std::vector<Query> typed, added, completions;
  for (const auto& item : unit) {
    if (completion(item)) {
      completions.emplace_back(item.tokens.front().text);
    } else {
      (item.origin == Origin::kThesaurus ? added : typed).push_back(clause_query(item));
    }
  }
  if (!completions.empty()) {
    const Query words = completions.size() == 1
                            ? completions.front()
                            : Query(Query::OP_SYNONYM, completions.begin(), completions.end());
    typed.emplace_back(Query::OP_SCALE_WEIGHT, words, kCompletionWeight);
  }
  if (added.empty()) return combine(Query::OP_OR, typed);
  // A thesaurus label weighs its best match, not a sum with the words typed: a clause
  // holding both ranks as the words typed alone would.
  added.insert(added.begin(), combine(Query::OP_OR, typed));
  return combine(Query::OP_MAX, added);
}

namespace {

Xapian::termcount span(const std::vector<analyzers::Token>& tokens) {
  return tokens.back().position - tokens.front().position + 1;
}

// The tiers before filters and boosts.
std::vector<TierQuery> bare_tiers(const std::vector<Query>& units, bool group_by_document) {
  if (units.empty()) {
    return {{Tier::kFilterOnly,
             Query(std::string(group_by_document ? schema::kSummaryTerm : schema::kClauseTerm)),
             group_by_document}};
  }
  std::vector<TierQuery> tiers{{Tier::kAllWordsInClause, combine(Query::OP_AND, units), false}};
  if (units.size() > 1) {
    // Every word in the document: computed from the clauses of each word, no query.
    if (group_by_document) tiers.push_back({Tier::kAllWordsInDocument, Query(), true});
    tiers.push_back({Tier::kSomeWords, combine(Query::OP_OR, units), false});
  }
  return tiers;
}

// The known items' tier, before filters: their summaries ranked by the query's words in
// their titles (grouped); or the clauses of their documents holding some word (clauses).
TierQuery known_tier(const ParsedQuery& pq, const Query& any_words, bool group_by_document,
                     const Filters& filters) {
  const Query known = known_item_query(pq.known);
  if (group_by_document) {
    const Query named(Query::OP_SCALE_WEIGHT, known, 0.0);  // the terms only select
    const Query boost = known_item_boost(pq);
    return {Tier::kKnownItem, boost.empty() ? named : Query(Query::OP_AND_MAYBE, named, boost),
            true};
  }
  auto ranges = std::make_shared<DocumentRanges>();
  ranges->table = filters.ranges->table;
  const Query documents((new DocumentFilterSource(known, ranges))->release());
  return {Tier::kKnownItem, Query(Query::OP_FILTER, any_words, documents), false};
}

// `similaire:ID` and nothing else: its one unit is the document's words.
bool similar_only(const ParsedQuery& pq) {
  return pq.units.size() == 1 && !pq.units.front().empty() &&
         pq.units.front().front().origin == Origin::kSimilar;
}

}  // namespace

namespace {

// The one item typed of a unit (the searcher's additions aside), or null for an OR typed.
const QueryItem* typed_word(const std::vector<QueryItem>& unit) {
  if (unit.size() == 1 && unit.front().origin == Origin::kWildcard) return &unit.front();
  const QueryItem* typed = nullptr;
  for (const auto& item : unit) {
    if (item.origin != Origin::kTyped) continue;
    if (typed) return nullptr;
    typed = &item;
  }
  return typed;
}

}  // namespace

namespace {

// A unit of one word or phrase as typed, whatever the prefix completions beside it.
bool one_item(const std::vector<QueryItem>& unit) {
  return std::all_of(unit.begin() + 1, unit.end(),
                     [](const QueryItem& item) { return item.origin == Origin::kPrefix; });
}

}  // namespace

Query adjacency_boost(const std::vector<std::vector<QueryItem>>& units) {
  std::vector<Query> pairs;
  for (std::size_t i = 0; i + 1 < units.size(); ++i) {
    const QueryItem* first = typed_word(units[i]);
    const QueryItem* second = typed_word(units[i + 1]);
    if (!first || !second) continue;
    const auto& a = first->tokens;
    const auto& b = second->tokens;
    std::vector<Query> terms;
    for (const auto& t : a) terms.emplace_back(t.text);
    for (const auto& t : b) terms.emplace_back(t.text);
    pairs.emplace_back(Query::OP_PHRASE, terms.begin(), terms.end(), span(a) + span(b));
  }
  return combine(Query::OP_OR, pairs);
}

TierPlan plan_tiers(const ParsedQuery& pq, bool group_by_document, const Filters& filters) {
  TierPlan plan;
  std::vector<Query> units;
  for (const auto& unit : pq.units) {
    for (const auto& item : unit) {
      for (const auto& t : item.tokens) plan.terms.insert(t.text);
    }
    units.push_back(unit_query(unit));
  }
  plan.has_words = !units.empty();
  plan.any_words = combine(Query::OP_OR, units);
  plan.tiers = bare_tiers(units, group_by_document);
  if (similar_only(pq)) plan.tiers.front().tier = Tier::kSimilar;
  plan.widest = plan.tiers.back();
  // Adjacent words rank first among the clauses holding them all. (Not in the other tiers:
  // checking positions in every clause with some of the words costs too much.)
  const Query proximity = adjacency_boost(pq.units);
  if (plan.has_words && !proximity.empty()) {
    plan.tiers.front().query = Query(Query::OP_AND_MAYBE, plan.tiers.front().query, proximity);
  }
  // The documents the query names come first (most queries name none: no tier).
  if (plan.has_words && !pq.known.empty()) {
    plan.tiers.insert(plan.tiers.begin(),
                      known_tier(pq, plan.any_words, group_by_document, filters));
  }
  for (auto& t : plan.tiers) {
    t.query = t.summary ? filters.on_summaries(t.query) : filters.on_clauses(t.query);
  }
  return plan;
}

}  // namespace hemicycle::searcher
