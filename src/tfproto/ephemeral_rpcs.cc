// Ephemeral resources: Open mints a credential, Renew extends it, Close revokes it. Nothing
// of them is ever stored by Terraform; `private` carries what Close needs to find it again.

#include <chrono>

#include "absl/strings/str_cat.h"
#include "framework/plan_engine.h"
#include "framework/schema_registry.h"
#include "tfproto/convert.h"
#include "tfproto/provider_service.h"
#include "tfproto/wire_helpers.h"
#include "util/log.h"

namespace orgiam::tfproto {
namespace {

void SetTimestamp(std::chrono::system_clock::time_point when, google::protobuf::Timestamp* out) {
  const auto since_epoch = when.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  out->set_seconds(seconds.count());
  out->set_nanos(static_cast<int32_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - seconds).count()));
}

framework::EphemeralResource* FindEphemeralOrDiagnose(framework::Provider& provider,
                                                      const std::string& type_name,
                                                      framework::Diagnostics* diagnostics) {
  if (FindSchemaOrDiagnose(framework::SchemaKind::kEphemeral, type_name, diagnostics) == nullptr) {
    return nullptr;
  }
  framework::EphemeralResource* ephemeral = provider.FindEphemeral(type_name);
  if (ephemeral == nullptr) {
    diagnostics->AddError("Ephemeral resource not available",
                          absl::StrCat("The orgiam provider does not implement \"", type_name,
                                       "\" in this version."));
  }
  return ephemeral;
}

}  // namespace

grpc::Status ProviderService::OpenEphemeralResource(
    grpc::ServerContext*, const tfplugin6::OpenEphemeralResource::Request* request,
    tfplugin6::OpenEphemeralResource::Response* response) {
  framework::Diagnostics diagnostics;
  framework::EphemeralResource* ephemeral =
      FindEphemeralOrDiagnose(*provider_, request->type_name(), &diagnostics);
  if (ephemeral != nullptr) {
    const framework::Schema& schema =
        framework::SchemaFor(framework::SchemaKind::kEphemeral, request->type_name());
    if (std::optional<cty::Value> config =
            DecodeOrDiagnose(request->config(), schema, "configuration", &diagnostics)) {
      framework::EphemeralResource::Opened opened = ephemeral->Open(*config, &diagnostics);
      // Close must be able to revoke whatever was created, even when Open also reports errors.
      if (!opened.private_data.empty()) {
        response->set_private_(opened.private_data);
        std::lock_guard<std::mutex> lock(open_ephemerals_mutex_);
        open_ephemerals_.emplace(opened.private_data, request->type_name());
      }
      if (!diagnostics.HasError()) {
        EncodeOrDiagnose(framework::ConformState(schema, opened.result), schema,
                         response->mutable_result(), &diagnostics);
        if (opened.renew_at) SetTimestamp(*opened.renew_at, response->mutable_renew_at());
      }
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::RenewEphemeralResource(
    grpc::ServerContext*, const tfplugin6::RenewEphemeralResource::Request* request,
    tfplugin6::RenewEphemeralResource::Response* response) {
  framework::Diagnostics diagnostics;
  if (framework::EphemeralResource* ephemeral =
          FindEphemeralOrDiagnose(*provider_, request->type_name(), &diagnostics)) {
    if (auto renew_at = ephemeral->Renew(request->private_(), &diagnostics)) {
      SetTimestamp(*renew_at, response->mutable_renew_at());
    }
    response->set_private_(request->private_());
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::CloseEphemeralResource(
    grpc::ServerContext*, const tfplugin6::CloseEphemeralResource::Request* request,
    tfplugin6::CloseEphemeralResource::Response* response) {
  framework::Diagnostics diagnostics;
  if (framework::EphemeralResource* ephemeral =
          FindEphemeralOrDiagnose(*provider_, request->type_name(), &diagnostics)) {
    ephemeral->Close(request->private_(), &diagnostics);
    std::lock_guard<std::mutex> lock(open_ephemerals_mutex_);
    auto it = open_ephemerals_.find(request->private_());
    if (it != open_ephemerals_.end()) open_ephemerals_.erase(it);
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

void ProviderService::Shutdown() {
  std::multimap<std::string, std::string> leftovers;
  {
    std::lock_guard<std::mutex> lock(open_ephemerals_mutex_);
    leftovers.swap(open_ephemerals_);
  }
  for (const auto& [private_data, type_name] : leftovers) {
    framework::EphemeralResource* ephemeral = provider_->FindEphemeral(type_name);
    if (ephemeral == nullptr) continue;
    ORGIAM_LOG(kInfo, "orgiam", "closing an ephemeral resource Terraform did not close",
               {{"type", type_name}});
    framework::Diagnostics diagnostics;
    ephemeral->Close(private_data, &diagnostics);
    for (const framework::Diagnostic& d : diagnostics.items()) {
      ORGIAM_LOG(kError, "orgiam", "closing a leftover ephemeral resource failed",
                 {{"type", type_name}, {"summary", d.summary}, {"detail", d.detail}});
    }
  }
  provider_->Stop();
}

}  // namespace orgiam::tfproto
