#include "plugin/stdio_service.h"

#include "plugin/open_stream.h"

namespace orgiam::plugin {

grpc::Status StdioService::StreamStdio(grpc::ServerContext* context,
                                       const google::protobuf::Empty* /*request*/,
                                       grpc::ServerWriter<::plugin::StdioData>* /*writer*/) {
  HoldStreamUntilShutdown(context, latch_);
  return grpc::Status::OK;
}

}  // namespace orgiam::plugin
