// orgiam_vultr_user_api_key: an additional API key of a Vultr user.
//
// Vultr shows the key in plain text only in the create response, so it is captured then and
// kept from state on every read (GET masks it). Everything the configuration sets forces a
// replacement, which is how a key is rotated; date_expire only when it names another second
// (Vultr keeps whole seconds), not for another spelling of the same one. A key past its
// date_expire is planned for re-creation, as every expiring credential is.

#include "vultr/api_key_resource.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "framework/import_id.h"
#include "framework/object_builder.h"
#include "framework/read_back.h"
#include "framework/schema_registry.h"
#include "framework/time_plan.h"
#include "framework/vendor_type.h"
#include "vultr/vultr_time.h"

namespace orgiam::vultr {
namespace {

constexpr char kTypeName[] = "orgiam_vultr_user_api_key";

const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }

// Maps an API key onto the state. The secret comes from `key` only when it is the create
// response; otherwise the state's copy (or "" after an import) is kept.
cty::Value ToState(const std::string& user_id, const ApiKey& key, const cty::Value& base,
                   bool created) {
  framework::ObjectBuilder state(Schema(), base);
  state.SetString("id", key.id)
      .SetString("user_id", user_id)
      .SetTime("date_created", key.date_created, kVultrTimePrecision);
  if (!key.name.empty()) state.SetString("name", key.name);
  // date_expire: the configured (or prior) spelling of the same second; "" means "never".
  if (key.date_expire.empty()) {
    state.SetNull("date_expire");
  } else {
    state.SetTime("date_expire", key.date_expire, kVultrTimePrecision);
  }
  state.SetCapturedSecret("api_key", created ? key.api_key : "");
  return state.Build();
}

const framework::ExpiringCredential kExpiry{.expiry_attribute = "date_expire",
                                            .what = "Vultr API key"};

// Update: what is left in place is another spelling of the same date_expire.
class ApiKeyResource : public framework::ReplaceOnlyVendorResource<VultrApi> {
 public:
  using ReplaceOnlyVendorResource::ReplaceOnlyVendorResource;

  void ModifyPlan(const framework::PlanRequest& request, cty::Value* planned,
                  framework::Diagnostics* diagnostics) const override {
    framework::PlanConfiguredExpiry(Schema(), request, planned, kExpiry, kVultrTimePrecision,
                                    absl::Now(), diagnostics);
  }

  cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    const std::string user_id = framework::GetString(planned, "user_id");
    const cty::Value& expire = planned.GetAttr("date_expire");
    std::optional<std::string> date_expire;
    if (!expire.IsNullOrUnknown()) date_expire = expire.AsString();
    absl::StatusOr<ApiKey> key =
        api->CreateApiKey(user_id, framework::GetString(planned, "name"), date_expire);
    if (!key.ok()) {
      diagnostics->AddStatus(key.status(), "Could not create the Vultr API key");
      return cty::Value();
    }
    return ToState(user_id, *key, planned, /*created=*/true);
  }

  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return state;
    const std::string user_id = framework::GetString(state, "user_id");
    // A 404 for the key or for its user: either way the key is gone.
    return framework::StateFromLookup(
        api->GetApiKey(user_id, framework::GetString(state, "id")), state,
        "Could not read the Vultr API key", diagnostics,
        [&](const ApiKey& key) { return ToState(user_id, key, state, /*created=*/false); });
  }

  void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override {
    slot().Run(diagnostics, "Could not delete the Vultr API key", [&prior](VultrApi& api) {
      return api.DeleteApiKey(framework::GetString(prior, "user_id"),
                              framework::GetString(prior, "id"));
    });
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    const std::optional<framework::ParentChildId> ids =
        framework::SplitImportId(id, "user_id/key_id", "", diagnostics);
    if (!ids) return std::nullopt;
    return framework::ObjectBuilder(Schema())
        .SetString("user_id", ids->parent)
        .SetString("id", ids->child)
        .SetString("api_key", "")
        .Build();
  }
};

}  // namespace

void RegisterApiKeyResource(const VultrSlot* api, framework::Registry* registry) {
  registry->AddResource(kTypeName, std::make_unique<ApiKeyResource>(api));
}

}  // namespace orgiam::vultr
