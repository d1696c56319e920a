#ifndef ORGIAM_TESTS_SUPPORT_RAW_LISTENER_H_
#define ORGIAM_TESTS_SUPPORT_RAW_LISTENER_H_

// A TCP listener on 127.0.0.1 that answers nothing: it records the first bytes a client sends
// on each connection and then hangs up. It tells what goes over the wire before any protocol
// is spoken: a TLS ClientHello starts with 0x16 (handshake record), cleartext HTTP with "GET ".

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "loopback_acceptor.h"

namespace orgiam::testing {

class RawListener {
 public:
  // Keeps up to `bytes` bytes of each connection.
  explicit RawListener(size_t bytes = 16);
  ~RawListener();
  RawListener(const RawListener&) = delete;
  RawListener& operator=(const RawListener&) = delete;

  int port() const { return acceptor_.port(); }
  int connections() const { return acceptor_.connections(); }
  // The first bytes of each connection so far, in order of arrival.
  std::vector<std::string> first_bytes() const;

 private:
  void Serve(int fd, const std::atomic<bool>& stopping);

  const size_t bytes_;
  mutable std::mutex mu_;
  std::vector<std::string> first_bytes_;
  LoopbackAcceptor acceptor_;  // last: its thread uses the members above
};

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_RAW_LISTENER_H_
