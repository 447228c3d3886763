#include "hemicycle/corpus/segmenter.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/extract.h"
#include "article_number.h"
#include "cites.h"
#include "debate.h"
#include "text_util.h"

namespace hemicycle::corpus {
namespace {

using internal::decode_at;
using internal::is_upper;
using internal::is_word_char;
using internal::starts_with_word;

// One line of Document::text: [begin, end) trimmed of padding spaces; blank if empty.
struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool blank() const { return begin == end; }
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 64 + 1);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Line line{pos, nl};
    internal::trim_range(text, &line.begin, &line.end);
    if (line.blank()) line.begin = line.end = pos;
    lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

// Accumulates the lines of one clause.
class ClauseBuilder {
 public:
  explicit ClauseBuilder(std::string_view text) : text_(text) {}

  bool empty() const { return !open_; }
  model::ClauseKind kind() const { return clause_.kind; }
  const model::Clause& clause() const { return clause_; }

  void start(model::ClauseKind kind, const Line& line, std::string number = {},
             std::string lead = {}) {
    clause_ = model::Clause{};
    clause_.kind = kind;
    clause_.number = std::move(number);
    clause_.lead = std::move(lead);
    clause_.begin = line.begin;
    clause_.end = line.end;
    clause_.text.assign(text_.substr(line.begin, line.end - line.begin));
    open_ = true;
  }

  void append(const Line& line) {
    clause_.text.push_back(' ');
    clause_.text.append(text_.substr(line.begin, line.end - line.begin));
    clause_.end = line.end;
  }

  // Moves the open clause, if any, to *out.
  void flush(std::vector<model::Clause>* out) {
    if (!open_) return;
    out->push_back(std::move(clause_));
    clause_ = model::Clause{};
    open_ = false;
  }

 private:
  std::string_view text_;
  model::Clause clause_;
  bool open_ = false;
};

std::string_view line_text(std::string_view text, const Line& line) {
  return text.substr(line.begin, line.end - line.begin);
}

// Strips one leading straight or French opening quote (and the spaces after it).
std::string_view strip_open_quote(std::string_view t) {
  if (!t.empty() && t[0] == '"') return internal::trim(t.substr(1));
  if (t.substr(0, 2) == "\xC2\xAB") return internal::trim(t.substr(2));  // «
  if (t.substr(0, 3) == "\xE2\x80\x9C") return internal::trim(t.substr(3));  // “
  return t;
}

bool starts_with_quote(std::string_view t) { return strip_open_quote(t).size() != t.size(); }

// The first word of t (a run of word characters, apostrophes and hyphens inside).
std::string_view first_word(std::string_view t) {
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t n = 0;
    char32_t cp = decode_at(t, pos, &n);
    if (!is_word_char(cp) && !(pos > 0 && (cp == '\'' || cp == 0x2019 || cp == '-'))) break;
    pos += n;
  }
  return t.substr(0, pos);
}

bool first_is_upper(std::string_view t) {
  if (t.empty()) return false;
  std::size_t n = 0;
  return is_upper(decode_at(t, 0, &n));
}

char last_byte(std::string_view t) { return t.empty() ? '\0' : t.back(); }

bool ends_clause_punct(std::string_view t) {
  const char c = last_byte(t);
  return c == ';' || c == ',' || c == ':' || c == '.';
}

// ---------------------------------------------------------------------------------
// Resolutions.

// "L’Assemblée nationale," / "Le Sénat," -> institution name, else "".
std::string preamble_institution(std::string_view t) {
  std::string_view body = t;
  if (!body.empty() && body.back() == ',') body.remove_suffix(1);
  body = internal::trim(body);
  static constexpr std::pair<std::string_view, std::string_view> kPreambles[] = {
      {"L\xE2\x80\x99" "Assembl\xC3\xA9" "e nationale", "Assembl\xC3\xA9" "e nationale"},
      {"L'Assembl\xC3\xA9" "e nationale", "Assembl\xC3\xA9" "e nationale"},
      {"Le S\xC3\xA9nat", "S\xC3\xA9nat"},
      {"Le Parlement europ\xC3\xA9" "en", "Parlement europ\xC3\xA9" "en"},
      {"Le Parlement", "Parlement"},
      {"Le Congr\xC3\xA8s", "Congr\xC3\xA8s"},
  };
  for (const auto& [form, name] : kPreambles) {
    if (body == form) return std::string(name);
  }
  return "";
}

bool is_participle(std::string_view word) {
  static constexpr std::string_view kRecitals[] = {
      "Rappelant",    "Soulignant",  "Constatant",   "Regrettant",   "Saluant",
      "Estimant",     "Notant",      "Réaffirmant",  "Affirmant",    "Reconnaissant",
      "Déplorant",    "Observant",   "Relevant",     "Prenant",      "Tenant",
      "Insistant",    "Exprimant",   "Condamnant",   "Dénonçant",    "Accueillant",
      "Encourageant", "Sachant",     "Ayant",        "Étant",        "Jugeant",
      "Craignant",    "Remarquant",  "Réitérant",    "Approuvant",
      "Attendu",      "Alarmée",     "Préoccupée",   "Convaincue",   "Consciente",
      "Résolue",      "Gardant",     "Mesurant",
  };
  for (std::string_view r : kRecitals) {
    if (word == r) return true;
  }
  return false;
}

// A capitalised present participle ("Demandant", "S’inquiétant") that may open a recital.
bool is_generic_participle(std::string_view word) {
  static constexpr std::string_view kNotParticiples[] = {
      "Avant", "Pendant", "Durant", "Cependant", "Maintenant", "Néanmoins", "Suivant",
      "Moyennant", "Concernant", "Nonobstant", "Constant", "Important", "Courant",
      "Conformément", "Président", "Parlement", "Gouvernement", "Accident"};
  if (word.size() < 5 || word.substr(word.size() - 3) != "ant") return false;
  if (!first_is_upper(word)) return false;
  for (std::string_view w : kNotParticiples) {
    if (word == w) return false;
  }
  return true;
}

// "7. Encourage …" with the expected number: sets *number and *lead.
bool numbered_article(std::string_view t, int expected, std::string* number,
                      std::string* lead) {
  std::size_t pos = 0;
  int value = 0;
  while (pos < t.size() && pos < 4 && t[pos] >= '0' && t[pos] <= '9') {
    value = value * 10 + (t[pos] - '0');
    ++pos;
  }
  if (pos == 0 || pos >= t.size() || t[pos] != '.') return false;
  if (value != expected) return false;
  std::string_view rest = t.substr(pos + 1);
  std::string_view after = internal::trim(rest);
  if (after.size() == rest.size() || after.empty()) return false;  // needs a space
  *number = std::to_string(value);
  std::string_view w = first_word(after);
  *lead = std::string(w);
  return true;
}

// Parses a closing "À Paris, le 28 mars 2025." line: sets *place and *date.
bool place_date(std::string_view t, std::string* place, std::string* date) {
  if (t.size() > 200) return false;
  const bool opener = starts_with_word(t, "\xC3\x80") || starts_with_word(t, "A") ||
                      starts_with_word(t, "Fait") || starts_with_word(t, "D\xC3\xA9lib\xC3\xA9r\xC3\xA9") ||
                      starts_with_word(t, "Paris");
  if (!opener) return false;
  std::size_t le = t.rfind(", le ");
  std::size_t skip = 5;
  if (le == std::string_view::npos) {
    le = t.rfind(" le ");
    skip = 4;
  }
  if (le == std::string_view::npos) return false;
  std::size_t consumed = 0;
  std::string iso = internal::parse_french_date(t.substr(le + skip), &consumed);
  if (iso.empty()) return false;
  std::string_view tail = internal::trim(t.substr(le + skip + consumed));
  if (!(tail.empty() || tail == ".")) return false;
  // The place follows the last "à " / "À " / "A " before the date.
  std::string_view head = t.substr(0, le);
  std::size_t at = std::string_view::npos;
  for (std::string_view marker : {"\xC3\xA0 ", "\xC3\x80 ", "A "}) {
    std::size_t p = head.rfind(marker);
    if (p != std::string_view::npos && (p == 0 || head[p - 1] == ' ' || head[p - 1] == ',')) {
      if (at == std::string_view::npos || p > at) at = p + marker.size();
    }
  }
  std::string_view where = at == std::string_view::npos ? head : head.substr(at);
  std::size_t comma = where.find(',');
  if (comma != std::string_view::npos) where = where.substr(0, comma);
  *place = std::string(internal::trim(where));
  *date = std::move(iso);
  return true;
}

// "La Présidente," / "Le Président du Sénat,".
bool signature_role(std::string_view t) {
  if (t.size() > 100) return false;
  if (!(starts_with_word(t, "Le") || starts_with_word(t, "La"))) return false;
  std::string_view rest = internal::trim(t.substr(2));
  return internal::starts_with_word(rest, "Pr\xC3\xA9sident") ||
         internal::starts_with_word(rest, "Pr\xC3\xA9sidente") ||
         internal::starts_with_word(rest, "PR\xC3\x89SIDENT") ||
         internal::starts_with_word(rest, "PR\xC3\x89SIDENTE");
}

bool signed_line(std::string_view t) {
  return starts_with_word(t, "Sign\xC3\xA9") || starts_with_word(t, "SIGN\xC3\x89");
}

// Role and name from a signature clause "La Présidente, Signé : YAËL BRAUN-PIVET".
void parse_signature(std::string_view t, std::string* role, std::string* name) {
  std::size_t signe = t.find("Sign\xC3\xA9");
  if (signe == std::string_view::npos) signe = t.find("SIGN\xC3\x89");
  std::string_view before = internal::trim(t.substr(0, signe == std::string_view::npos ? t.size() : signe));
  if (!before.empty() && before.back() == ',') before.remove_suffix(1);
  *role = std::string(internal::trim(before));
  if (signe == std::string_view::npos) return;
  std::string_view after = t.substr(signe + 6);  // "Signé" is 6 bytes
  std::size_t colon = after.find(':');
  if (colon != std::string_view::npos && colon < 4) after = after.substr(colon + 1);
  after = internal::trim(after);
  if (!after.empty() && after.back() == '.') after.remove_suffix(1);
  if (!after.empty()) *name = internal::title_case_name(after);
}

// What segment_resolution has seen so far, and the clause it is building.
struct ResolutionState {
  explicit ResolutionState(model::Document& doc) : cur(doc.text), out(&doc.clauses) {}

  // Closes the open clause and starts one of `kind` at line.
  void open(model::ClauseKind kind, const Line& line, std::string number = {},
            std::string lead = {}) {
    cur.flush(out);
    cur.start(kind, line, std::move(number), std::move(lead));
  }
  bool open_is(model::ClauseKind kind) const { return !cur.empty() && cur.kind() == kind; }

  ClauseBuilder cur;
  std::vector<model::Clause>* out;
  bool body = false;        // a visa, considérant or recital was seen
  bool dispositif = false;  // an article was seen
  int next_article = 1;
  bool blank_before = false;
  std::string_view prev;  // previous non-blank line
  std::string institution, place, date, role, signer;
};

// True if the line (first word `word`) opens a recital: a known participle, or a capitalised
// one after a clause end ("Demandant", "Se félicitant").
bool opens_recital(const ResolutionState& st, std::string_view t, std::string_view word) {
  if (is_participle(word)) return true;
  if ((st.cur.empty() || ends_clause_punct(st.prev)) && is_generic_participle(word)) return true;
  if (!(word == "Se" || word == "S") || t.size() <= word.size() + 1) return false;
  return ends_clause_punct(st.prev) &&
         is_generic_participle(first_word(internal::trim(t.substr(word.size() + 1))));
}

// The clauses before the dispositif: preamble, visa, considérant, recital. False if the line
// opens none of them.
bool open_preamble_clause(ResolutionState& st, const Line& line, std::string_view t,
                          std::string_view word) {
  if (!st.body && !st.dispositif &&
      (st.cur.empty() || st.cur.kind() == model::ClauseKind::kParagraph) &&
      !preamble_institution(t).empty()) {
    st.open(model::ClauseKind::kPreamble, line);
    if (st.institution.empty()) st.institution = preamble_institution(t);
    return true;
  }
  if (st.dispositif) return false;
  if (word == "Vu" || word == "VU") {
    st.open(model::ClauseKind::kVisa, line);
  } else if (word == "Consid\xC3\xA9rant" || word == "CONSID\xC3\x89RANT") {
    st.open(model::ClauseKind::kConsiderant, line);
  } else if (opens_recital(st, t, word)) {
    st.open(model::ClauseKind::kRecital, line);
  } else {
    return false;
  }
  st.body = true;
  return true;
}

// An unnumbered dispositif paragraph ("Demande au Gouvernement …"): a capitalised line after
// a blank line and a clause end, inside a considérant, recital or article.
bool opens_unnumbered_article(const ResolutionState& st, std::string_view t) {
  const char end = last_byte(st.prev);
  return st.body && st.blank_before && first_is_upper(t) && (end == ';' || end == '.' || end == ':') &&
         (st.open_is(model::ClauseKind::kConsiderant) || st.open_is(model::ClauseKind::kRecital) ||
          st.open_is(model::ClauseKind::kArticle));
}

// The dispositif and the closing: articles, place and date, signature. False if the line
// opens none of them.
bool open_dispositif_clause(ResolutionState& st, const Line& line, std::string_view t,
                            std::string_view word) {
  std::string number, lead;
  if (numbered_article(t, st.next_article, &number, &lead)) {
    st.open(model::ClauseKind::kArticle, line, std::move(number), std::move(lead));
    ++st.next_article;
    st.dispositif = true;
  } else if (std::string p, d; place_date(t, &p, &d)) {
    st.open(model::ClauseKind::kPlaceDate, line);
    if (st.place.empty()) st.place = std::move(p);
    if (st.date.empty()) st.date = std::move(d);
  } else if (signature_role(t) && ends_clause_punct(t)) {
    st.open(model::ClauseKind::kSignature, line);
  } else if (signed_line(t)) {
    if (st.open_is(model::ClauseKind::kSignature)) {
      st.cur.append(line);
    } else {
      st.open(model::ClauseKind::kSignature, line);
    }
  } else if (opens_unnumbered_article(st, t)) {
    st.open(model::ClauseKind::kArticle, line, "", std::string(word));
    st.dispositif = true;
  } else {
    return false;
  }
  return true;
}

// A line that opens no clause: it continues the open one, or starts a paragraph.
void continue_clause(ResolutionState& st, const Line& line) {
  if (st.cur.empty()) {
    st.cur.start(model::ClauseKind::kParagraph, line);
  } else if (st.cur.kind() == model::ClauseKind::kParagraph && st.blank_before) {
    st.open(model::ClauseKind::kParagraph, line);
  } else {
    st.cur.append(line);
  }
}

// Copies what the clauses say (institution, place, date, signatory) into doc where it has
// nothing from the metadata.
void fill_resolution_fields(model::Document& doc, ResolutionState& st) {
  for (const model::Clause& c : doc.clauses) {
    if (c.kind == model::ClauseKind::kSignature && st.role.empty() && st.signer.empty()) {
      parse_signature(c.text, &st.role, &st.signer);
    }
  }
  if (doc.institution.empty()) doc.institution = st.institution;
  if (doc.place.empty()) doc.place = st.place;
  if (doc.date.empty()) doc.date = st.date;
  if (doc.signatory_role.empty()) doc.signatory_role = st.role;
  if (doc.signatories.empty() && !st.signer.empty()) doc.signatories.push_back(st.signer);
}

void segment_resolution(model::Document& doc, const std::vector<Line>& lines) {
  ResolutionState st(doc);
  for (const Line& line : lines) {
    if (line.blank()) {
      st.blank_before = true;
      continue;
    }
    const std::string_view t = line_text(doc.text, line);
    const std::string_view word = first_word(t);
    if (!open_preamble_clause(st, line, t, word) && !open_dispositif_clause(st, line, t, word)) {
      continue_clause(st, line);
    }
    if (st.open_is(model::ClauseKind::kSignature) && signed_line(t)) {
      // Signature complete once the name is there.
      parse_signature(st.cur.clause().text, &st.role, &st.signer);
    }
    st.prev = t;
    st.blank_before = false;
  }
  st.cur.flush(st.out);
  fill_resolution_fields(doc, st);
}

// ---------------------------------------------------------------------------------
// Paragraphs: runs of non-blank lines.

template <typename Fn>
void for_each_paragraph(const std::vector<Line>& lines, Fn&& fn) {
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank()) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < lines.size() && !lines[j].blank()) ++j;
    fn(i, j);
    i = j;
  }
}

void add_paragraph(ClauseBuilder& cur, const std::vector<Line>& lines, std::size_t i,
                   std::size_t j, model::ClauseKind kind, std::string number,
                   std::vector<model::Clause>* out) {
  cur.start(kind, lines[i], std::move(number));
  for (std::size_t k = i + 1; k < j; ++k) cur.append(lines[k]);
  cur.flush(out);
}

// ---------------------------------------------------------------------------------
// Amendments.

// The first line names a division: mostly capitals ("APRÈS L'ARTICLE 3, insérer …").
bool looks_like_target(std::string_view t) {
  std::string_view head = t.substr(0, t.find(','));
  std::size_t upper = 0, letters = 0, pos = 0;
  while (pos < head.size()) {
    std::size_t n = 0;
    char32_t cp = decode_at(head, pos, &n);
    if (internal::is_upper(cp)) {
      ++upper;
      ++letters;
    } else if (internal::is_lower(cp)) {
      ++letters;
    }
    pos += n;
  }
  if (letters >= 3 && upper * 10 >= letters * 7) return true;
  for (std::string_view w : {"Article", "Apr\xC3\xA8s", "Avant", "Titre", "Intitul\xC3\xA9"}) {
    if (starts_with_word(t, w) && t.size() < 80) return true;
  }
  return false;
}

bool is_expose_heading(std::string_view t) {
  if (t.size() > 40) return false;
  std::string f = analyzers::fold(t);
  while (!f.empty() && (f.back() == ':' || f.back() == ' ' || f.back() == '.')) f.pop_back();
  return f == "expose sommaire" || f == "expose des motifs";
}

void segment_amendment(model::Document& doc, const std::vector<Line>& lines) {
  const std::string_view text = doc.text;
  ClauseBuilder cur(text);
  bool first = true;
  bool expose = false;
  int paragraph = 0;
  for_each_paragraph(lines, [&](std::size_t i, std::size_t j) {
    const std::string_view t = line_text(text, lines[i]);
    if (first) {
      first = false;
      if (looks_like_target(t)) {
        add_paragraph(cur, lines, i, j, model::ClauseKind::kTarget, "", &doc.clauses);
        return;
      }
    }
    if (!expose && j == i + 1 && is_expose_heading(t)) {
      expose = true;
      return;
    }
    if (expose) {
      add_paragraph(cur, lines, i, j, model::ClauseKind::kExpose, "", &doc.clauses);
    } else {
      add_paragraph(cur, lines, i, j, model::ClauseKind::kDispositif, std::to_string(++paragraph),
                    &doc.clauses);
    }
  });
}

// ---------------------------------------------------------------------------------
// Bills, codes, règlements.

// "Article 1er", "ARTICLE 3 bis", "Art. L. 1114-1.", "Article 2 (nouveau)": sets *number.
bool article_heading(std::string_view t, std::string* number) {
  if (t.size() > 60) return false;
  std::size_t pos = 0;
  if (starts_with_word(t, "Article") || starts_with_word(t, "ARTICLE")) {
    pos = 7;
  } else if (t.substr(0, 4) == "Art." || t.substr(0, 4) == "ART.") {
    pos = 4;
  } else {
    return false;
  }
  std::string_view rest = internal::trim(t.substr(pos));
  if (rest.size() == t.size() - pos) return false;  // needs a space
  std::string num;
  std::size_t used = internal::parse_article_number(rest, internal::kHeadingNumber, &num);
  if (used == 0) return false;
  std::string_view tail = internal::trim(rest.substr(used));
  if (!tail.empty() && tail.front() == '(') {
    std::size_t close = tail.find(')');
    if (close == std::string_view::npos) return false;
    tail = internal::trim(tail.substr(close + 1));
  }
  if (!tail.empty() && tail.front() == '.') tail = internal::trim(tail.substr(1));
  if (!tail.empty()) return false;
  *number = std::move(num);
  return true;
}

// Inline "Art. L. 1114-1. - Le présent …" at the start of a (quoted) alinéa.
bool inline_article(std::string_view t, std::string* number) {
  if (!(t.substr(0, 4) == "Art." || starts_with_word(t, "Article"))) return false;
  std::size_t pos = t[3] == '.' ? 4 : 7;
  std::string_view rest = internal::trim(t.substr(pos));
  std::string num;
  std::size_t used = internal::parse_article_number(rest, internal::kHeadingNumber, &num);
  if (used == 0) return false;
  std::string_view tail = rest.substr(used);
  if (tail.substr(0, 1) == ".") tail = tail.substr(1);
  tail = internal::trim(tail);
  if (!(tail.substr(0, 1) == "-" || tail.substr(0, 3) == "\xE2\x80\x93" ||
        tail.substr(0, 3) == "\xE2\x80\x94")) {
    return false;
  }
  *number = std::move(num);
  return true;
}

// "TITRE PREMIER …", "CHAPITRE II …", "Section 1", "Livre II", "Chapitre préliminaire".
bool division_heading(std::string_view t) {
  if (t.size() > 250 || last_byte(t) == ';') return false;
  static constexpr std::string_view kWords[] = {
      "TITRE", "Titre", "CHAPITRE", "Chapitre", "SECTION", "Section", "Sous-section",
      "SOUS-SECTION", "LIVRE", "Livre", "PARTIE", "Partie", "Paragraphe", "PARAGRAPHE"};
  for (std::string_view w : kWords) {
    if (!starts_with_word(t, w)) continue;
    std::string_view rest = internal::trim(t.substr(w.size()));
    if (rest.empty()) return true;
    if (rest.size() == t.size() - w.size()) return false;
    // Next token: a number, a roman numeral, "PREMIER", "Ier", "préliminaire", "unique".
    std::size_t e = 0;
    while (e < rest.size() && rest[e] != ' ' && rest[e] != '.' && rest[e] != ',' &&
           static_cast<unsigned char>(rest[e]) != 0xC2) {
      ++e;
    }
    std::string_view tok = rest.substr(0, e);
    if (tok.empty()) return false;
    if (tok[0] >= '0' && tok[0] <= '9') return true;
    bool roman = true;
    for (char c : tok) {
      if (std::string_view("IVXLC").find(c) == std::string_view::npos) roman = false;
    }
    if (roman) return true;
    for (std::string_view ok : {"PREMIER", "premier", "Premier", "Ier", "IER", "unique", "UNIQUE",
                                "pr\xC3\xA9liminaire", "PR\xC3\x89LIMINAIRE", "Ier."}) {
      if (tok == ok) return true;
    }
    if (tok.size() > 2 && tok.substr(tok.size() - 2) == "er") {
      bool r = true;
      for (char c : tok.substr(0, tok.size() - 2)) {
        if (std::string_view("IVXLC").find(c) == std::string_view::npos) r = false;
      }
      if (r) return true;
    }
    return false;
  }
  return false;
}

void segment_legal(model::Document& doc, const std::vector<Line>& lines) {
  const std::string_view text = doc.text;
  ClauseBuilder cur(text);
  std::vector<model::Clause>& out = doc.clauses;
  std::string outer;  // from "Article N" heading lines
  std::string inner;  // from an inline "Art. L. 1114-1. -" inside a quotation
  bool seen_structure = false;  // an article or division heading was seen
  bool first_paragraph = true;
  bool after_division = false;  // the previous block was a division heading
  std::size_t para_start = 0;   // index of the first line of the open paragraph
  bool open = false;

  auto flush = [&](std::size_t end_index) {
    if (!open) return;
    open = false;
    const std::string_view first = line_text(text, lines[para_start]);
    const bool quoted = starts_with_quote(first);
    std::string number;
    model::ClauseKind kind = model::ClauseKind::kAlinea;
    if (quoted) {
      std::string n;
      if (inline_article(strip_open_quote(first), &n)) inner = std::move(n);
    } else {
      inner.clear();
    }
    number = (quoted && !inner.empty()) ? inner : outer;
    if (!seen_structure && number.empty()) {
      kind = first_paragraph ? model::ClauseKind::kHeading : model::ClauseKind::kParagraph;
    }
    // The title line of a division ("Chapitre IV" / "Dispositions relatives …").
    const std::string_view last = line_text(text, lines[end_index - 1]);
    if (after_division && end_index == para_start + 1 && first.size() < 200 &&
        !(ends_clause_punct(last) || last_byte(last) == '!' || last_byte(last) == '?')) {
      kind = model::ClauseKind::kHeading;
      number.clear();
    }
    after_division = false;
    first_paragraph = false;
    add_paragraph(cur, lines, para_start, end_index, kind, std::move(number), &out);
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank()) {
      flush(i);
      continue;
    }
    const std::string_view t = line_text(text, line);
    const std::string_view unquoted = strip_open_quote(t);
    std::string number;
    if (article_heading(unquoted, &number)) {
      flush(i);
      if (unquoted.size() == t.size()) {
        outer = std::move(number);
        inner.clear();
      } else {
        inner = std::move(number);
      }
      after_division = false;
      seen_structure = true;
      first_paragraph = false;
      continue;
    }
    if (division_heading(unquoted)) {
      flush(i);
      cur.start(model::ClauseKind::kHeading, line);
      cur.flush(&out);
      if (unquoted.size() != t.size()) inner.clear();
      after_division = true;
      seen_structure = true;
      first_paragraph = false;
      continue;
    }
    if (!open) {
      open = true;
      para_start = i;
      continue;
    }
  }
  flush(lines.size());
}

// One clause per paragraph.
void segment_paragraphs(model::Document& doc, const std::vector<Line>& lines) {
  ClauseBuilder cur(doc.text);
  for_each_paragraph(lines, [&](std::size_t i, std::size_t j) {
    add_paragraph(cur, lines, i, j, model::ClauseKind::kParagraph, "", &doc.clauses);
  });
}

// ---------------------------------------------------------------------------------
// Choosing the kind of text.

enum class TextKind { kResolution, kAmendment, kLegal, kDebate, kOther };

bool type_is(std::string_view folded_type, std::string_view what) {
  return folded_type.find(what) != std::string_view::npos;
}

TextKind classify(const model::Document& doc, const std::vector<Line>& lines) {
  const std::string type = analyzers::fold(doc.type);
  const std::string_view text = doc.text;
  if (type_is(type, "amendement")) return TextKind::kAmendment;
  if (type_is(type, "compte_rendu") || type_is(type, "compte rendu") || type_is(type, "debat")) {
    return TextKind::kDebate;
  }
  if (type.empty() && internal::looks_like_debate(text)) return TextKind::kDebate;

  int seen = 0;
  bool first_vu = false, preamble = false, expose = false, first_target = false;
  int openers = 0, articles = 0;
  for (const Line& line : lines) {
    if (line.blank()) continue;
    const std::string_view t = line_text(text, line);
    const std::string_view word = first_word(t);
    if (seen < 5 && !preamble_institution(t).empty()) preamble = true;
    if (seen == 0) {
      first_vu = word == "Vu";
      first_target = looks_like_target(t) && t.size() < 120;
    }
    if (word == "Vu" || word == "Consid\xC3\xA9rant") ++openers;
    std::string number;
    if (article_heading(strip_open_quote(t), &number) && !starts_with_quote(t)) ++articles;
    if (!expose && is_expose_heading(t) && t.size() < 40 &&
        analyzers::fold(t).rfind("expose sommaire", 0) == 0) {
      expose = true;
    }
    ++seen;
  }
  if (first_target && expose) return TextKind::kAmendment;
  if (preamble || first_vu) return TextKind::kResolution;
  if (type_is(type, "resolution") && openers > 0) return TextKind::kResolution;
  if (type_is(type, "texte_legislatif") || type_is(type, "article_de_code") ||
      type_is(type, "reglement") || type_is(type, "loi") || type_is(type, "code") ||
      articles > 0) {
    return TextKind::kLegal;
  }
  if (openers >= 2) return TextKind::kResolution;
  return TextKind::kOther;
}

}  // namespace

void segment(model::Document& doc) {
  doc.clauses.clear();
  const std::vector<Line> lines = split_lines(doc.text);
  switch (classify(doc, lines)) {
    case TextKind::kResolution:
      segment_resolution(doc, lines);
      break;
    case TextKind::kAmendment:
      segment_amendment(doc, lines);
      break;
    case TextKind::kLegal:
      segment_legal(doc, lines);
      break;
    case TextKind::kDebate:
      if (!internal::segment_debate(doc)) segment_paragraphs(doc, lines);
      break;
    case TextKind::kOther:
      segment_paragraphs(doc, lines);
      break;
  }
  std::string last_code;  // "du même code" may refer to an earlier clause
  for (model::Clause& clause : doc.clauses) {
    std::vector<Reference> refs;
    internal::find_references(clause.text, &last_code, &refs);
    for (const Reference& r : refs) {
      for (const std::string& v : r.values) internal::add_unique(clause.cites, v);
      for (const std::string& v : r.details) internal::add_unique(clause.reference_details, v);
    }
    extract_places(clause.text, &clause.territories, &clause.countries);
    for (const std::string& v : clause.cites) internal::add_unique(doc.cites, v);
    for (const std::string& v : clause.territories) internal::add_unique(doc.territories, v);
    for (const std::string& v : clause.countries) internal::add_unique(doc.countries, v);
  }
}

}  // namespace hemicycle::corpus
