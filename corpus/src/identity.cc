#include "hemicycle/corpus/identity.h"

#include "article_number.h"
#include "text_util.h"

namespace hemicycle::corpus {
namespace {

using internal::decode_at;
using internal::is_word_char;
using internal::match_folded;
using internal::skip_spaces;
using internal::Spaces;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The word starting at i is a word start (not the middle of one).
bool word_start(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  std::size_t n = 0;
  return !is_word_char(analyzers::decode_before(s, i, &n));
}

// The number after "n°": letters, digits and inner hyphens holding a digit ("CL2",
// "II-CF1", "2024-850"), or empty.
std::string sign_number(std::string_view s, std::size_t pos) {
  pos = skip_spaces(s, pos, Spaces::kReference);
  std::size_t end = pos;
  while (end < s.size() && (is_ascii_alnum(s[end]) ||
                            (s[end] == '-' && end > pos && end + 1 < s.size() &&
                             is_ascii_alnum(s[end + 1])))) {
    ++end;
  }
  std::string_view number = s.substr(pos, end - pos);
  for (char c : number) {
    if (is_digit(c)) return std::string(number);
  }
  return {};
}

// The number after "n°" or "article" at i (true), if i starts either as a word.
bool number_at(std::string_view title, std::size_t i, std::string* number) {
  if (!word_start(title, i)) return false;
  for (std::string_view sign : {"n\xC2\xB0", "n\xC2\xBA"}) {  // n°, nº
    if (title.substr(i, sign.size()) == sign) {
      *number = sign_number(title, i + sign.size());
      return !number->empty();
    }
  }
  // "(ARTICLE 3)" is an amendment's target, not its number.
  if (i > 0 && title[i - 1] == '(') return false;
  const std::size_t after = match_folded(title, i, "article");
  if (after == std::string_view::npos) return false;
  const std::size_t p = skip_spaces(title, after, Spaces::kReference);
  return p > after &&
         internal::parse_article_number(title.substr(p), internal::kReferenceNumber, number) > 0;
}

std::string title_number(std::string_view title) {
  std::string number;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (number_at(title, i, &number)) return number;
  }
  return {};
}

// "(ART. X)" or "(ARTICLE X)": X as written.
std::string title_target(std::string_view title) {
  for (std::size_t open = title.find('('); open != std::string_view::npos;
       open = title.find('(', open + 1)) {
    std::size_t after = match_folded(title, open + 1, "art.");
    if (after == std::string_view::npos) after = match_folded(title, open + 1, "article");
    if (after == std::string_view::npos) continue;
    const std::size_t p = skip_spaces(title, after, Spaces::kReference);
    std::string target;
    if (internal::parse_article_number(title.substr(p), internal::kHeadingNumber, &target) > 0) {
      return target;
    }
  }
  return {};
}

}  // namespace

Identity identify(const model::Document& doc) {
  Identity id;
  for (const auto& [key, value] : doc.extras) {
    if ((key == "numero" || key == "number") && !value.empty()) id.number = value;
  }
  if (id.number.empty()) id.number = title_number(doc.title);
  id.target = title_target(doc.title);
  return id;
}

}  // namespace hemicycle::corpus
