#include "gazetteer.h"

#include <algorithm>

#include "hemicycle/corpus/extract.h"
#include "civility.h"
#include "text_util.h"

namespace hemicycle::corpus::internal {
namespace {

// A word of the text: [begin, end) bytes.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Finds the next word (run of word characters) at or after pos; false at the end.
bool next_word(std::string_view text, std::size_t pos, Word* w) {
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) break;
      ++pos;
      continue;
    }
    std::size_t n = 0;
    if (is_word_char(decode_at(text, pos, &n))) break;
    pos += n;
  }
  if (pos >= text.size()) return false;
  std::size_t end = pos;
  while (end < text.size()) {
    const auto c = static_cast<unsigned char>(text[end]);
    if (c < 0x80) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) break;
      ++end;
      continue;
    }
    std::size_t n = 0;
    if (!is_word_char(decode_at(text, end, &n))) break;
    end += n;
  }
  w->begin = pos;
  w->end = end;
  return true;
}

bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// True if text[a, b) may separate two words of one name: spaces, one hyphen or one
// apostrophe, nothing else.
bool joins_words(std::string_view text, std::size_t a, std::size_t b) {
  if (b - a > 8) return false;
  int marks = 0;
  for (std::size_t p = a; p < b;) {
    std::size_t n = 0;
    const char32_t cp = decode_at(text, p, &n);
    if (is_hyphen(cp) || cp == '\'' || cp == 0x2019 || cp == 0x02BC) {
      ++marks;
    } else if (!(is_space(cp, Spaces::kLine) || cp == '\n')) {
      return false;
    }
    p += n;
  }
  return marks <= 1;
}

// True if a hyphen glues the word range [begin, end) to a word before or after it.
bool glued(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= 2) {
    std::size_t n = 0;
    if (is_hyphen(decode_before(text, begin, &n))) {
      std::size_t m = 0;
      if (begin - n > 0 && is_word_char(decode_before(text, begin - n, &m))) return true;
    }
  }
  if (end < text.size()) {
    std::size_t n = 0;
    if (is_hyphen(decode_at(text, end, &n)) && end + n < text.size()) {
      std::size_t m = 0;
      if (is_word_char(decode_at(text, end + n, &m))) return true;
    }
  }
  return false;
}

// True if the word range starting at `begin` follows a civility ("M. ", "Mme ", "MM. ",
// "Mmes ", "Mlle "), directly or after one capitalised first name: a person's name.
bool after_civility(std::string_view text, std::size_t begin) {
  // Walks back over spaces, then reads the previous word.
  auto previous_word = [&](std::size_t end, std::string_view* word) {
    std::size_t p = end;
    while (p > 0) {
      std::size_t n = 0;
      const char32_t cp = decode_before(text, p, &n);
      if (!(is_space(cp, Spaces::kLine) || cp == '.')) break;
      p -= n;
    }
    std::size_t e = p;
    while (p > 0) {
      std::size_t n = 0;
      if (!is_word_char(decode_before(text, p, &n))) break;
      p -= n;
    }
    *word = text.substr(p, e - p);
    return p;
  };
  std::string_view w;
  std::size_t start = previous_word(begin, &w);
  if (w.empty()) return false;
  if (is_running_text_civility(w)) return true;
  std::size_t n = 0;
  if (!is_upper(decode_at(w, 0, &n))) return false;
  previous_word(start, &w);
  return is_running_text_civility(w);
}

bool starts_upper(std::string_view text, std::size_t pos) {
  std::size_t n = 0;
  return is_upper(decode_at(text, pos, &n));
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= line.size()) {
    std::size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) tab = line.size();
    out.push_back(trim(line.substr(pos, tab - pos)));
    pos = tab + 1;
  }
  return out;
}

}  // namespace

Gazetteer::Gazetteer(std::string_view tsv) {
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    std::size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols = split_tabs(line);
    if (cols.size() < 3 || cols[2].empty()) continue;
    Kind kind;
    if (cols[0] == "territory") {
      kind = Kind::kTerritory;
    } else if (cols[0] == "country") {
      kind = Kind::kCountry;
    } else {
      continue;
    }
    const bool cs = cols[1].find("cs") != std::string_view::npos;
    const bool explicit_only = cols[1].find("explicit") != std::string_view::npos;
    const std::size_t entry = entries_.size();
    entries_.push_back(Entry{kind, std::string(cols[2])});
    if (!explicit_only) add_variant(cols[2], cs, entry);
    for (std::size_t i = 3; i < cols.size(); ++i) {
      if (!cols[i].empty()) add_variant(cols[i], cs, entry);
    }
  }
  for (auto& [first, variants] : by_first_) {
    std::stable_sort(variants.begin(), variants.end(), [](const Variant& a, const Variant& b) {
      return a.tokens.size() > b.tokens.size();
    });
  }
}

void Gazetteer::add_variant(std::string_view variant, bool case_sensitive, std::size_t entry) {
  Variant v;
  v.entry = entry;
  Word w;
  std::size_t pos = 0;
  while (next_word(variant, pos, &w)) {
    v.tokens.push_back(fold_word(variant.substr(w.begin, w.end - w.begin)));
    v.capital.push_back(case_sensitive && starts_upper(variant, w.begin));
    pos = w.end;
  }
  if (v.tokens.empty()) return;
  max_first_length_ = std::max(max_first_length_, v.tokens[0].size());
  by_first_[v.tokens[0]].push_back(std::move(v));
}

const Gazetteer& Gazetteer::instance() {
  static const Gazetteer gazetteer(kGazetteerTsv);
  return gazetteer;
}

void Gazetteer::match(std::string_view text, std::vector<std::string>* territories,
                      std::vector<std::string>* countries) const {
  std::string folded;
  std::string next_folded;
  Word w;
  std::size_t pos = 0;
  while (next_word(text, pos, &w)) {
    pos = w.end;
    // Cheap rejection: folding never shortens a word by more than half (é -> e).
    if (w.end - w.begin > 2 * max_first_length_ + 2) continue;
    folded.clear();
    const std::string_view word = text.substr(w.begin, w.end - w.begin);
    if (!fold_latin(word, &folded)) folded = fold_word(word);
    auto it = by_first_.find(std::string_view(folded));
    if (it == by_first_.end()) continue;
    for (const Variant& v : it->second) {
      if (v.capital[0] && !starts_upper(text, w.begin)) continue;
      std::size_t end = w.end;
      bool ok = true;
      for (std::size_t i = 1; i < v.tokens.size() && ok; ++i) {
        Word nw;
        if (!next_word(text, end, &nw) || !joins_words(text, end, nw.begin)) {
          ok = false;
          break;
        }
        next_folded.clear();
        const std::string_view word2 = text.substr(nw.begin, nw.end - nw.begin);
        if (!fold_latin(word2, &next_folded)) next_folded = fold_word(word2);
        if (next_folded != v.tokens[i] || (v.capital[i] && !starts_upper(text, nw.begin))) {
          ok = false;
          break;
        }
        end = nw.end;
      }
      if (!ok || glued(text, w.begin, end) || after_civility(text, w.begin)) continue;
      const Entry& e = entries_[v.entry];
      add_unique(e.kind == Kind::kTerritory ? *territories : *countries, e.canonical);
      pos = end;
      break;
    }
  }
}

std::vector<std::string> Gazetteer::names(Kind kind) const {
  std::vector<std::string> out;
  for (const Entry& e : entries_) {
    if (e.kind == kind) out.push_back(e.canonical);
  }
  return out;
}

}  // namespace hemicycle::corpus::internal

namespace hemicycle::corpus {

void extract_places(std::string_view text, std::vector<std::string>* territories,
                    std::vector<std::string>* countries) {
  internal::Gazetteer::instance().match(text, territories, countries);
}

Places extract_places(std::string_view text) {
  Places places;
  extract_places(text, &places.territories, &places.countries);
  return places;
}

std::vector<std::string> gazetteer_names(std::string_view kind) {
  if (kind == "territory") {
    return internal::Gazetteer::instance().names(internal::Gazetteer::Kind::kTerritory);
  }
  if (kind == "country") {
    return internal::Gazetteer::instance().names(internal::Gazetteer::Kind::kCountry);
  }
  return {};
}

}  // namespace hemicycle::corpus
