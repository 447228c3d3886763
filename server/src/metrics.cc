#include "metrics.h"

#include <cstdio>
#include <string>
#include <type_traits>

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

namespace {

// "# HELP" and "# TYPE" lines of one metric family.
void header(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

// One sample: NAME{LABELS} VALUE (LABELS may be empty).
template <typename Number>
void sample(std::string& out, const char* name, const std::string& labels, Number value) {
  out += name;
  if (!labels.empty()) out += "{" + labels + "}";
  out += ' ';
  if constexpr (std::is_floating_point_v<Number>) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6f", value);
    out += text;
  } else {
    out += std::to_string(value);
  }
  out += '\n';
}

std::string bucket_label(double bound) {
  char text[32];
  std::snprintf(text, sizeof text, "le=\"%g\"", bound);
  return text;
}

}  // namespace

std::string Metrics::render(long long documents, long long clauses) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  const char* requests = "hemicycle_http_requests_total";
  header(out, requests, "counter", "Requests answered, by route and status.");
  for (const auto& [key, n] : requests_) {
    sample(out, requests,
           "route=\"" + key.first + "\",status=\"" + std::to_string(key.second) + "\"", n);
  }
  header(out, "hemicycle_http_request_duration_seconds", "histogram", "Time to answer a request.");
  std::uint64_t cumulative = 0;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += buckets_[b];
    sample(out, "hemicycle_http_request_duration_seconds_bucket", bucket_label(kBuckets[b]),
           cumulative);
  }
  cumulative += buckets_.back();
  sample(out, "hemicycle_http_request_duration_seconds_bucket", "le=\"+Inf\"", cumulative);
  sample(out, "hemicycle_http_request_duration_seconds_sum", "", sum_seconds_);
  sample(out, "hemicycle_http_request_duration_seconds_count", "", count_);
  header(out, "hemicycle_http_errors_total", "counter", "Answers with a server error (5xx).");
  sample(out, "hemicycle_http_errors_total", "", errors_);
  header(out, "hemicycle_http_client_errors_total", "counter", "Answers with a client error (4xx).");
  sample(out, "hemicycle_http_client_errors_total", "", client_errors_);
  header(out, "hemicycle_index_documents", "gauge", "Documents in the index.");
  sample(out, "hemicycle_index_documents", "", documents);
  header(out, "hemicycle_index_clauses", "gauge", "Clauses in the index.");
  sample(out, "hemicycle_index_clauses", "", clauses);
  return out;
}

}  // namespace hemicycle::server
