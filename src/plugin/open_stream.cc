#include "plugin/open_stream.h"

#include "absl/time/time.h"

namespace orgiam::plugin {

void HoldStreamUntilShutdown(grpc::ServerContext* context, ShutdownLatch* latch) {
  // The sync API has no cancellation callback, so a departed client is
  // noticed by polling; the latch wakes the wait at once on shutdown.
  while (!latch->WaitFor(absl::Seconds(1))) {
    if (context->IsCancelled()) return;
  }
}

}  // namespace orgiam::plugin
