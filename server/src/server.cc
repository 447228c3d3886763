// hemicycle-serve's network side, after Beast's http_server_async and advanced_server
// examples: a Listener accepting connections, a Session per connection (one strand each),
// the API itself in router.cc.

#include "hemicycle/server/server.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <cstdio>
#include <iostream>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "errors.h"
#include "framing.h"
#include "hemicycle/model/french.h"
#include "router.h"
#include "searcher_slot.h"
#include "services.h"

namespace hemicycle::server {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace fr = model::french;
using tcp = net::ip::tcp;

struct ParseErrorText {
  http::error error;
  const char* text;
};

// What was wrong with a request Beast could not parse, in French (Beast's own messages are
// English).
constexpr ParseErrorText kParseErrors[] = {
    {http::error::partial_message, "requête incomplète"},
    {http::error::bad_line_ending, "fin de ligne incorrecte"},
    {http::error::bad_method, "méthode mal formée"},
    {http::error::bad_target, "cible mal formée"},
    {http::error::bad_version, "version HTTP inconnue"},
    {http::error::bad_field, "nom d’en-tête mal formé"},
    {http::error::bad_value, "valeur d’en-tête mal formée"},
    {http::error::bad_content_length, "Content-Length mal formé"},
    {http::error::bad_transfer_encoding, "Transfer-Encoding mal formé"},
    {http::error::bad_chunk, "morceau «\u00a0chunked\u00a0» mal formé"},
    {http::error::bad_chunk_extension, "extension de morceau mal formée"},
    {http::error::bad_obs_fold, "en-tête replié sur plusieurs lignes"},
};

// "requête mal formée : version HTTP inconnue"; only "requête mal formée" for an error
// without a text of its own.
std::string malformed(beast::error_code ec) {
  for (const auto& e : kParseErrors) {
    if (ec == e.error) return std::string("requête mal formée\u00a0: ") + e.text;
  }
  return "requête mal formée";
}

// Why the server cannot listen, in French: the socket errors first (the model's table of
// errno values is about files), then any other errno.
std::string listen_error(const beast::error_code& ec) {
  if (ec == net::error::address_in_use) {
    return "adresse déjà utilisée (un autre serveur sur ce port\u00a0?)";
  }
  if (ec == boost::system::errc::address_not_available) return "adresse absente de cette machine";
  return fr::system_error(ec.value());
}

class Session;

// What every connection shares. Held by shared_ptr: sessions keep it alive, even those
// destroyed with the io_context after a shutdown that timed out.
class Server {
 public:
  Server(const ServerOptions& options, unsigned threads)
      : options_(options), searchers_(options_, threads) {}

  const ServerOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }
  SearcherPool& searchers() { return searchers_; }
  bool stopping() const { return stopping_.load(); }

  void track(const std::shared_ptr<Session>& s) {
    std::lock_guard<std::mutex> lock(mu_);
    ++active_;
    if (sessions_.size() > 64 && sessions_.size() > 2 * active_) {
      std::erase_if(sessions_, [](const auto& w) { return w.expired(); });
    }
    sessions_.push_back(s);
  }
  // Counts a new connection in; false when --max-connections are already being served.
  bool admit() {
    std::lock_guard<std::mutex> lock(mu_);
    if (admitted_ >= options_.max_connections) return false;
    ++admitted_;
    return true;
  }
  void session_ended(bool admitted) {
    std::function<void()> drained;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (admitted) --admitted_;
      if (--active_ == 0 && stopping_) drained = on_drained_;
    }
    if (drained) drained();
  }
  // Stops taking work: `stop_idle` is called for each live connection (idle ones close,
  // busy ones close after their answer), `on_drained` once none is left.
  template <typename StopIdle>
  void begin_shutdown(StopIdle stop_idle, std::function<void()> on_drained) {
    std::vector<std::shared_ptr<Session>> live;
    bool drained_now = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      on_drained_ = on_drained;
      for (auto& w : sessions_) {
        if (auto s = w.lock()) live.push_back(std::move(s));
      }
      drained_now = active_ == 0;
    }
    for (auto& s : live) stop_idle(s);
    live.clear();
    if (drained_now) on_drained();
  }
  // After the event loop has ended: nothing is to be signalled any more.
  void detach() {
    std::lock_guard<std::mutex> lock(mu_);
    on_drained_ = nullptr;
  }

 private:
  ServerOptions options_;
  Metrics metrics_;
  SearcherPool searchers_;  // one Searcher per worker thread
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::size_t active_ = 0;    // sessions alive, refused ones included
  std::size_t admitted_ = 0;  // sessions served, at most options_.max_connections
  std::vector<std::weak_ptr<Session>> sessions_;
  std::function<void()> on_drained_;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, std::shared_ptr<Server> server, bool admitted)
      : stream_(std::move(socket)), owner_(std::move(server)), server_(*owner_),
        admitted_(admitted) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ = ep.address().to_string();
  }
  ~Session() { server_.session_ended(admitted_); }

  void run() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::do_read, shared_from_this()));
  }

  // A connection over --max-connections: a 503 without reading the request, then closed.
  void refuse() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      Response res = refusal(self->server_.options().max_connections);
      self->linger_ = true;
      self->finish("-", "-", "refused", std::move(res), std::chrono::steady_clock::now());
    });
  }

  // On the session's strand: if it is waiting for a request, close it.
  void stop_if_idle() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->reading_) self->stream_.cancel();
    });
  }

 private:
  static Response refusal(std::size_t max_connections) {
    Request req;
    req.version(11);
    req.keep_alive(false);
    Response res = error_response(
        req, http::status::service_unavailable, "too_many_connections",
        "le serveur sert déjà " + fr::count(max_connections, "connexion", "connexions") +
            ", le maximum\u00a0: réessayez dans un instant");
    res.set(http::field::retry_after, "1");
    return res;
  }

  void do_read() {
    if (server_.stopping()) return do_close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options().max_target_bytes + 8192));
    parser_->body_limit(server_.options().max_body_bytes);
    // The whole request must arrive in time: a client sending its headers slowly is cut
    // off, and it never holds a worker thread while it dawdles (the read is asynchronous).
    stream_.expires_after(server_.options().request_timeout);
    reading_ = true;
    // The header first: how its body is framed is checked before any of it is read.
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (!ec) {
      if (auto bad = framing_error(parser_->get())) {
        reading_ = false;
        return refuse_request(error_response(bad_request(), bad->status, bad->code, bad->message));
      }
      if (!parser_->is_done()) {
        return http::async_read(stream_, buffer_, *parser_,
                                beast::bind_front_handler(&Session::on_read, shared_from_this()));
      }
    }
    on_read(ec, 0);
  }

  void on_read(beast::error_code ec, std::size_t) {
    reading_ = false;
    if (ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == beast::error::timeout || ec == net::error::connection_reset) {
      return do_close();
    }
    if (ec) return refuse_request(unreadable(ec));
    const auto started = std::chrono::steady_clock::now();
    Request req = parser_->release();
    Handled handled = answer(req);
    if (server_.stopping()) handled.response.keep_alive(false);
    finish(std::string(req.method_string()), std::string(req.target()), handled.route,
           std::move(handled.response), started);
  }

  // What a request answered without being read whole is answered as.
  static Request bad_request() {
    Request bad;
    bad.version(11);
    bad.keep_alive(false);
    return bad;
  }

  // The answer to a request Beast could not read.
  Response unreadable(beast::error_code ec) const {
    const ServerOptions& o = server_.options();
    if (ec == http::error::body_limit) {
      return error_response(bad_request(), http::status::payload_too_large, "body_too_large",
                            "le corps de la requête dépasse " +
                                fr::count(o.max_body_bytes, "octet", "octets"));
    }
    if (ec == http::error::header_limit) {
      auto data = buffer_.data();
      std::string_view head(static_cast<const char*>(data.data()), data.size());
      if (head.find("\r\n") == std::string_view::npos) {
        const ClientError e = uri_too_long(o.max_target_bytes);
        return error_response(bad_request(), e.status, e.code, e.message);
      }
      return error_response(bad_request(), http::status::request_header_fields_too_large,
                            "headers_too_large",
                            "les en-têtes de la requête dépassent " +
                                fr::count(o.max_target_bytes + 8192, "octet", "octets"));
    }
    return error_response(bad_request(), http::status::bad_request, "bad_request", malformed(ec));
  }

  // Answers once, then closes (lingering: the rest of the request is never read).
  void refuse_request(Response&& res) {
    res.keep_alive(false);
    linger_ = true;
    finish("-", "-", "other", std::move(res), std::chrono::steady_clock::now());
  }

  // The request answered with a Searcher of its own for the time it takes; whatever
  // escapes handle() is a 500, never an exception through the event loop.
  Handled answer(const Request& req) {
    try {
      SearcherPool::Lease searcher = server_.searchers().lease();
      Services services{server_.options(), server_.metrics(), *searcher};
      return handle(req, services);
    } catch (...) {
      return {error_response(req, http::status::internal_server_error, "internal_error",
                             "erreur inattendue"),
              "other"};
    }
  }

  void finish(const std::string& method, const std::string& target, const std::string& route,
              Response&& res, std::chrono::steady_clock::time_point started) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    server_.metrics().record(route, res.result_int(), seconds);
    if (server_.options().access_log) {
      auto q = target.find('?');
      std::string path = target.substr(0, std::min<std::size_t>(q, 200));
      char line[512];
      std::snprintf(line, sizeof line, "%s %s %s %u %zu %.2fms\n", peer_.c_str(), method.c_str(),
                    path.c_str(), res.result_int(), res.body().size(), seconds * 1000);
      std::fputs(line, stderr);
    }
    res_ = std::move(res);
    const bool close = res_.need_eof();
    stream_.expires_after(server_.options().request_timeout);
    http::async_write(stream_, res_,
                      beast::bind_front_handler(&Session::on_write, shared_from_this(), close));
  }

  void on_write(bool close, beast::error_code ec, std::size_t) {
    if (ec) return do_close();
    if (close) return linger_ ? close_lingering() : do_close();
    do_read();  // pipelined requests already in buffer_ are answered in order
  }

  void do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  // After an answer to a request left unread: stop sending, then read and drop what the
  // client still sends (for a short while) before closing. Closing with unread bytes
  // would reset the connection, and the client could lose the answer.
  void close_lingering() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(kLinger);
    drain_.resize(16384);
    drain();
  }
  void drain() {
    stream_.async_read_some(net::buffer(drain_), [self = shared_from_this()](
                                                     beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > kMaxDrained) return self->do_close();
      self->drain();
    });
  }

  static constexpr std::chrono::milliseconds kLinger{1000};
  static constexpr std::size_t kMaxDrained = 1 << 20;

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Response res_;
  std::shared_ptr<Server> owner_;
  Server& server_;
  const bool admitted_;  // false: refused (over --max-connections)
  std::string peer_ = "-";
  bool reading_ = false;
  bool linger_ = false;  // close lingering after the answer
  std::vector<char> drain_;
  std::size_t drained_ = 0;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, const tcp::endpoint& endpoint, std::shared_ptr<Server> server)
      : ioc_(ioc), acceptor_(net::make_strand(ioc)), pause_(acceptor_.get_executor()),
        server_(std::move(server)) {
    beast::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      throw std::runtime_error("impossible d’écouter sur " + endpoint.address().to_string() +
                               ":" + std::to_string(endpoint.port()) + "\u00a0: " +
                               listen_error(ec));
    }
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

  void run() { do_accept(); }

  void stop() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      self->acceptor_.close(ec);
      self->pause_.cancel();
    });
  }

 private:
  void do_accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      // Out of file descriptors (EMFILE, ENFILE) or memory: the pending connection stays
      // in the backlog, and accepting again at once would spin at a full core. Wait a
      // little for connections to close.
      pause_.expires_after(kAcceptPause);
      pause_.async_wait([self = shared_from_this()](beast::error_code wait) {
        if (!wait) self->do_accept();
      });
      return;
    }
    if (!server_->stopping()) {
      const bool admitted = server_->admit();
      auto session = std::make_shared<Session>(std::move(socket), server_, admitted);
      server_->track(session);
      if (admitted) {
        session->run();
      } else {
        session->refuse();
      }
    }
    do_accept();
  }

  static constexpr std::chrono::milliseconds kAcceptPause{50};

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  net::steady_timer pause_;
  std::shared_ptr<Server> server_;
};

// Opens the index once before listening. A local path that does not exist stops the
// start (a mistyped --db); an index that exists but cannot be opened or read yet (corrupt,
// being written) is reported, and the server starts anyway: it answers 503 until the
// index opens.
void probe_index(const ServerOptions& options) {
  for (const auto& path : options.databases) {
    std::error_code ec;
    if (path.rfind("tcp://", 0) != 0 && !std::filesystem::exists(path, ec)) {
      throw std::runtime_error("l’index " + path + " n’existe pas");
    }
  }
  try {
    searcher::Searcher probe(options.databases);
  } catch (...) {
    const Failure failure = classify(std::current_exception());
    std::cerr << "hemicycle-serve\u00a0: l’index ne peut pas être lu pour l’instant ("
              << failure.message << ")\u00a0; réponses 503 jusqu’à ce qu’il s’ouvre\n";
  }
}

// A worker's event loop: an exception that escapes a handler is reported, and the loop
// goes on (never std::terminate).
void run_loop(net::io_context& ioc) {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      std::cerr << "hemicycle-serve\u00a0: erreur inattendue\u00a0: " << e.what() << "\n";
    } catch (...) {
      std::cerr << "hemicycle-serve\u00a0: erreur inattendue\n";
    }
  }
}

}  // namespace

void run(const ServerOptions& options) {
  if (options.databases.empty()) throw std::runtime_error("aucun index donné (--db DOSSIER)");
  probe_index(options);
  beast::error_code ec;
  auto address = net::ip::make_address(options.host, ec);
  if (ec) {
    throw std::runtime_error("--host " + fr::quoted(options.host) +
                             "\u00a0: une adresse IP est attendue (127.0.0.1, ::1, 0.0.0.0…)");
  }

  const unsigned threads = std::max(1u, options.threads);
  net::io_context ioc{static_cast<int>(threads)};
  auto server = std::make_shared<Server>(options, threads);
  auto listener = std::make_shared<Listener>(ioc, tcp::endpoint{address, options.port}, server);
  listener->run();

  // SIGTERM/SIGINT: stop accepting, let the requests in flight finish (for at most
  // shutdown_grace), then return.
  net::steady_timer grace(ioc);
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code sec, int signal) {
    if (sec) return;
    std::cerr << "hemicycle-serve\u00a0: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
              << " reçu\u00a0: fin des requêtes en cours\n";
    listener->stop();
    grace.expires_after(options.shutdown_grace);
    grace.async_wait([&ioc](beast::error_code gec) {
      if (gec) return;  // cancelled: every connection closed in time
      std::cerr << "hemicycle-serve\u00a0: des requêtes tournent encore au bout du délai de "
                   "grâce\u00a0: arrêt\n";
      ioc.stop();
    });
    server->begin_shutdown([](const std::shared_ptr<Session>& s) { s->stop_if_idle(); },
                           [&ioc, &grace] { net::post(ioc, [&grace] { grace.cancel(); }); });
  });

  std::string shown_host = address.is_v6() ? "[" + options.host + "]" : options.host;
  std::printf("listening on http://%s:%u\n", shown_host.c_str(), listener->port());
  std::fflush(stdout);

  // Each worker opens its index handles (and reads the facet table), all at once, before
  // any takes a request, so that no client waits for it.
  std::latch opened(threads);
  auto work = [&ioc, &server, &opened](unsigned i) {
    try {
      server->searchers().slot(i).get();
    } catch (...) {
      // Reported by the first request that needs the index (503).
    }
    opened.arrive_and_wait();
    run_loop(ioc);
  };
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (unsigned i = 1; i < threads; ++i) workers.emplace_back(work, i);
  work(0);
  for (auto& t : workers) t.join();
  server->detach();
}

}  // namespace hemicycle::server
