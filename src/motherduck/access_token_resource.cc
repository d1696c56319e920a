// orgiam_motherduck_access_token: an access token of a MotherDuck service account.
//
// The secret exists only in the create response, so it is captured then and carried over from
// state on every read. MotherDuck cannot update tokens: every configurable attribute replaces
// the token. A token that expired or was revoked is no longer listed; Read then reports it gone
// so that Terraform plans a new one.

#include "motherduck/access_token_resource.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"

namespace orgiam::motherduck {
namespace {

constexpr char kTypeName[] = "orgiam_motherduck_access_token";

using framework::GetInt;
using framework::GetString;

const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }

// Maps an API token onto the state, keeping what the API never returns (the secret, ttl) from
// `base`.
cty::Value ToState(const std::string& username, const Token& token, const cty::Value& base) {
  framework::ObjectBuilder state(Schema(), base);
  state.SetString("id", token.id)
      .SetString("username", username)
      .SetString("name", token.name)
      .SetString("expire_at", token.expire_at)
      .SetString("created_ts", token.created_ts);
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

bool InThePast(const std::string& timestamp) {
  absl::Time time;
  std::string error;
  return !timestamp.empty() && absl::ParseTime(absl::RFC3339_full, timestamp, &time, &error) &&
         time <= absl::Now();
}

class AccessTokenResource : public framework::Resource {
 public:
  explicit AccessTokenResource(const MotherduckSlot* api) : api_(api) {}

  cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<MotherduckApi> api = api_->Get(diagnostics);
    if (!api) return cty::Value();
    const std::string username = GetString(planned, "username");
    NewToken request;
    request.name = GetString(planned, "name");
    if (!planned.GetAttr("description").IsNullOrUnknown()) {
      request.description = GetString(planned, "description");
    }
    request.ttl = GetInt(planned, "ttl");
    if (!planned.GetAttr("token_type").IsNullOrUnknown()) {
      request.token_type = GetString(planned, "token_type");
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
    std::shared_ptr<MotherduckApi> api = api_->Get(diagnostics);
    if (!api) return state;
    const std::string username = GetString(state, "username");
    const std::string id = GetString(state, "id");
    absl::StatusOr<std::vector<Token>> tokens = api->ListTokens(username);
    if (absl::IsNotFound(tokens.status())) return std::nullopt;  // the account is gone
    if (!tokens.ok()) {
      diagnostics->AddStatus(tokens.status(), "Could not read the MotherDuck access tokens");
      return state;
    }
    for (const Token& token : *tokens) {
      if (token.id == id) {
        WarnIfDropped(token, GetString(state, "description"), diagnostics);
        return ToState(username, token, state);
      }
    }
    // Expired tokens are simply no longer listed; anything else was revoked out of band.
    if (!InThePast(GetString(state, "expire_at"))) {
      diagnostics->AddWarning(
          "MotherDuck access token no longer exists",
          absl::StrCat("The token ", id, " of \"", username,
                       "\" is no longer listed by "
                       "MotherDuck (revoked or expired outside Terraform). Terraform will plan "
                       "to create it again."));
    }
    return std::nullopt;
  }

  cty::Value Update(const cty::Value& /*prior*/, const cty::Value& planned,
                    const cty::Value& /*config*/,
                    framework::Diagnostics* /*diagnostics*/) override {
    // Every configurable attribute replaces the token; nothing is left to change in place.
    return planned;
  }

  void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override {
    api_->Run(diagnostics, "Could not revoke the MotherDuck access token",
              [&prior](MotherduckApi& api) {
                return api.RevokeToken(GetString(prior, "username"), GetString(prior, "id"));
              });
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    std::vector<std::string> parts = absl::StrSplit(id, '/');
    if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
      diagnostics->AddError(
          "Invalid import id",
          absl::StrCat("Expected <username>/<token_id>, e.g. ci_bot/"
                       "3f1c2a9e-0b7d-4c55-9e0a-2d1f6b8c4e21, got \"",
                       id,
                       "\". The token "
                       "itself cannot be read back: it stays empty after import."));
      return std::nullopt;
    }
    // Read confirms the token exists and fills the rest.
    return framework::ObjectBuilder(Schema())
        .SetString("id", parts[1])
        .SetString("username", parts[0])
        .Build();
  }

 private:
  const MotherduckSlot* api_;
};

}  // namespace

void RegisterAccessTokenResource(const MotherduckSlot* api, framework::Registry* registry) {
  registry->AddResource(kTypeName, std::make_unique<AccessTokenResource>(api));
}

}  // namespace orgiam::motherduck
