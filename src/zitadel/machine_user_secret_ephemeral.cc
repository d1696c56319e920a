#include "zitadel/machine_user_secret_ephemeral.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "framework/ephemeral_advice.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"
#include "nlohmann/json.hpp"

namespace orgiam::zitadel {
namespace {

constexpr char kTypeName[] = "orgiam_zitadel_machine_user_secret";

using nlohmann::json;

class MachineUserSecretEphemeral : public framework::VendorEphemeral<ZitadelApi> {
 public:
  using VendorEphemeral::VendorEphemeral;

  Opened OpenWith(ZitadelApi& api, const cty::Value& config,
                  framework::Diagnostics* diagnostics) override {
    const framework::Schema& schema = framework::EphemeralSchema(kTypeName);
    Opened opened;
    opened.result = cty::Value::Null(schema.implied_type);
    const std::string org = api.ResolveOrg(framework::GetString(config, "org_id"));
    const std::string user_id = framework::GetString(config, "user_id");
    absl::StatusOr<MachineSecret> secret = api.GenerateSecret(org, user_id);
    if (!secret.ok()) {
      // The usual cause of a failure is a user this configuration has yet to create.
      framework::AddOpenFailure(
          diagnostics, secret.status(), absl::IsNotFound(api.GetUser(org, user_id).status()),
          {.summary = "Could not generate a client secret for the ZITADEL machine user",
           .parent = absl::StrCat("ZITADEL machine user \"", user_id, "\""),
           .argument = "user_id",
           .parent_type = "orgiam_zitadel_machine_user"});
      return opened;
    }
    // Only what Close needs to find the user again; never the secret.
    opened.private_data = json{{"user_id", user_id}, {"org_id", org}}.dump();
    opened.result = framework::ObjectBuilder(schema, config)
                        .SetString("client_id", secret->client_id)
                        .SetString("client_secret", secret->client_secret)
                        .Build();
    return opened;
  }

  void Close(const std::string& private_data, framework::Diagnostics* diagnostics) override {
    const json parsed = json::parse(private_data, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("user_id") || !parsed["user_id"].is_string()) {
      diagnostics->AddError("Invalid private data",
                            "The ephemeral ZITADEL secret cannot be closed: its private data "
                            "does not name a user.");
      return;
    }
    std::shared_ptr<ZitadelApi> api = ConfiguredApi(diagnostics);
    if (!api) return;
    const std::string org = parsed.value("org_id", std::string());
    const std::string user_id = parsed["user_id"].get<std::string>();
    absl::Status status = api->RemoveSecret(org, user_id);
    // A user deleted meanwhile has no secret left to remove.
    if (!status.ok() && !absl::IsNotFound(status)) {
      diagnostics->AddStatus(status, "Could not remove the ZITADEL machine user's client secret");
    }
  }
};

}  // namespace

void RegisterMachineUserSecretEphemeral(const ZitadelSlot* api, framework::Registry* registry) {
  registry->AddEphemeral(kTypeName, std::make_unique<MachineUserSecretEphemeral>(api));
}

}  // namespace orgiam::zitadel
