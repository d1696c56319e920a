#include "plugin/shutdown_latch.h"

namespace orgiam::plugin {

bool ShutdownLatch::Trigger(absl::string_view reason) {
  absl::MutexLock lock(&mu_);
  if (triggered_) return false;
  triggered_ = true;
  reason_ = std::string(reason);
  return true;
}

void ShutdownLatch::Wait() {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(&triggered_));
}

bool ShutdownLatch::WaitFor(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  return mu_.AwaitWithTimeout(absl::Condition(&triggered_), timeout);
}

bool ShutdownLatch::triggered() const {
  absl::MutexLock lock(&mu_);
  return triggered_;
}

std::string ShutdownLatch::reason() const {
  absl::MutexLock lock(&mu_);
  return reason_;
}

}  // namespace orgiam::plugin
