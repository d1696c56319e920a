#ifndef ORGIAM_PLUGIN_STDIO_SERVICE_H_
#define ORGIAM_PLUGIN_STDIO_SERVICE_H_

// plugin.GRPCStdio: go-plugin opens this stream on connect to forward the
// plugin's stdout/stderr. Our logs already go to stderr, so the stream stays
// silent. Answering (rather than UNIMPLEMENTED) keeps a warning out of
// Terraform's log. The stream ends when the shutdown latch trips or the client
// goes away, so it never delays the server's shutdown.

#include "plugin/shutdown_latch.h"
#include "proto/grpc_stdio.grpc.pb.h"

namespace orgiam::plugin {

class StdioService final : public ::plugin::GRPCStdio::Service {
 public:
  explicit StdioService(ShutdownLatch* latch) : latch_(latch) {}

  grpc::Status StreamStdio(grpc::ServerContext* context, const google::protobuf::Empty* request,
                           grpc::ServerWriter<::plugin::StdioData>* writer) override;

 private:
  ShutdownLatch* latch_;  // not owned
};

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_STDIO_SERVICE_H_
