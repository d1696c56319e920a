#include "zitadel/machine_user_secret_ephemeral.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "framework/ephemeral_advice.h"
#include "framework/object_builder.h"
#include "framework/private_ids.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::zitadel {
namespace {

constexpr char kTypeName[] = "orgiam_zitadel_machine_user_secret";

framework::EphemeralResource::Opened OpenSecret(ZitadelApi& api, const cty::Value& config,
                                                framework::Diagnostics* diagnostics) {
  const framework::Schema& schema = framework::EphemeralSchema(kTypeName);
  framework::EphemeralResource::Opened opened;
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
  opened.private_data = framework::EncodePrivateIds({{"user_id", user_id}, {"org_id", org}});
  opened.result = framework::ObjectBuilder(schema, config)
                      .SetString("client_id", secret->client_id)
                      .SetString("client_secret", secret->client_secret)
                      .Build();
  return opened;
}

absl::Status RemoveSecret(ZitadelApi& api, const framework::PrivateIds& ids) {
  const absl::Status status = api.RemoveSecret(ids.at("org_id"), ids.at("user_id"));
  // A user deleted meanwhile has no secret left to remove.
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

}  // namespace

void RegisterMachineUserSecretEphemeral(const ZitadelSlot* api, framework::Registry* registry) {
  registry->AddEphemeral(
      kTypeName,
      framework::VendorEphemeral(
          api, &OpenSecret,
          {.ids = {"user_id", "org_id"},
           .failure_summary = "Could not remove the ZITADEL machine user's client secret",
           .close = &RemoveSecret}));
}

}  // namespace orgiam::zitadel
