#ifndef ORGIAM_TESTS_SUPPORT_RAW_LISTENER_H_
#define ORGIAM_TESTS_SUPPORT_RAW_LISTENER_H_

// A TCP listener on 127.0.0.1 that answers nothing: it records the first bytes a client sends
// on each connection and then hangs up. It tells what goes over the wire before any protocol
// is spoken: a TLS ClientHello starts with 0x16 (handshake record), cleartext HTTP with "GET ".

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace orgiam::testing {

class RawListener {
 public:
  // Keeps up to `bytes` bytes of each connection.
  explicit RawListener(size_t bytes = 16);
  ~RawListener();
  RawListener(const RawListener&) = delete;
  RawListener& operator=(const RawListener&) = delete;

  int port() const { return port_; }
  int connections() const { return connections_.load(); }
  // The first bytes of each connection so far, in order of arrival.
  std::vector<std::string> first_bytes() const;

 private:
  void AcceptLoop();

  const size_t bytes_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  mutable std::mutex mu_;
  std::vector<std::string> first_bytes_;
  std::thread acceptor_;
};

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_RAW_LISTENER_H_
