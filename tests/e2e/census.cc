#include "census.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace orgiam::testing {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string Str(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// Where the sandbox keeps a kind, and how it names an object's id and natural key.
struct KindInfo {
  Kind kind;
  const char* resource_type;
  const char* vendor;
  const char* collection;
  const char* sandbox_id;  // member of the sandbox object that is the resource's id
};

constexpr KindInfo kKinds[] = {
    {Kind::kVultrUser, "orgiam_vultr_service_user", "vultr", "users", "id"},
    {Kind::kVultrApiKey, "orgiam_vultr_user_api_key", "vultr", "api_keys", "id"},
    {Kind::kVultrInvitation, "orgiam_vultr_organization_invitation", "vultr", "invitations", "id"},
    {Kind::kZitadelUser, "orgiam_zitadel_machine_user", "zitadel", "users", "id"},
    {Kind::kZitadelPat, "orgiam_zitadel_personal_access_token", "zitadel", "pats", "id"},
    {Kind::kMotherDuckUser, "orgiam_motherduck_service_account", "motherduck", "users", "username"},
    {Kind::kMotherDuckToken, "orgiam_motherduck_access_token", "motherduck", "tokens", "id"},
};

const KindInfo& Info(Kind kind) {
  for (const KindInfo& info : kKinds) {
    if (info.kind == kind) return info;
  }
  return kKinds[0];
}

std::string NaturalKey(Kind kind, const nlohmann::json& object) {
  switch (kind) {
    case Kind::kVultrUser:
      return Lower(Str(object, "email"));
    case Kind::kVultrApiKey:
      return Str(object, "user_id") + "/" + Str(object, "name");
    case Kind::kVultrInvitation:
      return Lower(Str(object, "email_invited"));
    case Kind::kZitadelUser:
      return Str(object, "org_id") + "/" + Lower(Str(object, "userName"));
    case Kind::kZitadelPat:
      // Tokens have no name: two of one user with the same expiry are duplicates.
      return Str(object, "user_id") + "/" + Str(object, "expirationDate");
    case Kind::kMotherDuckUser:
      return Str(object, "username");
    case Kind::kMotherDuckToken:
      return Str(object, "username") + "/" + Str(object, "name");
  }
  return "";
}

// Resources of the root module and of every child module.
void CollectResources(const nlohmann::json& module, std::vector<nlohmann::json>* out) {
  if (!module.is_object()) return;
  if (const auto it = module.find("resources"); it != module.end() && it->is_array()) {
    for (const auto& resource : *it) out->push_back(resource);
  }
  if (const auto it = module.find("child_modules"); it != module.end() && it->is_array()) {
    for (const auto& child : *it) CollectResources(child, out);
  }
}

// The secret member of a kind (same name in the sandbox and in the state), or null.
const char* SecretOf(Kind kind) {
  switch (kind) {
    case Kind::kVultrUser:
    case Kind::kVultrApiKey:
      return "api_key";
    case Kind::kZitadelUser:
      return "client_secret";
    case Kind::kZitadelPat:
    case Kind::kMotherDuckToken:
      return "token";
    case Kind::kVultrInvitation:
    case Kind::kMotherDuckUser:
      break;
  }
  return nullptr;
}

// Whether a state instance of `kind` must hold its secret.
bool MustHoldSecret(Kind kind, const nlohmann::json& values) {
  switch (kind) {
    case Kind::kVultrUser:
      return values.value("api_enabled", false);
    case Kind::kZitadelUser:
      return values.value("with_secret", false);
    case Kind::kVultrApiKey:
    case Kind::kZitadelPat:
    case Kind::kMotherDuckToken:
      return true;
    case Kind::kVultrInvitation:
    case Kind::kMotherDuckUser:
      break;
  }
  return false;
}

}  // namespace

const char* ResourceType(Kind kind) { return Info(kind).resource_type; }

Census TakeCensus(const nlohmann::json& sandbox_state, const nlohmann::json& tf_state) {
  Census census;
  for (const KindInfo& info : kKinds) {
    census.sandbox[info.kind];
    census.state[info.kind];
    census.keys[info.kind];
    census.state_instances[info.kind] = 0;
    if (!sandbox_state.is_object() || !sandbox_state.contains(info.vendor)) continue;
    const nlohmann::json& objects = sandbox_state[info.vendor][info.collection];
    if (!objects.is_array()) continue;
    for (const auto& object : objects) {
      census.sandbox[info.kind][Str(object, info.sandbox_id)] = object;
      ++census.keys[info.kind][NaturalKey(info.kind, object)];
    }
  }
  std::vector<nlohmann::json> resources;
  if (tf_state.is_object() && tf_state.contains("values")) {
    CollectResources(tf_state["values"].value("root_module", nlohmann::json::object()), &resources);
  }
  for (const auto& resource : resources) {
    if (resource.value("mode", "") != "managed") continue;
    for (const KindInfo& info : kKinds) {
      if (resource.value("type", "") != info.resource_type) continue;
      const nlohmann::json& values = resource["values"];
      census.state[info.kind][Str(values, "id")] = values;
      ++census.state_instances[info.kind];
    }
  }
  return census;
}

Census TakeCensus(SandboxProcess& sandbox, TerraformWorkspace& workspace) {
  nlohmann::json tf_state = nlohmann::json::object();
  // An empty state makes `terraform show -json` print no "values".
  CommandResult shown = workspace.Run({"show", "-json", "-no-color"});
  if (shown.exit_code == 0) {
    tf_state = nlohmann::json::parse(shown.out, nullptr, false);
  } else {
    ADD_FAILURE() << "terraform show -json failed: " << shown.err;
  }
  return TakeCensus(sandbox.State(), tf_state);
}

void ExpectNoDuplicates(const Census& census, const std::string& context) {
  for (const auto& [kind, keys] : census.keys) {
    for (const auto& [key, count] : keys) {
      EXPECT_EQ(count, 1) << context << ": " << count << " objects of " << ResourceType(kind)
                          << " carry the natural key " << key;
    }
  }
}

void ExpectNoOrphans(const Census& census, const std::string& context) {
  for (const auto& [kind, objects] : census.sandbox) {
    const auto& state = census.state.at(kind);
    for (const auto& [id, object] : objects) {
      EXPECT_TRUE(state.contains(id))
          << context << ": orphan: the sandbox holds " << ResourceType(kind) << " " << id << " ("
          << NaturalKey(kind, object) << ") that the state does not hold";
    }
  }
}

void ExpectStateIdsExist(const Census& census, const std::string& context) {
  for (const auto& [kind, instances] : census.state) {
    const auto& sandbox = census.sandbox.at(kind);
    EXPECT_EQ(static_cast<int>(instances.size()), census.state_instances.at(kind))
        << context << ": two instances of " << ResourceType(kind) << " share an id";
    for (const auto& [id, values] : instances) {
      EXPECT_FALSE(id.empty()) << context << ": a " << ResourceType(kind)
                               << " in the state has no id: " << values.dump();
      EXPECT_TRUE(sandbox.contains(id)) << context << ": the state holds " << ResourceType(kind)
                                        << " " << id << " that the sandbox does not hold";
    }
  }
}

void ExpectSecretsMatch(const Census& census, const std::string& context) {
  for (const auto& [kind, instances] : census.state) {
    const char* secret = SecretOf(kind);
    if (secret == nullptr) continue;
    const auto& sandbox = census.sandbox.at(kind);
    for (const auto& [id, values] : instances) {
      const std::string in_state = Str(values, secret);
      if (MustHoldSecret(kind, values)) {
        EXPECT_FALSE(in_state.empty()) << context << ": " << ResourceType(kind) << " " << id
                                       << " has no " << secret << " in the state";
      }
      const auto it = sandbox.find(id);
      if (in_state.empty() || it == sandbox.end()) continue;
      EXPECT_EQ(in_state, Str(it->second, secret))
          << context << ": the " << secret << " of " << ResourceType(kind) << " " << id
          << " in the state is not the sandbox's";
      if (kind == Kind::kZitadelUser) {
        EXPECT_EQ(Str(values, "client_id"), Str(it->second, "client_id"))
            << context << ": client_id of " << id;
      }
    }
  }
}

void ExpectExactlyOnce(const Census& census, const std::string& context) {
  ExpectNoDuplicates(census, context);
  ExpectNoOrphans(census, context);
  ExpectStateIdsExist(census, context);
  ExpectSecretsMatch(census, context);
}

std::vector<std::string> SandboxKeys(const Census& census, Kind kind) {
  std::vector<std::string> keys;
  for (const auto& [key, count] : census.keys.at(kind)) {
    for (int i = 0; i < count; ++i) keys.push_back(key);
  }
  return keys;
}

int TotalRequests(const nlohmann::json& stats) {
  int total = 0;
  if (!stats.is_object() || !stats.contains("requests")) return 0;
  for (const auto& [route, count] : stats["requests"].items()) {
    if (count.is_number_integer()) total += count.get<int>();
  }
  return total;
}

std::map<std::string, int> WriteRequests(const nlohmann::json& stats) {
  std::map<std::string, int> writes;
  if (!stats.is_object() || !stats.contains("requests")) return writes;
  for (const auto& [route, count] : stats["requests"].items()) {
    const bool writing = route.starts_with("POST ") || route.starts_with("PUT ") ||
                         route.starts_with("PATCH ") || route.starts_with("DELETE ");
    if (!writing || route.ends_with("/_search")) continue;
    if (count.is_number_integer() && count.get<int>() > 0) writes[route] = count.get<int>();
  }
  return writes;
}

nlohmann::json NoFaults() {
  return {{"rate_limit_per_s", 0},
          {"error_rate", 0.0},
          {"drop_after_commit_rate", 0.0},
          {"latency_ms", 0},
          {"script", nlohmann::json::array()}};
}

}  // namespace orgiam::testing
