// ephemeral "orgiam_motherduck_access_token": a token minted on Open and revoked on Close.
// Nothing of it reaches state or plan files; the private data handed back on Close holds only
// the username and the token id (never the secret).

#include "motherduck/ephemeral_access_token.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "framework/ephemeral_advice.h"
#include "framework/ephemeral_name.h"
#include "framework/object_builder.h"
#include "framework/private_ids.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::motherduck {
namespace {

constexpr char kTypeName[] = "orgiam_motherduck_access_token";
constexpr int64_t kDefaultTtlSeconds = 3600;

framework::EphemeralResource::Opened OpenAccessToken(MotherduckApi& api, const cty::Value& config,
                                                     framework::Diagnostics* diagnostics) {
  framework::EphemeralResource::Opened opened;
  const std::string username = framework::GetString(config, "username");
  NewToken request;
  request.name = framework::GetString(config, "name");
  if (request.name.empty()) request.name = framework::GeneratedEphemeralName();
  request.ttl = framework::GetInt(config, "ttl").value_or(kDefaultTtlSeconds);
  if (!config.GetAttr("token_type").IsNullOrUnknown()) {
    request.token_type = framework::GetString(config, "token_type");
  }
  absl::StatusOr<Token> token = api.CreateToken(username, request);
  if (!token.ok()) {
    // The usual cause of a failure is an account this configuration has yet to create.
    const absl::StatusOr<bool> exists = api.ServiceAccountExists(username);
    framework::AddOpenFailure(diagnostics, token.status(), exists.ok() && !*exists,
                              {.summary = "Could not mint the MotherDuck access token",
                               .parent = absl::StrCat("MotherDuck account \"", username, "\""),
                               .argument = "username",
                               .parent_type = "orgiam_motherduck_service_account"});
    return opened;
  }
  opened.private_data =
      framework::EncodePrivateIds({{"username", username}, {"token_id", token->id}});
  opened.result = framework::ObjectBuilder(framework::EphemeralSchema(kTypeName), config)
                      .SetString("id", token->id)
                      .SetString("token", token->token)
                      .SetString("expire_at", token->expire_at)
                      .Build();
  return opened;
}

absl::Status RevokeAccessToken(MotherduckApi& api, const framework::PrivateIds& ids) {
  return api.RevokeToken(ids.at("username"), ids.at("token_id"));
}

}  // namespace

void RegisterEphemeralAccessToken(const MotherduckSlot* api, framework::Registry* registry) {
  registry->AddEphemeral(
      kTypeName,
      framework::VendorEphemeral(api, &OpenAccessToken,
                                 {.ids = {"username", "token_id"},
                                  .failure_summary = "Could not revoke the MotherDuck access token",
                                  .close = &RevokeAccessToken}));
}

}  // namespace orgiam::motherduck
