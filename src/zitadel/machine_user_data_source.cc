#include "zitadel/machine_user_data_source.h"

#include "absl/strings/str_cat.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::zitadel {
namespace {

constexpr char kTypeName[] = "orgiam_zitadel_machine_user";

cty::Value ReadMachineUser(ZitadelApi& api, const cty::Value& config,
                           framework::Diagnostics* diagnostics) {
  const std::string org = api.ResolveOrg(framework::GetString(config, "org_id"));
  const std::string id = framework::GetString(config, "id");
  const std::string user_name = framework::GetString(config, "user_name");
  std::optional<MachineUser> user;
  if (!id.empty()) {
    absl::StatusOr<MachineUser> found = api.GetUser(org, id);
    if (found.ok()) {
      user = *std::move(found);
    } else if (!absl::IsNotFound(found.status())) {
      diagnostics->AddStatus(found.status(), "Could not read the ZITADEL machine user");
      return cty::Value();
    }
  } else {
    absl::StatusOr<std::optional<MachineUser>> found = api.FindUserByName(org, user_name);
    if (!found.ok()) {
      diagnostics->AddStatus(found.status(), "Could not search the ZITADEL machine users");
      return cty::Value();
    }
    user = *std::move(found);
    if (user && !user->is_machine) {
      diagnostics->AddStatus(NotAMachineUser(*user), "Not a ZITADEL machine user");
      return cty::Value();
    }
  }
  if (!user) {
    diagnostics->AddError(
        "ZITADEL machine user not found",
        absl::StrCat("No machine user with ", id.empty() ? "user_name \"" : "id \"",
                     id.empty() ? user_name : id, "\" in ",
                     org.empty() ? "the token's organization" : "organization " + org, "."),
        cty::Path().Attr(id.empty() ? "user_name" : "id"));
    return cty::Value();
  }
  return framework::ObjectBuilder(framework::DataSourceSchema(kTypeName))
      .SetString("id", user->id)
      .SetString("user_name", user->user_name)
      .SetString("org_id", user->org_id.empty() ? org : user->org_id)
      .SetString("name", user->name)
      .SetString("description", user->description)
      .SetString("access_token_type", user->access_token_type)
      .SetString("state", user->state)
      .SetString("preferred_login_name", user->preferred_login_name)
      .Set("login_names", framework::StringList(user->login_names))
      .Build();
}

}  // namespace

void RegisterMachineUserDataSource(const ZitadelSlot* api, framework::Registry* registry) {
  registry->AddDataSource(kTypeName, framework::VendorDataSource(api, &ReadMachineUser));
}

}  // namespace orgiam::zitadel
