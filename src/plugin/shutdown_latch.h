#ifndef ORGIAM_PLUGIN_SHUTDOWN_LATCH_H_
#define ORGIAM_PLUGIN_SHUTDOWN_LATCH_H_

// One-shot "please stop" flag shared by the controller service, the signal
// watcher and the stdio stream. The first trigger wins; later ones are ignored.

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace orgiam::plugin {

class ShutdownLatch {
 public:
  // Returns true for the call that actually tripped the latch.
  bool Trigger(absl::string_view reason) ABSL_LOCKS_EXCLUDED(mu_);

  void Wait() ABSL_LOCKS_EXCLUDED(mu_);
  // Returns true when the latch was (or became) triggered within `timeout`.
  bool WaitFor(absl::Duration timeout) ABSL_LOCKS_EXCLUDED(mu_);

  bool triggered() const ABSL_LOCKS_EXCLUDED(mu_);
  std::string reason() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable absl::Mutex mu_;
  bool triggered_ ABSL_GUARDED_BY(mu_) = false;
  std::string reason_ ABSL_GUARDED_BY(mu_);
};

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_SHUTDOWN_LATCH_H_
