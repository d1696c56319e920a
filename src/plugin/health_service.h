#ifndef ORGIAM_PLUGIN_HEALTH_SERVICE_H_
#define ORGIAM_PLUGIN_HEALTH_SERVICE_H_

// grpc.health.v1.Health: go-plugin's client checks service "plugin" to see
// that the process is alive. Both it and the whole server ("") are SERVING
// for the process's lifetime; any other name is unknown (NOT_FOUND, as the
// health protocol asks).

#include "plugin/shutdown_latch.h"
#include "proto/health.grpc.pb.h"

namespace orgiam::plugin {

class HealthService final : public grpc::health::v1::Health::Service {
 public:
  explicit HealthService(ShutdownLatch* latch) : latch_(latch) {}

  grpc::Status Check(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::health::v1::HealthCheckResponse* response) override;

  // Sends the status once, then holds the stream open until shutdown or until
  // the client goes away: the status never changes while the process serves.
  grpc::Status Watch(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::ServerWriter<grpc::health::v1::HealthCheckResponse>* writer) override;

 private:
  ShutdownLatch* latch_;  // not owned
};

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_HEALTH_SERVICE_H_
