#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace hemicycle::server {

// Request counters and a latency histogram, rendered in the Prometheus text format.
// Thread-safe.
class Metrics {
 public:
  // Records one answered request: its route pattern ("/api/search", "other"), status and
  // duration.
  void record(const std::string& route, unsigned status, double seconds);

  // The exposition text; index gauges come from the caller (the index may be unreadable).
  std::string render(long long documents, long long clauses) const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};
  mutable std::mutex mu_;
  std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size() + 1> buckets_{};  // last: +Inf
  double sum_seconds_ = 0;
  std::uint64_t count_ = 0;
  std::uint64_t errors_ = 0;        // answers with status >= 500
  std::uint64_t client_errors_ = 0; // answers with status 400-499
};

}  // namespace hemicycle::server
