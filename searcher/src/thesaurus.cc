#include "thesaurus.h"

#include <algorithm>
#include <cmath>

namespace hemicycle::searcher {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string key_of(const std::vector<std::string>& terms) {
  std::string key;
  for (const auto& t : terms) {
    if (!key.empty()) key += ' ';
    key += t;
  }
  return key;
}

std::vector<std::string> terms_of(const std::vector<analyzers::Token>& tokens) {
  std::vector<std::string> terms;
  for (const auto& t : tokens) terms.push_back(t.text);
  return terms;
}

}  // namespace

Thesaurus::Thesaurus(const std::vector<std::string_view>& lists,
                     analyzers::FrenchAnalyzer& analyzer) {
  std::vector<std::string_view> lines;
  for (std::string_view list : lists) {
    for (std::string_view line : split(list, '\n')) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      if (line.substr(0, 2) != "-\t") {
        lines.push_back(line);
        continue;
      }
      // Labels never expanded, nor added, whatever list holds them.
      for (std::string_view text : split(line.substr(2), '|')) {
        never_.insert(key_of(terms_of(analyzer.analyze(text))));
      }
    }
  }
  for (std::string_view line : lines) add_line(line, analyzer);
}

void Thesaurus::add_line(std::string_view line, analyzers::FrenchAnalyzer& analyzer) {
  const std::vector<std::string_view> cols = split(line, '\t');
  if (cols.size() < 2) return;
  Concept c;
  c.id = std::string(cols[0]);
  std::unordered_set<std::string> seen;
  for (std::string_view text : split(cols[1], '|')) {
    Label label{std::string(text), analyzer.analyze(text), {}};
    for (const auto& t : label.tokens) label.words.push_back(surface(label.text, t));
    const std::string key = key_of(terms_of(label.tokens));
    if (label.tokens.empty() || never_.count(key) || !seen.insert(key).second) continue;
    c.labels.push_back(std::move(label));
  }
  if (c.labels.size() < 2) return;
  if (cols.size() > 2) {
    for (std::string_view word : split(cols[2], '|')) {
      for (auto& t : analyzer.analyze(word)) c.context.insert(std::move(t.text));
    }
  }
  concepts_.push_back(std::move(c));
  index_last();
}

std::string Thesaurus::compiled() const {
  std::string out;
  for (const auto& c : concepts_) {
    out += "C\t" + c.id + "\t";
    std::vector<std::string> context(c.context.begin(), c.context.end());
    std::sort(context.begin(), context.end());
    out += key_of(context) + "\n";
    for (const auto& label : c.labels) {
      std::string positions;
      for (const auto& t : label.tokens) {
        positions += (positions.empty() ? "" : " ") + std::to_string(t.position);
      }
      out += "L\t" + label.text + "\t" + key_of(terms_of(label.tokens)) + "\t" + positions +
             "\t" + key_of(label.words) + "\n";
    }
  }
  return out;
}

Thesaurus Thesaurus::from_compiled(std::string_view text) {
  Thesaurus th;
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  th.concepts_.reserve(lines / 3);
  th.by_terms_.reserve(lines);
  for (std::string_view line : split(text, '\n')) {
    const std::vector<std::string_view> cols = split(line, '\t');
    if (cols.size() == 3 && cols[0] == "C") {
      if (!th.concepts_.empty()) th.index_last();
      th.concepts_.push_back({std::string(cols[1]), {}, {}});
      for (std::string_view t : split(cols[2], ' ')) {
        if (!t.empty()) th.concepts_.back().context.emplace(t);
      }
    } else if (cols.size() == 5 && cols[0] == "L" && !th.concepts_.empty()) {
      Label label{std::string(cols[1]), {}, {}};
      const auto terms = split(cols[2], ' ');
      const auto positions = split(cols[3], ' ');
      const auto words = split(cols[4], ' ');
      for (std::size_t i = 0; i < terms.size() && i < positions.size() && i < words.size(); ++i) {
        analyzers::Token t;
        t.text = std::string(terms[i]);
        t.position = static_cast<std::uint32_t>(std::stoul(std::string(positions[i])));
        label.tokens.push_back(std::move(t));
        label.words.emplace_back(words[i]);
      }
      th.concepts_.back().labels.push_back(std::move(label));
    }
  }
  if (!th.concepts_.empty()) th.index_last();
  return th;
}

void Thesaurus::index_last() {
  const auto index = static_cast<std::uint32_t>(concepts_.size() - 1);
  for (const auto& label : concepts_.back().labels) {
    by_terms_[key_of(terms_of(label.tokens))].push_back(index);
    longest_ = std::max(longest_, label.tokens.size());
  }
}

const std::vector<std::uint32_t>* Thesaurus::concepts_of(
    const std::vector<std::string>& terms) const {
  auto it = by_terms_.find(key_of(terms));
  return it == by_terms_.end() ? nullptr : &it->second;
}

std::string surface(std::string_view text, const analyzers::Token& token) {
  std::string word = analyzers::fold(text.substr(token.begin, token.end - token.begin));
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    if (auto at = word.rfind(apostrophe); at != std::string::npos) {
      word.erase(0, at + apostrophe.size());
    }
  }
  return word;
}

bool surface_alike(std::string_view a, std::string_view b) {
  const std::size_t need = std::min<std::size_t>({4, a.size(), b.size()});
  return a.substr(0, need) == b.substr(0, need);
}

namespace {

// Whether the terms of `run` stand consecutively among those of `label`.
bool holds_run(const std::vector<analyzers::Token>& label,
               const std::vector<analyzers::Token>& run) {
  if (run.empty() || run.size() > label.size()) return false;
  for (std::size_t start = 0; start + run.size() <= label.size(); ++start) {
    bool all = true;
    for (std::size_t i = 0; i < run.size() && all; ++i) all = label[start + i].text == run[i].text;
    if (all) return true;
  }
  return false;
}

// Whether a query item may be expanded: typed, not quoted.
bool expandable(const QueryItem& item) { return item.origin == Origin::kTyped && !item.quoted; }

// A unit of one expandable item: it may take part in a run of words that form a label.
bool plain_word(const std::vector<QueryItem>& unit) {
  return unit.size() == 1 && expandable(unit.front());
}

class Expander {
 public:
  Expander(ParsedQuery& pq, const Thesaurus& th) : pq_(pq), th_(th) {}

  std::vector<Expansion> run() {
    std::vector<std::vector<QueryItem>> units;
    for (std::size_t i = 0; i < pq_.units.size();) {
      const std::size_t taken = plain_word(pq_.units[i]) ? run_at(i, units) : 0;
      if (taken > 0) {
        i += taken;
        continue;
      }
      units.push_back(alternatives(pq_.units[i], i));  // a copy: its words point at concepts
      ++i;
    }
    pq_.units = std::move(units);
    return std::move(out_);
  }

 private:
  // The longest run of plain words from unit i that is a label: its units appended to
  // `units`, each with the concept's other labels. Returns the number of units it took
  // (0: none is a label).
  std::size_t run_at(std::size_t i, std::vector<std::vector<QueryItem>>& units) {
    std::size_t end = i;
    std::size_t terms = 0;
    while (end < pq_.units.size() && plain_word(pq_.units[end]) &&
           terms + pq_.units[end].front().tokens.size() <= th_.longest()) {
      terms += pq_.units[end].front().tokens.size();
      ++end;
    }
    for (; end > i; --end) {
      std::vector<std::string> run;
      for (std::size_t u = i; u < end; ++u) {
        for (const auto& t : pq_.units[u].front().tokens) run.push_back(t.text);
      }
      const auto* found = th_.concepts_of(run);
      if (!found) continue;
      std::vector<std::string> words;
      for (std::size_t u = i; u < end; ++u) {
        const QueryItem& item = pq_.units[u].front();
        for (const auto& t : item.tokens) words.push_back(surface(item.text, t));
      }
      const std::vector<std::uint32_t> concepts = alike(*found, run, words);
      if (concepts.empty()) continue;
      // Each word of the run keeps its unit, the labels added to each: a clause holding
      // the words typed matches as it would without them.
      const QueryItem typed = joined(i, end, concepts, run);
      std::vector<QueryItem> labels;
      add_labels(typed, concepts, i, end, labels);
      std::size_t terms = 0;
      for (const auto& label : labels) terms += label.tokens.size();
      added_terms_ += terms * (end - i - 1);
      for (std::size_t u = i; u < end; ++u) {
        units.push_back(pq_.units[u]);
        units.back().insert(units.back().end(), labels.begin(), labels.end());
      }
      return end - i;
    }
    return 0;
  }

  // Units [i, end) as one item, the words as typed: what the labels added are compared
  // with (a label holding it finds nothing more) and what the user is told was expanded.
  QueryItem joined(std::size_t i, std::size_t end, const std::vector<std::uint32_t>& concepts,
                   const std::vector<std::string>& run) const {
    if (end - i == 1) return pq_.units[i].front();
    QueryItem item;
    for (std::size_t u = i; u < end; ++u) {
      if (!item.text.empty()) item.text += ' ';
      item.text += pq_.units[u].front().text;
    }
    for (const auto& label : th_.concept_at(concepts.front()).labels) {
      if (label.tokens.size() != run.size()) continue;
      bool same = true;
      for (std::size_t t = 0; t < run.size() && same; ++t) same = label.tokens[t].text == run[t];
      if (same) item.tokens = label.tokens;
    }
    return item;
  }

  // The concepts whose label of these terms has words like those typed (not a stemmer's
  // homograph: "loyer" for "loi").
  std::vector<std::uint32_t> alike(const std::vector<std::uint32_t>& concepts,
                                   const std::vector<std::string>& terms,
                                   const std::vector<std::string>& words) const {
    std::vector<std::uint32_t> out;
    for (std::uint32_t c : concepts) {
      for (const auto& label : th_.concept_at(c).labels) {
        if (terms_of(label.tokens) != terms || label.words.size() != words.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < words.size() && same; ++i) {
          same = surface_alike(words[i], label.words[i]);
        }
        if (same) {
          out.push_back(c);
          break;
        }
      }
    }
    return out;
  }

  // A unit that is not a run of words: each typed item of an OR expanded in place.
  std::vector<QueryItem> alternatives(std::vector<QueryItem> unit, std::size_t u) {
    if (unit.size() < 2) return unit;
    std::vector<QueryItem> out;
    for (auto& item : unit) {
      out.push_back(item);
      if (!expandable(item)) continue;
      const std::vector<std::string> terms = terms_of(item.tokens);
      const auto* found = th_.concepts_of(terms);
      if (!found) continue;
      std::vector<std::string> words;
      for (const auto& t : item.tokens) words.push_back(surface(item.text, t));
      const std::vector<std::uint32_t> concepts = alike(*found, terms, words);
      if (!concepts.empty()) add_labels(item, concepts, u, u + 1, out);
    }
    return out;
  }

  // The other labels of the concepts `typed` names (those its neighbours point at), added
  // to `unit` after it; reported in out_.
  void add_labels(const QueryItem& typed, const std::vector<std::uint32_t>& concepts,
                  std::size_t begin, std::size_t end, std::vector<QueryItem>& unit) {
    Expansion expansion{typed.text, {}};
    for (std::uint32_t c : chosen(concepts, begin, end)) {
      for (const auto& label : th_.concept_at(c).labels) {
        if (expansion.also.size() == kMaxLabelsPerExpansion ||
            added_terms_ + label.tokens.size() > kMaxExpansionTerms) {
          break;
        }
        const std::string key = key_of(terms_of(label.tokens));
        // A label holding the words typed ("droit d'ingérence" for "ingérence") finds
        // nothing they do not find.
        if (holds_run(label.tokens, typed.tokens) || !keys_.insert(key).second) continue;
        QueryItem item{label.text, label.tokens, false, Origin::kThesaurus, kThesaurusWeight};
        unit.push_back(std::move(item));
        expansion.also.push_back(label.text);
        added_terms_ += label.tokens.size();
      }
    }
    if (!expansion.also.empty()) out_.push_back(std::move(expansion));
  }

  // Among homographs, the concepts the query's other words point at; all when none does.
  std::vector<std::uint32_t> chosen(const std::vector<std::uint32_t>& concepts,
                                    std::size_t begin, std::size_t end) const {
    if (concepts.size() < 2) return concepts;
    std::vector<std::uint32_t> pointed;
    for (std::uint32_t c : concepts) {
      if (pointed_at(th_.concept_at(c), begin, end)) pointed.push_back(c);
    }
    return pointed.empty() ? concepts : pointed;
  }

  // Whether a term of the query's units outside [begin, end) is one of the concept's
  // context words or a term of its labels.
  bool pointed_at(const Thesaurus::Concept& c, std::size_t begin, std::size_t end) const {
    for (std::size_t u = 0; u < pq_.units.size(); ++u) {
      if (u >= begin && u < end) continue;
      for (const auto& item : pq_.units[u]) {
        for (const auto& t : item.tokens) {
          if (c.context.count(t.text)) return true;
          for (const auto& label : c.labels) {
            for (const auto& lt : label.tokens) {
              if (lt.text == t.text) return true;
            }
          }
        }
      }
    }
    return false;
  }

  ParsedQuery& pq_;
  const Thesaurus& th_;
  std::vector<Expansion> out_;
  std::unordered_set<std::string> keys_;  // labels added, so that none is added twice
  std::size_t added_terms_ = 0;
};

double idf(const std::vector<analyzers::Token>& tokens,
           const std::function<double(const std::string&)>& termfreq, double documents) {
  double sum = 0;
  for (const auto& t : tokens) {
    const double n = termfreq(t.text);
    sum += std::log(1 + (documents - n + 0.5) / (n + 0.5));
  }
  return sum;
}

}  // namespace

std::vector<Expansion> expand_query(ParsedQuery& pq, const Thesaurus& thesaurus) {
  return Expander(pq, thesaurus).run();
}

void weigh_expansions(ParsedQuery& pq, const std::function<double(const std::string&)>& termfreq,
                      double documents) {
  for (auto& unit : pq.units) {
    double typed = 0;
    for (auto& item : unit) {
      if (item.origin != Origin::kThesaurus) {
        typed = idf(item.tokens, termfreq, documents);
        continue;
      }
      const double own = idf(item.tokens, termfreq, documents);
      item.weight = kThesaurusWeight * (own > typed && own > 0 ? typed / own : 1.0);
    }
  }
}

}  // namespace hemicycle::searcher
