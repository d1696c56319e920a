// orgiam_motherduck_access_token: an access token of a MotherDuck service account.
//
// The secret exists only in the create response, so it is captured then and carried over from
// state on every read. MotherDuck cannot update tokens: every configurable attribute replaces
// the token. A revoked token is no longer listed; Read then reports it gone so that Terraform
// plans a new one. An expired token (no longer listed either) stays in the state, and the plan
// replaces it with a warning, as for every expiring credential (framework/time_plan.h). ttl,
// which the API does not return, is expire_at - created_ts, so an imported token plans clean.

#include "motherduck/access_token_resource.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "framework/import_id.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/time_plan.h"
#include "framework/vendor_type.h"
#include "util/rfc3339_time.h"

namespace orgiam::motherduck {
namespace {

constexpr char kTypeName[] = "orgiam_motherduck_access_token";

// MotherDuck writes its times in UTC to the millisecond ("2026-11-23T13:40:00.123Z").
constexpr absl::Duration kMotherDuckTimePrecision = absl::Milliseconds(1);

const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }

// The lifetime the token was created with, in whole seconds, when the API holds both ends.
std::optional<int64_t> LifetimeSeconds(const Token& token) {
  const std::optional<absl::Time> created = util::ParseRfc3339(token.created_ts);
  const std::optional<absl::Time> expires = util::ParseRfc3339(token.expire_at);
  if (!created || !expires || *expires <= *created) return std::nullopt;
  return absl::ToInt64Seconds(
      absl::Floor(*expires - *created + absl::Milliseconds(500), absl::Seconds(1)));
}

// Maps an API token onto the state, keeping the secret (never returned again) from `base`.
cty::Value ToState(const std::string& username, const Token& token, const cty::Value& base) {
  framework::ObjectBuilder state(Schema(), base);
  state.SetString("id", token.id)
      .SetString("username", username)
      .SetString("name", token.name)
      .SetTime("expire_at", token.expire_at, kMotherDuckTimePrecision)
      .SetTime("created_ts", token.created_ts, kMotherDuckTimePrecision);
  // ttl: what the API's two times say, unless the known ttl already agrees to the second
  // (a create's ttl is kept as configured even if the clocks round differently).
  const std::optional<int64_t> lifetime = LifetimeSeconds(token);
  const std::optional<int64_t> known_ttl = framework::GetInt(base, "ttl");
  if (lifetime && (!known_ttl || *known_ttl < *lifetime - 1 || *known_ttl > *lifetime + 1)) {
    state.Set("ttl", cty::Value::Int(*lifetime));
  }
  if (!token.token_type.empty()) state.SetString("token_type", token.token_type);
  // What MotherDuck holds, even when it dropped a configured description (see WarnIfDropped).
  if (token.description) {
    state.SetString("description", *token.description);
  } else {
    state.SetNull("description");
  }
  if (!token.token.empty()) state.SetString("token", token.token);
  return state.Build();
}

// Some MotherDuck regions do not store token descriptions: the token is made, the description
// is not kept. Terraform is told so instead of being shown a description nobody holds.
void WarnIfDropped(const Token& token, const std::string& requested,
                   framework::Diagnostics* diagnostics) {
  if (token.description || requested.empty()) return;
  diagnostics->AddWarning(
      "MotherDuck did not keep the token description",
      absl::StrCat("MotherDuck answered for the token ", token.id,
                   " without the description that was sent; regions without description "
                   "support drop it. The state shows what MotherDuck holds (no description). "
                   "Remove description from the configuration, or every plan will want to "
                   "replace the token to set it."),
      cty::Path().Attr("description"));
}

const framework::ExpiringCredential kExpiry{.expiry_attribute = "expire_at",
                                            .what = "MotherDuck access token"};

// Every configurable attribute replaces the token: nothing is left to change in place.
class AccessTokenResource : public framework::ReplaceOnlyVendorResource<MotherduckApi> {
 public:
  using ReplaceOnlyVendorResource::ReplaceOnlyVendorResource;

  void ModifyPlan(const framework::PlanRequest& request, cty::Value* planned,
                  framework::Diagnostics* diagnostics) const override {
    framework::PlanRecreationWhenExpired(Schema(), request, planned, kExpiry, absl::Now(),
                                         diagnostics);
  }

  cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<MotherduckApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    const std::string username = framework::GetString(planned, "username");
    NewToken request;
    request.name = framework::GetString(planned, "name");
    if (!planned.GetAttr("description").IsNullOrUnknown()) {
      request.description = framework::GetString(planned, "description");
    }
    request.ttl = framework::GetInt(planned, "ttl");
    if (!planned.GetAttr("token_type").IsNullOrUnknown()) {
      request.token_type = framework::GetString(planned, "token_type");
    }
    absl::StatusOr<Token> token = api->CreateToken(username, request);
    if (!token.ok()) {
      diagnostics->AddStatus(token.status(), "Could not create the MotherDuck access token");
      return cty::Value();
    }
    WarnIfDropped(*token, request.description.value_or(""), diagnostics);
    // Terraform holds the provider to the planned description for this apply; the next read
    // shows what MotherDuck holds.
    if (request.description && !token->description) token->description = request.description;
    return ToState(username, *token, planned);
  }

  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    std::shared_ptr<MotherduckApi> api = ConfiguredApi(diagnostics);
    if (!api) return state;
    const std::string username = framework::GetString(state, "username");
    const std::string id = framework::GetString(state, "id");
    absl::StatusOr<std::vector<Token>> tokens = api->ListTokens(username);
    if (absl::IsNotFound(tokens.status())) return std::nullopt;  // the account is gone
    if (!tokens.ok()) {
      diagnostics->AddStatus(tokens.status(), "Could not read the MotherDuck access tokens");
      return state;
    }
    for (const Token& token : *tokens) {
      if (token.id == id) {
        WarnIfDropped(token, framework::GetString(state, "description"), diagnostics);
        return ToState(username, token, state);
      }
    }
    // Expired tokens are no longer listed: kept, so that the plan replaces them with the
    // reason (ModifyPlan); anything else was revoked out of band.
    if (util::Rfc3339HasPassed(framework::GetString(state, "expire_at"), absl::Now())) return state;
    diagnostics->AddWarning(
        "MotherDuck access token no longer exists",
        absl::StrCat("The token ", id, " of \"", username,
                     "\" is no longer listed by "
                     "MotherDuck (revoked or expired outside Terraform). Terraform will plan "
                     "to create it again."));
    return std::nullopt;
  }

  void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override {
    slot().Run(diagnostics, "Could not revoke the MotherDuck access token",
               [&prior](MotherduckApi& api) {
                 return api.RevokeToken(framework::GetString(prior, "username"),
                                        framework::GetString(prior, "id"));
               });
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    const std::optional<framework::ParentChildId> ids = framework::SplitImportId(
        id, "<username>/<token_id> (e.g. ci_bot/3f1c2a9e-0b7d-4c55-9e0a-2d1f6b8c4e21)",
        "The token itself cannot be read back: it stays empty after import.", diagnostics);
    if (!ids) return std::nullopt;
    // Read confirms the token exists and fills the rest.
    return framework::ObjectBuilder(Schema())
        .SetString("id", ids->child)
        .SetString("username", ids->parent)
        .Build();
  }
};

}  // namespace

void RegisterAccessTokenResource(const MotherduckSlot* api, framework::Registry* registry) {
  registry->AddResource(kTypeName, std::make_unique<AccessTokenResource>(api));
}

}  // namespace orgiam::motherduck
