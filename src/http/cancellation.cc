#include "http/cancellation.h"

namespace orgiam::http::internal {

void Cancellation::Cancel() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    flag_.store(true, std::memory_order_release);
  }
  wake_.notify_all();
}

bool Cancellation::SleepUntil(Clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  wake_.wait_until(lock, deadline, [this] { return cancelled_; });
  return !cancelled_;
}

}  // namespace orgiam::http::internal
