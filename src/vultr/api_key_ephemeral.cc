// ephemeral orgiam_vultr_user_api_key: a key created when Terraform opens the resource and
// deleted when it closes it. Vultr expires it after an hour in any case, so a key whose Close
// never arrives (a killed terraform) does not live on.

#include "vultr/api_key_ephemeral.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "framework/ephemeral_advice.h"
#include "framework/ephemeral_name.h"
#include "framework/object_builder.h"
#include "framework/private_ids.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"
#include "vultr/vultr_time.h"

namespace orgiam::vultr {
namespace {

constexpr char kTypeName[] = "orgiam_vultr_user_api_key";
constexpr absl::Duration kLifetime = absl::Hours(1);

const framework::Schema& Schema() { return framework::EphemeralSchema(kTypeName); }

framework::EphemeralResource::Opened OpenApiKey(VultrApi& api, const cty::Value& config,
                                                framework::Diagnostics* diagnostics) {
  framework::EphemeralResource::Opened opened;
  const std::string user_id = framework::GetString(config, "user_id");
  std::string name = framework::GetString(config, "name");
  if (name.empty()) name = framework::GeneratedEphemeralName();
  const std::string date_expire = FormatVultrTime(absl::Now() + kLifetime);
  absl::StatusOr<ApiKey> key = api.CreateApiKey(user_id, name, date_expire);
  if (!key.ok()) {
    // The usual cause of a failure is a user this configuration has yet to create.
    framework::AddOpenFailure(diagnostics, key.status(),
                              absl::IsNotFound(api.GetUser(user_id).status()),
                              {.summary = "Could not create the ephemeral Vultr API key",
                               .parent = absl::StrCat("Vultr user \"", user_id, "\""),
                               .argument = "user_id",
                               .parent_type = "orgiam_vultr_service_user"});
    return opened;
  }
  opened.private_data = framework::EncodePrivateIds({{"user_id", user_id}, {"key_id", key->id}});
  opened.result =
      framework::ObjectBuilder(Schema(), config)
          .SetString("user_id", user_id)
          .SetString("name", name)
          .SetString("id", key->id)
          .SetString("api_key", key->api_key)
          .SetTime("date_expire", key->date_expire.empty() ? date_expire : key->date_expire,
                   kVultrTimePrecision)
          .Build();
  return opened;
}

absl::Status DeleteEphemeralKey(VultrApi& api, const framework::PrivateIds& ids) {
  return api.DeleteApiKey(ids.at("user_id"), ids.at("key_id"));
}

}  // namespace

void RegisterApiKeyEphemeral(const VultrSlot* api, framework::Registry* registry) {
  registry->AddEphemeral(kTypeName,
                         framework::VendorEphemeral(
                             api, &OpenApiKey,
                             {.ids = {"user_id", "key_id"},
                              .failure_summary = "Could not delete the ephemeral Vultr API key (it "
                                                 "expires on its own within an hour)",
                              .close = &DeleteEphemeralKey}));
}

}  // namespace orgiam::vultr
