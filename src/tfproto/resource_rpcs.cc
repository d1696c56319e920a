// Managed-resource RPCs: upgrade, read, plan, apply, import.

#include "absl/strings/str_cat.h"
#include "cty/codec.h"
#include "framework/diagnostics.h"
#include "framework/plan_engine.h"
#include "tfproto/convert.h"
#include "tfproto/provider_service.h"
#include "tfproto/wire_helpers.h"
#include "util/log.h"

namespace orgiam::tfproto {
namespace {

framework::Resource* FindResourceOrDiagnose(framework::Provider& provider,
                                            const std::string& type_name,
                                            framework::Diagnostics* diagnostics) {
  framework::Resource* resource = provider.FindResource(type_name);
  if (resource == nullptr) {
    diagnostics->AddError("Resource not available",
                          absl::StrCat("The orgiam provider does not implement \"", type_name,
                                       "\" in this version."));
  }
  return resource;
}

}  // namespace

grpc::Status ProviderService::UpgradeResourceState(
    grpc::ServerContext*, const tfplugin6::UpgradeResourceState::Request* request,
    tfplugin6::UpgradeResourceState::Response* response) {
  framework::Diagnostics diagnostics;
  const framework::Schema* schema =
      FindSchemaOrDiagnose(framework::SchemaKind::kResource, request->type_name(), &diagnostics);
  if (schema != nullptr) {
    if (request->raw_state().json().empty()) {
      diagnostics.AddError("Unsupported state format",
                           "This state was written by Terraform 0.11 or older (flatmap), "
                           "which the orgiam provider cannot read.");
    } else if (request->version() > schema->version) {
      diagnostics.AddError(
          "State from a newer provider",
          absl::StrCat("The state of ", schema->type_name, " has version ", request->version(),
                       " but this provider knows ", schema->version, ". Upgrade the provider."));
    } else {
      absl::StatusOr<cty::Value> state =
          cty::DecodeJson(request->raw_state().json(), schema->implied_type);
      if (!state.ok()) {
        diagnostics.AddError("Unreadable state",
                             absl::StrCat("The stored state of ", schema->type_name,
                                          " cannot be read: ", state.status().message()));
      } else {
        EncodeOrDiagnose(framework::ConformState(*schema, *state), *schema,
                         response->mutable_upgraded_state(), &diagnostics);
      }
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::ReadResource(grpc::ServerContext*,
                                           const tfplugin6::ReadResource::Request* request,
                                           tfplugin6::ReadResource::Response* response) {
  framework::Diagnostics diagnostics;
  const framework::Schema* schema =
      FindSchemaOrDiagnose(framework::SchemaKind::kResource, request->type_name(), &diagnostics);
  framework::Resource* resource =
      schema ? FindResourceOrDiagnose(*provider_, request->type_name(), &diagnostics) : nullptr;
  std::optional<cty::Value> current =
      resource ? DecodeOrDiagnose(request->current_state(), *schema, "state", &diagnostics)
               : std::nullopt;
  if (current &&
      CheckResourceValue(*current, *schema, "ReadResource", "current state", &diagnostics)) {
    cty::Value new_state = *current;
    if (!current->IsNull()) {
      std::optional<cty::Value> read = resource->Read(*current, &diagnostics);
      if (diagnostics.HasError()) {
        new_state = *current;  // keep what we had; the error says why
      } else if (!read) {
        ORGIAM_LOG(kInfo, "orgiam", "remote object is gone", {{"type", request->type_name()}});
        new_state = cty::Value::Null(schema->implied_type);
      } else {
        new_state = framework::ConformState(*schema, *read);
      }
    }
    EncodeOrDiagnose(new_state, *schema, response->mutable_new_state(), &diagnostics);
    response->set_private_(request->private_());
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::PlanResourceChange(
    grpc::ServerContext*, const tfplugin6::PlanResourceChange::Request* request,
    tfplugin6::PlanResourceChange::Response* response) {
  framework::Diagnostics diagnostics;
  const framework::Schema* schema =
      FindSchemaOrDiagnose(framework::SchemaKind::kResource, request->type_name(), &diagnostics);
  framework::Resource* resource =
      schema ? FindResourceOrDiagnose(*provider_, request->type_name(), &diagnostics) : nullptr;
  if (resource != nullptr) {
    std::optional<cty::Value> prior =
        DecodeOrDiagnose(request->prior_state(), *schema, "prior state", &diagnostics);
    std::optional<cty::Value> proposed =
        DecodeOrDiagnose(request->proposed_new_state(), *schema, "proposed state", &diagnostics);
    std::optional<cty::Value> config =
        DecodeOrDiagnose(request->config(), *schema, "configuration", &diagnostics);
    if (prior && proposed && config &&
        CheckResourceChange(*prior, *proposed, *schema, "PlanResourceChange", "proposed new state",
                            &diagnostics) &&
        CheckResourceValue(*config, *schema, "PlanResourceChange", "configuration", &diagnostics)) {
      // A plan that the apply would refuse for want of a provider block fails now, while a
      // CI plan check still sees it.
      provider_->CheckPlannable(request->type_name(), &diagnostics);
      if (!diagnostics.HasError()) {
        framework::PlannedChange change =
            framework::PlanChange(*schema, *resource, *prior, *proposed, *config, &diagnostics);
        EncodeOrDiagnose(change.planned, *schema, response->mutable_planned_state(), &diagnostics);
        for (const cty::Path& path : change.requires_replace) {
          *response->add_requires_replace() = PathToProto(path);
        }
        response->set_planned_private(request->prior_private());
      }
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::ApplyResourceChange(
    grpc::ServerContext*, const tfplugin6::ApplyResourceChange::Request* request,
    tfplugin6::ApplyResourceChange::Response* response) {
  framework::Diagnostics diagnostics;
  const framework::Schema* schema =
      FindSchemaOrDiagnose(framework::SchemaKind::kResource, request->type_name(), &diagnostics);
  framework::Resource* resource =
      schema ? FindResourceOrDiagnose(*provider_, request->type_name(), &diagnostics) : nullptr;
  if (resource != nullptr) {
    std::optional<cty::Value> prior =
        DecodeOrDiagnose(request->prior_state(), *schema, "prior state", &diagnostics);
    std::optional<cty::Value> planned =
        DecodeOrDiagnose(request->planned_state(), *schema, "planned state", &diagnostics);
    std::optional<cty::Value> config =
        DecodeOrDiagnose(request->config(), *schema, "configuration", &diagnostics);
    if (prior && planned && config) {
      if (CheckResourceChange(*prior, *planned, *schema, "ApplyResourceChange", "planned state",
                              &diagnostics) &&
          CheckResourceValue(*config, *schema, "ApplyResourceChange", "configuration",
                             &diagnostics)) {
        cty::Value new_state =
            framework::ApplyChange(*schema, *resource, *prior, *planned, *config, &diagnostics);
        EncodeOrDiagnose(new_state, *schema, response->mutable_new_state(), &diagnostics);
      } else if (prior->IsKnown()) {
        // Refused: nothing was done, so the prior state stands.
        EncodeOrDiagnose(*prior, *schema, response->mutable_new_state(), &diagnostics);
      }
      response->set_private_(request->planned_private());
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

grpc::Status ProviderService::ImportResourceState(
    grpc::ServerContext*, const tfplugin6::ImportResourceState::Request* request,
    tfplugin6::ImportResourceState::Response* response) {
  framework::Diagnostics diagnostics;
  const framework::Schema* schema =
      FindSchemaOrDiagnose(framework::SchemaKind::kResource, request->type_name(), &diagnostics);
  framework::Resource* resource =
      schema ? FindResourceOrDiagnose(*provider_, request->type_name(), &diagnostics) : nullptr;
  if (resource != nullptr && CheckImportId(request->id(), *schema, &diagnostics)) {
    std::optional<cty::Value> state = resource->Import(request->id(), &diagnostics);
    if (state && !diagnostics.HasError()) {
      auto* imported = response->add_imported_resources();
      imported->set_type_name(request->type_name());
      EncodeOrDiagnose(framework::ConformState(*schema, *state), *schema, imported->mutable_state(),
                       &diagnostics);
    } else if (!diagnostics.HasError()) {
      diagnostics.AddError(
          "Cannot import non-existent remote object",
          absl::StrCat("No ", request->type_name(), " matches ",
                       framework::QuotedExcerpt(request->id(), 256), ". ", schema->import_help));
    }
  }
  AppendDiagnostics(diagnostics, response->mutable_diagnostics());
  return grpc::Status::OK;
}

}  // namespace orgiam::tfproto
