#include "doc_filter.h"

#include <cstdlib>

#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

DocumentFilterSource::DocumentFilterSource(Xapian::Query summaries,
                                           std::shared_ptr<DocumentRanges> cache)
    : summaries_(std::move(summaries)), cache_(std::move(cache)) {}

Xapian::PostingSource* DocumentFilterSource::clone() const {
  return new DocumentFilterSource(summaries_, cache_);
}

void DocumentFilterSource::init(const Xapian::Database& db) {
  const std::string uuid = db.get_uuid();
  auto it = cache_->by_database.find(uuid);
  if (it == cache_->by_database.end()) {
    std::vector<std::pair<Xapian::docid, Xapian::docid>> ranges;
    Xapian::Enquire e(db);
    e.set_query(summaries_);
    e.set_weighting_scheme(Xapian::BoolWeight());
    e.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet m = e.get_mset(0, db.get_doccount());
    ranges.reserve(m.size());
    const FacetTable* table = cache_->table;
    for (auto s = m.begin(); s != m.end(); ++s) {
      std::pair<Xapian::docid, Xapian::docid> range;
      const std::uint32_t d = table ? table->document_of(*s) : FacetTable::kNone;
      if (d != FacetTable::kNone) {
        range = table->clause_range(d);
      } else {
        const std::string n = s.get_document().get_value(schema::kSlotClauses);
        range = {*s + 1, *s + static_cast<Xapian::docid>(std::strtoul(n.c_str(), nullptr, 10))};
      }
      if (range.first <= range.second) ranges.push_back(range);
    }
    it = cache_->by_database.emplace(uuid, std::move(ranges)).first;
  }
  reset(&it->second);
}

void RangesSource::next(double) {
  if (!started_) {
    started_ = true;
    range_ = 0;
    current_ = ranges_->empty() ? 0 : ranges_->front().first;
    return;
  }
  if (at_end()) return;
  if (current_ < (*ranges_)[range_].second) {
    ++current_;
  } else if (++range_ < ranges_->size()) {
    current_ = (*ranges_)[range_].first;
  }
}

void RangesSource::skip_to(Xapian::docid did, double min_wt) {
  if (!started_) next(min_wt);
  if (at_end() || current_ >= did) return;
  // First range whose end reaches did, from the current one on.
  std::size_t lo = range_, hi = ranges_->size();
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if ((*ranges_)[mid].second < did) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  range_ = lo;
  if (range_ < ranges_->size()) current_ = std::max(did, (*ranges_)[range_].first);
}

bool RangesSource::at_end() const {
  return started_ && (ranges_ == nullptr || range_ >= ranges_->size());
}

void RangesSource::reset(const Ranges* ranges) {
  ranges_ = ranges;
  count_ = 0;
  for (const auto& [first, last] : *ranges_) count_ += last - first + 1;
  range_ = 0;
  current_ = 0;
  started_ = false;
}

std::string DocumentFilterSource::get_description() const {
  return "DocumentFilterSource(" + summaries_.get_description() + ")";
}

DocidRangesSource::DocidRangesSource(std::shared_ptr<const Ranges> ranges)
    : fixed_(std::move(ranges)) {}

Xapian::PostingSource* DocidRangesSource::clone() const { return new DocidRangesSource(fixed_); }

void DocidRangesSource::init(const Xapian::Database&) { reset(fixed_.get()); }

std::string DocidRangesSource::get_description() const {
  return "DocidRangesSource(" + std::to_string(fixed_->size()) + " ranges)";
}

}  // namespace hemicycle::searcher
