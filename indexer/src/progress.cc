#include "progress.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace hemicycle::indexer::internal {
namespace {

namespace fs = std::filesystem;

// A file read_path() reads (the others in a folder are ignored, and left out of the ETA).
bool is_input(const fs::path& p) {
  const std::string name = p.filename().string();
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".txt") || ends(".jsonl") || ends(".jsonl.gz");
}

// " 40%, ETA 0:03", once a second has passed and part of the input is read; else "".
std::string eta_text(const IngestProgress& p) {
  if (p.input_bytes == 0 || p.input_position == 0 || p.seconds <= 1) return "";
  const double fraction =
      std::min(1.0, static_cast<double>(p.input_position) / static_cast<double>(p.input_bytes));
  char buf[64];
  std::snprintf(buf, sizeof buf, " %d%%, ETA %s", static_cast<int>(fraction * 100),
                clock_text(p.seconds * (1 - fraction) / fraction).c_str());
  return buf;
}

double per_second(double amount, double seconds) { return seconds > 0 ? amount / seconds : 0.0; }

}  // namespace

InputPosition::InputPosition(const std::vector<std::string>& inputs) {
  for (const auto& p : inputs) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && is_input(it->path())) {
          sizes_[it->path().string()] = it->file_size(ec);
        }
      }
    } else if (fs::is_regular_file(p, ec)) {
      sizes_[p] = fs::file_size(p, ec);
    }
  }
  for (const auto& [name, size] : sizes_) total_ += size;
}

void InputPosition::at(const std::string& origin, std::uint64_t offset) {
  if (origin != origin_) {
    auto it = sizes_.find(origin_);
    if (it != sizes_.end()) done_ += it->second;
    origin_ = origin;
  }
  offset_ = offset;
}

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

std::string progress_line(const IngestProgress& p) {
  char counts[160];
  if (p.parts > 0) {
    std::snprintf(counts, sizeof counts, "%zu documents, %zu clauses in %u parts", p.documents,
                  p.clauses, p.parts);
  } else {
    std::snprintf(counts, sizeof counts, "%zu documents (%zu unchanged), %zu clauses, %zu warnings",
                  p.documents, p.unchanged, p.clauses, p.warnings);
  }
  char rates[96];
  std::snprintf(rates, sizeof rates, ", %.0f docs/s, %.1f MB/s",
                per_second(static_cast<double>(p.documents), p.seconds),
                per_second(static_cast<double>(p.text_bytes) / 1e6, p.seconds));
  return std::string(counts) + rates + eta_text(p);
}

std::string summary_text(const IngestResult& r, const std::string& db,
                         std::uintmax_t index_bytes) {
  char head[256];
  std::snprintf(head, sizeof head,
                "indexed %zu documents, %zu unchanged, %zu clauses, %zu deleted, %zu warnings in "
                "%.2f s (%.1f MB of text, %.1f MB/s",
                r.documents, r.unchanged, r.clauses, r.deleted, r.warnings, r.seconds,
                static_cast<double>(r.text_bytes) / 1e6,
                per_second(static_cast<double>(r.text_bytes) / 1e6, r.seconds));
  std::string text = head;
  if (r.parts > 0) {
    char parts[64];
    std::snprintf(parts, sizeof parts, "; %u parts merged in %.2f s", r.parts, r.merge_seconds);
    text += parts;
  }
  char tail[64];
  std::snprintf(tail, sizeof tail, ": %.1f MB\n", static_cast<double>(index_bytes) / 1e6);
  text += "); index " + db + tail;
  if (r.pruned > 0) {
    text += "pruned " + std::to_string(r.pruned) + " documents no longer in the input\n";
  }
  return text;
}

}  // namespace hemicycle::indexer::internal
