#include "searcher_slot.h"

namespace hemicycle::server {

searcher::Searcher& SearcherSlot::get() {
  if (!searcher_) {
    searcher::SearcherOptions so;
    so.time_limit_seconds = options_.search_time_limit_seconds;
    searcher_ = std::make_unique<searcher::Searcher>(options_.databases, so);
    return *searcher_;
  }
  try {
    searcher_->reopen();
  } catch (...) {
    searcher_.reset();  // open afresh next time
    throw;
  }
  return *searcher_;
}

SearcherPool::SearcherPool(const ServerOptions& options, std::size_t slots) : options_(options) {
  for (std::size_t i = 0; i < slots; ++i) {
    slots_.push_back(std::make_unique<SearcherSlot>(options_));
  }
  for (auto it = slots_.rbegin(); it != slots_.rend(); ++it) free_.push_back(it->get());
}

SearcherPool::Lease SearcherPool::lease() {
  std::lock_guard<std::mutex> lock(mu_);
  if (free_.empty()) {
    slots_.push_back(std::make_unique<SearcherSlot>(options_));
    return Lease(*this, *slots_.back());
  }
  SearcherSlot* slot = free_.back();
  free_.pop_back();
  return Lease(*this, *slot);
}

void SearcherPool::give_back(SearcherSlot& slot) {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(&slot);
}

}  // namespace hemicycle::server
