// orgiam_motherduck_service_account: a MotherDuck service account.
//
// Deleting an account makes MotherDuck delete every database it owns, so both destroying and
// replacing an account are refused while deletion_protection is true (the default, also after
// import). MotherDuck has no GET for a user; existence is read from its Duckling configuration.

#include "motherduck/service_account_resource.h"

#include "absl/strings/str_cat.h"
#include "framework/import_advice.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::motherduck {
namespace {

constexpr char kTypeName[] = "orgiam_motherduck_service_account";

const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }

// Protection is on unless the value is known to be false.
bool IsProtected(const cty::Value& object) {
  if (object.IsNullOrUnknown()) return true;
  const cty::Value& value = object.GetAttr("deletion_protection");
  return value.IsNullOrUnknown() || value.AsBool();
}

std::string ProtectedDetail(const std::string& username, const std::string& action) {
  return absl::StrCat(
      "The MotherDuck service account \"", username, "\" has deletion_protection = true. ", action,
      " it would delete the account, and MotherDuck deletes every database the account "
      "owns along with it; this cannot be undone.\n\nTo proceed, set deletion_protection = false "
      "in the configuration and run terraform apply first, then run this command again.");
}

cty::Value ToState(const std::string& username, const cty::Value& base) {
  framework::ObjectBuilder state(Schema(), base);
  state.SetString("id", username).SetString("username", username);
  if (base.IsNullOrUnknown() || base.GetAttr("deletion_protection").IsNullOrUnknown()) {
    state.SetBool("deletion_protection", true);
  }
  return state.Build();
}

class ServiceAccountResource : public framework::VendorResource<MotherduckApi> {
 public:
  using VendorType::VendorType;

  void ModifyPlan(const framework::PlanRequest& request, cty::Value* planned,
                  framework::Diagnostics* diagnostics) const override {
    if (request.prior.IsNull()) return;
    const cty::Value& new_username = planned->GetAttr("username");
    if (new_username.IsKnown() && new_username.Equals(request.prior.GetAttr("username"))) return;
    // A changed username replaces the account: the old one, and its data, would be deleted.
    if (IsProtected(request.prior) || IsProtected(*planned)) {
      diagnostics->AddError("Service account is protected from deletion",
                            ProtectedDetail(framework::GetString(request.prior, "username"),
                                            "Changing its username replaces "
                                            "the account:"),
                            cty::Path().Attr("username"));
    }
  }

  void ValidateDestroy(const cty::Value& prior,
                       framework::Diagnostics* diagnostics) const override {
    if (prior.IsNull() || !IsProtected(prior)) return;
    diagnostics->AddError("Service account is protected from deletion",
                          ProtectedDetail(framework::GetString(prior, "username"), "Destroying"));
  }

  cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<MotherduckApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    const std::string username = framework::GetString(planned, "username");
    if (absl::Status status = api->CreateServiceAccount(username); !status.ok()) {
      framework::AddCreateFailure(diagnostics, status,
                                  "Could not create the MotherDuck service account", kTypeName);
      return cty::Value();
    }
    return ToState(username, planned);
  }

  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    std::shared_ptr<MotherduckApi> api = ConfiguredApi(diagnostics);
    if (!api) return state;
    std::string username = framework::GetString(state, "id");
    if (username.empty()) username = framework::GetString(state, "username");
    absl::StatusOr<bool> exists = api->ServiceAccountExists(username);
    if (!exists.ok()) {
      diagnostics->AddStatus(exists.status(), "Could not read the MotherDuck service account");
      return state;
    }
    if (!*exists) return std::nullopt;
    return ToState(username, state);
  }

  cty::Value Update(const cty::Value& /*prior*/, const cty::Value& planned,
                    const cty::Value& /*config*/,
                    framework::Diagnostics* /*diagnostics*/) override {
    // Only deletion_protection can change in place, and it lives in Terraform alone.
    return planned;
  }

  void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override {
    const std::string username = framework::GetString(prior, "username");
    // Planning already refused this; checked again so no path deletes a protected account.
    if (IsProtected(prior)) {
      diagnostics->AddError("Service account is protected from deletion",
                            ProtectedDetail(username, "Destroying"));
      return;
    }
    std::shared_ptr<MotherduckApi> api = ConfiguredApi(diagnostics);
    if (!api) return;
    if (absl::Status status = api->DeleteServiceAccount(username); !status.ok()) {
      diagnostics->AddStatus(status, "Could not delete the MotherDuck service account");
    }
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    if (id.empty() || id.find('/') != std::string::npos) {
      diagnostics->AddError("Invalid import id",
                            absl::StrCat("Expected the username of a MotherDuck service "
                                         "account, got \"",
                                         id, "\"."));
      return std::nullopt;
    }
    // Read confirms the account exists and fills the rest.
    return ToState(id, cty::Value());
  }
};

}  // namespace

void RegisterServiceAccountResource(const MotherduckSlot* api, framework::Registry* registry) {
  registry->AddResource(kTypeName, std::make_unique<ServiceAccountResource>(api));
}

}  // namespace orgiam::motherduck
