#include "progress.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "hemicycle/model/french.h"

namespace hemicycle::indexer::internal {
namespace {

namespace fs = std::filesystem;
namespace fr = model::french;

constexpr const char* kColon = "\u00a0: ";
constexpr const char* kSemicolon = "\u00a0; ";

// A file read_path() reads (the others in a folder are warnings, and left out of the ETA).
bool is_input(const fs::path& p) {
  std::string name = p.filename().string();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".txt") || ends(".html") || ends(".htm") || ends(".jsonl") || ends(".jsonl.gz");
}

// ", 40\u00a0%, reste 0:03", once a second has passed and part of the input is read; else "".
std::string eta_text(const IngestProgress& p) {
  if (p.input_bytes == 0 || p.input_position == 0 || p.seconds <= 1) return "";
  const double fraction =
      std::min(1.0, static_cast<double>(p.input_position) / static_cast<double>(p.input_bytes));
  return ", " + std::to_string(static_cast<int>(fraction * 100)) + std::string(fr::kNbsp) +
         "%, reste " + clock_text(p.seconds * (1 - fraction) / fraction);
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
  std::string text = fr::count(p.documents, "document", "documents");
  const std::string clauses = fr::count(p.clauses, "passage", "passages");
  if (p.parts > 0) {
    text += ", " + clauses + " en " + fr::count(p.parts, "partie", "parties");
  } else {
    text += " (" + fr::count(p.unchanged, "inchangé", "inchangés") + "), " + clauses + ", " +
            fr::count(p.warnings, "avertissement", "avertissements");
  }
  const double docs_per_second = per_second(static_cast<double>(p.documents), p.seconds);
  text += ", " + fr::number(static_cast<std::uint64_t>(docs_per_second + 0.5)) + " doc/s, " +
          fr::decimal(per_second(static_cast<double>(p.text_bytes) / 1e6, p.seconds), 1) +
          " Mo/s";
  return text + eta_text(p);
}

std::string seconds_text(double seconds) {
  return fr::decimal(seconds, seconds < 1 ? 2 : 1) + " s";
}

std::string summary_text(const IngestResult& r, const std::string& db,
                         std::uintmax_t index_bytes) {
  const double text_mb = static_cast<double>(r.text_bytes) / 1e6;
  std::string text =
      fr::count(r.documents + r.unchanged, "document lu", "documents lus") + kColon +
      fr::count(r.documents - r.replaced, "ajouté", "ajoutés") + ", " + fr::number(r.replaced) +
      " mis à jour, " + fr::count(r.unchanged, "inchangé", "inchangés");
  if (r.deleted > 0) {
    text += kSemicolon + fr::count(r.deleted, "document supprimé", "documents supprimés");
  }
  text += kSemicolon + fr::count(r.warnings, "avertissement", "avertissements") + kSemicolon +
          fr::count(r.clauses, "passage", "passages") + kSemicolon + seconds_text(r.seconds) +
          " (" + fr::decimal(text_mb, 1) + " Mo de texte, " +
          fr::decimal(per_second(text_mb, r.seconds), 1) + " Mo/s";
  if (r.parts > 0) {
    text += kSemicolon + fr::count(r.parts, "partie fusionnée", "parties fusionnées") + " en " +
            seconds_text(r.merge_seconds);
  }
  text += ')';
  text += kSemicolon;
  text += "index " + db + kColon + fr::decimal(static_cast<double>(index_bytes) / 1e6, 1) +
          " Mo\n";
  if (r.pruned > 0) {
    text += fr::count(r.pruned, "document retiré", "documents retirés") +
            (r.pruned < 2 ? ", absent des entrées\n" : ", absents des entrées\n");
  }
  return text;
}

}  // namespace hemicycle::indexer::internal
