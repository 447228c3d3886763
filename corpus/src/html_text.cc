#include "html_text.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <cstring>
#include <utility>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/analyzers/unicode.h"

namespace hemicycle::corpus::internal {
namespace {

using model::Block;
using model::Span;

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// windows-1252's characters for the C1 controls U+0080–U+009F (0 where it has none).
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// NFC through ICU; code points below U+0300 are all NFC already (the fast path).
void to_nfc(std::string& text) {
  bool plain = true;
  for (unsigned char c : text) plain = plain && c < 0xCC;
  if (plain) return;
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return;
  std::u16string in(text.size(), u'\0');
  int32_t in_len = 0;
  u_strFromUTF8(reinterpret_cast<UChar*>(in.data()), static_cast<int32_t>(in.size()), &in_len,
                text.data(), static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  if (unorm2_quickCheck(nfc, reinterpret_cast<const UChar*>(in.data()), in_len, &status) ==
          UNORM_YES || U_FAILURE(status)) {
    return;
  }
  std::u16string out(static_cast<std::size_t>(in_len) * 3 + 16, u'\0');
  const int32_t out_len =
      unorm2_normalize(nfc, reinterpret_cast<const UChar*>(in.data()), in_len,
                       reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &status);
  if (U_FAILURE(status)) return;
  std::string utf8(static_cast<std::size_t>(out_len) * 3 + 4, '\0');
  int32_t utf8_len = 0;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &utf8_len,
              reinterpret_cast<const UChar*>(out.data()), out_len, &status);
  if (U_FAILURE(status)) return;
  utf8.resize(static_cast<std::size_t>(utf8_len));
  text = std::move(utf8);
}

// One paragraph at a time: spaces collapsed, the leading bold run and the italic runs
// followed, each paragraph flushed into the document as text and a Block.
class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(model::Document* doc) : doc_(doc) {}

  struct Attrs {
    Block::Kind kind = Block::Kind::kParagraph;
    int level = 0;
    std::string css_class;
  };

  void open_block(Attrs attrs) {
    flush();
    stack_.push_back(std::move(current_));
    current_ = std::move(attrs);
  }
  void close_block() {
    flush();
    if (!stack_.empty()) {
      current_ = std::move(stack_.back());
      stack_.pop_back();
    }
  }

  void add_text(std::string_view text, bool bold) {
    for (char c : text) {
      if (is_ascii_space(c)) {
        if (!para_.empty() && para_.back() != '\n') {
          if (!pending_space_) pending_bold_ = bold;
          pending_space_ = true;
        }
        continue;
      }
      add_char(c, bold);
    }
  }

  void line_break() {
    pending_space_ = false;
    if (!para_.empty() && para_.back() != '\n') para_ += '\n';
  }

  std::size_t size() const { return para_.size(); }
  void add_italic(std::size_t begin) { italic_.push_back(Span{begin, para_.size()}); }
  // The bold run just closed: punctuation right after it (". ", ", ") belongs to the lead.
  void bold_closed() { after_bold_ = !lead_closed_ && lead_end_ == para_.size() && lead_end_ > 0; }

  void flush();

 private:
  void add_char(char c, bool bold) {
    if (pending_space_) {
      if (pending_bold_ && !lead_closed_ && lead_end_ == para_.size()) lead_end_ = para_.size() + 1;
      para_ += ' ';
      pending_space_ = false;
      after_bold_ = false;
    }
    para_ += c;
    if (lead_closed_) return;
    // From the end of the lead, its own trailing space included ("<b>M. A </b>et <b>…").
    std::size_t from = lead_end_;
    while (from > 0 && para_[from - 1] == ' ') --from;
    const std::string_view gap = std::string_view(para_).substr(from, para_.size() - 1 - from);
    if (bold) {
      // Bold again after " et " or ", ": two speakers, one lead ("<b>M. A</b> et <b>M. B.</b>").
      if (para_.size() - 1 == lead_end_ || is_joiner(gap)) {
        lead_end_ = para_.size();
      } else {
        lead_closed_ = true;
      }
      return;
    }
    if (after_bold_ && lead_end_ + 1 == para_.size() && (c == '.' || c == ',' || c == ':')) {
      lead_end_ = para_.size();
      after_bold_ = false;
      return;
    }
    after_bold_ = false;
    // Text that is not bold ends the lead, unless it may still be a joiner.
    const std::string_view since = std::string_view(para_).substr(from);
    const bool joining = lead_end_ > 0 && (std::string_view(" et ").rfind(since, 0) == 0 ||
                                           std::string_view(", ").rfind(since, 0) == 0);
    if (!joining) lead_closed_ = true;
  }

  // What joins two bold runs of one lead: a space, " et ", ", " (two speakers at once).
  static bool is_joiner(std::string_view gap) { return gap == " " || gap == " et " || gap == ", "; }

  model::Document* doc_;
  Attrs current_;
  std::vector<Attrs> stack_;
  std::string para_;
  bool pending_space_ = false;
  bool pending_bold_ = false;
  std::size_t lead_end_ = 0;
  bool lead_closed_ = false;
  bool after_bold_ = false;
  std::vector<Span> italic_;
};

// Spaces at the ends of a paragraph: ASCII spaces, line breaks and U+00A0.
std::size_t space_len_at(std::string_view s, std::size_t pos) {
  if (pos < s.size() && is_ascii_space(s[pos])) return 1;
  if (s.substr(pos, 2) == "\xC2\xA0") return 2;
  return 0;
}
std::size_t space_len_before(std::string_view s, std::size_t pos) {
  if (pos >= 1 && is_ascii_space(s[pos - 1])) return 1;
  if (pos >= 2 && s.substr(pos - 2, 2) == "\xC2\xA0") return 2;
  return 0;
}
void trim_span(std::string_view s, std::size_t* b, std::size_t* e) {
  while (*b < *e) {
    const std::size_t n = space_len_at(s, *b);
    if (n == 0) break;
    *b += n;
  }
  while (*e > *b) {
    const std::size_t n = space_len_before(s, *e);
    if (n == 0) break;
    *e -= n;
  }
}

void ParagraphBuilder::flush() {
  std::size_t b = 0;
  std::size_t e = para_.size();
  trim_span(para_, &b, &e);
  if (b < e) {
    std::string& text = doc_->text;
    if (!text.empty()) text += "\n\n";
    const std::size_t at = text.size();
    text.append(para_, b, e - b);
    Block block;
    block.kind = current_.kind;
    block.level = current_.level;
    block.css_class = current_.css_class;
    block.begin = at;
    block.end = text.size();
    if (lead_end_ > b && current_.kind == Block::Kind::kParagraph) block.lead_end = at + std::min(lead_end_, e) - b;
    for (Span s : italic_) {
      std::size_t sb = std::max(s.begin, b);
      std::size_t se = std::min(s.end, e);
      if (sb >= se) continue;
      trim_span(para_, &sb, &se);
      if (sb >= se) continue;
      if (!block.italic.empty() && block.italic.back().end >= at + sb - b) {
        block.italic.back().end = std::max(block.italic.back().end, at + se - b);
      } else {
        block.italic.push_back(Span{at + sb - b, at + se - b});
      }
    }
    doc_->blocks.push_back(std::move(block));
  }
  para_.clear();
  italic_.clear();
  pending_space_ = false;
  lead_end_ = 0;
  lead_closed_ = false;
  after_bold_ = false;
}

bool is_block_element(std::string_view n) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",     "li",      "ul",     "ol",      "dl",     "dt",         "dd",
      "td",      "th",      "tr",      "table",  "caption", "blockquote", "pre",   "address",
      "center",  "section", "article", "aside",  "main",    "header", "footer",     "nav",
      "form",    "fieldset", "figure", "figcaption", "hr",  "body",   "html",       "h1",
      "h2",      "h3",      "h4",      "h5",     "h6",      "legend", "details",    "summary"};
  for (std::string_view b : kBlocks) {
    if (n == b) return true;
  }
  return false;
}

bool skipped_everywhere(std::string_view n) {
  return n == "script" || n == "style" || n == "noscript" || n == "head" || n == "template" ||
         n == "title" || n == "select" || n == "textarea" || n == "object" || n == "iframe";
}

// What of a compte rendu is not its text: the site around it, its sommaire, the headings
// that are its metadata, the numbers of its items.
bool skipped_in_compte_rendu(xmlNode* node, std::string_view n) {
  const std::string id = attribute(node, "id");
  if (id == "somjo" || id == "menu" || id == "pied" || id == "zutilite" || id == "header") {
    return true;
  }
  if (n == "nav" || n == "header" || n == "footer") return true;
  if ((n == "h2" && has_class(node, "entete")) || (n == "h1" && has_class(node, "seance")) ||
      has_class(node, "numencad")) {
    return true;
  }
  const std::string css = attribute(node, "class");
  return n == "p" && css.rfind("som", 0) == 0;
}

ParagraphBuilder::Attrs block_attrs(xmlNode* node, std::string_view n) {
  ParagraphBuilder::Attrs a;
  a.css_class = attribute(node, "class");
  for (int level = 1; level <= 3; ++level) {
    if (has_class(node, "titre" + std::to_string(level))) {
      a.kind = Block::Kind::kHeading;
      a.level = level;
      return a;
    }
  }
  if (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6') {
    if (has_class(node, "presidence")) {
      a.kind = Block::Kind::kPresidency;
      return a;
    }
    a.kind = Block::Kind::kHeading;
    a.level = n[1] - '0';
  }
  return a;
}

// The walk: enter and leave each node once, in document order.
class Walker {
 public:
  Walker(PageLayout layout, bool active, model::Document* doc)
      : layout_(layout), active_(active), out_(doc) {}

  void run(xmlNode* root) {
    xmlNode* node = root;
    while (node != nullptr) {
      if (enter(node) && node->children != nullptr) {
        node = node->children;
        continue;
      }
      while (true) {
        leave(node);
        if (node == root) return out_.close_block();
        if (node->next != nullptr) {
          node = node->next;
          break;
        }
        node = node->parent;
      }
    }
  }

 private:
  struct Frame {
    xmlNode* node;
    bool block = false;
    bool bold = false;
    bool italic = false;
    std::size_t italic_begin = 0;
  };

  bool enter(xmlNode* node) {
    if (node->type == XML_COMMENT_NODE) {
      comment(node);
      return false;
    }
    if (node->type == XML_TEXT_NODE) {
      if (active_ && node->content != nullptr) {
        out_.add_text(clean_text(reinterpret_cast<const char*>(node->content)), bold_ > 0);
      }
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    return enter_element(node);
  }

  bool enter_element(xmlNode* node) {
    const std::string_view n = element_name(node);
    Frame f{node};
    if (skipped_everywhere(n) ||
        (layout_ == PageLayout::kCompteRendu && skipped_in_compte_rendu(node, n))) {
      frames_.push_back(f);
      return false;
    }
    if (n == "br") {
      if (active_) out_.line_break();
    } else if (is_block_element(n)) {
      f.block = true;
      out_.open_block(block_attrs(node, n));
    } else if (n == "b" || n == "strong") {
      f.bold = true;
      ++bold_;
    } else if (n == "i" || n == "em") {
      f.italic = true;
      f.italic_begin = out_.size();
      ++italic_;
    }
    frames_.push_back(f);
    return true;
  }

  void leave(xmlNode* node) {
    if (frames_.empty() || frames_.back().node != node) return;
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f.block) out_.close_block();
    if (f.bold && --bold_ == 0) out_.bold_closed();
    if (f.italic && --italic_ == 0 && f.italic_begin <= out_.size()) out_.add_italic(f.italic_begin);
  }

  void comment(xmlNode* node) {
    if (layout_ != PageLayout::kCompteRendu || node->content == nullptr) return;
    const char* c = reinterpret_cast<const char*>(node->content);
    if (std::strstr(c, "DEBUT_SEANCE") != nullptr) active_ = true;
    if (std::strstr(c, "FIN_SEANCE") != nullptr) {
      out_.flush();
      active_ = false;
    }
  }

  PageLayout layout_;
  bool active_;
  ParagraphBuilder out_;
  std::vector<Frame> frames_;
  int bold_ = 0;
  int italic_ = 0;
};

bool is_comment_with(xmlNode* node, const char* marker) {
  return node->type == XML_COMMENT_NODE && node->content != nullptr &&
         std::strstr(reinterpret_cast<const char*>(node->content), marker) != nullptr;
}

// The first node under root for which pred is true, or nullptr.
template <class Pred>
xmlNode* find_node(xmlNode* root, Pred pred) {
  for (xmlNode* n = root; n != nullptr; n = next_node(n, root, false)) {
    if (pred(n)) return n;
  }
  return nullptr;
}

}  // namespace

xmlNode* next_node(xmlNode* node, xmlNode* root, bool skip_children) {
  if (!skip_children && node->children != nullptr) return node->children;
  while (node != nullptr && node != root) {
    if (node->next != nullptr) return node->next;
    node = node->parent;
  }
  return nullptr;
}

std::string attribute(xmlNode* node, const char* name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return "";
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string_view element_name(xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return "";
  return reinterpret_cast<const char*>(node->name);
}

bool has_class(xmlNode* node, std::string_view css_class) {
  const std::string classes = attribute(node, "class");
  std::size_t pos = 0;
  while (pos < classes.size()) {
    while (pos < classes.size() && is_ascii_space(classes[pos])) ++pos;
    std::size_t end = pos;
    while (end < classes.size() && !is_ascii_space(classes[end])) ++end;
    if (end > pos && std::string_view(classes).substr(pos, end - pos) == css_class) return true;
    pos = end;
  }
  return false;
}

std::string clean_text(std::string_view raw) {
  std::string valid;
  if (!analyzers::is_valid_utf8(raw)) {
    valid = analyzers::sanitize_utf8(raw);
    raw = valid;
  }
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    std::size_t len = 1;
    char32_t cp = analyzers::decode_at(raw, i, &len);
    if (len == 0) len = 1;
    if (cp >= 0x80 && cp <= 0x9F) cp = kWindows1252[cp - 0x80];
    const bool control = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r';
    if (cp != 0 && !control && cp != 0x7F) analyzers::append_utf8(cp, out);
    i += len;
  }
  to_nfc(out);
  return out;
}

std::string plain_spaces(std::string text) {
  for (std::size_t at = 0; (at = text.find("\xC2\xA0", at)) != std::string::npos;) {
    text.replace(at, 2, " ");
  }
  for (std::size_t at = 0; (at = text.find("\xE2\x80\xAF", at)) != std::string::npos;) {
    text.replace(at, 3, " ");
  }
  return text;
}

std::string element_text(xmlNode* node) {
  std::string raw;
  for (xmlNode* n = node; n != nullptr;) {
    const bool skip = n != node && skipped_everywhere(element_name(n));
    if (n->type == XML_TEXT_NODE && n->content != nullptr) {
      raw += reinterpret_cast<const char*>(n->content);
    } else if (element_name(n) == "br") {
      raw += ' ';
    }
    n = next_node(n, node, skip);
  }
  model::Document one;
  ParagraphBuilder b(&one);
  b.add_text(plain_spaces(clean_text(raw)), false);
  b.flush();
  return one.text;
}

void page_text(xmlNode* root, PageLayout layout, model::Document* doc) {
  if (root == nullptr) return;
  if (layout == PageLayout::kCompteRendu) {
    if (find_node(root, [](xmlNode* n) { return is_comment_with(n, "DEBUT_SEANCE"); })) {
      Walker(layout, false, doc).run(root);
      return;
    }
    if (xmlNode* main = find_node(root, [](xmlNode* n) { return attribute(n, "id") == "englobe"; })) {
      Walker(layout, true, doc).run(main);
      return;
    }
  }
  xmlNode* body = find_node(root, [](xmlNode* n) { return element_name(n) == "body"; });
  Walker(layout, true, doc).run(body != nullptr ? body : root);
}

}  // namespace hemicycle::corpus::internal
