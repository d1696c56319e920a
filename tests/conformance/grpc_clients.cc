#include "grpc_clients.h"

#include <chrono>

#include "gtest/gtest.h"
#include "proto/grpc_controller.grpc.pb.h"
#include "proto/health.grpc.pb.h"
#include "proto/tfplugin6.grpc.pb.h"

namespace orgiam::conformance {
namespace {

void SetDeadline(grpc::ClientContext* context) {
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
}

}  // namespace

std::shared_ptr<grpc::Channel> InsecureChannel(const std::string& socket_path) {
  return grpc::CreateChannel("unix:" + socket_path, grpc::InsecureChannelCredentials());
}

std::shared_ptr<grpc::Channel> MtlsChannel(const std::string& socket_path,
                                           const std::string& server_cert_pem,
                                           const std::optional<testing::PemPair>& client) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = server_cert_pem;
  if (client.has_value()) {
    options.pem_cert_chain = client->cert_pem;
    options.pem_private_key = client->key_pem;
  }
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  // Each test wants its own connection, not one shared through gRPC's
  // subchannel pool.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  return grpc::CreateCustomChannel("unix:" + socket_path, grpc::SslCredentials(options), args);
}

HealthResult CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                         const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  HealthResult result;
  result.status = stub->Check(&context, request, &response);
  result.serving_status = static_cast<int>(response.status());
  return result;
}

grpc::Status CallGetProviderSchema(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = tfplugin6::Provider::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  tfplugin6::GetProviderSchema::Request request;
  tfplugin6::GetProviderSchema::Response response;
  return stub->GetProviderSchema(&context, request, &response);
}

grpc::Status CallShutdown(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = ::plugin::GRPCController::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(&context);
  ::plugin::Empty request;
  ::plugin::Empty response;
  return stub->Shutdown(&context, request, &response);
}

std::unique_ptr<tfplugin6::Provider::Stub> StartProviderOverMtls(
    PluginProcess& process, const std::map<std::string, std::string>& extra) {
  testing::PemPair client = testing::MakeClientCertificate();
  PluginProcess::Env env = process.TerraformEnv();
  env["PLUGIN_CLIENT_CERT"] = client.cert_pem;
  for (const auto& [name, value] : extra) env[name] = value;
  process.Start({}, env);
  auto handshake = process.ReadHandshake();
  std::string der;
  if (!handshake.has_value() || handshake->fields.size() != 6 ||
      !testing::DecodeBase64(handshake->fields[5], &der)) {
    ADD_FAILURE() << "no usable handshake: " << (handshake ? handshake->line : "") << "\n"
                  << process.Stderr();
    return nullptr;
  }
  return tfplugin6::Provider::NewStub(
      MtlsChannel(handshake->fields[3], testing::DerToPem(der), client));
}

tfplugin6::DynamicValue Json(const std::string& json) {
  tfplugin6::DynamicValue value;
  value.set_json(json);
  return value;
}

tfplugin6::DynamicValue Msgpack(const std::string& bytes) {
  tfplugin6::DynamicValue value;
  value.set_msgpack(bytes);
  return value;
}

}  // namespace orgiam::conformance
