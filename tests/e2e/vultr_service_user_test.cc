// orgiam_vultr_service_user end to end: the real terraform, the real provider, the sandbox.

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

class VultrServiceUserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
  }

  nlohmann::json SandboxUsers() { return sandbox_.State()["vultr"]["users"]; }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

std::string UserConfig(const std::string& name, bool api_enabled = true,
                       const std::string& extra = "") {
  return absl::StrCat(R"(resource "orgiam_vultr_service_user" "ci" {
  name        = ")",
                      name, R"("
  email       = "ci@example.com"
  api_enabled = )",
                      api_enabled ? "true" : "false", R"(
  acls        = ["dns", "billing"]
  password    = "first-password-123"
)",
                      extra, "}\n");
}

TEST_F(VultrServiceUserTest, CreateReplanUpdateReplaceDestroy) {
  workspace_.WriteConfig(UserConfig("ci-bot"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u) << users.dump(2);
  EXPECT_EQ(users[0]["name"], "ci-bot");
  EXPECT_EQ(users[0]["service_user"], true);
  EXPECT_EQ(users[0]["password"], "first-password-123");
  const std::string id = users[0]["id"];

  nlohmann::json resource = workspace_.ResourceInState("orgiam_vultr_service_user.ci");
  EXPECT_EQ(resource["values"]["id"], id);
  EXPECT_EQ(resource["values"]["api_key"], users[0]["api_key"]);
  EXPECT_FALSE(resource["values"]["api_key"].get<std::string>().empty());
  // api_key and password are marked sensitive in the state Terraform shows.
  EXPECT_EQ(resource["sensitive_values"]["api_key"], true) << resource.dump(2);
  EXPECT_EQ(resource["sensitive_values"]["password"], true) << resource.dump(2);

  // Nothing changed: a clean plan.
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // In-place update of the name: same id, PATCH only.
  sandbox_.ResetStats();
  workspace_.WriteConfig(UserConfig("ci-bot-renamed"));
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to change"), std::string::npos) << plan.out;
  EXPECT_EQ(plan.out.find("first-password-123"), std::string::npos);
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["id"], id);
  EXPECT_EQ(users[0]["name"], "ci-bot-renamed");
  EXPECT_EQ(sandbox_.Stats()["requests"].value("PATCH /v2/users/{id}", 0), 1);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // api_enabled forces a replacement (the key is only issued at creation).
  workspace_.WriteConfig(UserConfig("ci-bot-renamed", false));
  plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("must be replaced"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_NE(users[0]["id"], id);
  EXPECT_EQ(users[0]["api_enabled"], false);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxUsers().empty());
}

TEST_F(VultrServiceUserTest, DriftIsDetected) {
  workspace_.WriteConfig(UserConfig("drifty"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  const std::string id = SandboxUsers()[0]["id"];

  // Changed out of band: an update is planned.
  EXPECT_EQ(sandbox_.Call("PATCH", "/v2/users/" + id, {{"name", "someone-else"}}).status, 204);
  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("update in-place"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(SandboxUsers()[0]["name"], "drifty");

  // Deleted out of band: re-creation is planned.
  EXPECT_EQ(sandbox_.Call("DELETE", "/v2/users/" + id).status, 204);
  plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("1 to add"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(SandboxUsers().size(), 1u);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

TEST_F(VultrServiceUserTest, ImportByIdAndEmailThenPlanClean) {
  SandboxProcess::Reply created = sandbox_.Call("POST", "/v2/users",
                                                {{"name", "legacy"},
                                                 {"email", "legacy@example.com"},
                                                 {"api_enabled", true},
                                                 {"service_user", true},
                                                 {"password", "Seeded-pass-1234"},
                                                 {"acls", {"dns"}}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  const std::string id = created.body["user"]["id"];
  const std::string resource = R"(resource "orgiam_vultr_service_user" "legacy" {
  name  = "legacy"
  email = "legacy@example.com"
  acls  = ["dns"]
}
)";
  workspace_.WriteConfig(resource);

  // terraform import by id.
  workspace_.RunExpect({"import", "-no-color", "orgiam_vultr_service_user.legacy", id});
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", "orgiam_vultr_service_user.legacy"});

  // terraform import by email.
  workspace_.RunExpect(
      {"import", "-no-color", "orgiam_vultr_service_user.legacy", "legacy@example.com"});
  EXPECT_EQ(workspace_.ResourceInState("orgiam_vultr_service_user.legacy")["values"]["id"], id);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", "orgiam_vultr_service_user.legacy"});

  // import blocks, by email and by id.
  for (const std::string& key : {std::string("legacy@example.com"), id}) {
    workspace_.WriteConfig(resource +
                           "import {\n  to = orgiam_vultr_service_user.legacy\n  id = \"" + key +
                           "\"\n}\n");
    CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
    EXPECT_NE(plan.out.find("1 to import, 0 to add, 0 to change, 0 to destroy"), std::string::npos)
        << plan.out;
    workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
    workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
    workspace_.RunExpect({"state", "rm", "orgiam_vultr_service_user.legacy"});
  }
  // Nothing was created along the way.
  EXPECT_EQ(SandboxUsers().size(), 1u);
}

TEST_F(VultrServiceUserTest, GenerateConfigOutPlansClean) {
  SandboxProcess::Reply created = sandbox_.Call("POST", "/v2/users",
                                                {{"name", "generated"},
                                                 {"email", "gen@example.com"},
                                                 {"service_user", true},
                                                 {"password", "Seeded-pass-1234"},
                                                 {"acls", {"dns", "billing"}}});
  ASSERT_EQ(created.status, 201);
  workspace_.WriteConfig(
      "import {\n  to = orgiam_vultr_service_user.gen\n  id = \"gen@example.com\"\n}\n");
  workspace_.RunExpect({"plan", "-no-color", "-generate-config-out=generated.tf"});
  const std::string generated = ReadFile(workspace_.dir() + "/generated.tf");
  EXPECT_NE(generated.find("gen@example.com"), std::string::npos) << generated;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

TEST_F(VultrServiceUserTest, DataSourcesReadEveryPage) {
  for (int i = 0; i < 120; ++i) {
    ASSERT_EQ(sandbox_
                  .Call("POST", "/v2/users",
                        {{"name", absl::StrCat("u", i)},
                         {"email", absl::StrCat("u", i, "@example.com")},
                         {"service_user", true},
                         {"password", "Seeded-pass-1234"}})
                  .status,
              201);
  }
  workspace_.WriteConfig(R"(
data "orgiam_vultr_users" "all" {}
data "orgiam_vultr_service_user" "by_email" {
  email = "u77@example.com"
}
data "orgiam_vultr_service_user" "by_id" {
  id = data.orgiam_vultr_service_user.by_email.id
}
output "count" { value = length(data.orgiam_vultr_users.all.users) }
output "name" { value = data.orgiam_vultr_service_user.by_id.name }
)");
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  CommandResult out = workspace_.RunExpect({"output", "-json"});
  nlohmann::json outputs = nlohmann::json::parse(out.out, nullptr, false);
  EXPECT_EQ(outputs["count"]["value"], 120);
  EXPECT_EQ(outputs["name"]["value"], "u77");
}

std::string ManyUsers(int count) {
  return absl::StrCat(R"(resource "orgiam_vultr_service_user" "many" {
  count = )",
                      count, R"(
  name  = "svc-${count.index}"
  email = "svc-${count.index}@example.com"
  acls  = ["dns"]
}
)");
}

TEST_F(VultrServiceUserTest, HundredUsersInParallel) {
  workspace_.WriteConfig(ManyUsers(100));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color", "-parallelism=20"});
  EXPECT_EQ(SandboxUsers().size(), 100u);
  nlohmann::json stats = sandbox_.Stats();
  EXPECT_EQ(stats["requests"]["POST /v2/users"], 100);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color", "-parallelism=20"}, 0);
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color", "-parallelism=20"});
  EXPECT_TRUE(SandboxUsers().empty());
}

TEST_F(VultrServiceUserTest, ConvergesUnderFaultsWithoutDuplicates) {
  sandbox_.SetFaults({{"rate_limit_per_s", 30},
                      {"error_rate", 0.10},
                      {"drop_after_commit_rate", 0.05},
                      {"latency_ms", 0}});
  workspace_.WriteConfig(ManyUsers(100));
  CommandResult first = workspace_.Run({"apply", "-auto-approve", "-no-color", "-parallelism=20"});
  if (first.exit_code != 0) {
    // One re-apply is allowed to converge (e.g. retries exhausted on an unlucky object).
    workspace_.RunExpect({"apply", "-auto-approve", "-no-color", "-parallelism=20"});
  }
  sandbox_.SetFaults(
      {{"rate_limit_per_s", 0}, {"error_rate", 0.0}, {"drop_after_commit_rate", 0.0}});
  nlohmann::json users = SandboxUsers();
  EXPECT_EQ(users.size(), 100u);
  std::set<std::string> emails;
  for (const auto& user : users) emails.insert(user["email"].get<std::string>());
  EXPECT_EQ(emails.size(), 100u);
  EXPECT_GT(sandbox_.Stats()["faults_injected"].get<int>(), 0);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  // Every user in state has its API key.
  nlohmann::json state = workspace_.StateJson();
  for (const auto& resource : state["values"]["root_module"]["resources"]) {
    EXPECT_FALSE(resource["values"]["api_key"].get<std::string>().empty()) << resource["address"];
  }
}

}  // namespace
}  // namespace orgiam::testing
