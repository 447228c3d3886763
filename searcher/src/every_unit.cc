#include "every_unit.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "hemicycle/format/schema.h"
#include "queries.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

// Walks the units rarest first, keeping for each document seen which units it holds and
// the best clause weight of each: after the first unit, only documents already seen can
// still qualify.
class EveryUnit {
 public:
  EveryUnit(SearchContext& ctx, const std::vector<std::vector<QueryItem>>& units,
            const Filters& f, const Xapian::MatchDecider* decider)
      : ctx_(ctx), db_(ctx.index.db()), units_(units), f_(f), decider_(decider),
        n_(units.size()), table_(ctx.index.table()), single_(ctx.index.single_table()) {
    direct_ = table_ && f.clause_must.empty() && f.clause_must_not.empty() &&
              f.documents.empty() && decider == nullptr;
    if (table_) local_of_.assign(table_->documents(), 0);
    for (const auto& path : ctx.index.paths()) remote_ = remote_ || path.rfind("tcp://", 0) == 0;
    rarest_first();
  }

  void run() {
    for (std::size_t rank = 0; rank < n_; ++rank) {
      if (!add_unit(rank)) break;
    }
  }

  std::vector<DocumentHit> best(std::size_t limit, Sort sort, bool distinct);
  template <typename Better>
  std::vector<DocumentHit> best_texts(std::vector<DocumentHit> out, std::size_t limit,
                                      const Better& better);

 private:
  Xapian::Document summary_of(const DocumentHit& h);
  std::string date_of(const DocumentHit& h);
  std::uint64_t text_of(const DocumentHit& h);
  static constexpr std::uint32_t kSkip = 0xFFFFFFFFu;

  void rarest_first() {
    for (std::size_t u = 0; u < n_; ++u) {
      Xapian::doccount freq = 0;
      for (const auto& item : units_[u]) freq += db_.get_termfreq(item.tokens.front().text);
      order_.emplace_back(freq, u);
    }
    std::sort(order_.begin(), order_.end());
  }

  // The units of the ranks before `rank`, as mask bits.
  std::uint64_t needed(std::size_t rank) const {
    std::uint64_t m = 0;
    for (std::size_t r = 0; r < rank; ++r) m |= std::uint64_t{1} << order_[r].second;
    return m;
  }

  std::uint32_t fresh(DocumentHit hit) {
    docs_.push_back(std::move(hit));
    masks_.push_back(0);
    best_.resize(best_.size() + n_, 0.0f);
    return static_cast<std::uint32_t>(docs_.size() - 1);
  }

  // The local index of clause g's document (kSkip: not one that can qualify).
  std::uint32_t local_by_table(std::size_t rank, Xapian::docid g) {
    const std::uint32_t d = table_->document_of(g);
    if (d == FacetTable::kNone) return kSkip;
    if (local_of_[d] == 0) {
      if (rank > 0) return kSkip;
      fresh({table_->id(d), d, table_->summary(d), 0, {}});
      local_of_[d] = static_cast<std::uint32_t>(docs_.size());
    }
    return local_of_[d] - 1;
  }

  std::uint32_t local_by_id(std::size_t rank, const Xapian::Document& x) {
    std::string id = x.get_value(schema::kSlotDocId);
    auto it = local_by_id_.find(id);
    if (it != local_by_id_.end()) return it->second;
    if (rank > 0) return kSkip;
    const std::uint32_t local = fresh({id, FacetTable::kNone, 0, 0, x.get_value(schema::kSlotDate)});
    local_by_id_.emplace(std::move(id), local);
    return local;
  }

  // One matching clause of the unit of `rank`, of local document `local`, weighing w.
  void credit(std::uint32_t local, std::size_t rank, double w) {
    if (local == kSkip) return;
    const std::size_t u = order_[rank].second;
    masks_[local] |= std::uint64_t{1} << u;
    float& b = best_[local * n_ + u];
    b = std::max(b, static_cast<float>(w));
  }
  // With the table a match's Xapian document is never read.
  void visit(std::size_t rank, Xapian::docid g, double w) { credit(local_by_table(rank, g), rank, w); }

  // A word's postings, weighted as BM25 would (no filter to apply), scaled by the item's
  // weight as clause_query() scales it.
  void walk_postings(std::size_t rank, const std::string& term, double scale) {
    const double docs_total = std::max<double>(db_.get_doccount(), 1);
    const double k = schema::kBm25K1 * schema::kWdfScale;
    const double freq = db_.get_termfreq(term);
    const double idf = std::log(1 + (docs_total - freq + 0.5) / (freq + 0.5));
    for (auto it = db_.postlist_begin(term), end = db_.postlist_end(term); it != end; ++it) {
      const double wdf = it.get_wdf();
      visit(rank, *it, scale * idf * (k + 1) * wdf / (k + wdf));
    }
  }

  // Only the documents every rarer unit reached can still qualify: `q` matched (and phrase
  // positions checked) within their clauses only. Empty when no document is left.
  std::optional<Query> within_candidates(std::size_t rank, Query q) const {
    auto ranges = std::make_shared<std::vector<std::pair<Xapian::docid, Xapian::docid>>>();
    const std::uint64_t need = needed(rank);
    for (std::size_t i = 0; i < docs_.size(); ++i) {
      if ((masks_[i] & need) == need) ranges->push_back(table_->clause_range(docs_[i].table_document));
    }
    if (ranges->empty()) return std::nullopt;
    std::sort(ranges->begin(), ranges->end());
    return Query(Query::OP_FILTER, q, Query((new DocidRangesSource(ranges))->release()));
  }

  void match(std::size_t rank, const Query& q) {
    Xapian::Enquire e = enquire(ctx_, q, Sort::kRelevance);
    if (single_) {
      // Every match with its weight, through a spy: no match set to build and sort.
      struct Visit : Xapian::MatchSpy {
        std::function<void(Xapian::docid, double)> fn;
        void operator()(const Xapian::Document& doc, double w) override { fn(doc.get_docid(), w); }
      } spy;
      spy.fn = [&](Xapian::docid g, double w) { visit(rank, g, w); };
      e.add_matchspy(&spy);
      e.get_mset(0, 0, db_.get_doccount(), nullptr, decider_);
      return;
    }
    if (!table_ && !remote_) {
      // Local databases without the table: a spy too, reading each match's document id.
      struct Credit : Xapian::MatchSpy {
        std::function<void(const Xapian::Document&, double)> fn;
        void operator()(const Xapian::Document& doc, double w) override { fn(doc, w); }
      } spy;
      spy.fn = [&](const Xapian::Document& doc, double w) { credit(local_by_id(rank, doc), rank, w); };
      e.add_matchspy(&spy);
      e.get_mset(0, 0, db_.get_doccount(), nullptr, decider_);
      return;
    }
    // A remote shard: its matches come back as a match set (a spy is not sent to it).
    Xapian::MSet m = e.get_mset(0, db_.get_doccount(), 0, nullptr, decider_);
    for (auto it = m.begin(); it != m.end(); ++it) {
      if (table_) {
        visit(rank, *it, it.get_weight());
      } else {
        credit(local_by_id(rank, it.get_document()), rank, it.get_weight());
      }
    }
  }

  // False when no document can qualify any more.
  bool add_unit(std::size_t rank) {
    std::vector<Query> matched;  // what the postings cannot answer: a match
    for (const auto& item : units_[order_[rank].second]) {
      if (!direct_ || item.tokens.size() > 1) {
        matched.push_back(clause_query(item));
      } else {
        walk_postings(rank, item.tokens.front().text, item.weight);
      }
    }
    if (matched.empty()) return true;
    Query q = f_.on_clauses(combine(Query::OP_OR, matched));
    if (rank > 0 && single_) {
      std::optional<Query> within = within_candidates(rank, q);
      if (!within) return false;
      q = *within;
    }
    match(rank, q);
    return true;
  }

  SearchContext& ctx_;
  Xapian::Database& db_;
  const std::vector<std::vector<QueryItem>>& units_;
  const Filters& f_;
  const Xapian::MatchDecider* decider_;
  const std::size_t n_;
  const FacetTable* table_;
  const FacetTable* single_;
  bool direct_ = false;
  bool remote_ = false;  // some shard is a remote xapian-tcpsrv
  std::vector<std::pair<Xapian::doccount, std::size_t>> order_;  // (frequency, unit)
  // Documents seen, by local index: the table's document, or a number given here.
  std::vector<DocumentHit> docs_;
  std::vector<std::uint64_t> masks_;
  std::vector<float> best_;             // n per document
  std::vector<std::uint32_t> local_of_;  // table document -> local index + 1
  std::unordered_map<std::string, std::uint32_t> local_by_id_;
};

// The document's summary (found by its unique term when the table does not know it), or
// an empty document.
Xapian::Document EveryUnit::summary_of(const DocumentHit& h) {
  Xapian::docid summary = h.summary;
  if (summary == 0) {
    const std::string unique = schema::bounded_term(schema::kUniquePrefix, h.doc_id);
    Xapian::PostingIterator p = db_.postlist_begin(unique);
    if (p == db_.postlist_end(unique)) return {};
    summary = *p;
  }
  return db_.get_document(summary);
}

std::string EveryUnit::date_of(const DocumentHit& h) {
  return summary_of(h).get_value(schema::kSlotDate);
}

std::uint64_t EveryUnit::text_of(const DocumentHit& h) {
  if (table_ && h.table_document != FacetTable::kNone) return table_->text(h.table_document);
  return schema::text_key_value(summary_of(h).get_value(schema::kSlotText));
}

std::vector<DocumentHit> EveryUnit::best(std::size_t limit, Sort sort, bool distinct) {
  const std::uint64_t full = n_ == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n_) - 1;
  std::vector<DocumentHit> out;
  for (std::size_t i = 0; i < docs_.size(); ++i) {
    if (masks_[i] != full) continue;
    DocumentHit h = docs_[i];  // a copy: the walk may serve the search again
    for (std::size_t u = 0; u < n_; ++u) h.score += best_[i * n_ + u];
    if (by_date(sort)) h.date = date_of(h);
    out.push_back(std::move(h));
  }
  auto better = [&](const DocumentHit& a, const DocumentHit& b) {
    if (by_date(sort) && a.date != b.date) return earlier_in(sort, a.date, b.date);
    return a.score != b.score ? a.score > b.score : a.doc_id < b.doc_id;
  };
  if (!distinct) {
    const std::size_t keep = std::min(limit, out.size());
    std::partial_sort(out.begin(), out.begin() + static_cast<long>(keep), out.end(), better);
    out.resize(keep);
    return out;
  }
  return best_texts(std::move(out), limit, better);
}

// The best of each text, at most `limit`: the top of `out` is sorted, a few more than
// `limit` first, and more only while documents of texts already kept fill it; texts are
// read in rank order, only as far as needed.
template <typename Better>
std::vector<DocumentHit> EveryUnit::best_texts(std::vector<DocumentHit> out, std::size_t limit,
                                               const Better& better) {
  std::vector<DocumentHit> kept;
  std::unordered_set<std::uint64_t> texts;
  std::size_t sorted = std::min(out.size(), limit + 4);
  std::partial_sort(out.begin(), out.begin() + static_cast<long>(sorted), out.end(), better);
  for (std::size_t i = 0; i < out.size() && kept.size() < limit; ++i) {
    if (i == sorted) {  // more of the ranking is needed
      const std::size_t more = std::min(out.size(), 4 * sorted);
      std::partial_sort(out.begin() + static_cast<long>(i), out.begin() + static_cast<long>(more),
                        out.end(), better);
      sorted = more;
    }
    DocumentHit& h = out[i];
    h.text = text_of(h);
    if (h.text != 0 && !texts.insert(h.text).second) continue;
    kept.push_back(std::move(h));
  }
  return kept;
}

std::vector<DocumentHit> documents_with_every_unit(
    SearchContext& ctx, const std::vector<std::vector<QueryItem>>& units, const Filters& f,
    const Xapian::MatchDecider* decider, std::size_t limit, Sort sort, bool distinct) {
  if (units.size() < 2 || units.size() > 64) return {};
  // One walk per search and filters: the ranking and the counting both need it.
  if (!ctx.every_unit || ctx.every_unit_filters != &f || ctx.every_unit_decider != decider) {
    ctx.every_unit = std::make_shared<EveryUnit>(ctx, units, f, decider);
    ctx.every_unit_filters = &f;
    ctx.every_unit_decider = decider;
    ctx.every_unit->run();
  }
  return ctx.every_unit->best(limit, sort, distinct);
}

}  // namespace hemicycle::searcher
