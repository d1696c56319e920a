#include "http/retry_policy.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "http/curl_library.h"

namespace orgiam::http::internal {
namespace {

// Far beyond any useful wait; keeps the arithmetic below from overflowing.
constexpr std::int64_t kMaxSeconds = 10LL * 365 * 24 * 3600;

std::mt19937_64& Rng() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng;
}

}  // namespace

bool IsIdempotent(std::string_view method) {
  return method == "GET" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool IsRetryableStatus(int status) {
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::chrono::milliseconds Backoff(int retry, std::chrono::milliseconds initial,
                                  std::chrono::milliseconds max) {
  const std::int64_t cap_ms = std::max<std::int64_t>(0, max.count());
  std::int64_t ceiling = std::max<std::int64_t>(0, initial.count());
  for (int i = 0; i < retry && ceiling < cap_ms; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, cap_ms);
  if (ceiling == 0) return std::chrono::milliseconds(0);
  std::uniform_int_distribution<std::int64_t> pick(0, ceiling);
  return std::chrono::milliseconds(pick(Rng()));
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now) {
  std::string_view text = value;
  while (!text.empty() && absl::ascii_isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && absl::ascii_isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); })) {
    std::int64_t seconds = 0;
    for (char c : text) {
      seconds = seconds * 10 + (c - '0');
      if (seconds > kMaxSeconds) {
        seconds = kMaxSeconds;
        break;
      }
    }
    return std::chrono::milliseconds(seconds * 1000);
  }
  // curl_getdate needs a NUL-terminated string; it understands the three HTTP
  // date forms. A Retry-After comes with a response, so libcurl is loaded by
  // then.
  const absl::StatusOr<const CurlApi*> curl = LoadCurl();
  if (!curl.ok()) return std::nullopt;
  const std::string copy(text);
  const time_t when = (*curl)->getdate(copy.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  const auto target = std::chrono::system_clock::from_time_t(when);
  if (target <= now) return std::chrono::milliseconds(0);
  const auto delta = std::chrono::duration_cast<std::chrono::milliseconds>(target - now);
  return std::min(delta, std::chrono::milliseconds(kMaxSeconds * 1000));
}

}  // namespace orgiam::http::internal
