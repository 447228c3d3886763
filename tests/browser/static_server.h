#pragma once

// A tiny static HTTP server on a free 127.0.0.1 port, in a thread of the test: serves the
// files of one folder ("/" is index.html), replacing a placeholder in the text files (the
// example portal's "http://127.0.0.1:8080" becomes the real server's URL). One request per
// connection, GET and HEAD only. Stands for another web site (another origin).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support.h"

namespace hemicycle::testing {

class StaticServer {
 public:
  StaticServer(std::filesystem::path root, std::string placeholder, std::string replacement)
      : root_(std::move(root)),
        placeholder_(std::move(placeholder)),
        replacement_(std::move(replacement)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket");
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 64) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      ::close(fd_);
      throw std::runtime_error("static server: cannot listen");
    }
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~StaticServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  StaticServer(const StaticServer&) = delete;
  StaticServer& operator=(const StaticServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // What the placeholder becomes from now on.
  void set_replacement(std::string replacement) {
    std::lock_guard<std::mutex> lock(mutex_);
    replacement_ = std::move(replacement);
  }

  // The request targets served so far.
  std::vector<std::string> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

 private:
  void run() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) continue;
      serve(client);
      ::close(client);
    }
  }

  void serve(int client) {
    std::string request;
    char buf[4096];
    while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
      pollfd p{client, POLLIN, 0};
      if (::poll(&p, 1, 2000) <= 0) return;
      ssize_t n = ::recv(client, buf, sizeof buf, 0);
      if (n <= 0) return;
      request.append(buf, static_cast<std::size_t>(n));
    }
    auto sp1 = request.find(' ');
    auto sp2 = request.find(' ', sp1 + 1);
    if (sp1 == std::string::npos || sp2 == std::string::npos) return;
    std::string method = request.substr(0, sp1);
    std::string target = request.substr(sp1 + 1, sp2 - sp1 - 1);
    std::string replacement;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back(target);
      replacement = replacement_;
    }
    std::string path = target.substr(0, target.find_first_of("?#"));
    if (path == "/" || path.empty()) path = "/index.html";
    int status = 200;
    std::string body, type = "text/plain; charset=utf-8";
    auto file = (root_ / path.substr(1)).lexically_normal();
    bool inside = file.string().rfind(root_.lexically_normal().string(), 0) == 0 &&
                  path.find("..") == std::string::npos;
    if ((method != "GET" && method != "HEAD")) {
      status = 405;
      body = "method not allowed\n";
    } else if (!inside || !std::filesystem::is_regular_file(file)) {
      status = 404;
      body = "not found\n";
    } else {
      body = read_file(file);
      auto ext = file.extension().string();
      if (ext == ".html") type = "text/html; charset=utf-8";
      else if (ext == ".css") type = "text/css; charset=utf-8";
      else if (ext == ".js") type = "text/javascript; charset=utf-8";
      else if (ext == ".png") type = "image/png";
      else if (ext == ".svg") type = "image/svg+xml";
      if (type.find("charset") != std::string::npos && !placeholder_.empty()) {
        for (auto at = body.find(placeholder_); at != std::string::npos;
             at = body.find(placeholder_, at + replacement.size())) {
          body.replace(at, placeholder_.size(), replacement);
        }
      }
    }
    std::string reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Method Not Allowed";
    std::string response = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                           "\r\nContent-Type: " + type + "\r\nContent-Length: " +
                           std::to_string(body.size()) +
                           "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if (method != "HEAD") response += body;
    std::size_t sent = 0;
    while (sent < response.size()) {
      ssize_t n = ::send(client, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  std::filesystem::path root_;
  std::string placeholder_, replacement_;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
};

}  // namespace hemicycle::testing
