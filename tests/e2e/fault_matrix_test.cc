// Exactly once under faults, end to end: one configuration with every resource type (67
// resources) applied by the real terraform against a sandbox that fails, drops, limits or
// slows its answers, and one whose sandbox is restarted (with --data) in the middle of the
// apply. After at most one more apply without faults, the sandbox must hold exactly the
// configured objects: no duplicate, no orphan, every id and secret in the state the
// sandbox's, and a clean plan.

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <set>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "census.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

constexpr int kActiveUsers = 12;   // api_enabled = true: the create's answer holds the key
constexpr int kInactiveUsers = 8;  // api_enabled = false
constexpr int kApiKeys = 8;        // one on each of the first active users
constexpr int kInvitations = 8;    // api_enabled alternating
constexpr int kMachineUsers = 10;  // with_secret on the even ones
constexpr int kMachinePats = 5;    // one on each of the first machine users, each its own expiry
constexpr int kDuckAccounts = 6;   // deletion_protection = false
constexpr int kDuckTokens = 10;    // token i on account i % kDuckAccounts
constexpr int kResources = kActiveUsers + kInactiveUsers + kApiKeys + kInvitations + kMachineUsers +
                           kMachinePats + kDuckAccounts + kDuckTokens;
static_assert(kResources >= 60);

// One terraform command may take this long; every wait below is bounded by it.
constexpr seconds kCommandTimeout(150);

std::string MatrixConfig() {
  return absl::StrCat(R"(resource "orgiam_vultr_service_user" "active" {
  count = )",
                      kActiveUsers, R"(
  name  = "active-${count.index}"
  email = "active-${count.index}@example.com"
  acls  = ["dns"]
}

resource "orgiam_vultr_service_user" "inactive" {
  count       = )",
                      kInactiveUsers, R"(
  name        = "inactive-${count.index}"
  email       = "inactive-${count.index}@example.com"
  api_enabled = false
}

resource "orgiam_vultr_user_api_key" "extra" {
  count   = )",
                      kApiKeys, R"(
  user_id = orgiam_vultr_service_user.active[count.index].id
  name    = "extra-${count.index}"
}

resource "orgiam_vultr_organization_invitation" "invite" {
  count       = )",
                      kInvitations, R"(
  email       = "invitee-${count.index}@example.com"
  api_enabled = count.index % 2 == 0
}

resource "orgiam_zitadel_machine_user" "machine" {
  count       = )",
                      kMachineUsers, R"(
  user_name   = "machine-${count.index}"
  name        = "Machine ${count.index}"
  description = "fault matrix"
  with_secret = count.index % 2 == 0
}

resource "orgiam_zitadel_personal_access_token" "pat" {
  count           = )",
                      kMachinePats, R"(
  user_id         = orgiam_zitadel_machine_user.machine[count.index].id
  expiration_date = "2040-01-0${count.index + 1}T00:00:00Z"
}

resource "orgiam_motherduck_service_account" "duck" {
  count               = )",
                      kDuckAccounts, R"(
  username            = "duck_${count.index}"
  deletion_protection = false
}

resource "orgiam_motherduck_access_token" "token" {
  count    = )",
                      kDuckTokens, R"(
  username = orgiam_motherduck_service_account.duck[count.index % )",
                      kDuckAccounts, R"(].username
  name     = "token-${count.index}"
  ttl      = 86400
}
)");
}

// Retries enough for a 30 % fault rate; a request never waits long on a held answer.
std::string MatrixProvider(const std::string& url) {
  return absl::StrCat(kRequireOrgiam, R"(provider "orgiam" {
  max_retries     = 8
  request_timeout = "20s"
  vultr {
    api_key  = "sandbox-token"
    endpoint = ")",
                      url, R"("
  }
  zitadel {
    token  = "sandbox-token"
    domain = ")",
                      url, R"("
  }
  motherduck {
    token    = "sandbox-token"
    endpoint = ")",
                      url, R"("
  }
}
)");
}

// The natural keys the configuration asks for, per kind (API keys and tokens by name only:
// their owners' ids are only known afterwards).
std::set<std::string> ConfiguredKeys(Kind kind) {
  std::set<std::string> keys;
  switch (kind) {
    case Kind::kVultrUser:
      for (int i = 0; i < kActiveUsers; ++i)
        keys.insert(absl::StrCat("active-", i, "@example.com"));
      for (int i = 0; i < kInactiveUsers; ++i) {
        keys.insert(absl::StrCat("inactive-", i, "@example.com"));
      }
      break;
    case Kind::kVultrApiKey:
      for (int i = 0; i < kApiKeys; ++i) keys.insert(absl::StrCat("extra-", i));
      break;
    case Kind::kVultrInvitation:
      for (int i = 0; i < kInvitations; ++i) {
        keys.insert(absl::StrCat("invitee-", i, "@example.com"));
      }
      break;
    case Kind::kZitadelUser:
      for (int i = 0; i < kMachineUsers; ++i) {
        keys.insert(absl::StrCat("100000000000000001/machine-", i));
      }
      break;
    case Kind::kZitadelPat:
      for (int i = 0; i < kMachinePats; ++i) {
        keys.insert(absl::StrCat("2040-01-0", i + 1, "T00:00:00Z"));
      }
      break;
    case Kind::kMotherDuckUser:
      for (int i = 0; i < kDuckAccounts; ++i) keys.insert(absl::StrCat("duck_", i));
      break;
    case Kind::kMotherDuckToken:
      for (int i = 0; i < kDuckTokens; ++i) {
        keys.insert(absl::StrCat("duck_", i % kDuckAccounts, "/token-", i));
      }
      break;
  }
  return keys;
}

// The configured objects, each exactly once, all in the state with their secrets, nothing
// else; then a clean plan.
void ExpectConverged(SandboxProcess& sandbox, TerraformWorkspace& workspace,
                     const std::string& context) {
  const Census census = TakeCensus(sandbox, workspace);
  ExpectExactlyOnce(census, context);
  for (const Kind kind : kAllKinds) {
    std::vector<std::string> held = SandboxKeys(census, kind);
    if (kind == Kind::kVultrApiKey || kind == Kind::kZitadelPat) {
      for (std::string& key : held) key = key.substr(key.find('/') + 1);  // drop the user id
    }
    const std::set<std::string> configured = ConfiguredKeys(kind);
    EXPECT_EQ(std::set<std::string>(held.begin(), held.end()), configured)
        << context << ": " << ResourceType(kind);
    EXPECT_EQ(held.size(), configured.size()) << context << ": " << ResourceType(kind);
    EXPECT_EQ(census.state.at(kind).size(), configured.size())
        << context << ": " << ResourceType(kind) << " in the state";
  }
  // The API keys belong to the users the configuration names.
  std::set<std::string> active_ids;
  for (const auto& [id, values] : census.state.at(Kind::kVultrUser)) {
    if (values.value("api_enabled", false)) active_ids.insert(id);
  }
  for (const auto& [id, key] : census.sandbox.at(Kind::kVultrApiKey)) {
    EXPECT_TRUE(active_ids.contains(key.value("user_id", "")))
        << context << ": API key " << id << " belongs to " << key.dump();
  }
  CommandResult plan = workspace.Run({"plan", "-detailed-exitcode", "-no-color"}, kCommandTimeout);
  EXPECT_EQ(plan.exit_code, 0) << context << ": plan after convergence\n"
                               << plan.out << "\n"
                               << plan.err;
}

std::string Head(const std::string& text, size_t max = 3000) {
  return text.size() <= max ? text : text.substr(0, max) + "\n[...]";
}

const std::vector<std::string> kApply = {"apply", "-auto-approve", "-no-color", "-parallelism=10"};

struct Profile {
  std::string name;
  nlohmann::json faults;
  bool injects = true;  // whether faults_injected must be > 0
};

class FaultMatrixTest : public ::testing::TestWithParam<Profile> {};

TEST_P(FaultMatrixTest, ApplyConvergesExactlyOnce) {
  const Profile& profile = GetParam();
  SandboxProcess sandbox;
  TerraformWorkspace workspace;
  workspace.WriteConfig(MatrixProvider(sandbox.url()), "provider.tf");
  workspace.WriteConfig(MatrixConfig());
  workspace.Init();

  sandbox.SetFaults(profile.faults);
  const auto started = steady_clock::now();
  const CommandResult first = workspace.Run(kApply, kCommandTimeout);
  const double first_s = std::chrono::duration<double>(steady_clock::now() - started).count();
  const nlohmann::json stats = sandbox.Stats();
  sandbox.SetFaults(NoFaults());
  EXPECT_FALSE(first.timed_out) << profile.name << ": the faulty apply did not end";
  std::cout << "[" << profile.name << "] faulty apply exit " << first.exit_code << " in " << first_s
            << " s, " << TotalRequests(stats)
            << " requests, faults_injected=" << stats.value("faults_injected", -1) << "\n";
  if (profile.injects) {
    EXPECT_GT(stats.value("faults_injected", 0), 0) << stats.dump();
  }

  if (first.exit_code != 0) {
    std::cout << "[" << profile.name << "] first apply failed:\n" << Head(first.err) << "\n";
    // The state it left must already be sound: no id the sandbox does not hold, and the
    // secrets it holds are the sandbox's.
    const Census partial = TakeCensus(sandbox, workspace);
    ExpectStateIdsExist(partial, profile.name + " (after the failed apply)");
    ExpectSecretsMatch(partial, profile.name + " (after the failed apply)");
    const CommandResult second = workspace.Run(kApply, kCommandTimeout);
    ASSERT_EQ(second.exit_code, 0) << profile.name << ": the apply without faults failed\n"
                                   << second.out << "\n"
                                   << second.err;
  }
  ExpectConverged(sandbox, workspace, profile.name);
}

INSTANTIATE_TEST_SUITE_P(Profiles, FaultMatrixTest,
                         ::testing::Values(Profile{"errors", {{"error_rate", 0.3}}},
                                           Profile{"drops", {{"drop_after_commit_rate", 0.3}}},
                                           Profile{"rate_limit", {{"rate_limit_per_s", 5}}},
                                           Profile{"latency", {{"latency_ms", 300}}, false},
                                           Profile{"mix",
                                                   {{"error_rate", 0.1},
                                                    {"drop_after_commit_rate", 0.1},
                                                    {"rate_limit_per_s", 15},
                                                    {"latency_ms", 40}}}),
                         [](const ::testing::TestParamInfo<Profile>& info) {
                           return info.param.name;
                         });

// The sandbox is stopped (SIGTERM) while the apply runs, after a number of requests, and
// started again on the same port with the same --data file. Requests carried out just before
// the stop may never have been answered.
TEST(FaultMatrixRestartTest, SandboxRestartedMidApplyConverges) {
  const std::string data_dir = MakeTempDir("orgiam-sandbox-data-");
  const std::string data = data_dir + "/state.json";
  {
    SandboxProcess sandbox({"--data", data});
    TerraformWorkspace workspace;
    workspace.WriteConfig(MatrixProvider(sandbox.url()), "provider.tf");
    workspace.WriteConfig(MatrixConfig());
    workspace.Init();
    // Slow answers keep many requests in flight when the stop comes.
    sandbox.SetFaults({{"latency_ms", 60}});

    std::unique_ptr<BackgroundCommand> apply = workspace.Start(kApply);
    constexpr int kStopAfterRequests = 70;
    const auto deadline = steady_clock::now() + seconds(90);
    int requests = 0;
    while (steady_clock::now() < deadline && !apply->Finished()) {
      requests = TotalRequests(sandbox.Stats());
      if (requests >= kStopAfterRequests) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_FALSE(apply->Finished()) << "the apply ended before the sandbox was stopped:\n"
                                    << apply->OutputSoFar();
    EXPECT_GE(requests, kStopAfterRequests);
    // SIGTERM. The sandbox lets open keep-alive connections end first (httplib's 5 s
    // keep-alive timeout), so it gets 15 s before SIGKILL.
    const auto stopping = steady_clock::now();
    const int stopped = sandbox.Stop(seconds(15));
    std::cout << "[restart] sandbox stop: exit " << stopped << " after "
              << std::chrono::duration<double>(steady_clock::now() - stopping).count() << " s\n";
    EXPECT_EQ(stopped, 0) << "the sandbox did not exit 0 on SIGTERM";
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    sandbox.Restart();
    ASSERT_TRUE(sandbox.running());
    const CommandResult first = apply->Wait(kCommandTimeout);
    EXPECT_FALSE(first.timed_out) << "the interrupted apply did not end";
    std::cout << "[restart] stopped after " << requests << " requests; apply exit "
              << first.exit_code << "\n";
    if (first.exit_code != 0) std::cout << Head(first.err) << "\n";
    const Census partial = TakeCensus(sandbox, workspace);
    ExpectStateIdsExist(partial, "restart (after the interrupted apply)");
    ExpectSecretsMatch(partial, "restart (after the interrupted apply)");

    const CommandResult second = workspace.Run(kApply, kCommandTimeout);
    ASSERT_EQ(second.exit_code, 0) << "the apply after the restart failed\n"
                                   << second.out << "\n"
                                   << second.err;
    ExpectConverged(sandbox, workspace, "restart");
  }
  RemoveTree(data_dir);
}

}  // namespace
}  // namespace orgiam::testing
