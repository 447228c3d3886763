#pragma once

// Starts the real hemicycle-serve on a free loopback port, and talks HTTP/1.1 to it over
// plain sockets (so that tests control keep-alive, pipelining and slow clients).

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support.h"

namespace hemicycle::testing {

inline const std::string kServeBinary = std::string(HEMICYCLE_BINARY_DIR) + "/server/hemicycle-serve";

// A running hemicycle-serve; SIGTERMed and reaped on destruction.
class ServerProcess {
 public:
  // Starts the server with these extra arguments; waits for its "listening on" line.
  // Throws if it exits first (stderr goes to log_path()). `max_files`: its RLIMIT_NOFILE
  // (0: inherited).
  ServerProcess(const std::vector<std::string>& args, const std::filesystem::path& log,
                rlim_t max_files = 0)
      : log_(log) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork");
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      int err = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (err >= 0) dup2(err, STDERR_FILENO);
      close(out[0]);
      if (max_files > 0) {
        const rlimit limit{max_files, max_files};
        setrlimit(RLIMIT_NOFILE, &limit);
        // Under UBSan (tools/sanitize.sh), the vptr check probes memory through a pipe();
        // out of descriptors the probe fails and every check reports an "invalid vptr".
        // Those reports are the sanitizer's own, so they must not stop this process.
        const char* ubsan = getenv("UBSAN_OPTIONS");
        const std::string options = std::string(ubsan ? ubsan : "") + ":halt_on_error=0";
        setenv("UBSAN_OPTIONS", options.c_str(), 1);
      }
      std::vector<std::string> argv_s = {kServeBinary, "--host", "127.0.0.1", "--port", "0"};
      argv_s.insert(argv_s.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(kServeBinary.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    auto colon = line.rfind(':');
    if (line.rfind("listening on http://", 0) != 0 || colon == std::string::npos) {
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = -1;
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      throw std::runtime_error("hemicycle-serve did not start: " + read_file(log));
    }
    port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string log() const { return read_file(log_); }

  // Sends a signal and waits (up to `timeout`) for the exit; returns the exit status, or -1
  // if it did not exit in time or died of a signal.
  int stop(int signal, std::chrono::milliseconds timeout) {
    kill(pid_, signal);
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  int exit_status_ = -1;
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// One client connection to 127.0.0.1:port.
class Connection {
 public:
  explicit Connection(std::uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      throw std::runtime_error("cannot connect to the server");
    }
  }
  ~Connection() {
    if (fd_ >= 0) close(fd_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Returns false if the peer has closed the connection.
  bool send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Reads one response (Content-Length framing). Throws on timeout or early close.
  HttpResponse read_response(bool head = false,
                             std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) fill(deadline);
    HttpResponse r;
    std::string head_text = buffer_.substr(0, header_end);
    buffer_.erase(0, header_end + 4);
    std::size_t line_end = head_text.find("\r\n");
    std::string status_line = head_text.substr(0, line_end);
    r.status = std::stoi(status_line.substr(9, 3));
    std::size_t pos = line_end == std::string::npos ? head_text.size() : line_end + 2;
    while (pos < head_text.size()) {
      std::size_t end = head_text.find("\r\n", pos);
      if (end == std::string::npos) end = head_text.size();
      std::string line = head_text.substr(pos, end - pos);
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        r.headers[name] = value;
      }
      pos = end + 2;
    }
    std::size_t length = head ? 0 : std::stoul(r.header("content-length").empty() ? "0" : r.header("content-length"));
    while (buffer_.size() < length) fill(deadline);
    r.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return r;
  }

  // What the server sends after the responses read so far, up to its closing the connection
  // within `timeout` (false if it does not close in time).
  bool rest_until_closed(std::chrono::milliseconds timeout, std::string* rest) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      deadline - std::chrono::steady_clock::now()).count());
      if (poll(&p, 1, std::max(left, 1)) <= 0) continue;
      char buf[4096];
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        *rest = buffer_;
        return true;
      }
      buffer_.append(buf, static_cast<std::size_t>(n));
    }
    *rest = buffer_;
    return false;
  }

  // True if the server closes the connection within `timeout` (what it sends is read).
  bool closed_within(std::chrono::milliseconds timeout) {
    std::string rest;
    return rest_until_closed(timeout, &rest);
  }

 private:
  void fill(std::chrono::steady_clock::time_point deadline) {
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0) throw std::runtime_error("timed out waiting for the server");
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, left) <= 0) throw std::runtime_error("timed out waiting for the server");
    char buf[65536];
    ssize_t n = recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) throw std::runtime_error("the server closed the connection");
    buffer_.append(buf, static_cast<std::size_t>(n));
  }

  int fd_ = -1;
  std::string buffer_;
};

inline std::string get_request(const std::string& target, const std::string& extra = "",
                               bool keep_alive = true) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra +
         (keep_alive ? "" : "Connection: close\r\n") + "\r\n";
}

// One GET on a new connection.
inline HttpResponse http_get(std::uint16_t port, const std::string& target,
                             const std::string& extra_headers = "") {
  Connection c(port);
  c.send(get_request(target, extra_headers, false));
  return c.read_response();
}

// Percent-encodes a query parameter value.
inline std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace hemicycle::testing
