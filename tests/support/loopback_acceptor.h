#ifndef ORGIAM_TESTS_SUPPORT_LOOPBACK_ACCEPTOR_H_
#define ORGIAM_TESTS_SUPPORT_LOOPBACK_ACCEPTOR_H_

// A TCP listener on 127.0.0.1 (any free port) whose thread hands each connection, one at a
// time, to a callback and closes it afterwards. The test servers of this directory are built on
// it; they differ only in what they do with a connection.

#include <atomic>
#include <functional>
#include <thread>

namespace orgiam::testing {

class LoopbackAcceptor {
 public:
  // `serve` gets the connected socket and a flag that turns true when the acceptor stops, after
  // which it should return soon.
  using Serve = std::function<void(int fd, const std::atomic<bool>& stopping)>;
  explicit LoopbackAcceptor(Serve serve);
  // Stops accepting and waits for the connection being served.
  ~LoopbackAcceptor();
  LoopbackAcceptor(const LoopbackAcceptor&) = delete;
  LoopbackAcceptor& operator=(const LoopbackAcceptor&) = delete;

  int port() const { return port_; }
  int connections() const { return connections_.load(); }

 private:
  void AcceptLoop();

  Serve serve_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread acceptor_;
};

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_LOOPBACK_ACCEPTOR_H_
