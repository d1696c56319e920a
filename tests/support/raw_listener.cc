#include "raw_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace orgiam::testing {

RawListener::RawListener(size_t bytes) : bytes_(bytes) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      listen(listen_fd_, 16) != 0 ||
      getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("RawListener: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

RawListener::~RawListener() {
  stopping_ = true;
  acceptor_.join();
  close(listen_fd_);
}

std::vector<std::string> RawListener::first_bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return first_bytes_;
}

void RawListener::AcceptLoop() {
  while (!stopping_) {
    pollfd listening{.fd = listen_fd_, .events = POLLIN, .revents = 0};
    if (poll(&listening, 1, 50) <= 0) continue;
    const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    ++connections_;
    // Whatever arrives within a second, up to bytes_: a client speaks first in both TLS and
    // HTTP/1.1.
    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (received.size() < bytes_ && !stopping_ && std::chrono::steady_clock::now() < deadline) {
      pollfd client{.fd = fd, .events = POLLIN, .revents = 0};
      if (poll(&client, 1, 50) <= 0) continue;
      char buffer[256];
      const ssize_t n = read(fd, buffer, std::min(sizeof(buffer), bytes_ - received.size()));
      if (n <= 0) break;
      received.append(buffer, static_cast<size_t>(n));
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      first_bytes_.push_back(received);
    }
    close(fd);
  }
}

}  // namespace orgiam::testing
