#ifndef ORGIAM_PLUGIN_OPEN_STREAM_H_
#define ORGIAM_PLUGIN_OPEN_STREAM_H_

// Server streams that carry nothing after their first message (stdio, health
// Watch) stay open until the process stops or the client goes away, and must
// never delay the server's shutdown.

#include <grpcpp/server_context.h>

#include "plugin/shutdown_latch.h"

namespace orgiam::plugin {

void HoldStreamUntilShutdown(grpc::ServerContext* context, ShutdownLatch* latch);

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_OPEN_STREAM_H_
