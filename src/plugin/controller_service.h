#ifndef ORGIAM_PLUGIN_CONTROLLER_SERVICE_H_
#define ORGIAM_PLUGIN_CONTROLLER_SERVICE_H_

// plugin.GRPCController: Terraform calls Shutdown when it is finished with the
// process and SIGKILLs it 2 s later. The handler only answers and trips the
// latch; the thread that owns the server stops it (a handler must never shut
// down its own server).

#include "plugin/shutdown_latch.h"
#include "proto/grpc_controller.grpc.pb.h"

namespace orgiam::plugin {

class ControllerService final : public ::plugin::GRPCController::Service {
 public:
  explicit ControllerService(ShutdownLatch* latch) : latch_(latch) {}

  grpc::Status Shutdown(grpc::ServerContext* context, const ::plugin::Empty* request,
                        ::plugin::Empty* response) override;

 private:
  ShutdownLatch* latch_;  // not owned
};

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_CONTROLLER_SERVICE_H_
