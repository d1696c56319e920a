// ReadDataSource.

#include "absl/strings/str_cat.h"
#include "framework/plan_engine.h"
#include "tfproto/convert.h"
#include "tfproto/provider_service.h"
#include "tfproto/wire_helpers.h"

namespace orgiam::tfproto {

grpc::Status ProviderService::ReadDataSource(grpc::ServerContext*,
                                             const tfplugin6::ReadDataSource::Request* request,
                                             tfplugin6::ReadDataSource::Response* response) {
  framework::Diagnostics diagnostics;
  const framework::Schema* schema =
      FindSchemaOrDiagnose(framework::SchemaKind::kDataSource, request->type_name(), &diagnostics);
  framework::DataSource* source =
      schema ? provider_->FindDataSource(request->type_name()) : nullptr;
  if (schema != nullptr && source == nullptr) {
    diagnostics.AddError("Data source not available",
                         absl::StrCat("The orgiam provider does not implement \"",
                                      request->type_name(), "\" in this version."));
  }
  if (source != nullptr) {
    if (std::optional<cty::Value> config =
            DecodeOrDiagnose(request->config(), *schema, "configuration", &diagnostics)) {
      cty::Value state = source->Read(*config, &diagnostics);
      if (!diagnostics.HasError()) {
        EncodeOrDiagnose(framework::ConformState(*schema, state), *schema,
                         response->mutable_state(), &diagnostics);
      }
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

}  // namespace orgiam::tfproto
