#include "known_item.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <utility>

#include "hemicycle/corpus/references.h"
#include "hemicycle/format/schema.h"
#include "queries.h"
#include "word_key.h"

namespace hemicycle::searcher {
namespace {

namespace schema = format::schema;
using Xapian::Query;

// A word ready for matching.
struct Word {
  std::string raw;  // as typed, without brackets and commas around it
  std::string key;  // folded, without dots, without an elided "l'" or "d'"
  std::size_t note = QueryWord::kNoNote;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

// Appends the word(s) of one bare word: "(ART." -> "ART."; "n°1386" -> "n°", "1386".
void add_word(std::string_view raw, std::size_t note, std::vector<Word>& out) {
  raw = without_brackets(raw);
  if (raw.empty()) return;
  for (std::string_view sign : {"n\xC2\xB0", "N\xC2\xB0", "n\xC2\xBA", "N\xC2\xBA"}) {
    if (raw.size() > sign.size() && raw.substr(0, sign.size()) == sign) {
      out.push_back({std::string(sign), "n\xC2\xB0", note});
      add_word(raw.substr(sign.size()), QueryWord::kNoNote, out);
      return;
    }
  }
  out.push_back({std::string(raw), word_key(raw), note});
}

bool is_article_word(const Word& w) { return key_in(w.key, {"article", "art"}); }
bool is_number_sign(const Word& w) {
  return key_in(w.key, {"n\xC2\xB0", "n\xC2\xBA", "no", "numero", "num"});
}
bool is_amendment_word(const Word& w) {
  return key_in(w.key, {"amendement", "amendements", "amdt", "amt"});
}
// Between a number and its code, or an amendment and its article.
bool is_joining_word(const Word& w) {
  return key_in(w.key, {"du", "de", "des", "la", "le", "au", "a", "sur", "l'", "d'"});
}

bool is_latin_suffix(const std::string& key) {
  return key_in(key, {"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies",
                      "nonies", "novies", "decies", "undecies", "duodecies", "terdecies",
                      "quaterdecies", "quindecies"});
}

// Groups of digits joined by hyphens, with an optional "er": "1240", "515-14", "1er".
bool article_digits(std::string_view k) {
  if (k.size() > 2 && k.substr(k.size() - 2) == "er") k.remove_suffix(2);
  if (k.empty() || !is_digit(k.front()) || !is_digit(k.back())) return false;
  for (std::size_t i = 0; i < k.size(); ++i) {
    if (!is_digit(k[i]) && !(k[i] == '-' && is_digit(k[i + 1]))) return false;
  }
  return true;
}

// The letters of a code's article numbers: L. 1114-1, R. 2, D. 3, LO 1.
bool code_letter(std::string_view k) { return k == "l" || k == "r" || k == "d" || k == "lo"; }

// An article number at w[i] ("1240", "L. 1114-1", "L1114-1", "3 bis", "premier"): the words
// it takes (0: none), the number as typed in *raw.
std::size_t article_number(const std::vector<Word>& w, std::size_t i, std::string* raw) {
  if (i >= w.size()) return 0;
  const std::string& k = w[i].key;
  std::size_t used = 0;
  const std::size_t letters = k.rfind("lo", 0) == 0 ? 2 : 1;
  if (k == "premier" || k == "premiere" || article_digits(k) ||
      (k.size() > letters && code_letter(k.substr(0, letters)) &&
       article_digits(k.substr(letters)))) {
    *raw = w[i].raw;
    used = 1;
  } else if (code_letter(k) && i + 1 < w.size() && article_digits(w[i + 1].key)) {
    *raw = w[i].raw + " " + w[i + 1].raw;
    used = 2;
  } else {
    return 0;
  }
  if (i + used < w.size() && is_latin_suffix(w[i + used].key)) {
    *raw += " " + w[i + used].raw;
    ++used;
  }
  return used;
}

// An amendment's number: "1386", "CL2", "II-CF1", "I-1" (a digit in its last part).
bool amendment_number(std::string_view k) {
  if (k.empty() || k.size() > 20 || k.front() == '-' || k.back() == '-') return false;
  bool digit = false;
  for (char c : k) {
    if (c == '-') {
      digit = false;
    } else if (is_digit(c)) {
      digit = true;
    } else if (!is_letter(c)) {
      return false;
    }
  }
  return digit;
}

// Whether a word ends the name of a code not in corpus::legal_codes() ("code minier 12").
bool ends_code_name(const std::vector<Word>& w, std::size_t i) {
  std::string raw;
  return is_article_word(w[i]) || is_number_sign(w[i]) || is_amendment_word(w[i]) ||
         article_number(w, i, &raw) > 0;
}

// The words of a known code's name matched at w[i], 0 if they are not there.
std::size_t known_code_at(const std::vector<Word>& w, std::size_t i, std::string_view name) {
  std::vector<Word> words;
  std::size_t start = 0;
  for (std::size_t e = 0; e <= name.size(); ++e) {
    if (e < name.size() && name[e] != ' ') continue;
    add_word(name.substr(start, e - start), QueryWord::kNoNote, words);
    start = e + 1;
  }
  if (i + words.size() > w.size()) return 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (w[i + k].key != words[k].key) return 0;
  }
  return words.size();
}

// A code named at w[i]: an abbreviation ("C. civ.", "CGCT"), a known name (the longest),
// or "code" and the words after it up to a number. The words it takes (0: none), and its
// name in *name.
std::size_t code_at(const std::vector<Word>& w, std::size_t i, std::string* name) {
  for (std::size_t n = std::min<std::size_t>(4, w.size() - i); n >= 1; --n) {
    std::string key;
    for (std::size_t k = i; k < i + n; ++k) key += w[k].key;
    if (const corpus::LegalCode* c = corpus::code_by_abbreviation(key)) {
      *name = c->name;
      return n;
    }
  }
  if (w[i].key == "constitution" || w[i].key == "const") {  // "article 88-4 Const."
    *name = "constitution";
    return 1;
  }
  if (w[i].key != "code") return 0;
  std::size_t best = 0;
  for (const corpus::LegalCode& c : corpus::legal_codes()) {
    const std::size_t n = known_code_at(w, i, c.name);
    if (n > best) {
      best = n;
      *name = c.name;
    }
  }
  if (best > 0) return best;
  std::size_t e = i + 1;
  while (e < w.size() && !ends_code_name(w, e)) ++e;
  if (e == i + 1) return 0;
  *name = w[i].raw;
  for (std::size_t k = i + 1; k < e; ++k) *name += " " + w[k].raw;
  return e - i;
}

// The forms of one run of words, left to right; each word belongs to one form at most.
class Recognizer {
 public:
  Recognizer(analyzers::FrenchAnalyzer& analyzer, std::vector<std::size_t>* used_notes)
      : analyzer_(analyzer), used_notes_(used_notes) {}

  void run(const std::vector<Word>& w, bool alone) {
    if (alone && bare_number(w)) return;
    free_ = 0;
    for (std::size_t i = 0; i < w.size();) {
      std::size_t used = amendment(w, i);
      if (!used) used = code_first(w, i);
      if (!used) used = number_first(w, i, alone);
      if (!used) used = numbered(w, i);
      if (used) free_ = i + used;
      i += used ? used : 1;
    }
  }

  // A word that may be a document id (case kept): the whole query, or one long word.
  void id(std::string_view text) {
    KnownItem item;
    item.form = std::string(text);
    item.terms.push_back(schema::bounded_term(schema::kUniquePrefix, text));
    push(std::move(item));
  }

  std::vector<KnownItem> items;

 private:
  // The whole query is a number: "515-14", "L. 1114-1", "CL2" (not a bare "2024").
  bool bare_number(const std::vector<Word>& w) {
    std::string raw;
    const std::size_t n = article_number(w, 0, &raw);
    const bool hyphen_or_code =
        raw.find('-') != std::string::npos || (!w[0].key.empty() && !is_digit(w[0].key[0]));
    const bool committee = w.size() == 1 && amendment_number(w[0].key) &&
                           std::any_of(w[0].key.begin(), w[0].key.end(), is_letter);
    if (!(n == w.size() && n > 0 && hyphen_or_code) && !committee) return false;
    add(w, 0, w.size(), {number(n ? raw : w[0].raw)}, {});
    return true;
  }

  // "amendement [n°] CL2 [à l'article 4]".
  std::size_t amendment(const std::vector<Word>& w, std::size_t i) {
    if (!is_amendment_word(w[i])) return 0;
    std::size_t j = i + 1;
    if (j < w.size() && is_number_sign(w[j])) ++j;
    if (j >= w.size() || !amendment_number(w[j].key)) return 0;
    std::vector<std::string> terms = title_terms("amendement");
    terms.push_back(number(w[j].raw));
    std::size_t end = j + 1, t = end;
    std::vector<std::string> boosts;
    while (t < w.size() && is_joining_word(w[t])) ++t;
    std::string target;
    if (t < w.size() && is_article_word(w[t])) {
      if (const std::size_t n = article_number(w, t + 1, &target)) {
        boosts.push_back(schema::number_term(schema::kTargetPrefix, target));
        end = t + 1 + n;
      }
    }
    add(w, i, end, std::move(terms), std::move(boosts));
    return end - i;
  }

  // "Code civil 1240", "code civil, article 1240", "C. civ. art. 1240".
  std::size_t code_first(const std::vector<Word>& w, std::size_t i) {
    std::string name, raw;
    const std::size_t c = code_at(w, i, &name);
    if (!c) return 0;
    std::size_t j = i + c;
    if (j < w.size() && is_article_word(w[j])) ++j;
    const std::size_t n = article_number(w, j, &raw);
    if (!n) return 0;
    std::vector<std::string> terms = title_terms(name);
    terms.push_back(number(raw));
    add(w, i, j + n, std::move(terms), {});
    return j + n - i;
  }

  // "article 1240 code civil", "art. 1240 du code civil", "1240 C. civ."; and, as the
  // whole query, "article 1240".
  std::size_t number_first(const std::vector<Word>& w, std::size_t i, bool alone) {
    const bool article = is_article_word(w[i]);
    const std::size_t j = article ? i + 1 : i;
    std::string raw, name;
    const std::size_t n = article_number(w, j, &raw);
    if (!n) return 0;
    std::size_t k = j + n;
    while (k < w.size() && is_joining_word(w[k])) ++k;
    const std::size_t c = k < w.size() ? code_at(w, k, &name) : 0;
    if (c) {
      std::vector<std::string> terms = title_terms(name);
      terms.push_back(number(raw));
      add(w, i, k + c, std::move(terms), {});
      return k + c - i;
    }
    if (!(article && alone && i == 0 && j + n == w.size())) return 0;
    std::vector<std::string> terms = title_terms("article");
    terms.push_back(number(raw));
    add(w, i, j + n, std::move(terms), {});
    return j + n - i;
  }

  // "texte adopté n° 180" (the word before "n°" in the title), "n° 180".
  std::size_t numbered(const std::vector<Word>& w, std::size_t i) {
    if (!is_number_sign(w[i]) || i + 1 >= w.size()) return 0;
    std::string raw;
    std::size_t n = article_number(w, i + 1, &raw);
    if (!n && amendment_number(w[i + 1].key)) {
      raw = w[i + 1].raw;
      n = 1;
    }
    if (!n) return 0;
    std::vector<std::string> terms;
    std::size_t from = i;
    if (i > free_) {
      terms = title_terms(w[i - 1].raw);
      if (!terms.empty()) from = i - 1;
    }
    terms.push_back(number(raw));
    add(w, from, i + 1 + n, std::move(terms), {});
    return i + 1 + n - i;
  }

  static std::string number(std::string_view raw) {
    std::string term = schema::number_term(schema::kNumberPrefix, raw);
    return term.empty() ? std::string(schema::kNumberPrefix) : term;  // matches nothing
  }

  std::vector<std::string> title_terms(std::string_view text) {
    std::vector<std::string> terms;
    for (const auto& t : analyzer_.analyze(text)) {
      terms.push_back(std::string(schema::kTitlePrefix).append(t.text));
    }
    return terms;
  }

  void add(const std::vector<Word>& w, std::size_t from, std::size_t to,
           std::vector<std::string> terms, std::vector<std::string> boosts) {
    KnownItem item;
    for (std::size_t k = from; k < to; ++k) {
      if (!item.form.empty()) item.form += ' ';
      item.form += w[k].raw;
      if (w[k].note != QueryWord::kNoNote) used_notes_->push_back(w[k].note);
    }
    item.terms = std::move(terms);
    item.boosts = std::move(boosts);
    push(std::move(item));
  }

  void push(KnownItem item) {
    std::sort(item.terms.begin(), item.terms.end());
    item.terms.erase(std::unique(item.terms.begin(), item.terms.end()), item.terms.end());
    for (const auto& other : items) {
      if (other.terms == item.terms) return;
    }
    items.push_back(std::move(item));
  }

  analyzers::FrenchAnalyzer& analyzer_;
  std::vector<std::size_t>* used_notes_;
  std::size_t free_ = 0;  // the first word no form took
};

// Letters and digits, at least ten: "AMANR5L17PO59051B1105P0D1N000002".
bool looks_like_id(std::string_view s, std::size_t min_size) {
  bool letter = false, digit = false;
  for (char c : s) {
    letter = letter || std::isalpha(static_cast<unsigned char>(c));
    digit = digit || is_digit(c);
  }
  return letter && digit && s.size() >= min_size;
}

// Every form holds a digit or the word "premier" ("article premier du code civil"): the
// quick check that spares the other queries any further look.
bool may_name_a_document(std::string_view query) {
  for (std::size_t i = 0; i < query.size(); ++i) {
    if (is_digit(query[i])) return true;
    if ((query[i] | 0x20) == 'p' && i + 5 <= query.size()) {
      std::string five(query.substr(i, 5));
      for (char& c : five) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (five == "premi") return true;
    }
  }
  return false;
}

}  // namespace

std::vector<KnownItem> recognize_known_items(const std::vector<std::vector<QueryWord>>& runs,
                                             std::string_view query, bool only_words,
                                             analyzers::FrenchAnalyzer& analyzer,
                                             std::vector<std::size_t>* used_notes) {
  if (!may_name_a_document(query)) return {};
  Recognizer r(analyzer, used_notes);
  for (const auto& run : runs) {
    std::vector<Word> words;
    for (const auto& qw : run) add_word(qw.text, qw.note, words);
    if (words.empty()) continue;
    r.run(words, only_words && runs.size() == 1);
    for (const auto& qw : run) {
      if (looks_like_id(qw.text, 10) && qw.text.find('/') == std::string::npos) r.id(qw.text);
    }
  }
  // An id with a path in it ("code-civil/Livre II/Article 515-14") is the whole query.
  const std::string_view whole = query;
  if (whole.find('/') != std::string::npos && whole.find('"') == std::string::npos &&
      looks_like_id(whole, 6)) {
    std::size_t b = 0, e = whole.size();
    while (b < e && whole[b] == ' ') ++b;
    while (e > b && whole[e - 1] == ' ') --e;
    r.id(whole.substr(b, e - b));
  }
  return std::move(r.items);
}

Query known_item_query(const std::vector<KnownItem>& known) {
  std::vector<Query> items;
  for (const auto& item : known) {
    std::vector<Query> terms(item.terms.begin(), item.terms.end());
    items.push_back(combine(Query::OP_AND, terms));
  }
  return combine(Query::OP_OR, items);
}

Query known_item_boost(const ParsedQuery& pq) {
  if (pq.known.empty()) return Query();
  std::vector<Query> parts;
  for (const auto& unit : pq.units) {
    for (const auto& item : unit) {
      if (item.origin == Origin::kReference) continue;  // a clause term, no title word
      for (const auto& t : item.tokens) {
        parts.emplace_back(std::string(schema::kTitlePrefix).append(t.text));
      }
    }
  }
  for (const auto& item : pq.known) {
    for (const auto& b : item.boosts) parts.emplace_back(b);
  }
  return combine(Query::OP_OR, parts);
}

namespace {

// The docids holding every one of `terms`, in increasing order: the rarest term's postings,
// each checked in the others by skip_to().
std::vector<Xapian::docid> holding_all(const Xapian::Database& db,
                                       std::vector<std::string> terms) {
  std::vector<Xapian::docid> out;
  if (terms.empty()) return out;
  std::sort(terms.begin(), terms.end(), [&](const std::string& a, const std::string& b) {
    return db.get_termfreq(a) < db.get_termfreq(b);
  });
  if (db.get_termfreq(terms.front()) == 0) return out;
  std::vector<Xapian::PostingIterator> others;
  for (std::size_t k = 1; k < terms.size(); ++k) others.push_back(db.postlist_begin(terms[k]));
  const Xapian::PostingIterator end;
  for (auto it = db.postlist_begin(terms.front()); it != end; ++it) {
    const Xapian::docid d = *it;
    bool all = true;
    for (auto& o : others) {
      o.skip_to(d);
      if (o == end) return out;
      if (*o != d) {
        all = false;
        break;
      }
    }
    if (all) out.push_back(d);
  }
  return out;
}

}  // namespace

std::vector<Xapian::docid> known_item_documents(const Xapian::Database& db,
                                                const ParsedQuery& pq) {
  std::vector<Xapian::docid> out;
  for (const auto& item : pq.known) {
    for (Xapian::docid d : holding_all(db, item.terms)) out.push_back(d);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace hemicycle::searcher
