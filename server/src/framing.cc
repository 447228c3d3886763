#include "framing.h"

#include <string_view>
#include <vector>

#include <boost/beast/core/string.hpp>

namespace hemicycle::server {
namespace {

bool is_tchar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_chunked(std::string_view coding) {
  return boost::beast::iequals({coding.data(), coding.size()}, "chunked");
}

// The codings of a Transfer-Encoding value, in order; false if one is not a token.
bool codings(std::string_view value, std::vector<std::string_view>* out) {
  while (true) {
    const auto comma = value.find(',');
    std::string_view coding = trim(value.substr(0, comma));
    if (coding.empty()) return false;
    for (char c : coding) {
      if (!is_tchar(c)) return false;
    }
    out->push_back(coding);
    if (comma == std::string_view::npos) return true;
    value.remove_prefix(comma + 1);
  }
}

ClientError ambiguous(const std::string& why) {
  return {http::status::bad_request, "bad_transfer_encoding",
          why + "\u00a0: la longueur du corps est ambiguë, la requête est refusée"};
}

}  // namespace

std::optional<ClientError> framing_error(const http::request_header<>& header) {
  const auto [first, last] = header.equal_range(http::field::transfer_encoding);
  if (first == last) return std::nullopt;
  if (std::next(first) != last) return ambiguous("plusieurs en-têtes Transfer-Encoding");
  if (header.count(http::field::content_length) > 0) {
    return ambiguous("Transfer-Encoding et Content-Length ensemble");
  }
  const std::string_view value(first->value().data(), first->value().size());
  std::vector<std::string_view> list;
  if (!codings(value, &list)) return ambiguous("Transfer-Encoding mal formé");
  for (std::size_t i = 0; i + 1 < list.size(); ++i) {
    if (is_chunked(list[i])) return ambiguous("«\u00a0chunked\u00a0» ailleurs qu’en dernier");
  }
  if (!is_chunked(list.back())) {
    return ambiguous("Transfer-Encoding sans «\u00a0chunked\u00a0» final");
  }
  if (list.size() > 1) {
    return ClientError{http::status::not_implemented, "unsupported_transfer_encoding",
                       "seul le codage de transfert «\u00a0chunked\u00a0» est pris en charge"};
  }
  return std::nullopt;
}

}  // namespace hemicycle::server
