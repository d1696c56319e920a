// ephemeral "orgiam_motherduck_access_token": a token minted on Open and revoked on Close.
// Nothing of it reaches state or plan files; the private data handed back on Close holds only
// the username and the token id (never the secret).

#include "motherduck/ephemeral_access_token.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "framework/ephemeral_advice.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"
#include "nlohmann/json.hpp"

namespace orgiam::motherduck {
namespace {

constexpr char kTypeName[] = "orgiam_motherduck_access_token";
constexpr int64_t kDefaultTtlSeconds = 3600;

std::string GeneratedName() {
  std::random_device device;
  std::mt19937_64 generator(device());
  return absl::StrCat("orgiam-ephemeral-",
                      absl::Hex(generator() & 0xffffffffffffULL, absl::kZeroPad12));
}

class EphemeralAccessToken : public framework::VendorEphemeral<MotherduckApi> {
 public:
  using VendorEphemeral::VendorEphemeral;

  Opened OpenWith(MotherduckApi& api, const cty::Value& config,
                  framework::Diagnostics* diagnostics) override {
    Opened opened;
    const std::string username = framework::GetString(config, "username");
    NewToken request;
    request.name = framework::GetString(config, "name");
    if (request.name.empty()) request.name = GeneratedName();
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
    opened.private_data = nlohmann::json{{"username", username}, {"token_id", token->id}}.dump();
    opened.result = framework::ObjectBuilder(framework::EphemeralSchema(kTypeName), config)
                        .SetString("id", token->id)
                        .SetString("token", token->token)
                        .SetString("expire_at", token->expire_at)
                        .Build();
    return opened;
  }

  void Close(const std::string& private_data, framework::Diagnostics* diagnostics) override {
    nlohmann::json data = nlohmann::json::parse(private_data, nullptr, false);
    if (!data.is_object() || !data.contains("username") || !data["username"].is_string() ||
        !data.contains("token_id") || !data["token_id"].is_string()) {
      diagnostics->AddError("Cannot revoke the MotherDuck access token",
                            "The ephemeral resource's private data is not what Open wrote.");
      return;
    }
    std::shared_ptr<MotherduckApi> api = ConfiguredApi(diagnostics);
    if (!api) return;
    if (absl::Status status = api->RevokeToken(data["username"].get<std::string>(),
                                               data["token_id"].get<std::string>());
        !status.ok()) {
      diagnostics->AddStatus(status, "Could not revoke the MotherDuck access token");
    }
  }
};

}  // namespace

void RegisterEphemeralAccessToken(const MotherduckSlot* api, framework::Registry* registry) {
  registry->AddEphemeral(kTypeName, std::make_unique<EphemeralAccessToken>(api));
}

}  // namespace orgiam::motherduck
