#pragma once

// A small W3C WebDriver client: starts Debian's chromedriver on a free loopback port, opens a
// headless Chromium session and sends it commands as JSON over HTTP/1.1 (one connection per
// command, Content-Length framing). Everything stays on 127.0.0.1.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "support.h"

namespace hemicycle::testing::webdriver {

inline const char* kChromium = "/usr/bin/chromium";
inline const char* kChromedriver = "/usr/bin/chromedriver";

// Both Debian packages are there (tools/test.sh installs them).
inline bool browser_available() {
  return ::access(kChromium, X_OK) == 0 && ::access(kChromedriver, X_OK) == 0;
}

// ---------------------------------------------------------------------------------------------
// Loopback HTTP

// A port that was free a moment ago (bound to 127.0.0.1:0, then released).
inline std::uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot find a free port");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
};

// One request on a new connection to 127.0.0.1:port ("Connection: close"); the body is read
// by Content-Length, or to the end of the stream when there is none. Throws on timeout.
inline Reply http_request(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::string& body = "",
                          std::chrono::milliseconds timeout = std::chrono::seconds(60),
                          const std::string& extra_headers = "") {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + timeout;
  auto left_ms = [&] {
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count());
  };
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
  }
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                        std::to_string(port) + "\r\nConnection: close\r\n" + extra_headers;
  if (method == "POST" || !body.empty()) {
    request += "Content-Type: application/json; charset=utf-8\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed to 127.0.0.1:" + std::to_string(port));
    sent += static_cast<std::size_t>(n);
  }
  std::string buffer;
  bool eof = false;
  auto fill = [&] {
    int left = left_ms();
    if (left <= 0) throw std::runtime_error(method + " " + target + ": timed out");
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, left) <= 0) throw std::runtime_error(method + " " + target + ": timed out");
    char chunk[65536];
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) {
      eof = true;
      return;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
  };
  std::size_t header_end;
  while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    fill();
    if (eof) throw std::runtime_error(method + " " + target + ": connection closed early");
  }
  Reply r;
  std::string head = buffer.substr(0, header_end);
  buffer.erase(0, header_end + 4);
  std::size_t line_end = head.find("\r\n");
  if (head.size() < 12) throw std::runtime_error("bad status line: " + head);
  r.status = std::stoi(head.substr(9, 3));
  std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    std::size_t end = head.find("\r\n", pos);
    if (end == std::string::npos) end = head.size();
    std::string line = head.substr(pos, end - pos);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
      r.headers[name] = value;
    }
    pos = end + 2;
  }
  auto cl = r.headers.find("content-length");
  if (method == "HEAD" || r.status == 204 || r.status == 304) {
    // no body
  } else if (cl != r.headers.end()) {
    std::size_t length = std::stoul(cl->second);
    while (buffer.size() < length && !eof) fill();
    if (buffer.size() < length) throw std::runtime_error(method + " " + target + ": short body");
    r.body = buffer.substr(0, length);
  } else {
    while (!eof) fill();
    r.body = buffer;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// JSON

inline std::string to_json(const rapidjson::Value& v) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  v.Accept(w);
  return std::string(sb.GetString(), sb.GetSize());
}

// A JSON string literal (quotes included) of UTF-8 text.
inline std::string json_string(const std::string& s) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return std::string(sb.GetString(), sb.GetSize());
}

// Standard base64 (the screenshots), whitespace ignored.
inline std::string base64_decode(const std::string& in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    int v = value(c);
    if (v < 0) continue;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

inline bool is_png(const std::string& bytes) {
  static const std::string magic("\x89PNG\r\n\x1a\n", 8);
  return bytes.size() > magic.size() && bytes.compare(0, magic.size(), magic) == 0;
}

// ---------------------------------------------------------------------------------------------
// WebDriver

// An error answered by the driver ("no such element", "stale element reference", …).
struct Error : std::runtime_error {
  Error(std::string code, const std::string& message)
      : std::runtime_error(code + ": " + message), code(std::move(code)) {}
  std::string code;
};

inline const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";
inline const char* kShadowKey = "shadow-6066-11e4-a52e-4f735466cecf";

// Keys of the WebDriver "actions" code points.
inline const std::string kEnter = "\xEE\x80\x87";  // U+E007

// The chromedriver process (under a guard shell): its whole process group, browsers
// included, is killed on destruction, or when the test process dies.
class Chromedriver {
 public:
  explicit Chromedriver(const std::filesystem::path& log) {
    std::string last_error;
    for (int attempt = 0; attempt < 3; ++attempt) {
      port_ = free_port();
      // chromedriver runs under a guard shell that leads a process group of its own: on
      // SIGTERM (from stop(), or from the kernel when this test process dies, even killed)
      // the guard SIGKILLs the whole group, chromedriver and every browser it started.
      std::string port_arg = "--port=" + std::to_string(port_);
      std::string log_arg = "--log-path=" + log.string() + ".verbose";
      const char* guard =
          "trap 'trap - TERM; kill -KILL 0' TERM INT HUP; \"$0\" \"$@\" & wait $!";
      const char* argv[] = {"/bin/sh", "-c", guard, kChromedriver, port_arg.c_str(),
                            "--allowed-ips=127.0.0.1", log_arg.c_str(), nullptr};
      const pid_t parent = ::getpid();
      pid_ = ::fork();
      if (pid_ < 0) throw std::runtime_error("fork");
      if (pid_ == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) ::_exit(1);  // the test died before prctl
        int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (out >= 0) {
          ::dup2(out, STDOUT_FILENO);
          ::dup2(out, STDERR_FILENO);
        }
        ::execv("/bin/sh", const_cast<char* const*>(argv));
        ::_exit(127);
      }
      ::setpgid(pid_, pid_);
      if (wait_ready(std::chrono::seconds(20), &last_error)) return;
      stop();
    }
    throw std::runtime_error("chromedriver did not start: " + last_error + "\n" +
                             read_file(log));
  }
  ~Chromedriver() { stop(); }
  Chromedriver(const Chromedriver&) = delete;
  Chromedriver& operator=(const Chromedriver&) = delete;

  std::uint16_t port() const { return port_; }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);  // the guard kills its process group
    bool exited = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        exited = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // Whatever is left of the group (if the guard itself did not answer).
    ::kill(-pid_, SIGKILL);
    if (!exited) ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  bool wait_ready(std::chrono::milliseconds timeout, std::string* error) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        *error = "chromedriver exited";
        return false;
      }
      try {
        Reply r = http_request(port_, "GET", "/status", "", std::chrono::seconds(2));
        rapidjson::Document d;
        d.Parse(r.body.c_str(), r.body.size());
        if (r.status == 200 && !d.HasParseError() && d.IsObject() && d.HasMember("value") &&
            d["value"].IsObject() && d["value"].HasMember("ready") &&
            d["value"]["ready"].IsBool() && d["value"]["ready"].GetBool()) {
          return true;
        }
        *error = r.body;
      } catch (const std::exception& e) {
        *error = e.what();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

class Session;

// A reference to an element (or a shadow root) of the current page.
struct Element {
  std::string id;
  bool shadow_root = false;
};

// One browser session: headless Chromium with its own profile folder. Deleted (which closes
// the browser) on destruction.
class Session {
 public:
  Session(const Chromedriver& driver, const std::filesystem::path& profile,
          int width = 1280, int height = 900)
      : port_(driver.port()) {
    std::string args;
    for (const std::string& a : std::vector<std::string>{
             "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--disable-extensions",
          "--disable-default-apps", "--lang=fr-FR",
          "--user-data-dir=" + profile.string(),
          "--window-size=" + std::to_string(width) + "," + std::to_string(height)}) {
      if (!args.empty()) args += ",";
      args += json_string(a);
    }
    std::string body =
        "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\","
        "\"pageLoadStrategy\":\"normal\",\"goog:loggingPrefs\":{\"browser\":\"ALL\"},\"timeouts\":{\"implicit\":0,\"pageLoad\":30000,"
        "\"script\":15000},\"goog:chromeOptions\":{\"binary\":" +
        json_string(kChromium) + ",\"args\":[" + args + "]}}}}";
    rapidjson::Document d = command("POST", "/session", body, std::chrono::seconds(60));
    const auto& v = d["value"];
    if (!v.IsObject() || !v.HasMember("sessionId") || !v["sessionId"].IsString()) {
      throw std::runtime_error("no session: " + to_json(d));
    }
    id_ = v["sessionId"].GetString();
  }
  ~Session() {
    if (id_.empty()) return;
    try {
      command("DELETE", base(), "", std::chrono::seconds(20));
    } catch (...) {
      // chromedriver's process group is killed after this anyway.
    }
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Sends a command; returns the whole answer ({"value": …}). Throws Error for WebDriver
  // errors.
  rapidjson::Document command(const std::string& method, const std::string& path,
                              const std::string& body = "",
                              std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    Reply r = http_request(port_, method, path, method == "POST" && body.empty() ? "{}" : body,
                           timeout);
    rapidjson::Document d;
    d.Parse(r.body.c_str(), r.body.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("value")) {
      throw std::runtime_error(method + " " + path + ": HTTP " + std::to_string(r.status) +
                               ": " + r.body.substr(0, 2000));
    }
    const auto& v = d["value"];
    if (r.status != 200 || (v.IsObject() && v.HasMember("error") && v["error"].IsString())) {
      std::string code = v.IsObject() && v.HasMember("error") && v["error"].IsString()
                             ? v["error"].GetString()
                             : "http " + std::to_string(r.status);
      std::string message = v.IsObject() && v.HasMember("message") && v["message"].IsString()
                                ? v["message"].GetString()
                                : r.body;
      throw Error(code, method + " " + path + ": " + message.substr(0, 2000));
    }
    return d;
  }

  // --- navigation
  void navigate(const std::string& url) {
    command("POST", base() + "/url", "{\"url\":" + json_string(url) + "}");
  }
  void refresh() { command("POST", base() + "/refresh"); }
  std::string current_url() { return string_value(command("GET", base() + "/url")); }
  std::string title() { return string_value(command("GET", base() + "/title")); }
  std::string page_source() { return string_value(command("GET", base() + "/source")); }

  // --- elements (CSS selectors only)
  std::optional<Element> find(const std::string& css) {
    return find_from(base() + "/element", css);
  }
  std::vector<Element> find_all(const std::string& css) {
    return find_all_from(base() + "/elements", css);
  }
  std::optional<Element> find_in(const Element& scope, const std::string& css) {
    return find_from(scope_path(scope) + "/element", css);
  }
  std::vector<Element> find_all_in(const Element& scope, const std::string& css) {
    return find_all_from(scope_path(scope) + "/elements", css);
  }
  // The element's open shadow root, or nullopt when it has none (yet).
  std::optional<Element> shadow_root(const Element& host) {
    try {
      auto d = command("GET", base() + "/element/" + host.id + "/shadow");
      const auto& v = d["value"];
      if (v.IsObject() && v.HasMember(kShadowKey)) {
        return Element{v[kShadowKey].GetString(), true};
      }
    } catch (const Error& e) {
      if (e.code == "no such shadow root") return std::nullopt;
      throw;
    }
    return std::nullopt;
  }

  void click(const Element& e) { command("POST", base() + "/element/" + e.id + "/click"); }
  void clear(const Element& e) { command("POST", base() + "/element/" + e.id + "/clear"); }
  void send_keys(const Element& e, const std::string& text) {
    command("POST", base() + "/element/" + e.id + "/value",
            "{\"text\":" + json_string(text) + "}");
  }
  std::string text(const Element& e) {
    return string_value(command("GET", base() + "/element/" + e.id + "/text"));
  }
  // The attribute as written in the markup ("" when absent).
  std::string attribute(const Element& e, const std::string& name) {
    return string_value(command("GET", base() + "/element/" + e.id + "/attribute/" + name));
  }
  // A DOM property, as JSON text (e.g. "true", "\"abc\"").
  std::string property_json(const Element& e, const std::string& name) {
    auto d = command("GET", base() + "/element/" + e.id + "/property/" + name);
    return to_json(d["value"]);
  }
  bool selected(const Element& e) {
    auto d = command("GET", base() + "/element/" + e.id + "/selected");
    return d["value"].IsBool() && d["value"].GetBool();
  }
  bool displayed(const Element& e) {
    auto d = command("GET", base() + "/element/" + e.id + "/displayed");
    return d["value"].IsBool() && d["value"].GetBool();
  }

  // --- scripts: `args_json` is a JSON array; elements are passed as element references
  // (see element_arg). Returns the script's value.
  rapidjson::Document execute(const std::string& script, const std::string& args_json = "[]") {
    auto d = command("POST", base() + "/execute/sync",
                     "{\"script\":" + json_string(script) + ",\"args\":" + args_json + "}");
    rapidjson::Document out;
    out.CopyFrom(d["value"], out.GetAllocator());
    return out;
  }
  std::string execute_string(const std::string& script, const std::string& args_json = "[]") {
    auto v = execute(script, args_json);
    return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : to_json(v);
  }
  bool execute_bool(const std::string& script, const std::string& args_json = "[]") {
    auto v = execute(script, args_json);
    return v.IsBool() && v.GetBool();
  }
  static std::string element_arg(const Element& e) {
    return std::string("{\"") + (e.shadow_root ? kShadowKey : kElementKey) + "\":" +
           json_string(e.id) + "}";
  }

  // --- the browser console since the last call (chromedriver's extension): "LEVEL message"
  // lines, LEVEL being SEVERE, WARNING, INFO…
  std::vector<std::string> console_log() {
    std::vector<std::string> out;
    auto d = command("POST", base() + "/se/log", "{\"type\":\"browser\"}");
    const auto& v = d["value"];
    if (!v.IsArray()) return out;
    for (const auto& e : v.GetArray()) {
      if (!e.IsObject()) continue;
      std::string level = e.HasMember("level") && e["level"].IsString() ? e["level"].GetString() : "";
      std::string message =
          e.HasMember("message") && e["message"].IsString() ? e["message"].GetString() : "";
      out.push_back(level + " " + message);
    }
    return out;
  }

  // --- screenshots: PNG bytes of the viewport.
  std::string screenshot() {
    return base64_decode(string_value(command("GET", base() + "/screenshot")));
  }
  // Writes a screenshot; returns its bytes.
  std::string save_screenshot(const std::filesystem::path& file) {
    std::string png = screenshot();
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary).write(png.data(), static_cast<std::streamsize>(png.size()));
    return png;
  }

  const std::string& id() const { return id_; }

 private:
  std::string base() const { return "/session/" + id_; }
  std::string scope_path(const Element& scope) const {
    return base() + (scope.shadow_root ? "/shadow/" : "/element/") + scope.id;
  }
  static std::string locator(const std::string& css) {
    return "{\"using\":\"css selector\",\"value\":" + json_string(css) + "}";
  }
  static std::string string_value(const rapidjson::Document& d) {
    const auto& v = d["value"];
    if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
    if (v.IsNull()) return "";
    return to_json(v);
  }
  static std::optional<std::string> element_id(const rapidjson::Value& v) {
    if (v.IsObject() && v.HasMember(kElementKey) && v[kElementKey].IsString()) {
      return std::string(v[kElementKey].GetString());
    }
    return std::nullopt;
  }
  std::optional<Element> find_from(const std::string& path, const std::string& css) {
    try {
      auto d = command("POST", path, locator(css));
      if (auto id = element_id(d["value"])) return Element{*id, false};
      return std::nullopt;
    } catch (const Error& e) {
      if (e.code == "no such element") return std::nullopt;
      throw;
    }
  }
  std::vector<Element> find_all_from(const std::string& path, const std::string& css) {
    std::vector<Element> out;
    auto d = command("POST", path, locator(css));
    const auto& v = d["value"];
    if (!v.IsArray()) return out;
    for (const auto& item : v.GetArray()) {
      if (auto id = element_id(item)) out.push_back(Element{*id, false});
    }
    return out;
  }

  std::uint16_t port_;
  std::string id_;
};

// Polls `condition` every 50 ms until it is true or `timeout` has passed; returns its last
// value. WebDriver errors raised while the page changes (stale elements, a navigation in
// progress, a script running before the page's own) count as "not yet".
inline bool wait_until(const std::function<bool()>& condition,
                       std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    try {
      if (condition()) return true;
    } catch (const Error& e) {
      if (e.code != "stale element reference" && e.code != "no such element" &&
          e.code != "javascript error" && e.code != "no such shadow root" &&
          e.code != "detached shadow root" && e.code != "element not interactable") {
        throw;
      }
    }
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace hemicycle::testing::webdriver
