#ifndef ORGIAM_TESTS_E2E_CENSUS_H_
#define ORGIAM_TESTS_E2E_CENSUS_H_

// What the vendor holds against what the Terraform state holds: the objects of every kind
// the sandbox has (GET /_sandbox/state) and the resources of `terraform show -json`, by id,
// with the checks of the "exactly once, only ours" invariant (design.md).

#include <map>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {

// The object kinds, one per managed resource type.
enum class Kind {
  kVultrUser,
  kVultrApiKey,
  kVultrInvitation,
  kZitadelUser,
  kZitadelPat,
  kMotherDuckUser,
  kMotherDuckToken,
};
inline constexpr Kind kAllKinds[] = {
    Kind::kVultrUser,  Kind::kVultrApiKey,    Kind::kVultrInvitation, Kind::kZitadelUser,
    Kind::kZitadelPat, Kind::kMotherDuckUser, Kind::kMotherDuckToken};

const char* ResourceType(Kind kind);  // "orgiam_vultr_service_user", ...

struct Census {
  // kind -> id -> the sandbox's object (secrets included).
  std::map<Kind, std::map<std::string, nlohmann::json>> sandbox;
  // kind -> natural key -> how many objects of the sandbox carry it.
  std::map<Kind, std::map<std::string, int>> keys;
  // kind -> id -> the state's values, for every resource instance of the kind's type. A
  // resource instance without an id is kept under "" (and is a failure of ExpectStateIds).
  std::map<Kind, std::map<std::string, nlohmann::json>> state;
  // Instances of the state per kind (to notice two instances with the same id).
  std::map<Kind, int> state_instances;
};

// `tf_state` is `terraform show -json` (null or {} for an empty state).
Census TakeCensus(const nlohmann::json& sandbox_state, const nlohmann::json& tf_state);
Census TakeCensus(SandboxProcess& sandbox, TerraformWorkspace& workspace);

// No natural key is carried by more than one object of the sandbox.
void ExpectNoDuplicates(const Census& census, const std::string& context);
// Every object of the sandbox is in the state (same id).
void ExpectNoOrphans(const Census& census, const std::string& context);
// Every id in the state is one the sandbox holds, and no two instances share one.
void ExpectStateIdsExist(const Census& census, const std::string& context);
// Every secret in the state equals the sandbox's, and each resource that must hold one
// (a Vultr user with api_enabled, an API key, a ZITADEL user with_secret, a token) does.
void ExpectSecretsMatch(const Census& census, const std::string& context);
// All four. (Flatten, for matching diagnostics, is in terraform_workspace.h.)
void ExpectExactlyOnce(const Census& census, const std::string& context);

// The natural keys the sandbox holds for `kind`, sorted.
std::vector<std::string> SandboxKeys(const Census& census, Kind kind);

// The sum of every route's request count in /_sandbox/stats.
int TotalRequests(const nlohmann::json& stats);

// The requests of /_sandbox/stats that may change something: every POST, PUT, PATCH and
// DELETE, by route, except ZITADEL's searches (`POST …/_search`, a read sent as a POST).
// Routes with a zero count are left out; empty means no write at all.
std::map<std::string, int> WriteRequests(const nlohmann::json& stats);

// A PUT /_sandbox/faults body that turns every fault off and clears the script.
nlohmann::json NoFaults();

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_E2E_CENSUS_H_
