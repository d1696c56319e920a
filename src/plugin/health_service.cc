#include "plugin/health_service.h"

#include <string>

#include "plugin/open_stream.h"

namespace orgiam::plugin {
namespace {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

bool IsServed(const std::string& service) { return service.empty() || service == "plugin"; }

grpc::Status UnknownService(const std::string& service) {
  return grpc::Status(grpc::StatusCode::NOT_FOUND, "unknown service " + service);
}

}  // namespace

grpc::Status HealthService::Check(grpc::ServerContext* /*context*/,
                                  const HealthCheckRequest* request,
                                  HealthCheckResponse* response) {
  if (!IsServed(request->service())) return UnknownService(request->service());
  response->set_status(HealthCheckResponse::SERVING);
  return grpc::Status::OK;
}

grpc::Status HealthService::Watch(grpc::ServerContext* context, const HealthCheckRequest* request,
                                  grpc::ServerWriter<HealthCheckResponse>* writer) {
  HealthCheckResponse response;
  response.set_status(IsServed(request->service()) ? HealthCheckResponse::SERVING
                                                   : HealthCheckResponse::SERVICE_UNKNOWN);
  if (writer->Write(response)) HoldStreamUntilShutdown(context, latch_);
  return grpc::Status::OK;
}

}  // namespace orgiam::plugin
