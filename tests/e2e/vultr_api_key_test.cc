// orgiam_vultr_user_api_key end to end, managed and ephemeral: the real terraform, the real
// provider, the sandbox.

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

class VultrApiKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
    SandboxProcess::Reply created = sandbox_.Call("POST", "/v2/users",
                                                  {{"name", "owner"},
                                                   {"email", "owner@example.com"},
                                                   {"service_user", true},
                                                   {"password", "Seeded-pass-1234"}});
    ASSERT_EQ(created.status, 201) << created.body.dump();
    user_id_ = created.body["user"]["id"];
  }

  nlohmann::json SandboxKeys() { return sandbox_.State()["vultr"]["api_keys"]; }

  nlohmann::json Resource(const std::string& address) {
    nlohmann::json state = workspace_.StateJson();
    for (const auto& resource : state["values"]["root_module"]["resources"]) {
      if (resource["address"] == address) return resource;
    }
    return nullptr;
  }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
  std::string user_id_;
};

TEST_F(VultrApiKeyTest, RotationExampleReplacesAndDeletesOldKey) {
  workspace_.WriteConfig(ReadFile(std::string(ORGIAM_EXAMPLES_DIR) +
                                  "/resources/orgiam_vultr_user_api_key/"
                                  "rotation.tf"));
  const std::string user_var = "-var=user_id=" + user_id_;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color", user_var, "-var=rotation_id=r1"});
  nlohmann::json keys = SandboxKeys();
  ASSERT_EQ(keys.size(), 1u) << keys.dump(2);
  const std::string first_id = keys[0]["id"];
  nlohmann::json resource = Resource("orgiam_vultr_user_api_key.rotated");
  EXPECT_EQ(resource["values"]["id"], first_id);
  EXPECT_EQ(resource["values"]["user_id"], user_id_);
  EXPECT_EQ(resource["values"]["api_key"], keys[0]["api_key"]);
  EXPECT_FALSE(resource["values"]["api_key"].get<std::string>().empty());
  EXPECT_EQ(resource["sensitive_values"]["api_key"], true) << resource.dump(2);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color", user_var, "-var=rotation_id=r1"},
                       0);

  // A new rotation id replaces the key; the old one is deleted.
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color", user_var, "-var=rotation_id=r2"});
  EXPECT_NE(plan.out.find("replace_triggered_by"), std::string::npos) << plan.out;
  EXPECT_EQ(plan.out.find(keys[0]["api_key"].get<std::string>()), std::string::npos);
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color", user_var, "-var=rotation_id=r2"});
  keys = SandboxKeys();
  ASSERT_EQ(keys.size(), 1u) << keys.dump(2);
  EXPECT_NE(keys[0]["id"], first_id);
  resource = Resource("orgiam_vultr_user_api_key.rotated");
  EXPECT_EQ(resource["values"]["id"], keys[0]["id"]);
  EXPECT_EQ(resource["values"]["api_key"], keys[0]["api_key"]);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color", user_var, "-var=rotation_id=r2"},
                       0);

  // Deleted out of band: a new key is planned.
  const std::string second_id = keys[0]["id"];
  EXPECT_EQ(sandbox_.Call("DELETE", "/v2/users/" + user_id_ + "/apikeys/" + second_id).status, 204);
  plan = workspace_.RunExpect(
      {"plan", "-detailed-exitcode", "-no-color", user_var, "-var=rotation_id=r2"}, 2);
  EXPECT_NE(plan.out.find("1 to add"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color", user_var, "-var=rotation_id=r2"});
  EXPECT_EQ(SandboxKeys().size(), 1u);

  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color", user_var, "-var=rotation_id=r2"});
  EXPECT_TRUE(SandboxKeys().empty()) << SandboxKeys().dump(2);
}

TEST_F(VultrApiKeyTest, ExpiryDateRoundTripsWithoutDiff) {
  workspace_.WriteConfig(absl::StrCat(R"(resource "orgiam_vultr_user_api_key" "k" {
  user_id     = ")",
                                      user_id_, R"("
  name        = "expiring"
  date_expire = "2035-01-01T00:00:00Z"
}
)"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json keys = SandboxKeys();
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0]["expire"], true);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxKeys().empty());
}

TEST_F(VultrApiKeyTest, ImportByUserAndKeyIdThenPlanClean) {
  SandboxProcess::Reply created =
      sandbox_.Call("POST", "/v2/users/" + user_id_ + "/apikeys", {{"name", "legacy"}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  const std::string key_id = created.body["api_key"]["id"];
  workspace_.WriteConfig(absl::StrCat(R"(resource "orgiam_vultr_user_api_key" "legacy" {
  user_id = ")",
                                      user_id_, R"("
  name    = "legacy"
}
)"));
  workspace_.RunExpect(
      {"import", "-no-color", "orgiam_vultr_user_api_key.legacy", user_id_ + "/" + key_id});
  nlohmann::json values = Resource("orgiam_vultr_user_api_key.legacy")["values"];
  EXPECT_EQ(values["id"], key_id);
  EXPECT_EQ(values["api_key"], "");
  EXPECT_FALSE(values["date_created"].get<std::string>().empty());
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  CommandResult bad =
      workspace_.Run({"import", "-no-color", "orgiam_vultr_user_api_key.other", "not-a-pair"});
  EXPECT_NE(bad.exit_code, 0);

  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxKeys().empty());
}

TEST_F(VultrApiKeyTest, EphemeralKeyIsDeletedAndNeverStored) {
  // The ephemeral key feeds a write-only password, one of the places ephemeral values may go.
  workspace_.WriteConfig(absl::StrCat(R"(ephemeral "orgiam_vultr_user_api_key" "session" {
  user_id = ")",
                                      user_id_, R"("
}

resource "orgiam_vultr_service_user" "consumer" {
  name                = "consumer"
  email               = "consumer@example.com"
  password_wo         = ephemeral.orgiam_vultr_user_api_key.session.api_key
  password_wo_version = 1
}
)"));
  sandbox_.ResetStats();
  workspace_.RunExpect({"plan", "-no-color", "-out=tfplan"});
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color", "tfplan"});
  nlohmann::json stats = sandbox_.Stats();
  EXPECT_GE(stats["requests"].value("POST /v2/users/{id}/apikeys", 0), 1) << stats.dump(2);
  EXPECT_EQ(stats["requests"].value("POST /v2/users/{id}/apikeys", 0),
            stats["requests"].value("DELETE /v2/users/{id}/apikeys/{apikey_id}", 0))
      << stats.dump(2);
  EXPECT_TRUE(SandboxKeys().empty()) << SandboxKeys().dump(2);

  const nlohmann::json users = sandbox_.State()["vultr"]["users"];
  std::string password;
  for (const auto& user : users) {
    if (user["email"] == "consumer@example.com") password = user["password"];
  }
  ASSERT_FALSE(password.empty()) << users.dump(2);
  EXPECT_EQ(ReadFile(workspace_.StateFile()).find(password), std::string::npos);
  EXPECT_EQ(ReadFile(workspace_.StateFile()).find("orgiam-ephemeral-"), std::string::npos);
  EXPECT_EQ(ReadFile(workspace_.dir() + "/tfplan").find(password), std::string::npos);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  EXPECT_TRUE(SandboxKeys().empty());
}

}  // namespace
}  // namespace orgiam::testing
