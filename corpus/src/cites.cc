// Extraction of normalised legal references (extract.h: extract_cites).
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
#include "hemicycle/corpus/extract.h"
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
                          std::vector<std::string>* out) {
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

// Skips qualifiers between an article number and its source: ", alinéa 4,", ", premier
// alinéa,", ", paragraphe 2,", ", 3°,".
std::size_t skip_qualifiers(std::string_view text, std::size_t pos) {
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
      } else if ((a = match_folded(text, p, "alinea")) != kNone ||
                 (a = match_folded(text, p, "alineas")) != kNone ||
                 (a = match_folded(text, p, "paragraphe")) != kNone) {
        std::size_t q = skip_spaces(text, a);
        std::size_t r = q;
        while (r < text.size() && is_digit(text[r])) ++r;
        e = r > q ? r : a;
      } else if (is_digit(word[0]) && text.substr(w, 2) == "\xC2\xB0") {
        e = w + 2;
      }
    }
    if (e == kNone) return pos;
    pos = e;
  }
  return pos;
}

// Known codes, folded; the longest match wins.
constexpr std::string_view kCodes[] = {
    "code civil",
    "code penal",
    "code de procedure civile",
    "code de procedure penale",
    "code de commerce",
    "code du travail",
    "code du travail applicable a mayotte",
    "code de la securite sociale",
    "code general des impots",
    "code general des collectivites territoriales",
    "code de l'education",
    "code de la sante publique",
    "code de l'environnement",
    "code de l'urbanisme",
    "code de la construction et de l'habitation",
    "code rural et de la peche maritime",
    "code rural",
    "code forestier",
    "code electoral",
    "code monetaire et financier",
    "code des assurances",
    "code de la consommation",
    "code de la route",
    "code des transports",
    "code de l'energie",
    "code de la defense",
    "code de la securite interieure",
    "code de l'entree et du sejour des etrangers et du droit d'asile",
    "code de justice administrative",
    "code des relations entre le public et l'administration",
    "code de la propriete intellectuelle",
    "code du patrimoine",
    "code du sport",
    "code du tourisme",
    "code des postes et des communications electroniques",
    "code de l'action sociale et des familles",
    "code general de la fonction publique",
    "code general de la propriete des personnes publiques",
    "code de la commande publique",
    "code des juridictions financieres",
    "code de l'organisation judiciaire",
    "code des douanes",
    "code minier",
    "code de la mutualite",
    "code de l'artisanat",
    "code de l'expropriation pour cause d'utilite publique",
    "code de la voirie routiere",
    "code du cinema et de l'image animee",
    "code de l'aviation civile",
    "code des pensions civiles et militaires de retraite",
    "code des pensions militaires d'invalidite et des victimes de guerre",
    "code de justice militaire",
    "code du domaine de l'etat",
    "code des communes",
    "code de la recherche",
    "code des procedures civiles d'execution",
    "code de la justice penale des mineurs",
    "code penitentiaire",
    "code du service national",
    "code des ports maritimes",
    "code de la famille et de l'aide sociale",
    "code de l'action sociale",
    "code de l'industrie cinematographique",
    "code general des impots, annexe",
    "code de la legion d'honneur",
    "code de la nationalite francaise",
    "code des impositions sur les biens et services",
    "code des pensions de retraite des marins",
    "code de l'organisation judiciaire",
};

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
  std::string window = analyzers::fold(text.substr(pos, end - pos));
  // Straight apostrophes.
  std::string w;
  w.reserve(window.size());
  for (std::size_t i = 0; i < window.size(); ++i) {
    if (window.compare(i, 3, "\xE2\x80\x99") == 0) {
      w.push_back('\'');
      i += 2;
    } else {
      w.push_back(window[i]);
    }
  }
  std::string_view best;
  for (std::string_view code : kCodes) {
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

// article(s) … <source>: appends cites; returns the end position or kNone.
std::size_t parse_article(std::string_view text, std::size_t pos, std::string* last_code,
                          std::vector<std::string>* out) {
  std::size_t p = skip_spaces(text, pos);
  if (p == pos) return kNone;
  std::vector<std::string> numbers;
  std::string num;
  std::size_t e = parse_article_number(text, p, &num);
  if (e == kNone) return kNone;
  // Range "198 à 204".
  {
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
  }
  numbers.push_back(num);
  while (true) {
    std::size_t next = list_continuation(text, e);
    if (next == kNone) break;
    std::string more;
    std::size_t r = parse_article_number(text, next, &more);
    if (r == kNone) break;
    numbers.push_back(more);
    e = r;
  }
  std::size_t p2 = skip_qualifiers(text, e);
  p2 = skip_spaces(text, p2);
  if (p2 < text.size() && text[p2] == ',') p2 = skip_spaces(text, p2 + 1);

  std::string source;
  std::size_t end = kNone;
  if ((end = match_folded(text, p2, "de la constitution")) != kNone) {
    source = "constitution";
  } else if ((end = match_folded(text, p2,
                                 "du traite sur le fonctionnement de l'union europeenne")) !=
                 kNone ||
             (end = match_folded(text, p2, "du tfue")) != kNone ||
             (end = match_folded(text, p2, "du traite fue")) != kNone) {
    source = "tfue";
  } else if ((end = match_folded(text, p2, "du traite sur l'union europeenne")) != kNone ||
             (end = match_folded(text, p2, "du tue")) != kNone) {
    source = "tue";
  } else if ((end = match_folded(text, p2, "du reglement de l'assemblee nationale")) != kNone) {
    source = "reglement-an";
  } else if ((end = match_folded(text, p2, "du reglement du senat")) != kNone) {
    source = "reglement-senat";
  } else if ((end = match_folded(text, p2, "du meme code")) != kNone ||
             (end = match_folded(text, p2, "dudit code")) != kNone ||
             (end = match_folded(text, p2, "du code precite")) != kNone ||
             (end = match_folded(text, p2, "du code susvise")) != kNone) {
    source = *last_code;
  } else if ((end = match_folded(text, p2, "du code")) != kNone) {
    std::size_t code_pos = p2 + 3;
    code_pos = skip_spaces(text, code_pos);
    source = code_name(text, code_pos);
    if (!source.empty()) *last_code = source;
  }
  if (source.empty()) return e;
  for (const std::string& n : numbers) internal::add_unique(*out, source + " art. " + n);
  return end;
}

// loi / ordonnance / décret [n°] 2024-850.
std::size_t parse_numbered_act(std::string_view text, std::size_t pos, const std::string& kind,
                               std::vector<std::string>* out) {
  std::size_t p = skip_numero(text, pos);
  p = skip_spaces(text, p);
  std::string number;
  std::size_t e = parse_dash_number(text, p, &number);
  if (e == kNone) return kNone;
  internal::add_unique(*out, kind + " " + number);
  return e;
}

}  // namespace

namespace internal {

void extract_cites(std::string_view text, std::vector<std::string>* out,
                   std::string* last_code_ptr) {
  std::string& last_code = *last_code_ptr;
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
      std::size_t e = kNone;
      std::size_t next = kNone;
      switch (f) {
        case 'l':
          if ((e = match_folded(text, pos, "loi organique")) != kNone ||
              (e = match_folded(text, pos, "lois organiques")) != kNone) {
            next = parse_numbered_act(text, e, "loi-organique", out);
          } else if ((e = match_folded(text, pos, "loi")) != kNone) {
            next = parse_numbered_act(text, e, "loi", out);
          }
          break;
        case 'o':
          if ((e = match_folded(text, pos, "ordonnance")) != kNone) {
            next = parse_numbered_act(text, e, "ordonnance", out);
          }
          break;
        case 'd':
          if ((e = match_folded(text, pos, "decret")) != kNone) {
            next = parse_numbered_act(text, e, "decret", out);
          } else if ((e = match_folded(text, pos, "directive")) != kNone ||
                     (e = match_folded(text, pos, "directives")) != kNone) {
            next = parse_eu_list(text, e, "directive", out);
          }
          break;
        case 'r':
          if ((e = match_folded(text, pos, "reglement")) != kNone ||
              (e = match_folded(text, pos, "reglements")) != kNone) {
            next = parse_eu_list(text, e, "reglement", out);
          }
          break;
        case 'a':
          if ((e = match_folded(text, pos, "article")) != kNone ||
              (e = match_folded(text, pos, "articles")) != kNone ||
              (e = match_folded(text, pos, "art.")) != kNone) {
            next = parse_article(text, e, &last_code, out);
          }
          break;
        default:
          break;
      }
      if (next != kNone && next > pos) {
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

}  // namespace internal

void extract_cites(std::string_view text, std::vector<std::string>* out) {
  std::string last_code;
  internal::extract_cites(text, out, &last_code);
}

std::vector<std::string> extract_cites(std::string_view text) {
  std::vector<std::string> out;
  extract_cites(text, &out);
  return out;
}

}  // namespace hemicycle::corpus
