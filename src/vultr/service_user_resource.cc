// orgiam_vultr_service_user: a Vultr user with service_user = true.
//
// The API key exists only in the create response, so it is captured then and carried over
// from state on every read. Passwords are never readable either: `password` is kept from
// state, and `password_wo` is sent only on create and when password_wo_version changes.

#include "vultr/service_user_resource.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "framework/import_advice.h"
#include "framework/object_builder.h"
#include "framework/read_back.h"
#include "framework/schema_registry.h"
#include "framework/validators.h"
#include "framework/vendor_type.h"

namespace orgiam::vultr {
namespace {

constexpr char kTypeName[] = "orgiam_vultr_service_user";

const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }

// The password to send: password_wo (from config, never state) or password.
std::optional<std::string> PasswordFromConfig(const cty::Value& config) {
  const cty::Value& write_only = config.GetAttr("password_wo");
  if (!write_only.IsNullOrUnknown()) return write_only.AsString();
  const cty::Value& password = config.GetAttr("password");
  if (!password.IsNullOrUnknown()) return password.AsString();
  return std::nullopt;
}

// Whether a configuration may name the ACL: the schema's list of Vultr ACLs. Vultr may grant
// ACLs orgiam does not know yet (a newer API); they stay out of the state, so they cause no
// error and no diff, and every ACL update keeps them (see Update).
bool IsKnownAcl(const std::string& acl) {
  const framework::AttributeSchema* attribute = Schema().block.FindAttribute("acls");
  framework::Diagnostics scratch;
  const cty::Value one = framework::StringSet({acl});
  for (const auto& validator : attribute->validators) {
    validator->Validate(one, cty::Value(), cty::Path().Attr("acls"), &scratch);
  }
  return !scratch.HasError();
}

std::vector<std::string> KnownAcls(const std::vector<std::string>& acls, bool known) {
  std::vector<std::string> out;
  for (const std::string& acl : acls) {
    if (IsKnownAcl(acl) == known) out.push_back(acl);
  }
  return out;
}

// Maps an API user onto the state, keeping what the API never returns from `base`.
cty::Value ToState(const User& user, const cty::Value& base) {
  framework::ObjectBuilder state(Schema(), base);
  state.SetString("id", user.id)
      .SetString("name", user.name)
      .SetString("email", user.email)
      .SetBool("api_enabled", user.api_enabled);
  // An empty ACL list reads back as "not set" unless the configuration said [].
  const cty::Value& prior_acls = base.IsNullOrUnknown() ? cty::Value() : base.GetAttr("acls");
  const std::vector<std::string> acls = KnownAcls(user.acls, /*known=*/true);
  if (acls.empty() && (prior_acls.IsNull() || !prior_acls.IsKnown())) {
    state.SetNull("acls");
  } else {
    state.Set("acls", framework::StringSet(acls));
  }
  if (framework::GetString(base, "api_key").empty()) {
    state.SetString("api_key", user.api_key);
  }
  return state.Build();
}

// The create request for a planned user; the password comes from the configuration only.
NewUser NewUserFromPlan(const cty::Value& planned, const cty::Value& config) {
  NewUser request;
  request.name = framework::GetString(planned, "name");
  request.email = framework::GetString(planned, "email");
  request.api_enabled = framework::GetBool(planned, "api_enabled", true);
  request.acls = framework::GetStrings(planned, "acls");
  request.password = PasswordFromConfig(config);
  return request;
}

bool LooksLikeEmail(const std::string& id) { return absl::StrContains(id, "@"); }

// A member that is not a service user is a person's account: managing it here would let a
// destroy delete the person, so import and read refuse it.
void AddNotAServiceUser(const User& user, framework::Diagnostics* diagnostics) {
  diagnostics->AddError(
      "Not a Vultr service user",
      absl::StrCat("The Vultr user ", user.id, " (", user.email,
                   ") is a person's account (service_user = false), not a service user. ",
                   kTypeName,
                   " manages service users only, so that no apply or destroy changes or deletes "
                   "a person's account. Leave this user unmanaged: remove it from the "
                   "configuration and, if it is in the state, run terraform state rm on its "
                   "address. To see members, use the orgiam_vultr_users data source; to invite "
                   "people, use orgiam_vultr_organization_invitation."));
}

class ServiceUserResource : public framework::VendorResource<VultrApi> {
 public:
  using VendorType::VendorType;

  cty::Value Create(const cty::Value& planned, const cty::Value& config,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    const NewUser request = NewUserFromPlan(planned, config);
    // Exactly once: a user with this email that this apply did not make is never adopted or
    // deleted, and a user whose key was lost is deleted and made again inside CreateUser.
    absl::StatusOr<User> user = api->CreateUser(request);
    if (!user.ok()) {
      framework::AddCreateFailure(diagnostics, user.status(),
                                  "Could not create the Vultr service user", kTypeName);
      return cty::Value();
    }
    return ToState(*user, planned);
  }

  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return state;
    return framework::StateFromLookup(
        api->GetUser(framework::GetString(state, "id")), state,
        "Could not read the Vultr service user", diagnostics, [&](const User& user) {
          if (user.service_user) return ToState(user, state);
          AddNotAServiceUser(user, diagnostics);  // a person's account: left as it is
          return state;
        });
  }

  cty::Value Update(const cty::Value& prior, const cty::Value& planned, const cty::Value& config,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    UserChanges changes;
    auto changed = [&](const char* name) {
      return !prior.GetAttr(name).Equals(planned.GetAttr(name));
    };
    if (changed("name")) changes.name = framework::GetString(planned, "name");
    if (changed("email")) changes.email = framework::GetString(planned, "email");
    if (changed("acls")) {
      // ACLs Vultr granted that orgiam does not know are not in the state: keep them.
      absl::StatusOr<User> current = api->GetUser(framework::GetString(prior, "id"));
      if (!current.ok()) {
        diagnostics->AddStatus(current.status(), "Could not read the Vultr service user");
        return cty::Value();
      }
      changes.acls = framework::GetStrings(planned, "acls");
      for (std::string& acl : KnownAcls(current->acls, /*known=*/false)) {
        changes.acls->push_back(std::move(acl));
      }
    }
    if (changed("password") || changed("password_wo_version")) {
      changes.password = PasswordFromConfig(config);
    }
    if (absl::Status status = api->UpdateUser(framework::GetString(prior, "id"), changes);
        !status.ok()) {
      diagnostics->AddStatus(status, "Could not update the Vultr service user");
      return cty::Value();
    }
    return planned;
  }

  void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override {
    slot().Run(diagnostics, "Could not delete the Vultr service user", [&prior](VultrApi& api) {
      return api.DeleteUser(framework::GetString(prior, "id"));
    });
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return std::nullopt;
    std::string user_id = id;
    if (LooksLikeEmail(id)) {
      absl::StatusOr<std::optional<User>> found = api->FindUserByEmail(id);
      if (!found.ok()) {
        diagnostics->AddStatus(found.status(), "Could not look up the Vultr user by email");
        return std::nullopt;
      }
      if (!found->has_value()) return std::nullopt;
      if (!(*found)->service_user) {
        AddNotAServiceUser(**found, diagnostics);
        return std::nullopt;
      }
      user_id = (*found)->id;
    }
    return framework::ObjectBuilder(Schema()).SetString("id", user_id).Build();
  }
};

}  // namespace

void RegisterServiceUserResource(const VultrSlot* api, framework::Registry* registry) {
  registry->AddResource(kTypeName, std::make_unique<ServiceUserResource>(api));
}

}  // namespace orgiam::vultr
