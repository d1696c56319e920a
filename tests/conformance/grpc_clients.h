#ifndef ORGIAM_TESTS_CONFORMANCE_GRPC_CLIENTS_H_
#define ORGIAM_TESTS_CONFORMANCE_GRPC_CLIENTS_H_

// Client channels that behave like Terraform's go-plugin client: unix socket,
// and with AutoMTLS the plugin's own certificate as the only root plus
// "localhost" as server name.

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "plugin_process.h"
#include "proto/tfplugin6.grpc.pb.h"
#include "proto/tfplugin6.pb.h"
#include "test_certs.h"

namespace orgiam::conformance {

std::shared_ptr<grpc::Channel> InsecureChannel(const std::string& socket_path);

// `client` unset: the client presents no certificate.
std::shared_ptr<grpc::Channel> MtlsChannel(const std::string& socket_path,
                                           const std::string& server_cert_pem,
                                           const std::optional<testing::PemPair>& client);

struct HealthResult {
  grpc::Status status;
  int serving_status = 0;  // grpc.health.v1 enum value; 1 = SERVING
};

HealthResult CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                         const std::string& service = "plugin");

// Calls tfplugin6.Provider/GetProviderSchema and returns the status.
grpc::Status CallGetProviderSchema(const std::shared_ptr<grpc::Channel>& channel);

// Calls plugin.GRPCController/Shutdown.
grpc::Status CallShutdown(const std::shared_ptr<grpc::Channel>& channel);

// Starts the provider as Terraform does (its environment plus `extra`, a client certificate
// for AutoMTLS), reads the handshake and connects over mTLS. Null, with a test failure
// naming the provider's stderr, when the handshake is missing or malformed.
std::unique_ptr<tfplugin6::Provider::Stub> StartProviderOverMtls(
    PluginProcess& process, const std::map<std::string, std::string>& extra = {});

// A DynamicValue as Terraform sends it, in its JSON or its msgpack encoding.
tfplugin6::DynamicValue Json(const std::string& json);
tfplugin6::DynamicValue Msgpack(const std::string& bytes);

}  // namespace orgiam::conformance

#endif  // ORGIAM_TESTS_CONFORMANCE_GRPC_CLIENTS_H_
