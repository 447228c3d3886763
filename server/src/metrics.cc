#include "metrics.h"

#include <cstdio>

namespace hemicycle::server {

void Metrics::record(const std::string& route, unsigned status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++buckets_[b];
  sum_seconds_ += seconds;
  ++count_;
  if (status >= 500) ++errors_;
  else if (status >= 400) ++client_errors_;
}

std::string Metrics::render(long long documents, long long clauses) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  char line[1024];
  out += "# HELP hemicycle_http_requests_total Requests answered, by route and status.\n";
  out += "# TYPE hemicycle_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    std::snprintf(line, sizeof line,
                  "hemicycle_http_requests_total{route=\"%s\",status=\"%u\"} %llu\n",
                  key.first.c_str(), key.second, static_cast<unsigned long long>(n));
    out += line;
  }
  out += "# HELP hemicycle_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE hemicycle_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += buckets_[b];
    std::snprintf(line, sizeof line,
                  "hemicycle_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n", kBuckets[b],
                  static_cast<unsigned long long>(cumulative));
    out += line;
  }
  cumulative += buckets_.back();
  std::snprintf(line, sizeof line,
                "hemicycle_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
                "hemicycle_http_request_duration_seconds_sum %.6f\n"
                "hemicycle_http_request_duration_seconds_count %llu\n",
                static_cast<unsigned long long>(cumulative), sum_seconds_,
                static_cast<unsigned long long>(count_));
  out += line;
  std::snprintf(line, sizeof line,
                "# HELP hemicycle_http_errors_total Answers with a server error (5xx).\n"
                "# TYPE hemicycle_http_errors_total counter\n"
                "hemicycle_http_errors_total %llu\n"
                "# HELP hemicycle_http_client_errors_total Answers with a client error (4xx).\n"
                "# TYPE hemicycle_http_client_errors_total counter\n"
                "hemicycle_http_client_errors_total %llu\n",
                static_cast<unsigned long long>(errors_),
                static_cast<unsigned long long>(client_errors_));
  out += line;
  std::snprintf(line, sizeof line,
                "# HELP hemicycle_index_documents Documents in the index.\n"
                "# TYPE hemicycle_index_documents gauge\n"
                "hemicycle_index_documents %lld\n"
                "# HELP hemicycle_index_clauses Clauses in the index.\n"
                "# TYPE hemicycle_index_clauses gauge\n"
                "hemicycle_index_clauses %lld\n",
                documents, clauses);
  out += line;
  return out;
}

}  // namespace hemicycle::server
