#include "plugin/controller_service.h"

#include "util/log.h"

namespace orgiam::plugin {

grpc::Status ControllerService::Shutdown(grpc::ServerContext* /*context*/,
                                         const ::plugin::Empty* /*request*/,
                                         ::plugin::Empty* /*response*/) {
  ORGIAM_LOG(kDebug, "plugin", "shutdown requested by the plugin host");
  latch_->Trigger("GRPCController.Shutdown");
  return grpc::Status::OK;
}

}  // namespace orgiam::plugin
