// orgiam_zitadel_personal_access_token: a personal access token of a ZITADEL machine user.
//
// ZITADEL shows the token only in AddPersonalAccessToken's answer, so it is captured then and
// kept from state on every read. ZITADEL cannot change a token: user_id and org_id replace it,
// expiration_date only when it names another instant. An expired token is still listed by
// ZITADEL; it stays in the state and the plan replaces it with a warning, as for every
// expiring credential (framework/time_plan.h).

#include "zitadel/personal_access_token_resource.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "framework/import_id.h"
#include "framework/object_builder.h"
#include "framework/read_back.h"
#include "framework/schema_registry.h"
#include "framework/time_plan.h"
#include "framework/vendor_type.h"

namespace orgiam::zitadel {
namespace {

constexpr char kTypeName[] = "orgiam_zitadel_personal_access_token";

const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }

// Maps a token onto the state. The secret comes from `token` only when it is the create's
// answer; otherwise the state's copy (or "" after an import) is kept.
cty::Value ToState(const std::string& user_id, const PersonalAccessToken& token,
                   const cty::Value& base) {
  framework::ObjectBuilder state(Schema(), base);
  state.SetString("id", token.id)
      .SetString("user_id", user_id)
      .SetTime("expiration_date", token.expiration_date, kZitadelTimePrecision)
      .SetTime("creation_date", token.creation_date, kZitadelTimePrecision);
  if (!token.org_id.empty()) state.SetString("org_id", token.org_id);
  state.SetCapturedSecret("token", token.token);
  return state.Build();
}

const framework::ExpiringCredential kExpiry{.expiry_attribute = "expiration_date",
                                            .what = "ZITADEL personal access token"};

// Update: what is left in place is another spelling of the same expiration_date.
class PersonalAccessTokenResource : public framework::ReplaceOnlyVendorResource<ZitadelApi> {
 public:
  using ReplaceOnlyVendorResource::ReplaceOnlyVendorResource;

  void ModifyPlan(const framework::PlanRequest& request, cty::Value* planned,
                  framework::Diagnostics* diagnostics) const override {
    framework::PlanConfiguredExpiry(Schema(), request, planned, kExpiry, kZitadelTimePrecision,
                                    absl::Now(), diagnostics);
  }

  cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<ZitadelApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    const std::string user_id = framework::GetString(planned, "user_id");
    std::optional<std::string> expiration_date;
    if (!planned.GetAttr("expiration_date").IsNullOrUnknown()) {
      expiration_date = framework::GetString(planned, "expiration_date");
    }
    absl::StatusOr<PersonalAccessToken> token = api->AddPersonalAccessToken(
        api->ResolveOrg(framework::GetString(planned, "org_id")), user_id, expiration_date);
    if (!token.ok()) {
      diagnostics->AddStatus(token.status(), "Could not create the ZITADEL personal access token");
      return cty::Value();
    }
    return ToState(user_id, *token, planned);
  }

  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    std::shared_ptr<ZitadelApi> api = ConfiguredApi(diagnostics);
    if (!api) return state;
    const std::string user_id = framework::GetString(state, "user_id");
    // ZITADEL's 404 for the token or for its user: either way the token is gone.
    return framework::StateFromLookup(
        api->GetPersonalAccessToken(api->ResolveOrg(framework::GetString(state, "org_id")), user_id,
                                    framework::GetString(state, "id")),
        state, "Could not read the ZITADEL personal access token", diagnostics,
        [&](const PersonalAccessToken& token) { return ToState(user_id, token, state); });
  }

  void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override {
    slot().Run(diagnostics, "Could not remove the ZITADEL personal access token",
               [&prior](ZitadelApi& api) {
                 return api.RemovePersonalAccessToken(
                     api.ResolveOrg(framework::GetString(prior, "org_id")),
                     framework::GetString(prior, "user_id"), framework::GetString(prior, "id"));
               });
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    // "org_id/user_id/token_id": the organization first, then the two-part form. Any other
    // id with two '/' (an empty org_id) goes whole to SplitImportId, which refuses it.
    std::string org_id;
    std::string_view user_and_token = id;
    const size_t first_slash = id.find('/');
    if (std::count(id.begin(), id.end(), '/') == 2 && first_slash > 0) {
      org_id = id.substr(0, first_slash);
      user_and_token = std::string_view(id).substr(first_slash + 1);
    }
    const std::optional<framework::ParentChildId> ids = framework::SplitImportId(
        user_and_token, "user_id/token_id or org_id/user_id/token_id",
        "The token itself cannot be read back: it stays empty after import.", diagnostics);
    if (!ids) return std::nullopt;
    framework::ObjectBuilder skeleton(Schema());
    skeleton.SetString("id", ids->child).SetString("user_id", ids->parent).SetString("token", "");
    if (!org_id.empty()) skeleton.SetString("org_id", org_id);
    return skeleton.Build();
  }
};

}  // namespace

void RegisterPersonalAccessTokenResource(const ZitadelSlot* api, framework::Registry* registry) {
  registry->AddResource(kTypeName, std::make_unique<PersonalAccessTokenResource>(api));
}

}  // namespace orgiam::zitadel
