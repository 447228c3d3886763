#include "references.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "hemicycle/corpus/references.h"
#include "hemicycle/format/schema.h"
#include "word_key.h"

namespace hemicycle::searcher {
namespace {

namespace schema = format::schema;

// A word ready for matching: as typed without the punctuation around it, and its key
// (folded, without dots except between digits, an elided "l'" or "d'" dropped).
struct Word {
  std::string raw;
  std::string key;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

Word word_of(std::string_view raw) {
  raw = without_brackets(raw);
  return {std::string(raw), word_key(raw)};
}

bool is_article_word(const Word& w) { return key_in(w.key, {"article", "art"}); }
bool is_joining_word(const Word& w) {
  return key_in(w.key, {"du", "de", "des", "la", "le", "au", "l'", "d'"});
}

// The usual names of EU regulations (and their references).
constexpr std::pair<std::string_view, std::string_view> kNamedActs[] = {
    {"rgpd", "reglement-ue 2016/679"},
    {"dsa", "reglement-ue 2022/2065"},
    {"dma", "reglement-ue 2022/1925"},
    {"ria", "reglement-ue 2024/1689"},
};

// Articles of the Constitution that politics names without "de la Constitution", and the
// words of the query that say so (none: the number alone does, "88-4").
struct ShortName {
  std::string_view number;
  std::vector<std::string_view> context;
};

const std::vector<ShortName>& short_names() {
  static const std::vector<ShortName> kNames = {
      {"88-1", {}}, {"88-2", {}}, {"88-3", {}}, {"88-4", {}}, {"88-5", {}}, {"88-6", {}},
      {"88-7", {}},
      {"40", {"irrecevabilite", "irrecevable", "irrecevables", "financiere", "financier",
              "charge", "ressources", "gage", "finances", "depense"}},
      {"45", {"cavalier", "cavaliers", "irrecevabilite", "irrecevable", "irrecevables",
              "indirect", "cmp", "mixte"}},
      {"49", {"gouvernement", "responsabilite", "censure", "confiance"}},
  };
  return kNames;
}

// The words of a run, with the byte where each starts in `text` (the words joined by one
// space).
struct Run {
  std::vector<Word> words;
  std::vector<std::size_t> starts;
  std::string text;
};

Run run_of(const std::vector<std::string>& typed) {
  Run r;
  for (const auto& t : typed) {
    if (!r.text.empty()) r.text += ' ';
    r.starts.push_back(r.text.size());
    r.text += t;
    r.words.push_back(word_of(t));
  }
  return r;
}

std::vector<std::string> keys_of(const corpus::Reference& ref) {
  std::vector<std::string> keys = ref.values;
  keys.insert(keys.end(), ref.details.begin(), ref.details.end());
  return keys;
}

// The references the indexer's extractor reads in the run's text, as word ranges.
std::vector<QueryReference> extracted(const Run& r) {
  std::vector<QueryReference> out;
  for (const auto& ref : corpus::find_references(r.text)) {
    QueryReference q;
    q.from = static_cast<std::size_t>(
        std::upper_bound(r.starts.begin(), r.starts.end(), ref.begin) - r.starts.begin() - 1);
    q.to = static_cast<std::size_t>(
        std::lower_bound(r.starts.begin(), r.starts.end(), ref.end) - r.starts.begin());
    q.keys = keys_of(ref);
    out.push_back(std::move(q));
  }
  return out;
}

// The recogniser of the forms people type, on the words no extracted reference took.
class Forms {
 public:
  Forms(const Run& run, const std::vector<std::string>& context) : w_(run.words) {
    for (const auto& c : context) context_.push_back(word_of(c).key);
  }

  // The form at w[i], in *out (from, to and keys); false if none.
  bool at(std::size_t i, QueryReference* out) {
    return named_act(i, out) || number_first(i, out) || source_first(i, out) ||
           short_name(i, out);
  }

 private:
  // "RGPD".
  bool named_act(std::size_t i, QueryReference* out) const {
    for (const auto& [name, value] : kNamedActs) {
      if (w_[i].key == name) return set(i, i + 1, {std::string(value)}, out);
    }
    return false;
  }

  // An article number at w[i] ("1240", "L. 252", "L.252", "3 bis", "premier"): the words it
  // takes (0: none), the number as typed in *raw.
  std::size_t number_at(std::size_t i, std::string* raw) const {
    std::string joined;
    std::size_t best = 0;
    for (std::size_t n = 1; n <= 3 && i + n <= w_.size(); ++n) {
      if (!joined.empty()) joined += ' ';
      joined += w_[i + n - 1].raw;
      if (!corpus::article_reference("code", joined).empty()) {
        best = n;
        *raw = joined;
      }
    }
    const bool digit = best > 0 && std::any_of(raw->begin(), raw->end(), is_digit);
    return digit || (best > 0 && word_key(*raw).rfind("premier", 0) == 0) ? best : 0;
  }

  // ", alinéa 3", "alinéa 3", "al. 3" at w[i]: the words it takes, the alinéa in *alinea.
  std::size_t alinea_at(std::size_t i, int* alinea) const {
    if (i + 1 >= w_.size() || !key_in(w_[i].key, {"alinea", "al"})) return 0;
    const std::string& k = w_[i + 1].key;
    if (k.empty() || k.size() > 2 || !std::all_of(k.begin(), k.end(), is_digit)) return 0;
    *alinea = std::stoi(k);
    return 2;
  }

  // A source at w[i]: an abbreviation over up to four words ("C. civ.", "CGCT"), a code's
  // name ("code civil", the longest known), the Constitution ("Const."), a treaty.
  std::size_t source_at(std::size_t i, std::string* source) const {
    if (i >= w_.size()) return 0;
    const std::string& k = w_[i].key;
    if (key_in(k, {"constitution", "const"})) return set_source("constitution", 1, source);
    if (key_in(k, {"tfue", "tue"})) return set_source(k, 1, source);
    for (std::size_t n = std::min<std::size_t>(4, w_.size() - i); n >= 1; --n) {
      std::string key;
      for (std::size_t j = i; j < i + n; ++j) key += w_[j].key;
      if (const corpus::LegalCode* c = corpus::code_by_abbreviation(key)) {
        return set_source(c->name, n, source);
      }
    }
    if (k != "code") return 0;
    std::size_t best = 0;
    for (const corpus::LegalCode& c : corpus::legal_codes()) {
      const std::size_t n = name_at(i, c.name);
      if (n > best) {
        best = n;
        *source = c.name;
      }
    }
    return best;
  }

  static std::size_t set_source(std::string_view name, std::size_t n, std::string* source) {
    *source = std::string(name);
    return n;
  }

  // The words of a code's name at w[i], 0 if they are not there.
  std::size_t name_at(std::size_t i, std::string_view name) const {
    std::size_t k = i, start = 0;
    for (std::size_t e = 0; e <= name.size(); ++e) {
      if (e < name.size() && name[e] != ' ') continue;
      if (k >= w_.size() || w_[k].key != word_key(name.substr(start, e - start))) return 0;
      ++k;
      start = e + 1;
    }
    return k - i;
  }

  // "article 1240 code civil", "1240 C. civ.", "art. 88-4 Const.", "article 45, alinéa 3
  // de la Constitution" (what the extractor did not read).
  bool number_first(std::size_t i, QueryReference* out) const {
    const std::size_t j = is_article_word(w_[i]) ? i + 1 : i;
    std::string raw, source;
    const std::size_t n = number_at(j, &raw);
    if (!n) return false;
    int alinea = 0;
    std::size_t k = j + n;
    k += alinea_at(k, &alinea);
    while (k < w_.size() && is_joining_word(w_[k])) ++k;
    const std::size_t s = source_at(k, &source);
    if (!s) return false;
    return set(i, k + s, keys_of(corpus::cite_article(source, raw, alinea)), out);
  }

  // "code civil 1240", "Constitution, article 88-4", "C. civ. art. 1240".
  bool source_first(std::size_t i, QueryReference* out) const {
    std::string raw, source;
    const std::size_t s = source_at(i, &source);
    if (!s) return false;
    std::size_t j = i + s;
    if (j < w_.size() && is_article_word(w_[j])) ++j;
    const std::size_t n = number_at(j, &raw);
    if (!n) return false;
    int alinea = 0;
    const std::size_t a = alinea_at(j + n, &alinea);
    return set(i, j + n + a, keys_of(corpus::cite_article(source, raw, alinea)), out);
  }

  // "88-4", "article 40" with "irrecevabilité", "article 45, alinéa 3", "article 49 alinéa 3".
  bool short_name(std::size_t i, QueryReference* out) const {
    const bool article = is_article_word(w_[i]);
    const std::size_t j = article ? i + 1 : i;
    if (j >= w_.size()) return false;
    int alinea = 0;
    const std::size_t a = alinea_at(j + 1, &alinea);
    for (const ShortName& s : short_names()) {
      if (w_[j].key != s.number) continue;
      const bool said = s.context.empty() || a > 0 ||
                        std::any_of(context_.begin(), context_.end(), [&](const std::string& c) {
                          return std::find(s.context.begin(), s.context.end(), c) !=
                                 s.context.end();
                        });
      if (!said || (!article && !s.context.empty())) return false;
      return set(i, j + 1 + a, keys_of(corpus::cite_article("constitution", s.number, alinea)),
                 out);
    }
    return false;
  }

  static bool set(std::size_t from, std::size_t to, std::vector<std::string> keys,
                  QueryReference* out) {
    if (keys.empty()) return false;
    *out = {from, to, std::move(keys)};
    return true;
  }

  const std::vector<Word>& w_;
  std::vector<std::string> context_;
};

}  // namespace

std::vector<QueryReference> find_query_references(const std::vector<std::string>& words,
                                                  const std::vector<std::string>& context) {
  const Run run = run_of(words);
  std::vector<QueryReference> out = extracted(run);
  std::vector<bool> taken(words.size(), false);
  for (const auto& r : out) std::fill(taken.begin() + r.from, taken.begin() + r.to, true);
  Forms forms(run, context);
  for (std::size_t i = 0; i < words.size();) {
    QueryReference r;
    if (taken[i] || !forms.at(i, &r) ||
        std::any_of(taken.begin() + r.from, taken.begin() + r.to, [](bool t) { return t; })) {
      ++i;
      continue;
    }
    std::fill(taken.begin() + r.from, taken.begin() + r.to, true);
    i = r.to;
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(),
            [](const QueryReference& a, const QueryReference& b) { return a.from < b.from; });
  // "article 49.3", "le 49.3", "du RGPD": the words before it belong with it (no note).
  for (auto& r : out) {
    if (r.from > 0 && !taken[r.from - 1] && is_article_word(run.words[r.from - 1])) {
      taken[--r.from] = true;
    }
    if (r.from > 0 && !taken[r.from - 1] && key_in(run.words[r.from - 1].key, {"le", "du", "au"})) {
      taken[--r.from] = true;
    }
  }
  return out;
}

namespace {

// The unit of one reference: the words as typed, then its terms.
std::vector<QueryItem> reference_unit(const std::vector<QueryWord>& run, const QueryReference& r,
                                      analyzers::FrenchAnalyzer& analyzer) {
  QueryItem typed;
  for (std::size_t k = r.from; k < r.to; ++k) {
    if (!typed.text.empty()) typed.text += ' ';
    typed.text += run[k].text;
  }
  typed.tokens = analyzer.analyze(typed.text);
  // Two words more in the phrase's window (clause_query() and missing.cc read it from the
  // positions): "article 1240 code civil" meets "l'article 1240 du code civil".
  if (typed.tokens.size() > 1) typed.tokens.back().position += 2;
  std::vector<QueryItem> unit;
  if (!typed.tokens.empty()) unit.push_back(typed);
  for (const auto& key : r.keys) {
    QueryItem item;
    item.text = typed.text;
    item.tokens.push_back({schema::reference_term(key), 0, 0, 0});
    item.origin = Origin::kReference;
    unit.push_back(std::move(item));
  }
  return unit;
}

}  // namespace

void apply_references(ParsedQuery& pq, const std::vector<std::vector<QueryWord>>& runs,
                      analyzers::FrenchAnalyzer& analyzer, std::vector<std::size_t>* used_notes) {
  std::vector<std::string> context;
  for (const auto& run : runs) {
    for (const auto& w : run) context.push_back(w.text);
  }
  std::vector<std::pair<std::size_t, std::vector<QueryItem>>> added;  // (where, unit)
  std::vector<bool> dropped(pq.units.size(), false);
  for (const auto& run : runs) {
    std::vector<std::string> words;
    for (const auto& w : run) words.push_back(w.text);
    for (const auto& r : find_query_references(words, context)) {
      std::size_t where = pq.units.size();
      for (std::size_t k = r.from; k < r.to; ++k) {
        if (run[k].note != QueryWord::kNoNote) used_notes->push_back(run[k].note);
        if (run[k].unit == QueryWord::kNoUnit) continue;
        dropped[run[k].unit] = true;
        where = std::min(where, run[k].unit);
      }
      added.emplace_back(where, reference_unit(run, r, analyzer));
    }
  }
  if (added.empty()) return;
  std::vector<std::vector<QueryItem>> units;
  for (std::size_t u = 0; u <= pq.units.size(); ++u) {
    for (auto& [where, unit] : added) {
      if (where == u && !unit.empty()) units.push_back(std::move(unit));
    }
    if (u < pq.units.size() && !dropped[u]) units.push_back(std::move(pq.units[u]));
  }
  pq.units = std::move(units);
}

namespace {

// The first term starting with `prefix` in one of the first clauses holding `term`, or "".
std::string cited_with(const Xapian::Database& db, const std::string& term,
                       const std::string& prefix) {
  constexpr int kClauses = 8;
  int seen = 0;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && seen < kClauses;
       ++p, ++seen) {
    auto t = db.termlist_begin(*p);
    t.skip_to(prefix);
    if (t != db.termlist_end(*p) && (*t).rfind(prefix, 0) == 0) return *t;
  }
  return "";
}

}  // namespace

void add_dated_numbers(const Xapian::Database& db, ParsedQuery& pq) {
  for (auto& unit : pq.units) {
    std::vector<QueryItem> numbers;
    for (const auto& item : unit) {
      if (item.origin != Origin::kReference) continue;
      const std::string& term = item.tokens.front().text;  // "XRloi du 2024-07-25"
      const std::size_t du = term.find(" du ");
      if (du == std::string::npos || term.size() < du + 8) continue;
      // "XRloi 2024-": a law's number begins with its year.
      const std::string number = cited_with(db, term, term.substr(0, du) + " " +
                                                          term.substr(du + 4, 4) + "-");
      const bool held = std::any_of(unit.begin(), unit.end(), [&](const QueryItem& i) {
        return i.tokens.size() == 1 && i.tokens.front().text == number;
      });
      if (number.empty() || held) continue;
      QueryItem found = item;
      found.tokens.front().text = number;
      numbers.push_back(std::move(found));
    }
    unit.insert(unit.end(), numbers.begin(), numbers.end());
  }
}

}  // namespace hemicycle::searcher
