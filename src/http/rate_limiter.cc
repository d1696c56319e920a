#include "http/rate_limiter.h"

#include <algorithm>
#include <thread>

namespace orgiam::http::internal {

RateLimiter::RateLimiter(double rate_per_s)
    : rate_(rate_per_s > 0 ? rate_per_s : 0),
      burst_(std::max(1.0, rate_)),
      tokens_(burst_),
      refilled_at_(Clock::now()),
      paused_until_(Clock::time_point::min()) {}

absl::Status RateLimiter::Acquire(Cancellation* cancellation, Clock::time_point deadline) {
  while (true) {
    if (cancellation != nullptr && cancellation->IsCancelled()) {
      return absl::CancelledError("cancelled");
    }
    Clock::time_point wake;
    {
      std::lock_guard<std::mutex> lock(mu_);
      const Clock::time_point now = Clock::now();
      if (now < paused_until_) {
        wake = paused_until_;
      } else if (rate_ <= 0) {
        return absl::OkStatus();
      } else {
        if (now > refilled_at_) {
          const double elapsed = std::chrono::duration<double>(now - refilled_at_).count();
          tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
          refilled_at_ = now;
        }
        if (tokens_ >= 1) {
          tokens_ -= 1;
          return absl::OkStatus();
        }
        wake = now + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>((1 - tokens_) / rate_));
      }
    }
    // Woken callers re-check: a pause set meanwhile, or another caller taking
    // the token, sends them back to sleep.
    if (wake > deadline) {
      return absl::DeadlineExceededError("the rate limit leaves no slot within the time budget");
    }
    if (cancellation == nullptr) {
      std::this_thread::sleep_until(wake);
    } else if (!cancellation->SleepUntil(wake)) {
      return absl::CancelledError("cancelled");
    }
  }
}

void RateLimiter::PauseUntil(Clock::time_point until) {
  std::lock_guard<std::mutex> lock(mu_);
  if (until <= paused_until_) return;
  paused_until_ = until;
  tokens_ = 1.0;
  refilled_at_ = std::max(refilled_at_, until);
}

}  // namespace orgiam::http::internal
