#pragma once

// The Searchers of the worker threads. Xapian handles are not shared between threads: a
// request borrows a slot for its duration, and a slot serves one request at a time.

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "hemicycle/searcher/searcher.h"
#include "hemicycle/server/server.h"

namespace hemicycle::server {

// One Searcher over options.databases: opened on first use, reopened to the latest commit
// at every later use, dropped after a database error so that the next use opens it afresh.
// Not thread-safe.
class SearcherSlot {
 public:
  explicit SearcherSlot(const ServerOptions& options) : options_(options) {}

  // The Searcher, seeing the latest commit. Throws searcher::IndexUnavailable (open) or
  // Xapian::Error (reopen) when the index cannot be read; the slot is then empty.
  searcher::Searcher& get();
  // Drops the Searcher: the next get() opens the index afresh.
  void reset() { searcher_.reset(); }

 private:
  const ServerOptions& options_;
  std::unique_ptr<searcher::Searcher> searcher_;
};

// A slot per worker thread, lent to each request. A thread answers one request at a time,
// so with a slot per thread a free one is always there (one more is made if not).
// Thread-safe.
class SearcherPool {
 public:
  // A borrowed slot, given back when the lease ends.
  class Lease {
   public:
    Lease(SearcherPool& pool, SearcherSlot& slot) : pool_(&pool), slot_(&slot) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) { other.pool_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_) pool_->give_back(*slot_);
    }
    SearcherSlot& operator*() const { return *slot_; }
    SearcherSlot* operator->() const { return slot_; }

   private:
    SearcherPool* pool_;
    SearcherSlot* slot_;
  };

  SearcherPool(const ServerOptions& options, std::size_t slots);

  Lease lease();
  // Slot `i` (< the number given at construction) alone, for a worker to open its index
  // handles before any request is taken. REQUIRES: no request is being answered.
  SearcherSlot& slot(std::size_t i) { return *slots_[i]; }

 private:
  void give_back(SearcherSlot& slot);

  const ServerOptions& options_;
  std::mutex mu_;
  std::vector<std::unique_ptr<SearcherSlot>> slots_;
  std::vector<SearcherSlot*> free_;
};

}  // namespace hemicycle::server
