#include "hemicycle/searcher/query.h"

#include <algorithm>
#include <cctype>

#include "hemicycle/analyzers/unicode.h"
#include "hemicycle/model/french.h"
#include "known_item.h"
#include "references.h"

namespace hemicycle::searcher {
namespace {

namespace schema = format::schema;
namespace french = model::french;

// True if a query space (analyzers::Spaces::kQuery) starts at byte i; *len is its length.
bool is_space(std::string_view s, std::size_t i, std::size_t* len) {
  return analyzers::is_space(analyzers::decode_at(s, i, len), analyzers::Spaces::kQuery);
}

// Opening quote at i: returns its length and the closing quote to look for.
std::size_t open_quote(std::string_view s, std::size_t i, std::string_view* closing) {
  if (s[i] == '"') {
    *closing = "\"";
    return 1;
  }
  if (s.substr(i, 2) == "\xC2\xAB") {  // «
    *closing = "\xC2\xBB";
    return 2;
  }
  if (s.substr(i, 3) == "\xE2\x80\x9C") {  // “
    *closing = "\xE2\x80\x9D";
    return 3;
  }
  return 0;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size(), n = 0;
  while (b < e && is_space(s, b, &n)) b += n;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "2024", "2024-03", "2024-03-31" -> full ISO date; lower or upper end of the period.
bool complete_date(std::string_view in, bool upper, std::string* out) {
  if (in.size() == 4 && all_digits(in)) {
    *out = std::string(in) + (upper ? "-12-31" : "-01-01");
    return true;
  }
  if (in.size() == 7 && all_digits(in.substr(0, 4)) && in[4] == '-' &&
      all_digits(in.substr(5, 2))) {
    int month = std::stoi(std::string(in.substr(5, 2)));
    if (month < 1 || month > 12) return false;
    *out = std::string(in) + (upper ? "-31" : "-01");
    return true;
  }
  if (in.size() == 10 && all_digits(in.substr(0, 4)) && in[4] == '-' &&
      all_digits(in.substr(5, 2)) && in[7] == '-' && all_digits(in.substr(8, 2))) {
    int month = std::stoi(std::string(in.substr(5, 2)));
    int day = std::stoi(std::string(in.substr(8, 2)));
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    *out = std::string(in);
    return true;
  }
  return false;
}

Notice parse_date_range(std::string_view value, std::optional<DateRange>& date) {
  DateRange range;
  auto dots = value.find("..");
  std::string_view from = value, to = value;
  if (dots != std::string_view::npos) {
    from = value.substr(0, dots);
    to = value.substr(dots + 2);
  }
  const Notice bad{"bad_date_range",
                   "date\u00a0: période attendue sous la forme AAAA-MM-JJ..AAAA-MM-JJ (ou AAAA, "
                   "AAAA-MM, une borne ouverte), et non " + french::quoted(value)};
  if (from.empty() && to.empty()) return bad;
  if (!from.empty() && !complete_date(from, false, &range.from)) return bad;
  if (!to.empty() && !complete_date(to, true, &range.to)) return bad;
  if (!range.from.empty() && !range.to.empty() && range.from > range.to) {
    return {"reversed_date_range",
            "date\u00a0: la période " + french::quoted(value) + " finit avant de commencer"};
  }
  if (date) {  // several ranges: keep their intersection
    if (range.from < date->from) range.from = date->from;
    if (!date->to.empty() && (range.to.empty() || date->to < range.to)) range.to = date->to;
  }
  date = range;
  return {};
}

std::string known_fields() {
  std::string out = "date";
  for (const auto& f : schema::fields()) {
    out += ", ";
    out += f.name;
  }
  return out + ", titre (title), numero (number)";
}

Notice add_filter(std::string_view name, std::string_view value, bool negated,
                  std::vector<FieldFilter>& filters, std::optional<DateRange>& date) {
  std::string v = trim(value);
  if (name == "date") {
    if (negated) return {"excluded_date", "date\u00a0: une période ne peut pas être exclue"};
    return parse_date_range(v, date);
  }
  const schema::Field* field = schema::find_query_field(name);
  if (!field) {
    return {"unknown_field", "champ inconnu " + french::quoted(name) +
                                 " (champs connus\u00a0: " + known_fields() + ")"};
  }
  if (v.empty()) {
    return {"missing_value", "valeur manquante après " + french::quoted(std::string(name) + ":")};
  }
  filters.push_back(FieldFilter{field, std::move(v), negated});
  return {};
}

// "name" of a `name:value` word: ASCII letters and underscores, at least two; or a field's
// French name with accents (`numéro:`).
bool field_name(std::string_view word, std::size_t colon) {
  if (colon < 2) return false;
  bool ascii = true;
  for (std::size_t i = 0; i < colon; ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) {
      ascii = false;
    } else if (!(std::isalpha(c) || c == '_')) {
      return false;
    }
  }
  return ascii || schema::find_query_field(word.substr(0, colon)) != nullptr;
}

enum class Operator { kNone, kOr, kAnd, kNot };

// OR, AND, NOT anywhere; their French forms OU, ET, SAUF, NON (in capitals) only after
// something of the query (at its start they are words: "NON" may begin a title).
Operator operator_of(std::string_view w, bool after_item) {
  if (w == "OR") return Operator::kOr;
  if (w == "AND") return Operator::kAnd;
  if (w == "NOT") return Operator::kNot;
  if (!after_item) return Operator::kNone;
  if (w == "OU") return Operator::kOr;
  if (w == "ET") return Operator::kAnd;
  if (w == "SAUF" || w == "NON") return Operator::kNot;
  return Operator::kNone;
}

// Code points of a normalised word.
std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

Notice misplaced_star(std::string_view text) {
  return {"wildcard_misplaced",
          french::quoted(text) + " : « * » ne vaut qu’à la fin d’un mot simple "
                                 "(scrut*), hors guillemets : cherché sans lui"};
}

}  // namespace

Notice add_filter(std::string_view spec, std::vector<FieldFilter>& filters,
                  std::optional<DateRange>& date) {
  auto colon = spec.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return {"bad_filter", "un filtre s’écrit CHAMP:VALEUR, et non " + french::quoted(spec) +
                              " (champs\u00a0: " + known_fields() + ")"};
  }
  std::string_view value = spec.substr(colon + 1);
  std::string_view closing;
  if (!value.empty()) {
    if (std::size_t q = open_quote(value, 0, &closing);
        q && value.size() >= q + closing.size() &&
        value.substr(value.size() - closing.size()) == closing) {
      value = value.substr(q, value.size() - q - closing.size());
    }
  }
  std::size_t before = filters.size();
  Notice err = add_filter(spec.substr(0, colon), value, false, filters, date);
  if (filters.size() > before) filters.back().selected = true;
  return err;
}

Notice add_date_bounds(std::string_view from, std::string_view to,
                       std::optional<DateRange>& date) {
  if (from.empty() && to.empty()) return {};
  return parse_date_range(std::string(from) + ".." + std::string(to), date);
}

Notice parse_filter(std::string_view spec, ParsedQuery& into) {
  return add_filter(spec, into.filters, into.date);
}

namespace {

// One left-to-right pass over the query text; each step consumes one word, phrase or
// field filter. Stops at the first error (left in the parsed query).
class QueryParser {
 public:
  QueryParser(std::string_view s, analyzers::FrenchAnalyzer& analyzer, ParseOptions options)
      : s_(s), analyzer_(analyzer), options_(options) {}

  ParsedQuery run() {
    while (i_ < s_.size() && q_.ok()) step();
    if (q_.ok() && pending_not_) {
      q_.notes.push_back({"trailing_not", not_word_ + " en fin de requête\u00a0: ignoré"});
    }
    if (q_.ok()) known_items();
    return std::move(q_);
  }

 private:
  void step() {
    std::size_t n = 0;
    if (is_space(s_, i_, &n)) {
      i_ += n;
      return;
    }
    bool negated = pending_not_;
    pending_not_ = false;
    if ((s_[i_] == '-' || s_[i_] == '+') && i_ + 1 < s_.size() && !is_space(s_, i_ + 1, &n)) {
      negated = negated || s_[i_] == '-';
      ++i_;
    }
    std::string_view closing;
    if (std::size_t ql = open_quote(s_, i_, &closing)) {
      phrase(ql, closing, negated);
    } else {
      word(negated);
    }
  }

  // The known items and the legal references the words name; the stop-word notes of the
  // words they took go ("n°" is part of "amendement n° 12", "L." of "article L. 252 …").
  void known_items() {
    std::vector<std::size_t> used;
    q_.known = recognize_known_items(runs_, s_, !other_units_, analyzer_, &used);
    apply_references(q_, runs_, analyzer_, &used);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (auto it = used.rbegin(); it != used.rend(); ++it) {
      q_.notes.erase(q_.notes.begin() + static_cast<std::ptrdiff_t>(*it));
    }
  }

  // A positive bare word, for known-item forms: runs of consecutive ones.
  void record_word(std::string_view w, std::size_t note, std::size_t unit) {
    if (!run_open_) runs_.emplace_back();
    run_open_ = true;
    runs_.back().push_back({std::string(w), note, unit});
  }

  void phrase(std::size_t ql, std::string_view closing, bool negated) {
    after_item_ = true;
    run_open_ = false;
    other_units_ = other_units_ || !negated;
    std::size_t end = s_.find(closing, i_ + ql);
    if (end == std::string_view::npos) {
      q_.error = {"unbalanced_quote",
                  "guillemet non refermé\u00a0: il manque " + std::string(closing) +
                      " à l’expression qui commence par " +
                      french::quoted(analyzers::utf8_prefix(s_.substr(i_), 40))};
      return;
    }
    QueryItem item;
    item.text = std::string(s_.substr(i_ + ql, end - i_ - ql));
    item.quoted = true;
    i_ = end + closing.size();
    if (item.text.find('*') != std::string::npos) q_.notes.push_back(misplaced_star(item.text));
    add_item(std::move(item), negated);
  }

  // A bare word runs to the next space or quote: an operator, a field filter or a word.
  void word(bool negated) {
    std::size_t start = i_, n = 0;
    std::string_view closing;
    while (i_ < s_.size() && !is_space(s_, i_, &n) && !open_quote(s_, i_, &closing)) ++i_;
    std::string_view w = s_.substr(start, i_ - start);
    const Operator op = operator_of(w, after_item_ && !negated);
    if (!negated && op == Operator::kOr) {
      pending_or_ = true;
      if (run_open_ && last_was_unit_) {  // the word before is an alternative, not a word
        runs_.back().pop_back();
        other_units_ = true;
      }
      run_open_ = false;
    } else if (op == Operator::kNot) {
      pending_not_ = true;
      not_word_ = std::string(w);
      run_open_ = false;
    } else if (op == Operator::kAnd) {
      // the default
    } else if (auto colon = w.find(':'); colon != std::string_view::npos && field_name(w, colon)) {
      run_open_ = false;
      field(w, colon, negated);
    } else if (const std::size_t star = w.find('*'); star == std::string_view::npos) {
      bare_word(w, negated);
    } else if (w.find_first_not_of('*', star) == std::string_view::npos) {
      run_open_ = false;
      other_units_ = other_units_ || !negated;
      wildcard(w, negated);
    } else {
      q_.notes.push_back(misplaced_star(w));
      bare_word(w, negated);
    }
  }

  // `word*`: a prefix the searcher expands into the index's words. One simple word of at
  // least kMinPrefixLength letters; otherwise a note, and the word is searched without it.
  void wildcard(std::string_view w, bool negated) {
    after_item_ = true;
    QueryItem item;
    item.text = std::string(w.substr(0, w.find('*')));
    item.tokens = analyzer_.normalize(item.text);
    item.origin = Origin::kWildcard;
    if (item.tokens.size() > 1) {
      q_.notes.push_back(misplaced_star(w));
      bare_word(item.text, negated);
    } else if (item.tokens.empty() || letters(item.tokens.front().text) < kMinPrefixLength) {
      q_.notes.push_back({"wildcard_too_short",
                          french::quoted(w) + "\u00a0: il faut au moins " +
                              std::to_string(kMinPrefixLength) +
                              " lettres avant «\u00a0*\u00a0»\u00a0: ignoré"});
      pending_or_ = false;
    } else {
      item.weight = kCompletionWeight;
      place(std::move(item), negated);
    }
  }

  // The last word of a query being typed: also a prefix, beside the word as typed.
  bool typing(bool negated) const {
    return options_.prefix_last && !negated && i_ == s_.size();
  }

  // The prefix item of the word being typed, in the unit of the word as typed (or alone
  // when the word was only a stop word).
  void add_prefix(std::string_view w, bool placed) {
    QueryItem item;
    item.text = std::string(w);
    item.tokens = analyzer_.normalize(w);
    item.origin = Origin::kPrefix;
    item.weight = kCompletionWeight;
    if (item.tokens.size() != 1 || letters(item.tokens.front().text) < kMinPrefixLength) return;
    if (placed) {
      q_.units.back().push_back(std::move(item));
      return;
    }
    if (!q_.notes.empty() && q_.notes.back().code == "only_stop_words") q_.notes.pop_back();
    place(std::move(item), false);
  }

  void bare_word(std::string_view w, bool negated) {
    after_item_ = true;
    const bool alternative = pending_or_ && last_was_unit_ && !q_.units.empty();
    const std::size_t notes = q_.notes.size();
    const std::size_t units = q_.units.size();
    QueryItem item;
    item.text = std::string(w);
    item.offset = static_cast<std::size_t>(w.data() - s_.data());
    const bool placed = add_item(std::move(item), negated);
    if (q_.ok() && typing(negated)) add_prefix(w, placed && !negated);
    if (negated || alternative) {
      run_open_ = false;
      other_units_ = other_units_ || alternative;
      return;
    }
    record_word(w, q_.notes.size() > notes ? notes : QueryWord::kNoNote,
                q_.units.size() > units ? units : QueryWord::kNoUnit);
  }

  // `name:value`, or `name:` followed by a quoted value.
  void field(std::string_view w, std::size_t colon, bool negated) {
    after_item_ = true;
    std::string name(w.substr(0, colon));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = w.substr(colon + 1);
    std::string quoted_value;
    std::string_view closing;
    if (value.empty() && i_ < s_.size()) {
      if (std::size_t ql = open_quote(s_, i_, &closing)) {
        std::size_t end = s_.find(closing, i_ + ql);
        if (end == std::string_view::npos) {
          q_.error = {"unbalanced_quote", "guillemet non refermé après " + french::quoted(w) +
                                              "\u00a0: il manque " + std::string(closing)};
          return;
        }
        quoted_value = std::string(s_.substr(i_ + ql, end - i_ - ql));
        value = quoted_value;
        i_ = end + closing.size();
      }
    }
    if (name == "similaire" || name == "similar") {
      q_.error = similar(name, value, negated);
    } else {
      q_.error = add_filter(name, value, negated, q_.filters, q_.date);
    }
    pending_or_ = false;
    last_was_unit_ = false;
  }

  // `similaire:ID`: one document, not excluded.
  Notice similar(const std::string& name, std::string_view value, bool negated) {
    if (negated) {
      return {"excluded_similar", french::quoted(name + ":") + " ne peut pas être exclu"};
    }
    std::string id = trim(value);
    if (id.empty()) return {"missing_value", "valeur manquante après " + french::quoted(name + ":")};
    if (!q_.similar_to.empty() && q_.similar_to != id) {
      return {"several_similar", "un seul " + french::quoted(name + ":") + " par recherche"};
    }
    q_.similar_to = std::move(id);
    return {};
  }

  // Analyses a word or phrase and places it (place()); false when it was dropped (only
  // stop words, typed twice) or the query is too long.
  bool add_item(QueryItem item, bool negated) {
    item.tokens = analyzer_.analyze(item.text);
    if (item.tokens.empty()) {
      pending_or_ = false;
      q_.notes.push_back({"only_stop_words", french::quoted(item.text) +
                                                 " ne contient que des mots vides ou aucun mot\u00a0: ignoré"});
      return false;
    }
    return place(std::move(item), negated);
  }

  // Puts an item among the excluded, as an alternative of the last unit (after OR) or as a
  // unit of its own; false when it repeats one or the query is too long.
  bool place(QueryItem item, bool negated) {
    const bool alternative = pending_or_ && last_was_unit_ && !q_.units.empty();
    pending_or_ = false;
    // A word typed twice adds nothing but cost ("loi loi loi…"): it counts once.
    if (negated ? holds(q_.excluded, item)
                : alternative ? holds(q_.units.back(), item) : repeats_a_unit(item)) {
      last_was_unit_ = false;  // an OR after it starts a unit of its own
      return false;
    }
    terms_ += item.tokens.size();
    if (terms_ > kMaxQueryTerms) {
      q_.error = {"too_many_terms",
                  "requête trop longue\u00a0: " + std::to_string(kMaxQueryTerms) +
                      " mots au plus, mots des expressions et mots exclus compris\u00a0; "
                      "retirez-en quelques-uns"};
    } else if (negated) {
      q_.excluded.push_back(std::move(item));
      last_was_unit_ = false;
    } else if (alternative) {
      q_.units.back().push_back(std::move(item));
    } else {
      q_.units.push_back({std::move(item)});
      last_was_unit_ = true;
    }
    return q_.ok();
  }

  static bool same_terms(const QueryItem& a, const QueryItem& b) {
    if (a.tokens.size() != b.tokens.size() || a.origin != b.origin) return false;
    for (std::size_t i = 0; i < a.tokens.size(); ++i) {
      if (a.tokens[i].text != b.tokens[i].text) return false;
    }
    return true;
  }

  static bool holds(const std::vector<QueryItem>& items, const QueryItem& item) {
    for (const auto& other : items) {
      if (same_terms(other, item)) return true;
    }
    return false;
  }

  // The same word or phrase already a unit on its own (not one alternative of an OR).
  bool repeats_a_unit(const QueryItem& item) const {
    for (const auto& unit : q_.units) {
      if (unit.size() == 1 && same_terms(unit.front(), item)) return true;
    }
    return false;
  }

  std::string_view s_;
  analyzers::FrenchAnalyzer& analyzer_;
  ParseOptions options_;
  ParsedQuery q_;
  std::size_t i_ = 0;
  std::size_t terms_ = 0;      // of every item so far
  bool pending_or_ = false;   // the previous token was OR
  bool pending_not_ = false;  // the previous token was NOT (or SAUF, NON: not_word_)
  std::string not_word_;
  bool after_item_ = false;   // a word, phrase or filter came before (French operators)
  bool last_was_unit_ = false;
  // Known items: the runs of positive bare words, whether one is being extended, and
  // whether the query has positive units of another kind (a phrase, an alternative).
  std::vector<std::vector<QueryWord>> runs_;
  bool run_open_ = false;
  bool other_units_ = false;
};

}  // namespace

ParsedQuery parse_query(std::string_view s, analyzers::FrenchAnalyzer& analyzer,
                        ParseOptions options) {
  return QueryParser(s, analyzer, options).run();
}

}  // namespace hemicycle::searcher
