#ifndef ORGIAM_PLUGIN_CALL_TRACKER_H_
#define ORGIAM_PLUGIN_CALL_TRACKER_H_

// Counts the RPCs in progress, so that shutdown can wait for real work to
// finish and then stop at once. grpc::Server::Shutdown(deadline) alone also
// waits for every client connection to close, and a client that is not reading
// its socket at that moment (no call in flight) keeps the server alive until
// the deadline.

#include <grpcpp/support/server_interceptor.h>

#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace orgiam::plugin {

class CallTracker {
 public:
  // An interceptor factory whose per-call interceptors keep the count. The
  // tracker must outlive the server the factory is installed in.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> MakeFactory();

  // Returns true once no call is in progress, false if `deadline` passes first.
  bool WaitUntilIdle(absl::Time deadline) ABSL_LOCKS_EXCLUDED(mu_);

  int active() const ABSL_LOCKS_EXCLUDED(mu_);

  // Called by the interceptors (one per call, created at its start, destroyed
  // at its end).
  void CallStarted() ABSL_LOCKS_EXCLUDED(mu_);
  void CallEnded() ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable absl::Mutex mu_;
  int active_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_CALL_TRACKER_H_
