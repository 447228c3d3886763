#include "hemicycle/searcher/snippet.h"

#include <algorithm>

namespace hemicycle::searcher {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool is_break(unsigned char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Moves `pos` back to a word boundary, at most `slack` bytes; never splits a UTF-8 character.
std::size_t boundary_before(std::string_view t, std::size_t pos, std::size_t slack) {
  std::size_t limit = pos > slack ? pos - slack : 0;
  std::size_t p = pos;
  while (p > limit && !is_break(t[p - 1])) --p;
  if (p == limit && p > 0 && !is_break(t[p - 1])) p = pos;  // no space nearby: cut mid-word
  while (p > 0 && p < t.size() && is_continuation(t[p])) --p;
  return p;
}

// Moves `pos` forward to a word boundary, at most `slack` bytes.
std::size_t boundary_after(std::string_view t, std::size_t pos, std::size_t slack) {
  std::size_t limit = std::min(t.size(), pos + slack);
  std::size_t p = pos;
  while (p < limit && !is_break(t[p])) ++p;
  if (p == limit && p < t.size() && !is_break(t[p])) p = pos;
  while (p < t.size() && is_continuation(t[p])) ++p;
  return p;
}

}  // namespace

std::vector<Range> find_highlights(std::string_view text,
                                   const std::unordered_set<std::string>& terms,
                                   analyzers::FrenchAnalyzer& analyzer) {
  std::vector<Range> out;
  if (terms.empty()) return out;
  analyzer.analyze(text, [&](const analyzers::Token& t) {
    if (terms.count(t.text)) {
      // Compound parts next to each other ("outre-mer") become one highlight.
      std::string_view gap;
      if (!out.empty() && out.back().end <= t.begin) {
        gap = text.substr(out.back().end, t.begin - out.back().end);
      }
      if (!out.empty() && (gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91")) {
        out.back().end = t.end;
      } else {
        out.push_back(Range{t.begin, t.end});
      }
    }
  });
  return out;
}

Snippet make_snippet(std::string_view text, const std::vector<Range>& highlights,
                     std::size_t max_bytes) {
  Snippet s;
  if (text.size() <= max_bytes) {
    s.text = std::string(text);
    s.highlights = highlights;
    return s;
  }
  // The window of max_bytes holding the most highlights, starting a little before one.
  std::size_t best_first = 0, best_count = 0;
  for (std::size_t i = 0; i < highlights.size(); ++i) {
    std::size_t count = 0;
    for (std::size_t j = i; j < highlights.size(); ++j) {
      if (highlights[j].end > highlights[i].begin + max_bytes) break;
      ++count;
    }
    if (count > best_count) {
      best_count = count;
      best_first = i;
    }
  }
  std::size_t start = 0;
  if (!highlights.empty()) {
    const std::size_t lead = max_bytes / 5;  // some context before the first match
    std::size_t b = highlights[best_first].begin;
    start = b > lead ? b - lead : 0;
    // Prefer to show the end of the text rather than leave room unused.
    if (start + max_bytes > text.size()) start = text.size() > max_bytes ? text.size() - max_bytes : 0;
  }
  std::size_t end = std::min(text.size(), start + max_bytes);
  if (start > 0) start = boundary_before(text, start, 20);  // may add a few bytes before
  if (end < text.size()) end = boundary_before(text, end, 30);
  if (end <= start) end = boundary_after(text, std::min(text.size(), start + max_bytes), 30);
  // Trim the spaces at the cut.
  while (start < end && is_break(text[start])) ++start;
  while (end > start && is_break(text[end - 1])) --end;

  const std::string kEllipsis = "\xE2\x80\xA6";  // …
  std::size_t shift = 0;
  if (start > 0) {
    s.text = kEllipsis + " ";
    shift = s.text.size();
  }
  s.text.append(text.substr(start, end - start));
  if (end < text.size()) s.text += " " + kEllipsis;
  for (const auto& h : highlights) {
    if (h.begin >= start && h.end <= end) {
      s.highlights.push_back(Range{h.begin - start + shift, h.end - start + shift});
    }
  }
  return s;
}

}  // namespace hemicycle::searcher
