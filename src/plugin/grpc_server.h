#ifndef ORGIAM_PLUGIN_GRPC_SERVER_H_
#define ORGIAM_PLUGIN_GRPC_SERVER_H_

// Builds and starts the gRPC server that Terraform talks to.

#include <grpcpp/server.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "plugin/call_tracker.h"

namespace orgiam::plugin {

// Terraform's client and terraform-plugin-go both allow 256 MiB messages; gRPC
// C++ defaults to 4 MiB on receive, which large configurations or states
// exceed.
inline constexpr int kMaxMessageBytes = 256 << 20;

struct MutualTls {
  std::string server_cert_pem;
  std::string server_key_pem;
  // The host's certificate (PLUGIN_CLIENT_CERT): the only CA accepted for
  // client certs.
  std::string client_ca_pem;
};

struct GrpcServerConfig {
  // A gRPC URI such as "unix:/tmp/orgiam-plugin-abc/plugin.sock".
  std::string listen_address;
  // Unset: plaintext.
  std::optional<MutualTls> tls;
  // Not owned; each must outlive the server.
  std::vector<grpc::Service*> services;
  // Optional, not owned: counts calls in progress (must outlive the server).
  CallTracker* call_tracker = nullptr;
};

// Keeps gRPC's runtime (threads, pollers) up for its lifetime. Creating it
// early lets other start-up work overlap with gRPC's own initialisation.
class GrpcRuntime {
 public:
  GrpcRuntime();
  ~GrpcRuntime();
  GrpcRuntime(const GrpcRuntime&) = delete;
  GrpcRuntime& operator=(const GrpcRuntime&) = delete;
};

// Starts the server with the health service enabled and "plugin" marked SERVING
// (go-plugin's health check name).
absl::StatusOr<std::unique_ptr<grpc::Server>> StartGrpcServer(const GrpcServerConfig& config);

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_GRPC_SERVER_H_
