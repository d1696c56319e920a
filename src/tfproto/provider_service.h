#ifndef ORGIAM_TFPROTO_PROVIDER_SERVICE_H_
#define ORGIAM_TFPROTO_PROVIDER_SERVICE_H_

// The tfplugin6 Provider service: decodes each request against the compiled-in schemas,
// hands it to the framework, and encodes the answer. Every problem the user should read
// becomes a diagnostic; the gRPC status is always OK (Terraform turns other statuses into
// opaque errors). Handlers are thread-safe: Terraform calls them concurrently.

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "framework/resource.h"
#include "proto/tfplugin6.grpc.pb.h"

namespace orgiam::tfproto {

class ProviderService : public tfplugin6::Provider::Service {
 public:
  explicit ProviderService(std::unique_ptr<framework::Provider> provider);

  // Cancels in-flight work (StopProvider).
  void Stop();

  // The plugin's shutdown path: revokes ephemeral resources that were opened but never closed
  // (Terraform 1.11 skips Close when an apply fails), then cancels in-flight work.
  void Shutdown();

  grpc::Status GetMetadata(grpc::ServerContext*, const tfplugin6::GetMetadataRpc::Request*,
                           tfplugin6::GetMetadataRpc::Response*) override;
  grpc::Status GetProviderSchema(grpc::ServerContext*, const tfplugin6::GetProviderSchema::Request*,
                                 tfplugin6::GetProviderSchema::Response*) override;
  grpc::Status ValidateProviderConfig(grpc::ServerContext*,
                                      const tfplugin6::ValidateProviderConfig::Request*,
                                      tfplugin6::ValidateProviderConfig::Response*) override;
  grpc::Status ValidateResourceConfig(grpc::ServerContext*,
                                      const tfplugin6::ValidateResourceConfig::Request*,
                                      tfplugin6::ValidateResourceConfig::Response*) override;
  grpc::Status ValidateDataResourceConfig(
      grpc::ServerContext*, const tfplugin6::ValidateDataResourceConfig::Request*,
      tfplugin6::ValidateDataResourceConfig::Response*) override;
  grpc::Status ValidateEphemeralResourceConfig(
      grpc::ServerContext*, const tfplugin6::ValidateEphemeralResourceConfig::Request*,
      tfplugin6::ValidateEphemeralResourceConfig::Response*) override;
  grpc::Status UpgradeResourceState(grpc::ServerContext*,
                                    const tfplugin6::UpgradeResourceState::Request*,
                                    tfplugin6::UpgradeResourceState::Response*) override;
  grpc::Status ConfigureProvider(grpc::ServerContext*, const tfplugin6::ConfigureProvider::Request*,
                                 tfplugin6::ConfigureProvider::Response*) override;
  grpc::Status ReadResource(grpc::ServerContext*, const tfplugin6::ReadResource::Request*,
                            tfplugin6::ReadResource::Response*) override;
  grpc::Status PlanResourceChange(grpc::ServerContext*,
                                  const tfplugin6::PlanResourceChange::Request*,
                                  tfplugin6::PlanResourceChange::Response*) override;
  grpc::Status ApplyResourceChange(grpc::ServerContext*,
                                   const tfplugin6::ApplyResourceChange::Request*,
                                   tfplugin6::ApplyResourceChange::Response*) override;
  grpc::Status ImportResourceState(grpc::ServerContext*,
                                   const tfplugin6::ImportResourceState::Request*,
                                   tfplugin6::ImportResourceState::Response*) override;
  grpc::Status ReadDataSource(grpc::ServerContext*, const tfplugin6::ReadDataSource::Request*,
                              tfplugin6::ReadDataSource::Response*) override;
  grpc::Status OpenEphemeralResource(grpc::ServerContext*,
                                     const tfplugin6::OpenEphemeralResource::Request*,
                                     tfplugin6::OpenEphemeralResource::Response*) override;
  grpc::Status RenewEphemeralResource(grpc::ServerContext*,
                                      const tfplugin6::RenewEphemeralResource::Request*,
                                      tfplugin6::RenewEphemeralResource::Response*) override;
  grpc::Status CloseEphemeralResource(grpc::ServerContext*,
                                      const tfplugin6::CloseEphemeralResource::Request*,
                                      tfplugin6::CloseEphemeralResource::Response*) override;
  grpc::Status StopProvider(grpc::ServerContext*, const tfplugin6::StopProvider::Request*,
                            tfplugin6::StopProvider::Response*) override;

 private:
  std::unique_ptr<framework::Provider> provider_;
  // Ephemeral resources opened and not yet closed: private data → type name.
  std::mutex open_ephemerals_mutex_;
  std::multimap<std::string, std::string> open_ephemerals_;
};

}  // namespace orgiam::tfproto

#endif  // ORGIAM_TFPROTO_PROVIDER_SERVICE_H_
