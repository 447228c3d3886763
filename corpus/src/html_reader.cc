// read_html(): an HTML page into a Document. libxml2's HTML parser (tolerant HTML 4, every
// entity decoded) builds the tree; the page's bytes are decoded to UTF-8 here first, from
// the charset the page declares (ISO-8859-1 read as windows-1252, as browsers do), else
// UTF-8 when the bytes are valid UTF-8, else windows-1252. html_text.cc walks the tree.

#include <iconv.h>
#include <libxml/HTMLparser.h>

#include <cctype>
#include <cerrno>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "civility.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/analyzers/unicode.h"
#include "hemicycle/corpus/reader.h"
#include "html_text.h"
#include "text_util.h"

namespace hemicycle::corpus {
namespace {

using internal::PageLayout;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The charset a page declares (<meta charset>, <meta http-equiv … content="…; charset=…">),
// lowercase, or "" when it declares none. Only the first 64 KB are read, as browsers do
// (they read 1 KB; the Assemblée's pages declare it on their third line).
std::string declared_charset(std::string_view bytes) {
  const std::string head = lower_ascii(bytes.substr(0, 1 << 16));
  std::size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    pos += 7;
    std::size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                                 head[end] == '-' || head[end] == '_' || head[end] == ':' ||
                                 head[end] == '.')) {
      ++end;
    }
    if (end > i) return head.substr(i, end - i);
  }
  return "";
}

bool is_latin1_name(const std::string& cs) {
  return cs == "iso-8859-1" || cs == "iso8859-1" || cs == "latin1" || cs == "l1" ||
         cs == "us-ascii" || cs == "ascii" || cs == "windows-1252" || cs == "cp1252" ||
         cs == "iso_8859-1" || cs == "x-cp1252";
}

// windows-1252 bytes as UTF-8; its five undefined bytes stay C1 controls (clean_text()
// drops them).
std::string from_windows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // C1 bytes are mapped by clean_text() after parsing, with the &#128;–&#159; references.
      analyzers::append_utf8(c, out);
    }
  }
  return out;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Other declared charsets through iconv; false if iconv does not know it.
bool from_charset(std::string_view bytes, const std::string& charset, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, IconvCloser> guard(cd);
  std::string in(bytes);
  char* src = in.data();
  std::size_t left = in.size();
  out->clear();
  char buf[1 << 14];
  while (left > 0) {
    char* dst = buf;
    std::size_t room = sizeof buf;
    const std::size_t r = iconv(cd, &src, &left, &dst, &room);
    out->append(buf, static_cast<std::size_t>(dst - buf));
    if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
      if (left == 0) break;
      out->append("\xEF\xBF\xBD");  // an invalid byte: U+FFFD, and on
      ++src;
      --left;
    }
  }
  return true;
}

// The page as UTF-8, whatever its charset.
std::string page_utf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return analyzers::sanitize_utf8(bytes.substr(3));
  std::string out;
  if ((bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") &&
      from_charset(bytes, "UTF-16", &out)) {
    return out;
  }
  const std::string cs = declared_charset(bytes);
  if (cs == "utf-8" || cs == "utf8") return analyzers::sanitize_utf8(bytes);
  if (is_latin1_name(cs)) return from_windows1252(bytes);
  if (!cs.empty() && cs != "utf-16" && from_charset(bytes, cs, &out)) return out;
  if (analyzers::is_valid_utf8(bytes)) return std::string(bytes);
  return from_windows1252(bytes);
}

// A binary file is not a page: NUL bytes in its first 8 KB (an UTF-16 page has a BOM).
bool looks_binary(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return false;
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// What the page says of itself.
struct PageMeta {
  std::string title;     // <title>
  std::string first_h1;  // the first <h1>
  std::string seance;    // h1.seance
  std::string entete;    // h2.entete
  std::vector<std::pair<std::string, std::string>> metas;  // <meta name content>, name uppercase

  std::string meta(std::string_view name) const {
    for (const auto& [n, v] : metas) {
      if (n == name) return v;
    }
    return "";
  }
};

PageMeta page_meta(xmlNode* root) {
  PageMeta m;
  for (xmlNode* n = root; n != nullptr; n = internal::next_node(n, root, false)) {
    const std::string_view name = internal::element_name(n);
    if (name == "title" && m.title.empty()) {
      m.title = internal::element_text(n);
    } else if (name == "meta") {
      std::string key = internal::attribute(n, "name");
      for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!key.empty()) {
        const std::string content = internal::clean_text(internal::attribute(n, "content"));
        m.metas.emplace_back(key, internal::normalize_spaces(internal::plain_spaces(content)));
      }
    } else if (name == "h1") {
      if (m.first_h1.empty()) m.first_h1 = internal::element_text(n);
      if (m.seance.empty() && internal::has_class(n, "seance")) m.seance = internal::element_text(n);
    } else if (name == "h2" && m.entete.empty() && internal::has_class(n, "entete")) {
      m.entete = internal::element_text(n);
    }
  }
  return m;
}

bool is_compte_rendu(const PageMeta& m) {
  const std::string folded = analyzers::fold(m.meta("TYPE_DOCUMENT"));
  return folded == "compte rendu integral" || !m.seance.empty() ||
         analyzers::fold(m.entete).find("compte rendu integral") != std::string::npos;
}

// 1 for "Première séance du …", 2 for "Deuxième", …; 0 for "Séance unique" or unknown.
int sitting_rank(std::string_view sitting) {
  static constexpr std::string_view kRanks[] = {"premiere", "deuxieme", "troisieme",
                                                "quatrieme", "cinquieme", "sixieme"};
  const std::string folded = analyzers::fold(sitting);
  for (std::size_t i = 0; i < std::size(kRanks); ++i) {
    if (folded.rfind(std::string(kRanks[i]) + " seance", 0) == 0) return static_cast<int>(i) + 1;
  }
  if (folded.rfind("seconde seance", 0) == 0) return 2;
  return 0;
}

// The first French date written in text ("1er février 2013" -> "2013-02-01"), or "".
std::string first_french_date(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9' || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')) {
      continue;
    }
    std::size_t consumed = 0;
    std::string date = internal::parse_french_date(text.substr(i), &consumed);
    if (!date.empty()) return date;
  }
  return "";
}

// "XIVe législature" -> "14"; "14ème législature" -> "14"; "" when none.
std::string legislature_number(std::string_view text) {
  const std::string folded = analyzers::fold(text);
  const std::size_t at = folded.find(" legislature");
  if (at == std::string::npos) return "";
  std::size_t b = at;
  while (b > 0 && folded[b - 1] != ' ' && folded[b - 1] != '\n') --b;
  std::string word = folded.substr(b, at - b);  // "xive", "14eme", "14e"
  if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0]))) {
    std::size_t e = 0;
    while (e < word.size() && std::isdigit(static_cast<unsigned char>(word[e]))) ++e;
    return word.substr(0, e);
  }
  int value = 0;
  int last = 0;
  for (auto it = word.rbegin(); it != word.rend(); ++it) {
    const char c = *it;
    const int v = c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : c == 'l' ? 50 : c == 'c' ? 100 : -1;
    if (v < 0) {
      if (value == 0) continue;  // the suffix "e", "eme"
      return "";
    }
    value += v < last ? -v : v;
    last = std::max(last, v);
  }
  return value > 0 ? std::to_string(value) : "";
}

// "Présidence de M. Claude Bartolone" -> "Claude Bartolone"; "" when it names no one.
std::string presiding_name(std::string_view heading) {
  std::string text;
  for (std::size_t i = 0; i < heading.size(); ++i) {
    if (heading.substr(i, 2) == "\xC2\xA0") {
      text += ' ';
      ++i;
    } else {
      text += heading[i];
    }
  }
  text = internal::normalize_spaces(text);
  const std::string folded = analyzers::fold(text);
  if (folded.rfind("presidence de ", 0) != 0) return "";
  std::size_t pos = text.find(" de ") + 4;
  pos += internal::civility_at(text, pos);
  return std::string(internal::trim(std::string_view(text).substr(pos)));
}

void fill_compte_rendu(const PageMeta& m, model::Document* doc) {
  doc->type = "compte_rendu";
  doc->institution = "Assemblée nationale";
  doc->sitting = !m.seance.empty() ? m.seance : m.meta("QUANTIEME_SEANCE");
  doc->title = doc->sitting.empty() ? m.title : doc->sitting;
  doc->date = first_french_date(doc->sitting);
  doc->sitting_of_day = sitting_rank(doc->sitting);
  std::string leg = m.meta("LEGISLATURE_ID");
  const bool digits = !leg.empty() && leg.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) leg = legislature_number(m.entete);
  if (leg.empty()) leg = legislature_number(m.meta("LEGISLATURE_SESSION"));
  doc->legislature = leg;
  for (const model::Block& b : doc->blocks) {
    if (b.kind != model::Block::Kind::kPresidency) continue;
    const std::string name =
        presiding_name(std::string_view(doc->text).substr(b.begin, b.end - b.begin));
    if (!name.empty()) internal::add_unique(doc->presiding, name);
  }
}

std::string file_stem(const std::string& name) {
  return std::filesystem::path(name).stem().string();
}

}  // namespace

bool read_html(std::string_view bytes, const std::string& name, model::Document* doc,
               std::string* error) {
  static const bool initialized = (xmlInitParser(), true);
  (void)initialized;
  *doc = model::Document{};
  if (looks_binary(bytes)) {
    *error = "fichier binaire, pas une page HTML\u00a0: ignoré";
    return false;
  }
  const std::string utf8 = page_utf8(bytes);
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC |
                      HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> tree(htmlReadMemory(
      utf8.data(), static_cast<int>(std::min<std::size_t>(utf8.size(), 1u << 30)),
      nullptr, "UTF-8", options));
  xmlNode* root = tree ? xmlDocGetRootElement(tree.get()) : nullptr;
  if (root != nullptr) {
    const PageMeta meta = page_meta(root);
    const bool compte_rendu = is_compte_rendu(meta);
    internal::page_text(root, compte_rendu ? PageLayout::kCompteRendu : PageLayout::kGeneric, doc);
    if (compte_rendu) {
      fill_compte_rendu(meta, doc);
    } else {
      doc->title = !meta.title.empty() ? meta.title : meta.first_h1;
    }
  }
  if (internal::trim(doc->text).empty()) {
    *doc = model::Document{};
    *error = "fichier vide\u00a0: ignoré";
    return false;
  }
  doc->id = file_stem(name);
  doc->origin = name;
  return true;
}

}  // namespace hemicycle::corpus
