// Secrets stay secret: with every secret attribute and every ephemeral resource in one
// configuration, run plan and apply at TF_LOG=trace / TF_LOG_PROVIDER=trace, then look for each
// secret the sandbox issued or received in the log, the terminal output, the state file and the
// saved plan files. Write-only and ephemeral secrets must appear nowhere; sensitive ones only in
// state (the state file, and the state snapshot inside a saved plan file).

#include <gtest/gtest.h>

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kConfig[] = R"(
terraform {
  required_providers {
    orgiam = { source = "orgiam/orgiam" }
  }
}

resource "orgiam_vultr_service_user" "sensitive_password" {
  name     = "pw"
  email    = "pw@example.com"
  password = "sensitive-password-3f9a1c"
}

# Ephemeral variables are never written to plan files (a literal would be: plan files carry
# the configuration's text).
variable "wo_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "orgiam_vultr_service_user" "write_only_password" {
  name                = "wo"
  email               = "wo@example.com"
  password_wo         = var.wo_password
  password_wo_version = 1
}

resource "orgiam_zitadel_machine_user" "with_secret" {
  user_name   = "robot"
  name        = "Robot"
  with_secret = true
}

resource "orgiam_zitadel_machine_user" "ephemeral_target" {
  user_name = "robot-eph"
  name      = "Robot for ephemeral secrets"
}

resource "orgiam_zitadel_personal_access_token" "managed" {
  user_id = orgiam_zitadel_machine_user.with_secret.id
}

resource "orgiam_motherduck_service_account" "svc" {
  username            = "svc_secrets"
  deletion_protection = false
}

resource "orgiam_motherduck_access_token" "managed" {
  username = orgiam_motherduck_service_account.svc.username
  name     = "managed"
}

resource "orgiam_vultr_user_api_key" "managed" {
  user_id = orgiam_vultr_service_user.sensitive_password.id
  name    = "managed"
}

# .id is unknown until the account exists, so Terraform opens this only during apply.
ephemeral "orgiam_motherduck_access_token" "eph" {
  username = orgiam_motherduck_service_account.svc.id
}

ephemeral "orgiam_zitadel_machine_user_secret" "eph" {
  user_id = orgiam_zitadel_machine_user.ephemeral_target.id
}

ephemeral "orgiam_vultr_user_api_key" "eph" {
  user_id = orgiam_vultr_service_user.sensitive_password.id
}

# Each ephemeral credential is passed on through a write-only argument, so the sandbox records
# the value it received and the test knows what to look for.
resource "orgiam_vultr_service_user" "from_motherduck" {
  name                = "eph-md"
  email               = "eph-md@example.com"
  password_wo         = ephemeral.orgiam_motherduck_access_token.eph.token
  password_wo_version = 1
}

resource "orgiam_vultr_service_user" "from_zitadel" {
  name                = "eph-z"
  email               = "eph-z@example.com"
  password_wo         = ephemeral.orgiam_zitadel_machine_user_secret.eph.client_secret
  password_wo_version = 1
}

resource "orgiam_vultr_service_user" "from_vultr" {
  name                = "eph-v"
  email               = "eph-v@example.com"
  password_wo         = ephemeral.orgiam_vultr_user_api_key.eph.api_key
  password_wo_version = 1
}
)";

class SecretsLeakTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteConfig(SandboxProviderBlock(sandbox_.url()), "provider.tf");
    workspace_.WriteConfig(kConfig);
    workspace_.Init();
    workspace_.SetEnv("TF_VAR_wo_password", "write-only-password-8e2d7b");
    workspace_.SetEnv("TF_LOG", "trace");
    workspace_.SetEnv("TF_LOG_PROVIDER", "trace");
    workspace_.SetEnv("TF_LOG_PATH", workspace_.dir() + "/terraform.log");
  }

  // Everything of a saved plan file, as text: each zip entry decompressed.
  std::string PlanFileContents(const std::string& plan, bool state_entries) {
    CommandResult list = RunCommand({"unzip", "-Z1", workspace_.dir() + "/" + plan});
    EXPECT_EQ(list.exit_code, 0) << list.err;
    std::string contents;
    std::istringstream entries(list.out);
    for (std::string entry; std::getline(entries, entry);) {
      const bool is_state = entry.find("tfstate") != std::string::npos;
      if (is_state != state_entries) continue;
      contents += RunCommand({"unzip", "-p", workspace_.dir() + "/" + plan, entry}).out;
    }
    return contents;
  }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

TEST_F(SecretsLeakTest, SecretsAppearOnlyWhereDocumented) {
  std::string terminal;
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color", "-out=create.tfplan"});
  terminal += plan.out + plan.err;
  CommandResult apply = workspace_.RunExpect({"apply", "-no-color", "create.tfplan"});
  terminal += apply.out + apply.err;
  CommandResult replan = workspace_.RunExpect({"plan", "-no-color", "-out=noop.tfplan"});
  terminal += replan.out + replan.err;
  CommandResult show = workspace_.RunExpect({"show", "-no-color"});
  terminal += show.out + show.err;

  const nlohmann::json sandbox = sandbox_.State();
  const std::string log = ReadFile(workspace_.dir() + "/terraform.log");
  const std::string state_file = ReadFile(workspace_.StateFile());
  ASSERT_GT(log.size(), 10000u);
  ASSERT_NE(log.find("provider.terraform-provider-orgiam"), std::string::npos);
  const std::string plan_states =
      PlanFileContents("create.tfplan", true) + PlanFileContents("noop.tfplan", true);
  const std::string plan_rest =
      PlanFileContents("create.tfplan", false) + PlanFileContents("noop.tfplan", false);

  // Write-only and ephemeral secrets: as received by the sandbox.
  std::map<std::string, std::string> hidden = {
      {"password_wo variable", "write-only-password-8e2d7b"},
      {"password_wo as received", SandboxUserPassword(sandbox, "wo@example.com")},
      {"ephemeral MotherDuck token", SandboxUserPassword(sandbox, "eph-md@example.com")},
      {"ephemeral ZITADEL client secret", SandboxUserPassword(sandbox, "eph-z@example.com")},
      {"ephemeral Vultr API key", SandboxUserPassword(sandbox, "eph-v@example.com")},
  };
  for (const auto& [what, secret] : hidden) {
    ASSERT_GE(secret.size(), 8u) << what << " was not delivered: " << sandbox.dump(2);
    EXPECT_EQ(log.find(secret), std::string::npos) << what << " in the trace log";
    EXPECT_EQ(terminal.find(secret), std::string::npos) << what << " in terminal output";
    EXPECT_EQ(state_file.find(secret), std::string::npos) << what << " in the state file";
    EXPECT_EQ(plan_states.find(secret), std::string::npos) << what << " in a plan's state";
    EXPECT_EQ(plan_rest.find(secret), std::string::npos) << what << " in a plan file";
  }

  // Sensitive secrets: in state only.
  std::map<std::string, std::string> sensitive = {{"password", "sensitive-password-3f9a1c"}};
  for (const auto& user : sandbox["vultr"]["users"]) {
    if (!user.value("api_key", "").empty()) {
      sensitive["api_key of " + user.value("email", "")] = user["api_key"];
    }
  }
  for (const auto& key : sandbox["vultr"]["api_keys"]) {
    if (key.value("name", "") == "managed") sensitive["managed Vultr API key"] = key["api_key"];
  }
  for (const auto& user : sandbox["zitadel"]["users"]) {
    if (!user.value("client_secret", "").empty()) {
      sensitive["ZITADEL client_secret"] = user["client_secret"];
    }
  }
  for (const auto& pat : sandbox["zitadel"]["pats"]) {
    sensitive["ZITADEL personal access token"] = pat["token"];
  }
  for (const auto& token : sandbox["motherduck"]["tokens"]) {
    sensitive["MotherDuck token " + token.value("name", "")] = token["token"];
  }
  EXPECT_GE(sensitive.size(), 6u) << sandbox.dump(2);
  for (const auto& [what, secret] : sensitive) {
    ASSERT_GE(secret.size(), 8u) << what;
    EXPECT_EQ(log.find(secret), std::string::npos) << what << " in the trace log";
    EXPECT_EQ(terminal.find(secret), std::string::npos) << what << " in terminal output";
  }
  // The computed ones are in the state file (where they are documented to be kept). Each must
  // have been found in the sandbox: operator[] would insert "", which every string contains.
  for (const char* computed :
       {"ZITADEL client_secret", "managed Vultr API key", "ZITADEL personal access token"}) {
    auto it = sensitive.find(computed);
    ASSERT_NE(it, sensitive.end()) << computed << " not issued by the sandbox: " << sandbox.dump(2);
    EXPECT_NE(state_file.find(it->second), std::string::npos) << computed << " not in the state";
  }

  // Every ephemeral credential was revoked when Terraform finished.
  for (const auto& token : sandbox["motherduck"]["tokens"]) {
    EXPECT_EQ(token.value("name", "").rfind("orgiam-ephemeral-", 0), std::string::npos)
        << token.dump();
  }
  for (const auto& key : sandbox["vultr"]["api_keys"]) {
    EXPECT_EQ(key.value("name", "").rfind("orgiam-ephemeral-", 0), std::string::npos) << key.dump();
  }
  for (const auto& user : sandbox["zitadel"]["users"]) {
    if (user.value("userName", "") == "robot-eph") {
      EXPECT_TRUE(user.value("client_secret", "").empty()) << user.dump();
    }
  }

  // Terraform shows sensitive values redacted.
  EXPECT_NE(plan.out.find("(sensitive value)"), std::string::npos) << plan.out;
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
}

TEST(EphemeralCloseTest, RevokedEvenWhenTheApplyFails) {
  SandboxProcess sandbox;
  // A user that already exists makes the second create fail midway through the apply.
  ASSERT_EQ(sandbox
                .Call("POST", "/v2/users",
                      {{"name", "taken"},
                       {"email", "taken@example.com"},
                       {"service_user", true},
                       {"password", "Seeded-pass-1234"}})
                .status,
            201);
  TerraformWorkspace workspace;
  workspace.WriteConfig(SandboxProviderBlock(sandbox.url()), "provider.tf");
  workspace.WriteConfig(R"(
terraform {
  required_providers {
    orgiam = { source = "orgiam/orgiam" }
  }
}
resource "orgiam_vultr_service_user" "owner" {
  name  = "owner"
  email = "owner@example.com"
}
resource "orgiam_motherduck_service_account" "svc" {
  username            = "svc_fail"
  deletion_protection = false
}
ephemeral "orgiam_vultr_user_api_key" "eph" {
  user_id = orgiam_vultr_service_user.owner.id
}
ephemeral "orgiam_motherduck_access_token" "eph" {
  username = orgiam_motherduck_service_account.svc.id
}
resource "orgiam_vultr_service_user" "uses_key" {
  name                = "uses-key"
  email               = "uses-key@example.com"
  password_wo         = ephemeral.orgiam_vultr_user_api_key.eph.api_key
  password_wo_version = 1
}
resource "orgiam_vultr_service_user" "uses_token" {
  name                = "uses-token"
  email               = "uses-token@example.com"
  password_wo         = ephemeral.orgiam_motherduck_access_token.eph.token
  password_wo_version = 1
}
resource "orgiam_vultr_service_user" "clash" {
  name       = "clash"
  email      = "taken@example.com"
  depends_on = [orgiam_vultr_service_user.uses_key, orgiam_vultr_service_user.uses_token]
}
)");
  workspace.Init();
  CommandResult apply = workspace.RunExpect({"apply", "-auto-approve", "-no-color"}, 1);
  EXPECT_NE(apply.err.find("(taken@example.com) already"), std::string::npos) << apply.err;
  const nlohmann::json state = sandbox.State();
  // The credentials were minted (and used) ...
  EXPECT_GE(SandboxUserPassword(state, "uses-key@example.com").size(), 8u) << state.dump(2);
  EXPECT_GE(SandboxUserPassword(state, "uses-token@example.com").size(), 8u) << state.dump(2);
  // ... and revoked although the apply failed (Terraform skips Close then; the provider
  // revokes what is still open when Terraform shuts it down).
  EXPECT_TRUE(state["vultr"]["api_keys"].empty()) << state["vultr"]["api_keys"].dump(2);
  EXPECT_TRUE(state["motherduck"]["tokens"].empty()) << state["motherduck"]["tokens"].dump(2);
}

}  // namespace
}  // namespace orgiam::testing
