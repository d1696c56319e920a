// orgiam_zitadel_machine_user: a ZITADEL machine user (management API v1).
//
// The organization is chosen per call with x-zitadel-orgid: the resource's org_id, else the
// provider's, else the token's own, which is then read back from details.resourceOwner so
// org_id is never empty in state. The client secret is only shown when generated, so
// client_id/client_secret are captured then and carried over from state on every read.
// ZITADEL refuses changes that change nothing, so updates send only what really changed.

#include "zitadel/machine_user_resource.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "framework/import_advice.h"
#include "framework/import_id.h"
#include "framework/object_builder.h"
#include "framework/read_back.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"

namespace orgiam::zitadel {
namespace {

constexpr char kTypeName[] = "orgiam_zitadel_machine_user";

const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }

// Maps an API user onto the state, keeping from `base` what the API never returns (the
// secret) and the null-versus-empty choice for description.
cty::Value ToState(const MachineUser& user, const cty::Value& base) {
  framework::ObjectBuilder state(Schema(), base);
  state.SetString("id", user.id)
      .SetString("user_name", user.user_name)
      .SetString("name", user.name)
      .SetString("access_token_type", user.access_token_type)
      .SetString("state", user.state)
      .SetString("preferred_login_name", user.preferred_login_name)
      .Set("login_names", framework::StringList(user.login_names));
  if (!user.org_id.empty()) state.SetString("org_id", user.org_id);
  const bool base_known = !base.IsNull();
  const cty::Value& prior_description =
      base_known ? base.GetAttr("description") : cty::Value::Null(cty::Type::String());
  if (user.description.empty() && prior_description.IsNullOrUnknown()) {
    state.SetNull("description");
  } else {
    state.SetString("description", user.description);
  }
  bool with_secret = base_known && framework::GetBool(base, "with_secret");
  if (user.has_secret.has_value()) with_secret = *user.has_secret;
  state.SetBool("with_secret", with_secret);
  if (!with_secret) state.SetNull("client_id").SetNull("client_secret");
  return state.Build();
}

cty::Value WithSecret(const cty::Value& state, const std::optional<MachineSecret>& secret) {
  framework::ObjectBuilder builder(Schema(), state);
  if (secret) {
    // Empty parts are unknown to us (e.g. after an import), not empty strings.
    builder.SetBool("with_secret", true);
    if (secret->client_id.empty()) {
      builder.SetNull("client_id");
    } else {
      builder.SetString("client_id", secret->client_id);
    }
    if (secret->client_secret.empty()) {
      builder.SetNull("client_secret");
    } else {
      builder.SetString("client_secret", secret->client_secret);
    }
  } else {
    builder.SetBool("with_secret", false).SetNull("client_id").SetNull("client_secret");
  }
  return builder.Build();
}

bool AllDigits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](unsigned char c) { return absl::ascii_isdigit(c); });
}

// The create request for a planned machine user.
NewMachineUser NewMachineUserFromPlan(const cty::Value& planned) {
  NewMachineUser request;
  request.user_name = framework::GetString(planned, "user_name");
  request.name = framework::GetString(planned, "name");
  request.description = framework::GetString(planned, "description");
  request.access_token_type = framework::GetString(planned, "access_token_type", kBearerTokenType);
  return request;
}

class MachineUserResource : public framework::VendorResource<ZitadelApi> {
 public:
  using VendorType::VendorType;

  void ModifyPlan(const framework::PlanRequest& request, cty::Value* planned,
                  framework::Diagnostics* /*diagnostics*/) const override {
    const cty::Value& prior = request.prior;
    const bool creating = prior.IsNull();
    const bool replacing = !creating && !planned->GetAttr("org_id").Equals(prior.GetAttr("org_id"));
    // Unset (null in the configuration, so unknown here), with_secret keeps what the user has:
    // none for a new user, the prior one otherwise. No plan removes a secret (e.g. right
    // after an import) unless the configuration says false.
    if (request.config.GetAttr("with_secret").IsNull()) {
      *planned =
          planned->WithAttr("with_secret", creating || replacing ? cty::Value::Bool(false)
                                                                 : prior.GetAttr("with_secret"));
    }
    const cty::Value with_secret = planned->GetAttr("with_secret");
    const cty::Value unknown = cty::Value::Unknown(cty::Type::String());
    const cty::Value null = cty::Value::Null(cty::Type::String());
    if (with_secret.IsKnown() && !with_secret.IsNull()) {
      if (!with_secret.AsBool()) {
        *planned = planned->WithAttr("client_id", null).WithAttr("client_secret", null);
      } else if (!creating && !replacing && framework::GetBool(prior, "with_secret")) {
        // The secret stays; the API could not show it again anyway.
        *planned = planned->WithAttr("client_id", prior.GetAttr("client_id"))
                       .WithAttr("client_secret", prior.GetAttr("client_secret"));
      } else {
        *planned = planned->WithAttr("client_id", unknown).WithAttr("client_secret", unknown);
      }
    }
    if (creating || replacing) return;
    // An in-place update keeps the user's state; login names follow the user name only.
    *planned = planned->WithAttr("state", prior.GetAttr("state"));
    if (planned->GetAttr("user_name").Equals(prior.GetAttr("user_name"))) {
      *planned = planned->WithAttr("preferred_login_name", prior.GetAttr("preferred_login_name"))
                     .WithAttr("login_names", prior.GetAttr("login_names"));
    }
  }

  cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<ZitadelApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    const NewMachineUser request = NewMachineUserFromPlan(planned);
    const std::string org_id = api->ResolveOrg(framework::GetString(planned, "org_id"));
    absl::StatusOr<CreatedUser> created = api->CreateMachineUser(org_id, request);
    if (!created.ok()) {
      framework::AddCreateFailure(
          diagnostics, created.status(), "Could not create the ZITADEL machine user", kTypeName,
          [&org_id](const util::ExistingObject& existing) {
            return org_id.empty() ? existing.id : absl::StrCat(org_id, "/", existing.id);
          });
      return cty::Value();
    }
    // The user exists now: reading it back and generating its secret finish even when the
    // provider is asked to stop, so that it reaches the state whole.
    http::Client::FinishingSentWork finishing;
    absl::StatusOr<MachineUser> user = api->GetUser(created->org_id, created->id);
    if (!user.ok()) {
      // The user exists: keep what is known so Terraform taints it instead of losing it.
      diagnostics->AddStatus(user.status(),
                             "Created the ZITADEL machine user, but could not read it back");
      framework::ObjectBuilder partial(Schema(), planned);
      partial.SetString("id", created->id);
      if (!created->org_id.empty()) partial.SetString("org_id", created->org_id);
      return WithSecret(partial.Build(), std::nullopt);
    }
    cty::Value state = ToState(*user, planned);
    if (!framework::GetBool(planned, "with_secret")) return WithSecret(state, std::nullopt);
    absl::StatusOr<MachineSecret> secret = api->GenerateSecret(user->org_id, user->id);
    if (!secret.ok()) {
      // The user exists: it is kept in state (tainted), without a secret.
      diagnostics->AddStatus(secret.status(),
                             "Created the ZITADEL machine user, but could not generate its "
                             "client secret");
      return WithSecret(state, std::nullopt);
    }
    return WithSecret(state, *secret);
  }

  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    std::shared_ptr<ZitadelApi> api = ConfiguredApi(diagnostics);
    if (!api) return state;
    return framework::StateFromLookup(
        api->GetUser(api->ResolveOrg(framework::GetString(state, "org_id")),
                     framework::GetString(state, "id")),
        state, "Could not read the ZITADEL machine user", diagnostics,
        [&](const MachineUser& user) { return ToState(user, state); });
  }

  cty::Value Update(const cty::Value& prior, const cty::Value& planned,
                    const cty::Value& /*config*/, framework::Diagnostics* diagnostics) override {
    std::shared_ptr<ZitadelApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    const std::string org = api->ResolveOrg(framework::GetString(prior, "org_id"));
    const std::string id = framework::GetString(prior, "id");
    auto changed = [&](const char* name) {
      // description: null and "" are the same to ZITADEL.
      return framework::GetString(prior, name) != framework::GetString(planned, name);
    };
    absl::Status status;
    if (changed("user_name")) {
      status = api->UpdateUserName(org, id, framework::GetString(planned, "user_name"));
    }
    if (status.ok() &&
        (changed("name") || changed("description") || changed("access_token_type"))) {
      status =
          api->UpdateMachine(org, id, framework::GetString(planned, "name"),
                             framework::GetString(planned, "description"),
                             framework::GetString(planned, "access_token_type", kBearerTokenType));
    }
    // The secret as it will be after this update.
    std::optional<MachineSecret> secret;
    if (framework::GetBool(prior, "with_secret")) {
      secret = MachineSecret{.client_id = framework::GetString(prior, "client_id"),
                             .client_secret = framework::GetString(prior, "client_secret")};
    }
    const bool want_secret = framework::GetBool(planned, "with_secret");
    if (status.ok() && want_secret != framework::GetBool(prior, "with_secret")) {
      if (want_secret) {
        absl::StatusOr<MachineSecret> generated = api->GenerateSecret(org, id);
        status = generated.status();
        if (generated.ok()) secret = *std::move(generated);
      } else {
        status = api->RemoveSecret(org, id);
        if (status.ok()) secret.reset();
      }
    }
    if (!status.ok()) {
      diagnostics->AddStatus(status, "Could not update the ZITADEL machine user");
    }
    // Read back what the user now is (also fills login names after a rename).
    absl::StatusOr<MachineUser> user = api->GetUser(org, id);
    const cty::Value& base = status.ok() ? planned : prior;
    if (!user.ok()) {
      if (!status.ok()) return cty::Value();  // keep the prior state
      diagnostics->AddStatus(user.status(),
                             "Updated the ZITADEL machine user, but could not read it back");
      return WithSecret(base, secret);
    }
    cty::Value state = ToState(*user, base);
    if (framework::GetBool(state, "with_secret") != secret.has_value())
      return state;  // changed elsewhere
    return WithSecret(state, secret);
  }

  void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override {
    slot().Run(diagnostics, "Could not delete the ZITADEL machine user", [&prior](ZitadelApi& api) {
      return api.DeleteUser(api.ResolveOrg(framework::GetString(prior, "org_id")),
                            framework::GetString(prior, "id"));
    });
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    std::shared_ptr<ZitadelApi> api = ConfiguredApi(diagnostics);
    if (!api) return std::nullopt;
    std::string org = api->default_org_id();
    std::string user_id;
    if (id.find('/') != std::string::npos) {
      const std::optional<framework::ParentChildId> ids = framework::SplitImportId(
          id, "org_id/user_id", "Import by user_id, org_id/user_id or user_name.", diagnostics);
      if (!ids) return std::nullopt;
      org = ids->parent;
      user_id = ids->child;
    } else if (AllDigits(id)) {
      user_id = id;
    } else {
      absl::StatusOr<std::optional<MachineUser>> found = api->FindUserByName(org, id);
      if (!found.ok()) {
        diagnostics->AddStatus(found.status(),
                               "Could not look up the ZITADEL machine user by user name");
        return std::nullopt;
      }
      if (!found->has_value()) {
        diagnostics->AddError(
            "ZITADEL machine user not found",
            absl::StrCat("No user named \"", id, "\" in ",
                         org.empty() ? "the token's organization" : "organization " + org,
                         ". Import by user_id, org_id/user_id or user_name (searched in the "
                         "provider's organization)."));
        return std::nullopt;
      }
      if (!(*found)->is_machine) {
        diagnostics->AddStatus(NotAMachineUser(**found), "Not a ZITADEL machine user");
        return std::nullopt;
      }
      user_id = (*found)->id;
      org = (*found)->org_id;
    }
    framework::ObjectBuilder skeleton(Schema());
    skeleton.SetString("id", user_id);
    if (!org.empty()) skeleton.SetString("org_id", org);
    return skeleton.Build();
  }
};

}  // namespace

void RegisterMachineUserResource(const ZitadelSlot* api, framework::Registry* registry) {
  registry->AddResource(kTypeName, std::make_unique<MachineUserResource>(api));
}

}  // namespace orgiam::zitadel
