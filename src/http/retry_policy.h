#ifndef ORGIAM_HTTP_RETRY_POLICY_H_
#define ORGIAM_HTTP_RETRY_POLICY_H_

// Which failures are retried, and how long to wait before the next attempt.

#include <chrono>
#include <optional>
#include <string_view>

namespace orgiam::http::internal {

// GET, PUT, PATCH and DELETE: sending them twice has the effect of sending them
// once.
bool IsIdempotent(std::string_view method);

// 429, 500, 502, 503 and 504.
bool IsRetryableStatus(int status);

// Exponential back-off with full jitter: uniform in [0, min(max, initial *
// 2^retry)], where `retry` counts from 0.
std::chrono::milliseconds Backoff(int retry, std::chrono::milliseconds initial,
                                  std::chrono::milliseconds max);

// A Retry-After value: delay-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015
// 07:28:00 GMT", also the obsolete RFC 850 and asctime forms). A date in the
// past gives 0. nullopt when the value is neither.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

}  // namespace orgiam::http::internal

#endif  // ORGIAM_HTTP_RETRY_POLICY_H_
