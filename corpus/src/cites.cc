// Extraction of normalised legal references (references.h: find_references, extract_cites).
//
// One hand-written pass: at each word start whose first letter can open a trigger word
// (loi, ordonnance, décret, règlement, directive, article, art.), the trigger is matched
// accent- and case-insensitively and the reference after it is parsed. No regex.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/references.h"
#include "article_number.h"
#include "cites.h"
#include "text_util.h"

namespace hemicycle::corpus {
namespace {

using internal::decode_at;
using internal::match_folded;
using internal::is_word_char;

constexpr std::size_t kNone = std::string_view::npos;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Spaces between the words of a reference may include a line break.
std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  return internal::skip_spaces(text, pos, internal::Spaces::kReference);
}

bool word_char_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  std::size_t n = 0;
  return is_word_char(decode_at(text, pos, &n));
}

// "n°", "N°", "nº", "n o" (followed by spaces) at pos: returns the position after it.
std::size_t skip_numero(std::string_view text, std::size_t pos) {
  std::size_t p = skip_spaces(text, pos);
  if (p < text.size() && (text[p] == 'n' || text[p] == 'N')) {
    std::string_view rest = text.substr(p + 1);
    if (rest.substr(0, 2) == "\xC2\xB0" || rest.substr(0, 2) == "\xC2\xBA") {
      return skip_spaces(text, p + 3);
    }
  }
  return pos;
}

// Two digit groups joined by sep: up to 4 digits, then up to max_second. Returns the end
// position or kNone; sets *out.
std::size_t parse_two_groups(std::string_view text, std::size_t pos, char sep,
                             std::size_t max_second, std::string* out) {
  std::size_t p = pos;
  while (p < text.size() && is_digit(text[p]) && p - pos < 5) ++p;
  if (p == pos || p >= text.size() || text[p] != sep) return kNone;
  std::size_t q = p + 1;
  while (q < text.size() && is_digit(text[q]) && q - p <= max_second) ++q;
  if (q == p + 1) return kNone;
  out->assign(text.substr(pos, q - pos));
  return q;
}

// "2024-850": digits '-' digits, not followed by a word character.
std::size_t parse_dash_number(std::string_view text, std::size_t pos, std::string* out) {
  std::string number;
  const std::size_t q = parse_two_groups(text, pos, '-', 6, &number);
  if (q == kNone || word_char_at(text, q)) return kNone;
  *out = std::move(number);
  return q;
}

// "2024/1689": digits '/' digits.
std::size_t parse_slash_number(std::string_view text, std::size_t pos, std::string* out) {
  return parse_two_groups(text, pos, '/', 5, out);
}

// "(UE)", "(CE)", "(UE, Euratom)": sets *org to "ue", "ce", "ue-euratom".
std::size_t parse_org(std::string_view text, std::size_t pos, std::string* org) {
  if (pos >= text.size() || text[pos] != '(') return kNone;
  std::size_t close = text.find(')', pos);
  if (close == kNone || close - pos > 24) return kNone;
  std::string out;
  for (std::size_t i = pos + 1; i < close; ++i) {
    const char c = text[i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
    } else if (c == ',' || c == ' ') {
      if (!out.empty() && out.back() != '-') out.push_back('-');
    } else {
      return kNone;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) return kNone;
  *org = std::move(out);
  return close + 1;
}

// One item of a règlement/directive list: "(UE) n° 167/2013", "(UE) 2016/797",
// "2014/90/UE" (the last only when allow_suffix_form).
std::size_t parse_eu_item(std::string_view text, std::size_t pos, bool allow_suffix_form,
                          std::string* org, std::string* number) {
  std::size_t p = parse_org(text, pos, org);
  if (p != kNone) {
    p = skip_numero(text, p);
    p = skip_spaces(text, p);
    return parse_slash_number(text, p, number);
  }
  if (!allow_suffix_form) return kNone;
  p = parse_slash_number(text, pos, number);
  if (p == kNone || p >= text.size() || text[p] != '/') return kNone;
  std::size_t q = p + 1;
  std::string o;
  while (q < text.size() && ((text[q] >= 'A' && text[q] <= 'Z') || (text[q] >= 'a' && text[q] <= 'z'))) {
    o.push_back(static_cast<char>((text[q] >= 'A' && text[q] <= 'Z') ? text[q] + 32 : text[q]));
    ++q;
  }
  if (o.empty() || word_char_at(text, q)) return kNone;
  *org = std::move(o);
  return q;
}

// After an item: ", " or " et " before the next item; returns its position or kNone.
std::size_t list_continuation(std::string_view text, std::size_t pos) {
  std::size_t p = skip_spaces(text, pos);
  if (p < text.size() && text[p] == ',') return skip_spaces(text, p + 1);
  std::size_t e = match_folded(text, p, "et");
  if (e != kNone && e > p) {
    std::size_t q = skip_spaces(text, e);
    if (q > e) return q;
  }
  return kNone;
}

// règlement(s) / directive(s) followed by EU items.
std::size_t parse_eu_list(std::string_view text, std::size_t pos, std::string_view kind,
                          Reference* ref) {
  std::vector<std::string>* out = &ref->values;
  const bool directive = kind == "directive";
  std::size_t p = skip_spaces(text, pos);
  std::string org, number;
  std::size_t e = parse_eu_item(text, p, directive, &org, &number);
  if (e == kNone) return kNone;
  while (true) {
    internal::add_unique(*out, std::string(kind) + "-" + org + " " + number);
    std::size_t next = list_continuation(text, e);
    if (next == kNone) break;
    std::size_t e2 = parse_eu_item(text, next, directive, &org, &number);
    if (e2 == kNone) break;
    e = e2;
  }
  return e;
}

// An article number: "88-4", "L. 312-9", "L.O. 1", "1er", "premier", "3 bis".
std::size_t parse_article_number(std::string_view text, std::size_t pos, std::string* out) {
  const std::size_t used =
      internal::parse_article_number(text.substr(pos), internal::kReferenceNumber, out);
  return used == 0 ? kNone : pos + used;
}

// "premier" -> 1 … "dixième" -> 10 (folded word), 0 for anything else.
int ordinal(std::string_view raw) {
  static constexpr std::string_view kOrdinals[] = {
      "premier", "deuxieme", "troisieme", "quatrieme", "cinquieme",
      "sixieme", "septieme", "huitieme",  "neuvieme",  "dixieme"};
  const std::string word = analyzers::fold(raw);
  if (word == "second") return 2;
  for (std::size_t i = 0; i < std::size(kOrdinals); ++i) {
    if (word == kOrdinals[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

// The number of "alinéa 3" from its digits at text[q, r), 0 when none.
int alinea_number(std::string_view text, std::size_t q, std::size_t r) {
  if (r == q || r - q > 3) return 0;
  return std::stoi(std::string(text.substr(q, r - q)));
}

// Skips qualifiers between an article number and its source: ", alinéa 4,", ", premier
// alinéa,", ", paragraphe 2,", ", 3°,". Sets *alinea to the alinéa named, if any.
std::size_t skip_qualifiers(std::string_view text, std::size_t pos, int* alinea) {
  for (int round = 0; round < 3; ++round) {
    std::size_t p = skip_spaces(text, pos);
    if (p < text.size() && text[p] == ',') p = skip_spaces(text, p + 1);
    std::size_t e = kNone;
    // "<ordinal> alinéa" / "alinéa N" / "paragraphe N" / "N°".
    std::size_t w = p;
    while (w < text.size() && word_char_at(text, w)) {
      std::size_t n = 0;
      decode_at(text, w, &n);
      w += n;
    }
    std::string_view word = text.substr(p, w - p);
    std::size_t a = kNone;
    if (!word.empty()) {
      std::size_t after = skip_spaces(text, w);
      if ((a = match_folded(text, after, "alinea")) != kNone ||
          (a = match_folded(text, after, "alineas")) != kNone) {
        e = a;  // "premier alinéa", "dernier alinéa"
        if (const int n = ordinal(word)) *alinea = n;
      } else if ((a = match_folded(text, p, "alinea")) != kNone ||
                 (a = match_folded(text, p, "alineas")) != kNone ||
                 (a = match_folded(text, p, "paragraphe")) != kNone) {
        std::size_t q = skip_spaces(text, a);
        std::size_t r = q;
        while (r < text.size() && is_digit(text[r])) ++r;
        e = r > q ? r : a;
        if (text[p] != 'p' && text[p] != 'P' && alinea_number(text, q, r) > 0) {
          *alinea = alinea_number(text, q, r);
        }
      } else if (is_digit(word[0]) && text.substr(w, 2) == "\xC2\xB0") {
        e = w + 2;
      }
    }
    if (e == kNone) return pos;
    pos = e;
  }
  return pos;
}

// Stop words that end an unknown code name.
bool ends_code_name(std::string_view w) {
  static constexpr std::string_view kStops[] = {
      "est", "sont", "a", "ont", "dans", "qui", "que", "pour", "par", "en", "au", "aux",
      "sur", "ainsi", "le", "la", "les", "ou", "et", "relatif", "relative", "relatifs",
      "relatives", "modifie", "modifiee", "susvise", "susvisee", "issu", "issue", "tel",
      "telle", "dont", "lorsque", "peut", "doit", "ne", "n", "sa", "son", "ses", "devenu",
      "devenue", "prevoit", "prevoient", "etant", "si", "s", "l", "c", "qu", "il", "elle",
      "applicable", "applicables", "precite", "precitee", "actuel", "actuelle", "en",
      "vigueur", "pour", "afin", "lors", "depuis", "avant", "apres", "selon"};
  return std::find(std::begin(kStops), std::end(kStops), w) != std::end(kStops);
}

// Name of the code whose "code" word starts at text[pos] (folded), or "".
std::string code_name(std::string_view text, std::size_t pos) {
  std::size_t end = std::min(text.size(), pos + 200);
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  const std::string w = internal::fold_key(text.substr(pos, end - pos));
  // Known codes (legal_codes()): the longest match wins.
  std::string_view best;
  for (const LegalCode& known : legal_codes()) {
    const std::string_view code = known.name;
    if (code.size() > best.size() && w.compare(0, code.size(), code) == 0 &&
        (w.size() == code.size() || !word_char_at(w, code.size()))) {
      best = code;
    }
  }
  if (!best.empty()) return std::string(best);
  // Unknown code: words up to punctuation or a stop word, at most six.
  std::string name = "code";
  std::size_t p = 4;
  if (w.compare(0, 4, "code") != 0 || word_char_at(w, 4)) return "";
  for (int words = 0; words < 6; ++words) {
    std::size_t q = p;
    while (q < w.size() && w[q] == ' ') ++q;
    if (q == p) break;
    std::size_t e = q;
    while (e < w.size() && (word_char_at(w, e) || w[e] == '\'' || w[e] == '-')) {
      std::size_t n = 0;
      decode_at(w, e, &n);
      e += n;
    }
    if (e == q) break;
    std::string_view word = std::string_view(w).substr(q, e - q);
    // "s'applique", "l'article": the elided word decides.
    const std::size_t apostrophe = word.find('\'');
    if (apostrophe != std::string_view::npos && words > 0 &&
        ends_code_name(word.substr(0, apostrophe))) {
      break;
    }
    if (ends_code_name(word) && words > 0) break;
    if (ends_code_name(word) && word != "de" && word != "du" && word != "des") break;
    name.push_back(' ');
    name.append(word);
    p = e;
  }
  // Drop a dangling "de"/"du"/"des"/"d'".
  while (true) {
    std::size_t sp = name.rfind(' ');
    if (sp == std::string::npos) break;
    std::string_view last = std::string_view(name).substr(sp + 1);
    if (last == "de" || last == "du" || last == "des" || last == "d'" || last == "l'") {
      name.resize(sp);
    } else {
      break;
    }
  }
  return name == "code" ? "" : name;
}

// The end of the `words` words from pos (space-separated, as a code's name is), less the
// punctuation after the last ("électoral,").
std::size_t after_words(std::string_view text, std::size_t pos, std::size_t words) {
  for (std::size_t w = 0; w < words; ++w) {
    if (w > 0) pos = skip_spaces(text, pos);
    while (pos < text.size() && skip_spaces(text, pos) == pos) ++pos;
  }
  while (pos > 0 && std::string_view(",;:.)").find(text[pos - 1]) != std::string_view::npos) --pos;
  return pos;
}

// "CGCT", "C. civ.", "C. élect." at pos, its first letter a capital: a code by its usual
// abbreviation (up to three words, dots dropped); returns the end and the code's name in
// *source, or kNone.
std::size_t abbreviated_code(std::string_view text, std::size_t pos, std::string* source) {
  if (pos >= text.size() || text[pos] < 'A' || text[pos] > 'Z') return kNone;
  std::string key;
  std::size_t p = pos, best = kNone;
  for (int words = 0; words < 3 && p < text.size(); ++words) {
    std::size_t e = p;
    while (e < text.size() && (word_char_at(text, e) || text[e] == '.')) {
      std::size_t n = 1;
      if (text[e] != '.') decode_at(text, e, &n);
      e += n;
    }
    if (e == p) break;
    for (char c : analyzers::fold(text.substr(p, e - p))) {
      if (c != '.') key.push_back(c);
    }
    if (const LegalCode* code = code_by_abbreviation(key)) {
      *source = std::string(code->name);
      best = e;
    }
    p = skip_spaces(text, e);
  }
  return best;
}

// The source of an article reference at p ("de la Constitution", "du code civil", "du
// même code"…): its end and its name in *source (empty: none), or kNone.
std::size_t parse_source(std::string_view text, std::size_t p, std::string* last_code,
                         std::string* source) {
  std::size_t end = kNone;
  if ((end = match_folded(text, p, "de la constitution")) != kNone) {
    *source = "constitution";
  } else if ((end = match_folded(text, p,
                                 "du traite sur le fonctionnement de l'union europeenne")) !=
                 kNone ||
             (end = match_folded(text, p, "du tfue")) != kNone ||
             (end = match_folded(text, p, "du traite fue")) != kNone) {
    *source = "tfue";
  } else if ((end = match_folded(text, p, "du traite sur l'union europeenne")) != kNone ||
             (end = match_folded(text, p, "du tue")) != kNone) {
    *source = "tue";
  } else if ((end = match_folded(text, p, "du reglement de l'assemblee nationale")) != kNone) {
    *source = "reglement-an";
  } else if ((end = match_folded(text, p, "du reglement du senat")) != kNone) {
    *source = "reglement-senat";
  } else if ((end = match_folded(text, p, "du meme code")) != kNone ||
             (end = match_folded(text, p, "dudit code")) != kNone ||
             (end = match_folded(text, p, "du code precite")) != kNone ||
             (end = match_folded(text, p, "du code susvise")) != kNone) {
    *source = *last_code;
  } else if ((end = match_folded(text, p, "du code")) != kNone) {
    const std::size_t code = skip_spaces(text, p + 3);
    *source = code_name(text, code);
    if (source->empty()) return end;
    *last_code = *source;
    end = after_words(text, code, static_cast<std::size_t>(
                                      std::count(source->begin(), source->end(), ' ') + 1));
  } else if ((end = match_folded(text, p, "const.")) != kNone) {
    *source = "constitution";  // "art. 88-4 Const."
  } else {
    const std::size_t du = match_folded(text, p, "du");
    const std::size_t at = du == kNone ? p : skip_spaces(text, du);
    if ((end = abbreviated_code(text, at, source)) != kNone) *last_code = *source;
  }
  return end;
}

// The article numbers of "198 à 204", "34 et 37", "L. 1 à L. 3" at p, in *numbers; the
// end, or kNone.
std::size_t parse_article_numbers(std::string_view text, std::size_t p,
                                  std::vector<std::string>* numbers) {
  std::string num;
  std::size_t e = parse_article_number(text, p, &num);
  if (e == kNone) return kNone;
  // Range "198 à 204".
  std::size_t q = skip_spaces(text, e);
  std::size_t a = match_folded(text, q, "a");
  if (q > e && a != kNone) {
    std::string to;
    std::size_t r = parse_article_number(text, skip_spaces(text, a), &to);
    if (r != kNone && skip_spaces(text, a) > a) {
      // "198-204" for plain numbers; "L. 2523-4 à L. 2523-6" otherwise.
      const bool plain = num.find_first_not_of("0123456789") == std::string::npos &&
                         to.find_first_not_of("0123456789") == std::string::npos;
      num += (plain ? "-" : " \xC3\xA0 ") + to;
      e = r;
    }
  }
  numbers->push_back(num);
  while (true) {
    std::size_t next = list_continuation(text, e);
    if (next == kNone) break;
    std::string more;
    std::size_t r = parse_article_number(text, next, &more);
    if (r == kNone) break;
    numbers->push_back(more);
    e = r;
  }
  return e;
}

// article(s) … <source>: fills *ref; returns the end position or kNone.
std::size_t parse_article(std::string_view text, std::size_t pos, std::string* last_code,
                          Reference* ref) {
  std::size_t p = skip_spaces(text, pos);
  if (p == pos) return kNone;
  std::vector<std::string> numbers;
  const std::size_t e = parse_article_numbers(text, p, &numbers);
  if (e == kNone) return kNone;
  int alinea = 0;
  std::size_t p2 = skip_qualifiers(text, e, &alinea);
  p2 = skip_spaces(text, p2);
  if (p2 < text.size() && text[p2] == ',') p2 = skip_spaces(text, p2 + 1);
  std::string source;
  const std::size_t end = parse_source(text, p2, last_code, &source);
  // No source: nothing taken, the words after "article" are read again ("article 49.3").
  if (source.empty()) return kNone;
  // One article (not a range: "L. 1 à L. 3"): its alinéa, and 49-3 of the Constitution.
  if (Reference one = cite_article(source, numbers.front(), alinea);
      numbers.size() == 1 && !one.values.empty()) {
    ref->values = std::move(one.values);
    ref->details = std::move(one.details);
    return end;
  }
  for (const std::string& n : numbers) internal::add_unique(ref->values, source + " art. " + n);
  return end;
}

// " du 25 juillet 2024" after an act at pos: adds its dated key to *ref; the end or kNone.
std::size_t parse_act_date(std::string_view text, std::size_t pos, std::string_view kind,
                           Reference* ref) {
  const std::size_t q = skip_spaces(text, pos);
  if (q == pos) return kNone;
  const std::size_t a = match_folded(text, q, "du");
  if (a == kNone) return kNone;
  const std::size_t r = skip_spaces(text, a);
  if (r == a) return kNone;
  std::size_t used = 0;
  const std::string iso = internal::parse_french_date(text.substr(r), &used);
  if (iso.empty()) return kNone;
  internal::add_unique(ref->details, dated_reference(kind, iso));
  return r + used;
}

// loi / ordonnance / décret [n°] 2024-850 [du 25 juillet 2024], or named by its date only.
std::size_t parse_numbered_act(std::string_view text, std::size_t pos, const std::string& kind,
                               Reference* ref) {
  std::size_t p = skip_numero(text, pos);
  p = skip_spaces(text, p);
  std::string number;
  std::size_t e = parse_dash_number(text, p, &number);
  if (e != kNone) internal::add_unique(ref->values, kind + " " + number);
  const std::size_t dated = parse_act_date(text, e == kNone ? pos : e, kind, ref);
  return dated != kNone ? dated : e;
}

// "49.3", "49-3" as a word: the Constitution's article 49, alinéa 3, as politics names it
// ("le recours au 49.3"); fills *ref and returns its end, or kNone.
std::size_t parse_short_name(std::string_view text, std::size_t pos, Reference* ref) {
  const std::string_view w = text.substr(pos, 4);
  if (w != "49.3" && w != "49-3") return kNone;
  const std::size_t e = pos + 4;
  if (word_char_at(text, e) ||
      (e + 1 < text.size() && (text[e] == '.' || text[e] == '-' || text[e] == '/') &&
       is_digit(text[e + 1]))) {
    return kNone;
  }
  *ref = cite_article("constitution", w);
  return e;
}

// The reference whose trigger word starts at text[pos] (first letter folded: f), if any:
// fills *ref and returns its end, or kNone.
std::size_t parse_at(std::string_view text, std::size_t pos, char f, std::string* last_code,
                     Reference* ref) {
  std::size_t e = kNone;
  switch (f) {
    case 'l':
      if ((e = match_folded(text, pos, "loi organique")) != kNone ||
          (e = match_folded(text, pos, "lois organiques")) != kNone) {
        return parse_numbered_act(text, e, "loi-organique", ref);
      }
      if ((e = match_folded(text, pos, "loi")) != kNone) return parse_numbered_act(text, e, "loi", ref);
      break;
    case 'o':
      if ((e = match_folded(text, pos, "ordonnance")) != kNone) {
        return parse_numbered_act(text, e, "ordonnance", ref);
      }
      break;
    case 'd':
      if ((e = match_folded(text, pos, "decret")) != kNone) return parse_numbered_act(text, e, "decret", ref);
      if ((e = match_folded(text, pos, "directive")) != kNone ||
          (e = match_folded(text, pos, "directives")) != kNone) {
        return parse_eu_list(text, e, "directive", ref);
      }
      break;
    case 'r':
      if ((e = match_folded(text, pos, "reglement")) != kNone ||
          (e = match_folded(text, pos, "reglements")) != kNone) {
        return parse_eu_list(text, e, "reglement", ref);
      }
      break;
    case 'a':
      if ((e = match_folded(text, pos, "article")) != kNone ||
          (e = match_folded(text, pos, "articles")) != kNone ||
          (e = match_folded(text, pos, "art.")) != kNone) {
        return parse_article(text, e, last_code, ref);
      }
      break;
    case '4':
      return parse_short_name(text, pos, ref);
    default:
      break;
  }
  return kNone;
}

}  // namespace

namespace internal {

void find_references(std::string_view text, std::string* last_code,
                     std::vector<Reference>* out) {
  std::size_t pos = 0;
  bool prev_word = false;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    std::size_t n = 1;
    bool word = false;
    if (c < 0x80) {
      word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    } else {
      word = is_word_char(decode_at(text, pos, &n));
    }
    if (word && !prev_word) {
      const char f = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
      Reference ref;
      const std::size_t next = parse_at(text, pos, f, last_code, &ref);
      if (next != kNone && next > pos) {
        if (!ref.values.empty() || !ref.details.empty()) {
          ref.begin = pos;
          ref.end = next;
          out->push_back(std::move(ref));
        }
        pos = next;
        std::size_t m = 0;
        prev_word = is_word_char(internal::decode_before(text, pos, &m));
        continue;
      }
    }
    prev_word = word;
    pos += n;
  }
}

void extract_cites(std::string_view text, std::vector<std::string>* out,
                   std::string* last_code) {
  std::vector<Reference> refs;
  find_references(text, last_code, &refs);
  for (const Reference& r : refs) {
    for (const std::string& v : r.values) add_unique(*out, v);
  }
}

}  // namespace internal

std::vector<Reference> find_references(std::string_view text) {
  std::string last_code;
  std::vector<Reference> out;
  internal::find_references(text, &last_code, &out);
  return out;
}

void extract_cites(std::string_view text, std::vector<std::string>* out) {
  std::string last_code;
  internal::extract_cites(text, out, &last_code);
}

std::vector<std::string> extract_cites(std::string_view text) {
  std::vector<std::string> out;
  extract_cites(text, &out);
  return out;
}

std::string article_reference(std::string_view source, std::string_view number) {
  const std::string_view trimmed = internal::trim(number);
  std::string n;
  const std::size_t used =
      internal::parse_article_number(trimmed, internal::kReferenceNumber, &n);
  if (used == 0 || used < trimmed.size() || source.empty()) return "";
  return std::string(source) + " art. " + n;
}

Reference cite_article(std::string_view source, std::string_view number, int alinea) {
  Reference out;
  if (source == "constitution" && (number == "49-3" || number == "49.3")) {
    number = "49";
    alinea = 3;
  }
  std::string value = article_reference(source, number);
  if (value.empty()) return out;
  if (alinea > 0) out.details.push_back(alinea_reference(value, alinea));
  out.values.push_back(std::move(value));
  return out;
}

std::string alinea_reference(std::string_view article_reference, int alinea) {
  return std::string(article_reference) + " al. " + std::to_string(alinea);
}

std::string dated_reference(std::string_view kind, std::string_view iso_date) {
  return std::string(kind) + " du " + std::string(iso_date);
}

}  // namespace hemicycle::corpus
