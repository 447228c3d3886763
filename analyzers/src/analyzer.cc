#include "hemicycle/analyzers/analyzer.h"

#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "chars.h"
#include "hemicycle/analyzers/stemmer.h"
#include "hemicycle/analyzers/unicode.h"

namespace hemicycle::analyzers {
namespace internal {
extern const char kFrenchStopText[];  // data/french_stop.txt, generated into french_stop.cc
}  // namespace internal

namespace {

using internal::CharClass;

// Words and references longer than this (in bytes, after elision) are skipped, keeping their
// position: such runs are not words (encoded data, tables) and Xapian rejects terms over 245
// bytes.
constexpr std::size_t kMaxWordBytes = 200;
// Longest term emitted (format::schema::kMaxTermBytes): lowercasing can lengthen a word
// ("İ", 2 bytes, is "i" + U+0307, 3 bytes), so the term itself is checked too.
constexpr std::size_t kMaxTermBytes = 240;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The stop set: views into the compiled-in text of data/french_stop.txt.
class StopSet {
 public:
  StopSet() {
    std::string_view text = internal::kFrenchStopText;
    while (!text.empty()) {
      std::size_t eol = text.find('\n');
      std::string_view line = text.substr(0, eol);
      text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
      if (std::size_t bar = line.find('|'); bar != std::string_view::npos) {
        line = line.substr(0, bar);
      }
      // The word is the first field; a line starting with blanks holds only a comment.
      std::size_t end = line.find_first_of(" \t\r");
      std::string_view word = line.substr(0, end);
      if (!word.empty()) {
        words_.insert(word);
        if (word.size() > max_size_) max_size_ = word.size();
      }
    }
  }
  bool contains(std::string_view w) const {
    return w.size() <= max_size_ && words_.find(w) != words_.end();
  }

 private:
  std::unordered_set<std::string_view> words_;
  std::size_t max_size_ = 0;
};

// Folded word -> stem. Stemming is most of the chain's cost and word frequencies are Zipfian,
// so a per-analyzer cache pays; it is cleared when full to bound memory.
class StemCache {
 public:
  static constexpr std::size_t kMaxEntries = 1 << 16;

  std::string_view stem(Stemmer& stemmer, std::string_view word) {
    if (auto it = map_.find(word); it != map_.end()) return it->second;
    if (map_.size() >= kMaxEntries) map_.clear();
    const std::string_view stem = stemmer.stem(word);
    return map_.emplace(std::string(word), std::string(stem)).first->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> map_;
};

const StopSet& stop_set() {
  static const StopSet set;
  return set;
}

// Elided articles (Lucene's ElisionFilter DEFAULT_ARTICLES), compared case-insensitively.
bool is_article(std::string_view prefix) {
  static constexpr std::string_view kArticles[] = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  if (prefix.size() > 6) return false;
  char lower[6];
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = prefix[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::string_view p(lower, prefix.size());
  for (std::string_view a : kArticles) {
    if (a == p) return true;
  }
  return false;
}

// A word found by the tokenizer: a run of letters, digits and combining marks, with ' or ’
// kept between two letters. Byte offsets into the original input.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t apostrophe = kNone;  // offset of the first inner apostrophe
  std::size_t apostrophe_len = 0;
  bool ascii = true;         // every byte is ASCII
  bool all_digits = true;    // only ASCII digits: a number, or a reference group
  bool has_digit = false;    // some decimal digit (ASCII or not): the word is not stemmed
  bool above_latin = false;  // some code point >= U+0300: NFC must be checked
};

struct Decoded {
  char32_t cp;
  int len;
  CharClass cls;
};

inline Decoded decode_class(std::string_view text, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  if (*p < 0x80) return {*p, 1, internal::kAsciiClass.c[*p]};
  int len;
  bool ok;
  const char32_t cp = decode_utf8(
      p, reinterpret_cast<const unsigned char*>(text.data()) + text.size(), &len, &ok);
  // Invalid bytes are U+FFFD, a separator.
  return {cp, len, ok ? internal::classify(cp) : CharClass::kSeparator};
}

inline bool is_letter_or_mark(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kMark;
}

// Scans the word starting at i (REQUIRES: a word character starts at i).
Word scan_word(std::string_view text, std::size_t i) {
  Word w;
  w.begin = i;
  const std::size_t n = text.size();
  bool prev_letter = false;
  while (i < n) {
    const Decoded d = decode_class(text, i);
    if (internal::is_word_char(d.cls)) {
      if (d.cls != CharClass::kDigit) w.all_digits = false;
      if (d.cls == CharClass::kDigit || d.cls == CharClass::kOtherDigit) w.has_digit = true;
      if (d.len > 1) w.ascii = false;
      if (d.cp >= 0x300) w.above_latin = true;
      prev_letter = is_letter_or_mark(d.cls);
      i += static_cast<std::size_t>(d.len);
      continue;
    }
    if (d.cls == CharClass::kApostrophe && prev_letter && i + d.len < n &&
        decode_class(text, i + d.len).cls == CharClass::kLetter) {
      if (w.apostrophe == kNone) {
        w.apostrophe = i;
        w.apostrophe_len = static_cast<std::size_t>(d.len);
      }
      w.all_digits = false;
      if (d.len > 1) w.ascii = false;
      prev_letter = false;
      i += static_cast<std::size_t>(d.len);
      continue;
    }
    break;
  }
  w.end = i;
  return w;
}

}  // namespace

struct FrenchAnalyzer::Impl {
  Stemmer stemmer{"french"};
  StemCache stem_cache;
  const StopSet& stops = stop_set();
  std::string nfc;     // NFC form of the current word, when it was not NFC already
  std::string lower;   // lowercased word, ’ written ', before folding
  std::string folded;  // lowercased and accent-folded word
  Token token;         // reused for every term

  template <bool kFull>
  void run(std::string_view text, const Sink& sink);

  // Emits the reference text[begin, end): digit groups joined by - (U+2010, U+2011) or /.
  void emit_reference(std::string_view text, std::size_t begin, std::size_t end,
                      std::uint32_t position, const Sink& sink);

  // Runs the word through elision, lowercase, [stop words], fold, [stem]; returns false when
  // the word gives no term (stop word, too long, empty after folding).
  template <bool kFull>
  bool emit_word(std::string_view text, Word w, std::uint32_t position, const Sink& sink);
};

void FrenchAnalyzer::Impl::emit_reference(std::string_view text, std::size_t begin, std::size_t end,
                                          std::uint32_t position, const Sink& sink) {
  std::string& t = token.text;
  t.clear();
  for (std::size_t i = begin; i < end;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      t.push_back(static_cast<char>(c));
      ++i;
    } else {  // U+2010 or U+2011, the only non-ASCII joiners
      t.push_back('-');
      i += 3;
    }
  }
  token.begin = begin;
  token.end = end;
  token.position = position;
  sink(token);
}

template <bool kFull>
bool FrenchAnalyzer::Impl::emit_word(std::string_view text, Word w, std::uint32_t position,
                                     const Sink& sink) {
  // Elision: l’Assemblée -> Assemblée, jusqu'à -> à. Only the first apostrophe counts, so
  // "qu’aujourd’hui" -> "aujourd’hui"; other inner apostrophes keep the word whole.
  if (w.apostrophe != kNone && is_article(text.substr(w.begin, w.apostrophe - w.begin))) {
    w.begin = w.apostrophe + w.apostrophe_len;
  }
  if (w.end - w.begin > kMaxWordBytes) return false;
  std::string_view span = text.substr(w.begin, w.end - w.begin);

  std::string_view term;
  if (w.ascii) {
    lower.resize(span.size());
    for (std::size_t i = 0; i < span.size(); ++i) {
      const char c = span[i];
      lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    if (kFull && stops.contains(lower)) return false;
    term = lower;
  } else {
    if (w.above_latin && !internal::quick_check_nfc(span)) {
      internal::to_nfc(span, nfc);
      span = nfc;
    }
    lower.clear();
    folded.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(span.data());
    const auto* end = p + span.size();
    while (p < end) {
      int len;
      bool ok;
      char32_t cp = decode_utf8(p, end, &len, &ok);
      p += len;
      if (cp == 0x2019 || cp == 0x02BC) cp = U'\'';
      const char32_t lc = internal::to_lower(cp);
      if (kFull) append_utf8(lc, lower);
      internal::append_folded(lc, folded);
    }
    if (kFull && stops.contains(lower)) return false;
    term = folded;
  }
  if (term.empty()) return false;
  // Words with digits ("1er", "2e", "a4") are kept as they are: stemming would mangle them.
  if (kFull && !w.has_digit) term = stem_cache.stem(stemmer, term);
  if (term.size() > kMaxTermBytes) return false;
  token.text.assign(term);
  token.begin = w.begin;
  token.end = w.end;
  token.position = position;
  sink(token);
  return true;
}

template <bool kFull>
void FrenchAnalyzer::Impl::run(std::string_view text, const Sink& sink) {
  const std::size_t n = text.size();
  std::uint32_t position = 0;
  std::size_t i = 0;
  while (i < n) {
    const Decoded d = decode_class(text, i);
    if (!internal::is_word_char(d.cls)) {  // separators, and joiners outside a word
      i += static_cast<std::size_t>(d.len);
      continue;
    }
    const Word w = scan_word(text, i);
    if (w.all_digits) {
      // A reference: digit groups joined by -, U+2010, U+2011 or / ("2024-850", "2024/1689",
      // "13‑19"). Every group must be digits only, so "2014/90/UE" is 2014/90 then ue.
      std::size_t end = w.end;
      while (end < n) {
        const Decoded j = decode_class(text, end);
        if (j.cls != CharClass::kHyphen && j.cls != CharClass::kSlash) break;
        const std::size_t next = end + static_cast<std::size_t>(j.len);
        if (next >= n || text[next] < '0' || text[next] > '9') break;
        const Word group = scan_word(text, next);
        if (!group.all_digits) break;
        end = group.end;
      }
      if (end != w.end) {
        if (end - w.begin <= kMaxWordBytes) emit_reference(text, w.begin, end, position, sink);
        ++position;
        i = end;
        continue;
      }
    }
    // Every word takes a position, even when it gives no term: stop words leave gaps. The
    // parts of a compound ("outre-mer") are words at consecutive positions.
    emit_word<kFull>(text, w, position, sink);
    ++position;
    i = w.end;
  }
}

namespace {

// The tokens that run(sink) passes to its sink, as a vector.
template <typename Run>
std::vector<Token> collect_tokens(Run run) {
  std::vector<Token> out;
  run([&out](const Token& t) { out.push_back(t); });
  return out;
}

}  // namespace

FrenchAnalyzer::FrenchAnalyzer() : impl_(std::make_unique<Impl>()) {}
FrenchAnalyzer::~FrenchAnalyzer() = default;

void FrenchAnalyzer::analyze(std::string_view text, const Sink& sink) {
  impl_->run<true>(text, sink);
}

std::vector<Token> FrenchAnalyzer::analyze(std::string_view text) {
  return collect_tokens([&](const Sink& sink) { analyze(text, sink); });
}

void FrenchAnalyzer::normalize(std::string_view text, const Sink& sink) {
  impl_->run<false>(text, sink);
}

std::vector<Token> FrenchAnalyzer::normalize(std::string_view text) {
  return collect_tokens([&](const Sink& sink) { normalize(text, sink); });
}

bool FrenchAnalyzer::is_stop_word(std::string_view lowercase_word) const {
  return impl_->stops.contains(lowercase_word);
}

}  // namespace hemicycle::analyzers
