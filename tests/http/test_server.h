#ifndef ORGIAM_TESTS_HTTP_TEST_SERVER_H_
#define ORGIAM_TESTS_HTTP_TEST_SERVER_H_

// A scriptable HTTP/1.1 server on 127.0.0.1 with plain POSIX sockets, for the
// behaviours the sandbox cannot produce on demand: an exact Retry-After, a
// connection closed after the request was read, a server that never answers,
// oversized bodies and headers, garbage.

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "http/client.h"

namespace orgiam::http::testing {

struct ReceivedRequest {
  std::string method;
  std::string target;                          // path and query as sent
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
  int connection = 0;  // 1-based number of the TCP connection it arrived on
  std::chrono::steady_clock::time_point received_at;
};

struct Action {
  enum class Kind {
    kRespond,  // a normal response
    kClose,    // close the connection without answering (the request was read)
    kHang,     // never answer; wait until the client goes away or the server stops
    kRaw,      // write `raw` verbatim, then close
  };
  Kind kind = Kind::kRespond;
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string raw;
  std::chrono::milliseconds delay{0};  // before acting
  bool keep_alive = true;

  static Action Respond(int status, std::string body = "{}") {
    Action action;
    action.status = status;
    action.body = std::move(body);
    return action;
  }
  static Action Close() {
    Action action;
    action.kind = Kind::kClose;
    return action;
  }
  static Action Hang() {
    Action action;
    action.kind = Kind::kHang;
    return action;
  }
  static Action Raw(std::string bytes) {
    Action action;
    action.kind = Kind::kRaw;
    action.raw = std::move(bytes);
    return action;
  }
};

class TestServer {
 public:
  using Handler = std::function<Action(const ReceivedRequest&)>;

  // Listens on 127.0.0.1:`port` (0 = any free port).
  explicit TestServer(Handler handler, int port = 0);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  int connections() const { return connections_.load(); }
  std::vector<ReceivedRequest> requests() const;
  int request_count() const;

 private:
  void AcceptLoop();
  void Serve(int fd, int connection);

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  mutable std::mutex mu_;
  std::vector<ReceivedRequest> requests_;
  std::vector<int> open_fds_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

// A port on 127.0.0.1 that nothing listens on (at the time of the call).
int UnusedPort();

// Client options for tests against a TestServer: `vendor` at `url`, 3 retries, back-offs of
// a few milliseconds so retries cost no test time, and a 5 s request timeout.
ClientOptions TestClientOptions(const std::string& vendor, const std::string& url);

}  // namespace orgiam::http::testing

#endif  // ORGIAM_TESTS_HTTP_TEST_SERVER_H_
