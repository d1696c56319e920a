#include "faults.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "ids.h"

namespace orgiam::sandbox {
namespace {

bool ReadNumber(const nlohmann::json& value, double min, double max, double* out) {
  if (!value.is_number()) return false;
  const double v = value.get<double>();
  if (!std::isfinite(v) || v < min || v > max) return false;
  *out = v;
  return true;
}

// The address and port of a socket, as strings httplib would report them.
bool Endpoint(const sockaddr_storage& addr, std::string* ip, int* port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
    if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) return false;
    *port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    if (!inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text)) return false;
    *port = ntohs(in6->sin6_port);
  } else {
    return false;
  }
  *ip = text;
  return true;
}

bool IsRequestSocket(int fd, const httplib::Request& req) {
  sockaddr_storage local{};
  socklen_t len = sizeof local;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) != 0) return false;
  std::string ip;
  int port = -1;
  if (!Endpoint(local, &ip, &port) || port != req.local_port) return false;
  sockaddr_storage peer{};
  len = sizeof peer;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0) return false;
  if (!Endpoint(peer, &ip, &port)) return false;
  return port == req.remote_port && ip == req.remote_addr;
}

}  // namespace

nlohmann::json ToJson(const FaultConfig& config) {
  return {{"rate_limit_per_s", config.rate_limit_per_s},
          {"error_rate", config.error_rate},
          {"drop_after_commit_rate", config.drop_after_commit_rate},
          {"latency_ms", config.latency_ms}};
}

FaultConfig Faults::Get() const {
  std::lock_guard<std::mutex> lock(mu_);
  return config_;
}

bool Faults::Update(const nlohmann::json& patch, std::string* error) {
  if (!patch.is_object()) {
    *error = "the body must be a JSON object";
    return false;
  }
  std::lock_guard<std::mutex> lock(mu_);
  FaultConfig next = config_;
  for (const auto& [key, value] : patch.items()) {
    bool ok = false;
    if (key == "rate_limit_per_s") {
      ok = ReadNumber(value, 0, 1e9, &next.rate_limit_per_s);
    } else if (key == "error_rate") {
      ok = ReadNumber(value, 0, 1, &next.error_rate);
    } else if (key == "drop_after_commit_rate") {
      ok = ReadNumber(value, 0, 1, &next.drop_after_commit_rate);
    } else if (key == "latency_ms") {
      double ms = 0;
      ok = ReadNumber(value, 0, 600000, &ms);
      next.latency_ms = static_cast<std::int64_t>(ms);
    } else {
      *error = "unknown fault: " + key;
      return false;
    }
    if (!ok) {
      *error = "invalid value for " + key;
      return false;
    }
  }
  if (next.rate_limit_per_s != config_.rate_limit_per_s) buckets_.clear();
  config_ = next;
  return true;
}

void Faults::Reset() {
  std::lock_guard<std::mutex> lock(mu_);
  config_ = FaultConfig{};
  buckets_.clear();
}

bool Faults::Admit(const std::string& client, int* retry_after_s) {
  std::lock_guard<std::mutex> lock(mu_);
  const double rate = config_.rate_limit_per_s;
  if (rate <= 0) return true;
  const double capacity = std::max(1.0, rate);
  const auto now = std::chrono::steady_clock::now();
  auto [it, inserted] = buckets_.try_emplace(client);
  Bucket& bucket = it->second;
  if (inserted) {
    bucket.tokens = capacity;
  } else {
    const double elapsed = std::chrono::duration<double>(now - bucket.refilled).count();
    bucket.tokens = std::min(capacity, bucket.tokens + elapsed * rate);
  }
  bucket.refilled = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return true;
  }
  *retry_after_s = std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / rate)));
  return false;
}

int Faults::PickServerError() {
  double rate;
  {
    std::lock_guard<std::mutex> lock(mu_);
    rate = config_.error_rate;
  }
  if (rate <= 0 || RandomUnit() >= rate) return 0;
  static constexpr int kStatuses[] = {500, 502, 503};
  return kStatuses[RandomUint64() % 3];
}

bool Faults::PickDrop() {
  double rate;
  {
    std::lock_guard<std::mutex> lock(mu_);
    rate = config_.drop_after_commit_rate;
  }
  return rate > 0 && RandomUnit() < rate;
}

bool DropConnection(const httplib::Request& req) {
  // The socket stays open (httplib owns it and closes it after this handler
  // returns), so the descriptor found here cannot be reused by another
  // connection meanwhile.
  DIR* dir = ::opendir("/proc/self/fd");
  if (dir == nullptr) return false;
  bool dropped = false;
  while (const dirent* entry = ::readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == ::dirfd(dir)) continue;
    if (IsRequestSocket(static_cast<int>(fd), req)) {
      ::shutdown(static_cast<int>(fd), SHUT_RDWR);
      dropped = true;
      break;
    }
  }
  ::closedir(dir);
  return dropped;
}

}  // namespace orgiam::sandbox
