// handle() on any request built from the fuzz bytes (method, target, headers, body), over a
// small index of tests/data/corpus built once, or over no index. It never throws and never
// answers 500; every answer has a content type, says nosniff, and an error is JSON.
//   byte 0: the method (low 3 bits), no index (bit 7); then the target up to '\n', header
//   lines "Name: value" up to an empty line, and the body.

#include <rapidjson/document.h>
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_check.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/reader.h"
#include "hemicycle/indexer/indexer.h"
#include "router.h"

namespace hsv = hemicycle::server;
namespace http = hsv::http;

namespace {

// The index of tests/data/corpus/good, in a folder of its own, removed at exit.
struct FuzzIndex {
  std::filesystem::path dir;
  FuzzIndex() {
    char tmpl[] = "/tmp/hemicycle-router-fuzz-XXXXXX";
    FUZZ_CHECK(mkdtemp(tmpl) != nullptr);
    dir = tmpl;
    hemicycle::indexer::Indexer ix((dir / "db").string());
    hemicycle::corpus::read_path(
        HEMICYCLE_FUZZ_CORPUS, [&](hemicycle::model::Document&& d) { ix.add(d); },
        [](hemicycle::model::Warning&&) {});
    ix.commit();
  }
  ~FuzzIndex() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

// The services of one worker over `db`.
struct Worker {
  hsv::ServerOptions options;
  hsv::Metrics metrics;
  hsv::SearcherSlot slot{options};
  hsv::Services services{options, metrics, slot};
  explicit Worker(const std::string& db) {
    options.databases = {db};
    options.cors_origins = {"https://portail.example"};
    options.search_time_limit_seconds = 0.2;
  }
};

bool is_tchar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// The request a parser could have handed over: header names are tokens, values hold no
// CR, LF or NUL and are trimmed.
hsv::Request make_request(std::uint8_t first, std::string_view rest) {
  static constexpr http::verb kVerbs[] = {http::verb::get,    http::verb::head,
                                          http::verb::options, http::verb::post,
                                          http::verb::get,    http::verb::delete_,
                                          http::verb::get,    http::verb::unknown};
  const auto line = [&rest] {
    const auto nl = rest.find('\n');
    std::string_view out = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    return out;
  };
  hsv::Request req;
  const http::verb verb = kVerbs[first & 7];
  if (verb == http::verb::unknown) req.method_string("BREW");
  else req.method(verb);
  req.version(11);
  std::string_view target = line();
  req.target(std::string(target));
  for (std::string_view h = line(); !h.empty(); h = line()) {
    const auto colon = h.find(':');
    std::string_view name = h.substr(0, colon), value;
    if (colon != std::string_view::npos) value = h.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (name.empty()) continue;
    bool ok = true;
    for (char c : name) ok = ok && is_tchar(c);
    for (char c : value) ok = ok && c != '\r' && c != '\0';
    if (ok) {
      req.insert(boost::beast::string_view(name.data(), name.size()),
                 boost::beast::string_view(value.data(), value.size()));
    }
  }
  req.body() = std::string(rest);
  return req;
}

void check(const hsv::Request& req, const hsv::Handled& h) {
  const hsv::Response& res = h.response;
  const unsigned status = res.result_int();
  FUZZ_CHECK(status >= 200 && status < 600);
  FUZZ_CHECK(status != 500);
  FUZZ_CHECK(!h.route.empty());
  FUZZ_CHECK(res["X-Content-Type-Options"] == "nosniff");
  FUZZ_CHECK(status == 204 || !res[http::field::content_type].empty());
  if (req.method() == http::verb::head) FUZZ_CHECK(res.body().empty());
  FUZZ_CHECK(hemicycle::analyzers::is_valid_utf8(res.body()) ||
             !res[http::field::content_type].starts_with("application/json"));
  if (status >= 400 && req.method() != http::verb::head) {
    rapidjson::Document d;
    d.Parse(res.body().c_str(), res.body().size());
    FUZZ_CHECK(!d.HasParseError() && d.IsObject() && d.HasMember("error"));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static FuzzIndex index;
  static Worker indexed((index.dir / "db").string());
  static Worker missing((index.dir / "none").string());
  if (size < 1) return 0;
  const hsv::Request req =
      make_request(data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  Worker& worker = (data[0] & 0x80) ? missing : indexed;
  try {
    check(req, hsv::handle(req, worker.services));
  } catch (...) {
    FUZZ_CHECK(!"handle() threw");
  }
  return 0;
}
