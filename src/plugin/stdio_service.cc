#include "plugin/stdio_service.h"

#include "absl/time/time.h"

namespace orgiam::plugin {

grpc::Status StdioService::StreamStdio(grpc::ServerContext* context,
                                       const google::protobuf::Empty* /*request*/,
                                       grpc::ServerWriter<::plugin::StdioData>* /*writer*/) {
  // The sync API has no cancellation callback, so client disconnects are
  // noticed by polling; shutdown itself wakes the wait immediately.
  while (!latch_->WaitFor(absl::Seconds(1))) {
    if (context->IsCancelled()) break;
  }
  return grpc::Status::OK;
}

}  // namespace orgiam::plugin
