// GetMetadata and GetProviderSchema: both answered from the compiled-in schemas.

#include "framework/schema_registry.h"
#include "tfproto/convert.h"
#include "tfproto/provider_service.h"

namespace orgiam::tfproto {
namespace {

void SetCapabilities(tfplugin6::ServerCapabilities* capabilities) {
  capabilities->set_plan_destroy(true);
  capabilities->set_get_provider_schema_optional(true);
}

// Built once: the schema never changes during a process's life.
const tfplugin6::GetProviderSchema::Response& SchemaResponse() {
  static const tfplugin6::GetProviderSchema::Response* const response = [] {
    auto* out = new tfplugin6::GetProviderSchema::Response();
    const framework::SchemaRegistry& registry = framework::SchemaRegistry::Get();
    SchemaToProto(registry.provider(), out->mutable_provider());
    for (const auto& [name, schema] : registry.resources()) {
      SchemaToProto(schema, &(*out->mutable_resource_schemas())[name]);
    }
    for (const auto& [name, schema] : registry.data_sources()) {
      SchemaToProto(schema, &(*out->mutable_data_source_schemas())[name]);
    }
    for (const auto& [name, schema] : registry.ephemerals()) {
      SchemaToProto(schema, &(*out->mutable_ephemeral_resource_schemas())[name]);
    }
    SetCapabilities(out->mutable_server_capabilities());
    return out;
  }();
  return *response;
}

}  // namespace

grpc::Status ProviderService::GetMetadata(grpc::ServerContext*,
                                          const tfplugin6::GetMetadataRpc::Request*,
                                          tfplugin6::GetMetadataRpc::Response* response) {
  const framework::SchemaRegistry& registry = framework::SchemaRegistry::Get();
  SetCapabilities(response->mutable_server_capabilities());
  for (const auto& [name, schema] : registry.resources()) {
    response->add_resources()->set_type_name(name);
  }
  for (const auto& [name, schema] : registry.data_sources()) {
    response->add_data_sources()->set_type_name(name);
  }
  for (const auto& [name, schema] : registry.ephemerals()) {
    response->add_ephemeral_resources()->set_type_name(name);
  }
  return grpc::Status::OK;
}

grpc::Status ProviderService::GetProviderSchema(grpc::ServerContext*,
                                                const tfplugin6::GetProviderSchema::Request*,
                                                tfplugin6::GetProviderSchema::Response* response) {
  *response = SchemaResponse();
  return grpc::Status::OK;
}

}  // namespace orgiam::tfproto
