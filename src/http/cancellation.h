#ifndef ORGIAM_HTTP_CANCELLATION_H_
#define ORGIAM_HTTP_CANCELLATION_H_

// A one-way "stop" flag with sleeps that it interrupts. Client::CancelAll
// (StopProvider) sets it; back-off and rate-limiter waits wake at once, and
// transfers poll it.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "absl/base/thread_annotations.h"

namespace orgiam::http::internal {

class Cancellation {
 public:
  using Clock = std::chrono::steady_clock;

  // Sets the flag (permanently) and wakes every sleeper.
  void Cancel();

  bool IsCancelled() const { return flag_.load(std::memory_order_acquire); }

  // The flag transfers poll from curl callbacks.
  const std::atomic<bool>& flag() const { return flag_; }

  // Sleeps until `deadline`; returns false (early) when cancelled.
  bool SleepUntil(Clock::time_point deadline);
  bool SleepFor(Clock::duration duration) { return SleepUntil(Clock::now() + duration); }

 private:
  std::atomic<bool> flag_{false};
  std::mutex mu_;
  std::condition_variable wake_;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace orgiam::http::internal

#endif  // ORGIAM_HTTP_CANCELLATION_H_
