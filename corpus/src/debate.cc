#include "debate.h"

#include <array>
#include <string>
#include <vector>

#include "debate_speaker.h"
#include "text_util.h"

namespace hemicycle::corpus::internal {
namespace {

using model::Block;
using model::Clause;
using model::ClauseKind;
using model::Span;

constexpr std::size_t kNone = std::string_view::npos;

// A paragraph of the sitting: a page's block, or a blank-line separated run of lines.
struct Para {
  Block::Kind kind = Block::Kind::kParagraph;
  int level = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t lead_end = 0;        // absolute; 0 when none (plain text)
  const std::vector<Span>* italic = nullptr;
  bool from_page = false;
};

std::vector<Para> paras_of_blocks(const model::Document& doc) {
  std::vector<Para> out;
  out.reserve(doc.blocks.size());
  for (const Block& b : doc.blocks) {
    if (b.begin >= b.end || b.end > doc.text.size()) continue;
    out.push_back(Para{b.kind, b.level, b.begin, b.end, b.lead_end, &b.italic, true});
  }
  return out;
}

std::vector<Para> paras_of_text(std::string_view text) {
  std::vector<Para> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == kNone) end = text.size();
    std::size_t b = pos, e = end;
    trim_range(text, &b, &e);
    if (b < e) out.push_back(Para{Block::Kind::kParagraph, 0, b, e, 0, nullptr, false});
    pos = end + 2;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Headings: their place in the path.

enum Level { kItem = 0, kStage = 1, kDivision = 2, kIncident = 3, kLevels = 4 };

constexpr std::array<std::string_view, 15> kStages = {
    "presentation", "discussion generale", "discussion des articles", "explications de vote",
    "explication de vote", "vote sur l'ensemble", "motion de rejet prealable",
    "motion de renvoi en commission", "question prealable", "exception d'irrecevabilite",
    "discussion commune", "seconde deliberation", "vote solennel", "discussion du texte",
    "declarations de vote"};
constexpr std::array<std::string_view, 8> kDivisions = {
    "article ", "articles ", "apres l'article", "avant l'article", "apres les articles",
    "titre", "intitule", "annexe"};
constexpr std::array<std::string_view, 6> kIncidents = {
    "rappel au reglement", "rappels au reglement", "suspension et reprise de la seance",
    "suspensions et reprises de la seance", "fait personnel", "mise au point"};

template <std::size_t N>
bool starts_with_any(std::string_view key, const std::array<std::string_view, N>& list) {
  for (std::string_view s : list) {
    if (key.starts_with(s) && (key.size() == s.size() || s.back() == ' ' ||
                                key[s.size()] == ' ' || key[s.size()] == ',')) {
      return true;
    }
  }
  return false;
}

int heading_level(std::string_view heading, int page_level) {
  const std::string key = fold_key(heading);
  if (starts_with_any(key, kIncidents)) return kIncident;
  if (starts_with_any(key, kDivisions)) return kDivision;
  if (starts_with_any(key, kStages)) return kStage;
  if (page_level >= 1 && page_level <= 3) return page_level - 1;
  return kItem;
}

// "Après l’article 1er (suite) (Amendement précédemment réservé)" -> "Après l’article 1er".
std::string heading_text(std::string_view text) {
  std::string_view t = trim(text);
  while (!t.empty() && t.back() == ')') {
    const std::size_t open = t.rfind('(');
    if (open == kNone || open == 0) break;
    t = trim(t.substr(0, open));
  }
  while (!t.empty() && t.back() == '.') t = trim(t.substr(0, t.size() - 1));
  return normalize_spaces(t);
}

// A plain-text paragraph that reads as a heading: one short line, capitalised, with no
// closing punctuation ("Discussion générale", "Après l’article 1er").
bool plain_heading(std::string_view p) {
  if (p.size() > 200 || p.find('\n') != kNone || p.front() == '(') return false;
  std::size_t len = 0;
  const char32_t first = decode_at(p, 0, &len);
  if (!is_upper(first) && !(first >= '0' && first <= '9')) return false;
  const char last = p.back();
  if (std::string_view(".:;,!?)\"").find(last) != kNone) return false;
  if (p.ends_with("\xC2\xBB") || p.ends_with("\xE2\x80\xA6")) return false;
  std::size_t words = 1;
  for (char c : p) words += c == ' ';
  return words <= 25;
}

bool footer(std::string_view p) {
  const std::string key = fold_key(p.substr(0, 60));
  for (std::string_view s : {"le directeur du service", "la directrice du service",
                             "le directeur des comptes rendus", "la directrice des comptes rendus"}) {
    if (key.starts_with(s)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Stage directions and amendments inside a speech's words.

bool italic_at(const Para& para, std::size_t abs) {
  if (para.italic == nullptr) return false;
  for (const Span& s : *para.italic) {
    if (s.begin <= abs && abs < s.end) return true;
  }
  return false;
}

// "(Applaudissements sur les bancs du groupe SRC.)": an opening parenthesis before a capital
// whose group closes after a sentence's end, or set in italics on the page. `base` maps body
// offsets to doc.text for the italics.
void find_directions(std::string_view body, const Para& para, std::size_t base,
                     std::size_t shift, std::vector<Span>* out) {
  for (std::size_t i = body.find('('); i != kNone; i = body.find('(', i + 1)) {
    std::size_t len = 0;
    if (i + 1 >= body.size() || !is_upper(decode_at(body, i + 1, &len))) continue;
    int depth = 0;
    std::size_t close = kNone;
    for (std::size_t j = i; j < body.size() && j < i + 1200; ++j) {
      depth += body[j] == '(' ? 1 : body[j] == ')' ? -1 : 0;
      if (depth == 0) {
        close = j;
        break;
      }
    }
    if (close == kNone) continue;
    const std::string_view inner = trim(body.substr(i + 1, close - i - 1));
    const bool sentence = !inner.empty() && std::string_view(".!?").find(inner.back()) != kNone;
    const bool ellipsis = inner.size() >= 3 && inner.substr(inner.size() - 3) == "\xE2\x80\xA6";
    if (sentence || ellipsis || italic_at(para, base + i + 1)) {
      out->push_back(Span{shift + i, shift + close + 1});
      i = close;
    }
  }
}

// An amendment named at text[at] ("amendement n° 53", "amendements nos 12 et 45"): its
// number, and where the mention ends.
struct Named {
  std::string number;
  std::size_t at = 0;
  std::size_t end = 0;
};

std::size_t skip_any_space(std::string_view t, std::size_t i) {
  for (;;) {
    if (i < t.size() && t[i] == ' ') {
      ++i;
    } else if (t.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
    } else if (t.compare(i, 3, "\xE2\x80\xAF") == 0) {
      i += 3;
    } else {
      return i;
    }
  }
}

std::vector<Named> named_amendments(std::string_view t) {
  std::vector<Named> out;
  for (std::size_t at = t.find("amendement"); at != kNone; at = t.find("amendement", at + 10)) {
    std::size_t i = at + 10;
    if (i < t.size() && t[i] == 's') ++i;
    i = skip_any_space(t, i);
    if (t.compare(i, 3, "n\xC2\xB0") == 0 || t.compare(i, 3, "n\xC2\xBA") == 0) {
      i += 3;
    } else if (t.compare(i, 2, "no") == 0) {
      i += 2;
    } else {
      continue;
    }
    if (i < t.size() && t[i] == 's') ++i;
    i = skip_any_space(t, i);
    const std::size_t digits = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == digits) continue;
    out.push_back(Named{std::string(t.substr(digits, i - digits)), at, i});
  }
  return out;
}

// The mention is a call for discussion ("pour soutenir l’amendement", "je suis saisi de"),
// or its outcome ("… n’est pas adopté", "est retiré").
bool calls(std::string_view t, const Named& n) {
  const std::string before = fold_key(t.substr(n.at > 60 ? n.at - 60 : 0, n.at > 60 ? 60 : n.at));
  for (std::string_view w : {"soutenir", "presenter", "defendre", "saisi", "la parole est"}) {
    if (before.find(w) != std::string::npos) return true;
  }
  return false;
}

bool settles(std::string_view t, const Named& n) {
  const std::string after = fold_key(t.substr(n.end, 90));
  for (std::string_view w : {"adopte", "retire", "tombe", "rejete"}) {
    const std::size_t at = after.find(w);
    if (at != std::string::npos && after.find('(', 0) > at) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// The walk through the sitting.

struct Person {
  std::string name;
  std::string role;
  bool feminine = false;
};

class DebateWalker {
 public:
  explicit DebateWalker(model::Document& doc) : doc_(doc) {}

  void run(const std::vector<Para>& paras) {
    for (const Para& para : paras) step(para);
    close();
    for (const std::string& name : chairs_) add_unique(presiding_, name);
    if (doc_.presiding.empty()) doc_.presiding = presiding_;
  }

  bool found_speeches() const { return speeches_ > 0; }
  std::vector<Clause>& clauses() { return clauses_; }

 private:
  std::string para_text(const Para& p) const {
    std::string t = doc_.text.substr(p.begin, p.end - p.begin);
    for (char& c : t) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    while (!t.empty() && t.back() == ' ') t.pop_back();
    return t;
  }

  void step(const Para& para) {
    const std::string text = para_text(para);
    if (para.kind == Block::Kind::kPresidency) return presidency(text);
    if (para.kind == Block::Kind::kHeading) return heading(text, para.level);
    if (footer(text)) return other(para, text);
    Lead lead;
    const bool is_lead = para.from_page ? html_lead(para, text, &lead) : read_text_lead(text, &lead);
    if (is_lead) return open(para, text, lead);
    if (!para.from_page) {
      const std::string name = presiding_name(text);
      if (!name.empty() && text.size() < 160) return presidency(text);
      if (plain_heading(text)) return heading(text, 0);
    }
    if (open_) return append(para, text, 0, true);
    other(para, text);
  }

  bool html_lead(const Para& para, const std::string& text, Lead* lead) const {
    if (para.lead_end <= para.begin) return false;
    const std::size_t bold_end = para.lead_end - para.begin;
    std::size_t ib = kNone, ie = kNone;
    if (para.italic != nullptr) {
      for (const Span& s : *para.italic) {
        if (s.begin >= para.lead_end && s.begin <= para.lead_end + 3 && s.end <= para.end) {
          ib = s.begin - para.begin;
          ie = s.end - para.begin;
          break;
        }
      }
    }
    return read_html_lead(text, bold_end, ib, ie, lead);
  }

  void presidency(const std::string& text) {
    close();
    const std::string name = presiding_name(text);
    if (name.empty()) return;
    chair_ = name;
    chairs_.push_back(name);
  }

  void heading(const std::string& text, int page_level) {
    close();
    const std::string h = heading_text(text);
    if (h.empty()) return;
    const int level = heading_level(h, page_level);
    path_[level] = h;
    for (int l = level + 1; l < kLevels; ++l) path_[l].clear();
    amendment_.clear();
  }

  void other(const Para& para, const std::string& text) {
    close();
    Clause c;
    c.kind = ClauseKind::kParagraph;
    c.text = text;
    c.begin = para.begin;
    c.end = para.end;
    clauses_.push_back(std::move(c));
  }

  void open(const Para& para, const std::string& text, const Lead& lead) {
    close();
    cur_ = Clause{};
    cur_.kind = ClauseKind::kSpeech;
    cur_.begin = para.begin;
    cur_.end = para.end;
    attribute(lead);
    for (const std::string& h : path_) {
      if (!h.empty()) cur_.speech.headings.push_back(h);
    }
    cur_.speech.amendment = amendment_;
    open_ = true;
    append(para, text, lead.body, false);
  }

  void attribute(const Lead& lead) {
    model::Speech& s = cur_.speech;
    const LabelParts parts = parse_label(lead.label);
    s.speaker_label = lead.label;
    s.group = parts.group;
    switch (parts.kind) {
      case LabelKind::kChair:
        s.speaker = chair_;
        s.speaker_role = parts.feminine ? "pr\xC3\xA9sidente de s\xC3\xA9""ance"
                                        : "pr\xC3\xA9sident de s\xC3\xA9""ance";
        s.speaker_kind = model::kSpeakerChair;
        break;
      case LabelKind::kOffice:
        by_office(parts, lead.role);
        break;
      case LabelKind::kPerson:
        person(parts, lead.role);
        break;
      case LabelKind::kCollective:
        s.speaker_role = lead.role;
        s.speaker_kind = model::kSpeakerGroup;
        break;
    }
  }

  void person(const LabelParts& parts, const std::string& role) {
    model::Speech& s = cur_.speech;
    s.speaker = parts.name;
    s.speaker_role = role;
    Person* known = find_person(parts.name);
    if (known == nullptr) {
      people_.push_back(Person{parts.name, role, parts.feminine});
      known = &people_.back();
    }
    if (!role.empty()) known->role = role;
    if (s.speaker_role.empty()) s.speaker_role = known->role;
    s.speaker_kind = std::string(kind_of_role(s.speaker_role));
    seen(parts.name);
  }

  // "Mme la garde des sceaux": the person who spoke last with a role of that office, of the
  // same civility; unresolved, the office stands as the role.
  void by_office(const LabelParts& parts, const std::string& role) {
    model::Speech& s = cur_.speech;
    const std::string office = fold_key(parts.name);
    const Person* match = nullptr;
    int best = 0;
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      const Person* p = find_person(*it);
      if (p == nullptr || p->feminine != parts.feminine) continue;
      const std::string r = fold_key(p->role);
      const int score = r.starts_with(office) ? 2 : r.find(" " + office) != std::string::npos ? 1 : 0;
      if (score > best) {
        best = score;
        match = p;
      }
    }
    if (match != nullptr) {
      s.speaker = match->name;
      s.speaker_role = role.empty() ? match->role : role;
      seen(match->name);
    } else {
      s.speaker_role = role.empty() ? parts.name : role;
    }
    s.speaker_kind = std::string(kind_of_role(s.speaker_role.empty() ? parts.name : s.speaker_role));
  }

  Person* find_person(const std::string& name) {
    for (Person& p : people_) {
      if (p.name == name) return &p;
    }
    return nullptr;
  }

  void seen(const std::string& name) {
    std::erase(recent_, name);
    recent_.push_back(name);
  }

  // Adds text[from..] to the open speech: its directions, the amendment it names.
  void append(const Para& para, const std::string& text, std::size_t from, bool new_line) {
    std::string_view body = trim(std::string_view(text).substr(std::min(from, text.size())));
    const std::size_t body_at = body.empty() ? text.size() : body.data() - text.data();
    if (new_line && !cur_.text.empty() && !body.empty()) cur_.text.push_back('\n');
    const std::size_t shift = cur_.text.size();
    cur_.text.append(body);
    cur_.end = para.end;
    find_directions(body, para, para.begin + body_at, shift, &cur_.speech.directions);
    amendments(body);
    if (fold_key(body).find("seance est reprise") != std::string::npos) path_[kIncident].clear();
  }

  void amendments(std::string_view body) {
    const bool chair = cur_.speech.speaker_kind == model::kSpeakerChair;
    for (const Named& n : named_amendments(body)) {
      if (settles(body, n)) {
        if (cur_.speech.amendment.empty()) cur_.speech.amendment = n.number;
        if (amendment_ == n.number) amendment_.clear();
      } else if (chair || calls(body, n)) {
        amendment_ = n.number;
        cur_.speech.amendment = n.number;
      }
    }
  }

  void close() {
    if (!open_) return;
    clauses_.push_back(std::move(cur_));
    cur_ = Clause{};
    open_ = false;
    ++speeches_;
  }

  model::Document& doc_;
  std::vector<Clause> clauses_;
  Clause cur_;
  bool open_ = false;
  std::size_t speeches_ = 0;
  std::array<std::string, kLevels> path_;
  std::string chair_;
  std::vector<std::string> chairs_;
  std::vector<std::string> presiding_;
  std::vector<Person> people_;
  std::vector<std::string> recent_;  // people, the last to speak last
  std::string amendment_;
};

}  // namespace

bool looks_like_debate(std::string_view text) {
  for (std::string_view chair : {"M. le pr\xC3\xA9sident. \xE2\x80\x93 ", "Mme la pr\xC3\xA9sidente. \xE2\x80\x93 "}) {
    const std::size_t at = text.find(chair);
    if (at != kNone && (at == 0 || text[at - 1] == '\n')) return true;
  }
  return false;
}

bool segment_debate(model::Document& doc) {
  const std::vector<Para> paras = doc.blocks.empty() ? paras_of_text(doc.text) : paras_of_blocks(doc);
  DebateWalker walker(doc);
  walker.run(paras);
  if (!walker.found_speeches()) return false;
  doc.clauses = std::move(walker.clauses());
  return true;
}

}  // namespace hemicycle::corpus::internal
