#include "vultr/user_data_sources.h"

#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::vultr {
namespace {

// The two data sources of this file; each name is used for its registration and its schema.
constexpr char kServiceUserType[] = "orgiam_vultr_service_user";
constexpr char kUsersType[] = "orgiam_vultr_users";

// The attributes both data sources give of a user.
void SetUserAttributes(const User& user, framework::ObjectBuilder& object) {
  object.SetString("id", user.id)
      .SetString("email", user.email)
      .SetString("name", user.name)
      .SetBool("api_enabled", user.api_enabled)
      .SetBool("service_user", user.service_user)
      .Set("acls", framework::StringSet(user.acls));
}

cty::Value ReadServiceUser(VultrApi& api, const cty::Value& config,
                           framework::Diagnostics* diagnostics) {
  const std::string id = framework::GetString(config, "id");
  const std::string email = framework::GetString(config, "email");
  std::optional<User> user;
  if (!id.empty()) {
    absl::StatusOr<User> found = api.GetUser(id);
    if (found.ok()) {
      user = *found;
    } else if (!absl::IsNotFound(found.status())) {
      diagnostics->AddStatus(found.status(), "Could not read the Vultr user");
      return cty::Value();
    }
  } else {
    absl::StatusOr<std::optional<User>> found = api.FindUserByEmail(email);
    if (!found.ok()) {
      diagnostics->AddStatus(found.status(), "Could not list the Vultr users");
      return cty::Value();
    }
    user = *found;
  }
  if (!user) {
    diagnostics->AddError(
        "Vultr user not found",
        absl::StrCat("No user of the organization has ", id.empty() ? "email \"" : "id \"",
                     id.empty() ? email : id, "\"."),
        cty::Path().Attr(id.empty() ? "email" : "id"));
    return cty::Value();
  }
  framework::ObjectBuilder object(framework::DataSourceSchema(kServiceUserType));
  SetUserAttributes(*user, object);
  return object.Build();
}

cty::Value ReadUsers(VultrApi& api, const cty::Value& /*config*/,
                     framework::Diagnostics* diagnostics) {
  absl::StatusOr<std::vector<User>> users = api.ListUsers();
  if (!users.ok()) {
    diagnostics->AddStatus(users.status(), "Could not list the Vultr users");
    return cty::Value();
  }
  return framework::ObjectBuilder(framework::DataSourceSchema(kUsersType))
      .SetObjectList("users", *users, SetUserAttributes)
      .Build();
}

}  // namespace

void RegisterServiceUserDataSource(const VultrSlot* api, framework::Registry* registry) {
  registry->AddDataSource(kServiceUserType, framework::VendorDataSource(api, &ReadServiceUser));
}

void RegisterUsersDataSource(const VultrSlot* api, framework::Registry* registry) {
  registry->AddDataSource(kUsersType, framework::VendorDataSource(api, &ReadUsers));
}

}  // namespace orgiam::vultr
