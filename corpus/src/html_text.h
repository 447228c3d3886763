#pragma once

// The text of an HTML page as paragraphs (html_text.cc): libxml2's tree walked once, each
// block element one paragraph of Document::text and one model::Block. Private to
// hemicycle_corpus; read_html() (html_reader.cc) is the public entry.

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/model/document.h"

namespace hemicycle::corpus::internal {

// What of a page is text.
enum class PageLayout {
  kGeneric,     // a page: the whole <body>
  kCompteRendu  // a compte rendu of the Assemblée: its text only (no navigation, sommaire,
                // h2.entete, h1.seance, h5.numencad), between the DEBUT_SEANCE and
                // FIN_SEANCE comments when the page has them, else in div#englobe if any
};

// Appends the paragraphs of the page under `root` (the document's root element) to
// doc->text (separated by "\n\n") and their blocks to doc->blocks.
void page_text(xmlNode* root, PageLayout layout, model::Document* doc);

// The text of one element (its descendants' text), spaces collapsed and trimmed, no-break
// spaces as spaces (it is metadata: "2&nbsp;février"), comments, scripts and styles left
// out: for <title>, h1.seance, h2.entete.
std::string element_text(xmlNode* node);

// U+00A0 and U+202F as plain spaces.
std::string plain_spaces(std::string text);

// An attribute's value ("" when absent), and the element's name in lowercase ASCII
// (libxml2's HTML parser already lowercases names; "" for a node that is not an element).
std::string attribute(xmlNode* node, const char* name);
std::string_view element_name(xmlNode* node);
bool has_class(xmlNode* node, std::string_view css_class);

// The node after `node` in document order, not entering its children if skip_children;
// nullptr after the last node under `root`. Iterative walks: a page nested 100,000 levels
// deep costs no stack.
xmlNode* next_node(xmlNode* node, xmlNode* root, bool skip_children);

// A text node's bytes as text: valid UTF-8 (invalid bytes as U+FFFD), NFC, C1 controls read
// as windows-1252 (&#146; is ’, as browsers read it), other control characters but tab and
// line breaks dropped.
std::string clean_text(std::string_view raw);

}  // namespace hemicycle::corpus::internal
