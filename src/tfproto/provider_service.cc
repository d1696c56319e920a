#include "tfproto/provider_service.h"

#include <utility>

#include "tfproto/convert.h"
#include "tfproto/wire_helpers.h"
#include "util/log.h"

namespace orgiam::tfproto {

ProviderService::ProviderService(std::unique_ptr<framework::Provider> provider)
    : provider_(std::move(provider)) {}

void ProviderService::Stop() { provider_->Stop(); }

grpc::Status ProviderService::ConfigureProvider(
    grpc::ServerContext*, const tfplugin6::ConfigureProvider::Request* request,
    tfplugin6::ConfigureProvider::Response* response) {
  framework::Diagnostics diagnostics;
  ORGIAM_LOG(kDebug, "orgiam", "configuring provider",
             {{"terraform_version", request->terraform_version()}});
  const framework::Schema* schema =
      FindSchemaOrDiagnose(framework::SchemaKind::kProvider, "", &diagnostics);
  if (std::optional<cty::Value> config =
          DecodeOrDiagnose(request->config(), *schema, "provider configuration", &diagnostics)) {
    provider_->Configure(*config, &diagnostics);
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::StopProvider(grpc::ServerContext*,
                                           const tfplugin6::StopProvider::Request*,
                                           tfplugin6::StopProvider::Response*) {
  ORGIAM_LOG(kInfo, "orgiam", "StopProvider: cancelling in-flight requests");
  provider_->Stop();
  return grpc::Status::OK;
}

}  // namespace orgiam::tfproto
