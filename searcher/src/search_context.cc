#include "search_context.h"

#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

Deadline::Deadline(double seconds, Clock::time_point start)
    : seconds_(seconds),
      end_(start + std::chrono::duration_cast<Clock::duration>(
                       std::chrono::duration<double>(seconds))) {}

void Deadline::limit(Xapian::Enquire& enquire) {
  if (seconds_ <= 0) return;
  double left = std::chrono::duration<double>(end_ - Clock::now()).count();
  if (left <= 0) {
    out_of_time_ = true;
    left = 0.001;
  }
  enquire.set_time_limit(left);
}

bool Deadline::reached(double took_ms) const {
  return seconds_ > 0 && (out_of_time_ || took_ms >= seconds_ * 1000 * 0.98);
}

Xapian::Enquire enquire(SearchContext& ctx, const Xapian::Query& query, Sort sort) {
  Xapian::Enquire e(ctx.index.db());
  e.set_query(query);
  e.set_weighting_scheme(schema::bm25_weight());
  if (by_date(sort)) {
    e.set_sort_by_value_then_relevance(schema::kSlotDate, sort == Sort::kDateDesc);
  }
  ctx.deadline.limit(e);
  return e;
}

bool earlier_in(Sort sort, const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return !a.empty() && b.empty();
  return sort == Sort::kDateAsc ? a < b : a > b;
}

std::vector<Xapian::Query> chronological_parts(const Xapian::Query& query, Sort sort) {
  if (sort != Sort::kDateAsc) return {query};
  const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, "0");
  return {Xapian::Query(Xapian::Query::OP_FILTER, query, dated),
          Xapian::Query(Xapian::Query::OP_AND_NOT, query, dated)};
}

void match_all(SearchContext& ctx, const Xapian::Query& query, Xapian::MatchSpy& spy,
               const Xapian::MatchDecider* decider) {
  Xapian::Enquire e = enquire(ctx, query, Sort::kRelevance);
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.add_matchspy(&spy);
  const Xapian::doccount all = std::max<Xapian::doccount>(ctx.index.db().get_doccount(), 1);
  e.get_mset(0, 0, all, nullptr, decider);
}

}  // namespace hemicycle::searcher
