#include "url.h"

#include <algorithm>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/model/french.h"

namespace hemicycle::server {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

const std::string* Target::get(std::string_view name) const {
  const std::string* found = nullptr;
  for (const auto& [k, v] : params) {
    if (k == name) found = &v;
  }
  return found;
}

std::vector<std::string> Target::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : params) {
    if (k == name) out.push_back(v);
  }
  return out;
}

bool percent_decode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

std::string parse_target(std::string_view target, Target* out) {
  if (target.empty() || target.front() != '/') return "la cible de la requête doit être un chemin";
  auto q = target.find('?');
  std::string_view path = target.substr(0, q);
  if (auto hash = path.find('#'); hash != std::string_view::npos) path = path.substr(0, hash);
  if (!percent_decode(path, false, &out->path)) return "encodage %XX mal formé dans le chemin";
  out->params.clear();
  if (q == std::string_view::npos) return {};
  std::string_view query = target.substr(q + 1);
  if (auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      std::string key, value;
      if (!percent_decode(pair.substr(0, eq), true, &key) ||
          (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), true, &value))) {
        return "encodage %XX mal formé dans le paramètre " +
               model::french::quoted(analyzers::sanitize_utf8(
                   std::string(pair.substr(0, std::min<std::size_t>(pair.size(), 60)))));
      }
      out->params.emplace_back(std::move(key), std::move(value));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

}  // namespace hemicycle::server
