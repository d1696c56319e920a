#ifndef ORGIAM_HTTP_RATE_LIMITER_H_
#define ORGIAM_HTTP_RATE_LIMITER_H_

// The client-side limiter shared by every thread of one Client: a token bucket
// plus a pause that a 429 sets for everyone.
//
// Bucket: refilled at `rate` tokens per second, capacity max(1, rate), starting
// full. So at most `burst + rate * t` requests leave in any window of t
// seconds, the same shape as the per-client buckets of the vendors (Vultr: 30
// r/s) and of the sandbox. Each attempt, retries included, takes one token.
//
// Pause: when one caller gets a 429, nobody sends before its Retry-After has
// passed; the bucket then restarts with a single token, so the callers that
// waited go out one by one at `rate` instead of as one burst that would be
// refused again.

#include <chrono>
#include <mutex>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "http/cancellation.h"

namespace orgiam::http::internal {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // `rate_per_s` <= 0 turns throttling off (pauses still apply).
  explicit RateLimiter(double rate_per_s);

  double rate() const { return rate_; }
  double burst() const { return burst_; }

  // Waits for a token and for any pause to end. CANCELLED when `cancellation`
  // fires first.
  absl::Status Acquire(Cancellation& cancellation) {
    return Acquire(&cancellation, Clock::time_point::max());
  }
  // The same with a bound: DEADLINE_EXCEEDED, without waiting, when the token would come
  // after `deadline`. A null `cancellation` waits regardless of any stop.
  absl::Status Acquire(Cancellation* cancellation, Clock::time_point deadline);

  // Holds every caller until `until` (never shortens a pause already in force).
  void PauseUntil(Clock::time_point until);

 private:
  const double rate_;
  const double burst_;
  std::mutex mu_;
  double tokens_ ABSL_GUARDED_BY(mu_);
  Clock::time_point refilled_at_ ABSL_GUARDED_BY(mu_);
  Clock::time_point paused_until_ ABSL_GUARDED_BY(mu_);
};

}  // namespace orgiam::http::internal

#endif  // ORGIAM_HTTP_RATE_LIMITER_H_
