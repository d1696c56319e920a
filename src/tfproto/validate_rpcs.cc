// The four Validate*Config RPCs: schema-declared rules, then each implementation's own.

#include "framework/config_validation.h"
#include "tfproto/convert.h"
#include "tfproto/provider_service.h"
#include "tfproto/wire_helpers.h"

namespace orgiam::tfproto {
namespace {

// Validates `wire` against the schema of (kind, type_name) and returns the config value for
// implementation-specific checks, or nullopt when it could not be decoded.
std::optional<cty::Value> ValidateAgainstSchema(framework::SchemaKind kind,
                                                const std::string& type_name,
                                                const tfplugin6::DynamicValue& wire,
                                                bool write_only_allowed,
                                                framework::Diagnostics* diagnostics) {
  const framework::Schema* schema = FindSchemaOrDiagnose(kind, type_name, diagnostics);
  if (schema == nullptr) return std::nullopt;
  std::optional<cty::Value> config = DecodeOrDiagnose(wire, *schema, "configuration", diagnostics);
  if (!config) return std::nullopt;
  framework::ValidateConfig(*schema, *config,
                            framework::ValidationOptions{.write_only_allowed = write_only_allowed},
                            diagnostics);
  return config;
}

}  // namespace

grpc::Status ProviderService::ValidateProviderConfig(
    grpc::ServerContext*, const tfplugin6::ValidateProviderConfig::Request* request,
    tfplugin6::ValidateProviderConfig::Response* response) {
  framework::Diagnostics diagnostics;
  ValidateAgainstSchema(framework::SchemaKind::kProvider, "", request->config(), true,
                        &diagnostics);
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::ValidateResourceConfig(
    grpc::ServerContext*, const tfplugin6::ValidateResourceConfig::Request* request,
    tfplugin6::ValidateResourceConfig::Response* response) {
  framework::Diagnostics diagnostics;
  std::optional<cty::Value> config = ValidateAgainstSchema(
      framework::SchemaKind::kResource, request->type_name(), request->config(),
      request->client_capabilities().write_only_attributes_allowed(), &diagnostics);
  if (config) {
    if (framework::Resource* resource = provider_->FindResource(request->type_name())) {
      resource->ValidateConfig(*config, &diagnostics);
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::ValidateDataResourceConfig(
    grpc::ServerContext*, const tfplugin6::ValidateDataResourceConfig::Request* request,
    tfplugin6::ValidateDataResourceConfig::Response* response) {
  framework::Diagnostics diagnostics;
  std::optional<cty::Value> config =
      ValidateAgainstSchema(framework::SchemaKind::kDataSource, request->type_name(),
                            request->config(), true, &diagnostics);
  if (config) {
    if (framework::DataSource* source = provider_->FindDataSource(request->type_name())) {
      source->ValidateConfig(*config, &diagnostics);
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::ValidateEphemeralResourceConfig(
    grpc::ServerContext*, const tfplugin6::ValidateEphemeralResourceConfig::Request* request,
    tfplugin6::ValidateEphemeralResourceConfig::Response* response) {
  framework::Diagnostics diagnostics;
  std::optional<cty::Value> config =
      ValidateAgainstSchema(framework::SchemaKind::kEphemeral, request->type_name(),
                            request->config(), true, &diagnostics);
  if (config) {
    if (framework::EphemeralResource* ephemeral = provider_->FindEphemeral(request->type_name())) {
      ephemeral->ValidateConfig(*config, &diagnostics);
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

}  // namespace orgiam::tfproto
