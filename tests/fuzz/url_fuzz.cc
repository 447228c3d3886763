// The request target parser (server/src/url.h) on any bytes: never crashes; percent_decode
// undoes percent-encoding exactly, and a parsed target encoded again parses to itself.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "url.h"

namespace hsv = hemicycle::server;

namespace {

// Every byte but the unreserved ones (and those in `keep`) as %XX.
std::string encode(const std::string& s, const char* keep = "") {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                            c == '~';
    if (unreserved || (c != 0 && std::string_view(keep).find(static_cast<char>(c)) !=
                                     std::string_view::npos)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void check_target(const std::string& bytes) {
  hsv::Target t;
  const std::string err = hsv::parse_target(bytes, &t);
  if (!err.empty()) return;
  FUZZ_CHECK(!bytes.empty() && bytes[0] == '/');
  FUZZ_CHECK(t.path.size() <= bytes.size());
  // Encoded again, the same path and parameters, in order.
  std::string again = encode(t.path, "/");
  for (std::size_t i = 0; i < t.params.size(); ++i) {
    again += (i == 0 ? "?" : "&") + encode(t.params[i].first) + "=" + encode(t.params[i].second);
  }
  hsv::Target u;
  FUZZ_CHECK(hsv::parse_target(again, &u).empty());
  FUZZ_CHECK(u.path == t.path);
  FUZZ_CHECK(u.params == t.params);
  for (const auto& [key, value] : t.params) FUZZ_CHECK(t.get(key) != nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string decoded;
  for (bool plus : {false, true}) {
    if (hsv::percent_decode(bytes, plus, &decoded)) FUZZ_CHECK(decoded.size() <= bytes.size());
    std::string round;
    FUZZ_CHECK(hsv::percent_decode(encode(bytes), plus, &round));
    FUZZ_CHECK(round == bytes);
  }
  check_target(bytes);
  check_target("/" + bytes);
  return 0;
}
