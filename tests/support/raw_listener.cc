#include "raw_listener.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace orgiam::testing {

RawListener::RawListener(size_t bytes)
    : bytes_(bytes),
      acceptor_([this](int fd, const std::atomic<bool>& stopping) { Serve(fd, stopping); }) {}

RawListener::~RawListener() = default;

std::vector<std::string> RawListener::first_bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return first_bytes_;
}

// Whatever arrives within a second, up to bytes_: a client speaks first in both TLS and
// HTTP/1.1.
void RawListener::Serve(int fd, const std::atomic<bool>& stopping) {
  std::string received;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (received.size() < bytes_ && !stopping && std::chrono::steady_clock::now() < deadline) {
    pollfd client{.fd = fd, .events = POLLIN, .revents = 0};
    if (poll(&client, 1, 50) <= 0) continue;
    char buffer[256];
    const ssize_t n = read(fd, buffer, std::min(sizeof(buffer), bytes_ - received.size()));
    if (n <= 0) break;
    received.append(buffer, static_cast<size_t>(n));
  }
  std::lock_guard<std::mutex> lock(mu_);
  first_bytes_.push_back(received);
}

}  // namespace orgiam::testing
