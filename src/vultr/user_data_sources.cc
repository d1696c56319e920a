#include "vultr/user_data_sources.h"

#include "absl/strings/str_cat.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::vultr {
namespace {

// The two data sources of this file; each name is used for its registration and its schema.
constexpr char kServiceUserType[] = "orgiam_vultr_service_user";
constexpr char kUsersType[] = "orgiam_vultr_users";

const framework::Schema& DataSchema(const char* name) { return framework::DataSourceSchema(name); }

class ServiceUserDataSource : public framework::VendorDataSource<VultrApi> {
 public:
  using VendorDataSource::VendorDataSource;

  cty::Value ReadWith(VultrApi& api, const cty::Value& config,
                      framework::Diagnostics* diagnostics) override {
    const framework::Schema& schema = DataSchema(kServiceUserType);
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
    return framework::ObjectBuilder(schema)
        .SetString("id", user->id)
        .SetString("email", user->email)
        .SetString("name", user->name)
        .SetBool("api_enabled", user->api_enabled)
        .SetBool("service_user", user->service_user)
        .Set("acls", framework::StringSet(user->acls))
        .Build();
  }
};

class UsersDataSource : public framework::VendorDataSource<VultrApi> {
 public:
  using VendorDataSource::VendorDataSource;

  cty::Value ReadWith(VultrApi& api, const cty::Value&,
                      framework::Diagnostics* diagnostics) override {
    const framework::Schema& schema = DataSchema(kUsersType);
    absl::StatusOr<std::vector<User>> users = api.ListUsers();
    if (!users.ok()) {
      diagnostics->AddStatus(users.status(), "Could not list the Vultr users");
      return cty::Value();
    }
    const cty::Type element_type = schema.implied_type.attributes().at("users").element();
    std::vector<cty::Value> elements;
    elements.reserve(users->size());
    for (const User& user : *users) {
      elements.push_back(cty::Value::Object(
          element_type, {{"id", cty::Value::String(user.id)},
                         {"name", cty::Value::String(user.name)},
                         {"email", cty::Value::String(user.email)},
                         {"api_enabled", cty::Value::Bool(user.api_enabled)},
                         {"acls", framework::StringSet(user.acls)},
                         {"service_user", cty::Value::Bool(user.service_user)}}));
    }
    return framework::ObjectBuilder(schema)
        .Set("users", cty::Value::List(element_type, std::move(elements)))
        .Build();
  }
};

}  // namespace

void RegisterServiceUserDataSource(const VultrSlot* api, framework::Registry* registry) {
  registry->AddDataSource(kServiceUserType, std::make_unique<ServiceUserDataSource>(api));
}

void RegisterUsersDataSource(const VultrSlot* api, framework::Registry* registry) {
  registry->AddDataSource(kUsersType, std::make_unique<UsersDataSource>(api));
}

}  // namespace orgiam::vultr
