// orgiam_zitadel_machine_user, its data source and the ephemeral machine user secret end to
// end: the real terraform, the real provider, the sandbox.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kDefaultOrg[] = "100000000000000001";
constexpr char kSecondOrg[] = "100000000000000002";
constexpr char kAddress[] = "orgiam_zitadel_machine_user.bot";

class ZitadelMachineUserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
  }

  nlohmann::json SandboxUsers() { return sandbox_.State()["zitadel"]["users"]; }

  // Creates a machine user directly in the sandbox; returns its id.
  std::string CreateDirectly(const std::string& user_name, const std::string& name,
                             const std::string& org = "") {
    SandboxProcess::Reply reply = sandbox_.Call("POST", "/management/v1/users/machine",
                                                {{"userName", user_name}, {"name", name}},
                                                org.empty() ? "" : "x-zitadel-orgid:" + org);
    EXPECT_EQ(reply.status, 200) << reply.body.dump();
    return reply.body.value("userId", "");
  }

  int Requests(const std::string& route) { return sandbox_.Stats()["requests"].value(route, 0); }

  void PlanClean() { workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0); }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

struct BotConfig {
  std::string user_name = "ci-bot";
  std::string name = "CI bot";
  std::string description = "builds things";
  std::string access_token_type;  // empty: not set
  std::string org_id;             // empty: not set
  std::string with_secret;        // "true" / "false" / empty: not set
};

std::string Render(const BotConfig& config) {
  std::string out =
      absl::StrCat("resource \"orgiam_zitadel_machine_user\" \"bot\" {\n", "  user_name   = \"",
                   config.user_name, "\"\n", "  name        = \"", config.name, "\"\n");
  if (!config.description.empty()) {
    absl::StrAppend(&out, "  description = \"", config.description, "\"\n");
  }
  if (!config.access_token_type.empty()) {
    absl::StrAppend(&out, "  access_token_type = \"", config.access_token_type, "\"\n");
  }
  if (!config.org_id.empty()) absl::StrAppend(&out, "  org_id = \"", config.org_id, "\"\n");
  if (!config.with_secret.empty()) {
    absl::StrAppend(&out, "  with_secret = ", config.with_secret, "\n");
  }
  return out + "}\n";
}

TEST_F(ZitadelMachineUserTest, CreateReplanUpdateReplaceDestroy) {
  BotConfig config;
  workspace_.WriteConfig(Render(config));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u) << users.dump(2);
  EXPECT_EQ(users[0]["userName"], "ci-bot");
  EXPECT_EQ(users[0]["machine"]["name"], "CI bot");
  EXPECT_EQ(users[0]["machine"]["description"], "builds things");
  EXPECT_EQ(users[0]["org_id"], kDefaultOrg);
  EXPECT_EQ(users[0]["client_secret"], "");
  const std::string id = users[0]["id"];

  nlohmann::json values = workspace_.ResourceInState(kAddress)["values"];
  EXPECT_EQ(values["id"], id);
  EXPECT_EQ(values["org_id"], kDefaultOrg);  // read back from details.resourceOwner
  EXPECT_EQ(values["access_token_type"], "ACCESS_TOKEN_TYPE_BEARER");
  EXPECT_EQ(values["with_secret"], false);
  EXPECT_TRUE(values["client_secret"].is_null()) << values.dump(2);
  EXPECT_EQ(values["state"], "USER_STATE_ACTIVE");
  EXPECT_EQ(values["preferred_login_name"], users[0]["preferredLoginName"]);
  EXPECT_EQ(values["login_names"], users[0]["loginNames"]);
  PlanClean();

  // In-place update of everything updatable: one PUT username, one PUT machine.
  sandbox_.ResetStats();
  config.user_name = "ci-bot-2";
  config.name = "CI bot 2";
  config.description = "builds more things";
  config.access_token_type = "ACCESS_TOKEN_TYPE_JWT";
  workspace_.WriteConfig(Render(config));
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to change"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["id"], id);
  EXPECT_EQ(users[0]["userName"], "ci-bot-2");
  EXPECT_EQ(users[0]["machine"]["name"], "CI bot 2");
  EXPECT_EQ(users[0]["machine"]["description"], "builds more things");
  EXPECT_EQ(users[0]["machine"]["accessTokenType"], "ACCESS_TOKEN_TYPE_JWT");
  EXPECT_EQ(Requests("PUT /management/v1/users/{id}/username"), 1);
  EXPECT_EQ(Requests("PUT /management/v1/users/{id}/machine"), 1);
  values = workspace_.ResourceInState(kAddress)["values"];
  EXPECT_EQ(values["preferred_login_name"], users[0]["preferredLoginName"]);
  EXPECT_EQ(values["access_token_type"], "ACCESS_TOKEN_TYPE_JWT");
  PlanClean();  // access_token_type is read back: no endless update

  // Only the description changes: PUT machine only.
  sandbox_.ResetStats();
  config.description = "";
  workspace_.WriteConfig(Render(config));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(SandboxUsers()[0]["machine"]["description"], "");
  EXPECT_EQ(Requests("PUT /management/v1/users/{id}/username"), 0);
  EXPECT_EQ(Requests("PUT /management/v1/users/{id}/machine"), 1);
  PlanClean();

  // Another organization: replacement.
  config.org_id = kSecondOrg;
  workspace_.WriteConfig(Render(config));
  plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("must be replaced"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u) << users.dump(2);
  EXPECT_NE(users[0]["id"], id);
  EXPECT_EQ(users[0]["org_id"], kSecondOrg);
  EXPECT_EQ(workspace_.ResourceInState(kAddress)["values"]["org_id"], kSecondOrg);
  PlanClean();

  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxUsers().empty());
}

TEST_F(ZitadelMachineUserTest, DriftIsDetected) {
  BotConfig config;
  workspace_.WriteConfig(Render(config));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  const std::string id = SandboxUsers()[0]["id"];

  // Changed out of band: an update is planned and applied.
  EXPECT_EQ(sandbox_
                .Call("PUT", "/management/v1/users/" + id + "/machine",
                      {{"name", "someone else"},
                       {"description", "builds things"},
                       {"accessTokenType", "ACCESS_TOKEN_TYPE_JWT"}})
                .status,
            200);
  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("update in-place"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(SandboxUsers()[0]["machine"]["name"], "CI bot");
  EXPECT_EQ(SandboxUsers()[0]["machine"]["accessTokenType"], "ACCESS_TOKEN_TYPE_BEARER");
  PlanClean();

  // Deleted out of band: re-creation is planned.
  EXPECT_EQ(sandbox_.Call("DELETE", "/management/v1/users/" + id).status, 200);
  plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("1 to add"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(SandboxUsers().size(), 1u);
  PlanClean();
}

TEST_F(ZitadelMachineUserTest, ImportByIdOrgAndIdAndUserName) {
  const std::string id = CreateDirectly("legacy", "Legacy bot");
  const std::string resource = R"(resource "orgiam_zitadel_machine_user" "bot" {
  user_name = "legacy"
  name      = "Legacy bot"
}
)";
  workspace_.WriteConfig(resource);
  for (const std::string& key : {id, absl::StrCat(kDefaultOrg, "/", id), std::string("legacy")}) {
    workspace_.RunExpect({"import", "-no-color", kAddress, key});
    nlohmann::json values = workspace_.ResourceInState(kAddress)["values"];
    EXPECT_EQ(values["id"], id) << key;
    EXPECT_EQ(values["org_id"], kDefaultOrg) << key;
    PlanClean();
    workspace_.RunExpect({"state", "rm", kAddress});
  }

  // A user of the second organization, imported as org_id/user_id.
  const std::string other = CreateDirectly("elsewhere", "Elsewhere", kSecondOrg);
  workspace_.WriteConfig(absl::StrCat(R"(resource "orgiam_zitadel_machine_user" "bot" {
  org_id    = ")",
                                      kSecondOrg, R"("
  user_name = "elsewhere"
  name      = "Elsewhere"
}
import {
  to = orgiam_zitadel_machine_user.bot
  id = ")",
                                      kSecondOrg, "/", other, R"("
}
)"));
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to import, 0 to add, 0 to change, 0 to destroy"), std::string::npos)
      << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  PlanClean();

  // An unknown user name is a clear error.
  workspace_.RunExpect({"state", "rm", kAddress});
  CommandResult missing = workspace_.Run({"import", "-no-color", kAddress, "nobody"});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE((missing.out + missing.err).find("No user named \"nobody\""), std::string::npos)
      << missing.out << missing.err;
  // Nothing was created along the way.
  EXPECT_EQ(SandboxUsers().size(), 2u);
}

TEST_F(ZitadelMachineUserTest, GenerateConfigOutPlansClean) {
  CreateDirectly("generated", "Generated bot");
  workspace_.WriteConfig(
      "import {\n  to = orgiam_zitadel_machine_user.gen\n  id = \"generated\"\n}\n");
  workspace_.RunExpect({"plan", "-no-color", "-generate-config-out=generated.tf"});
  const std::string generated = ReadFile(workspace_.dir() + "/generated.tf");
  EXPECT_NE(generated.find("\"generated\""), std::string::npos) << generated;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  PlanClean();
  EXPECT_EQ(SandboxUsers().size(), 1u);
}

TEST_F(ZitadelMachineUserTest, WithSecretTogglesBothWays) {
  BotConfig config;
  config.with_secret = "true";
  workspace_.WriteConfig(Render(config));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u);
  const std::string first_secret = users[0]["client_secret"];
  EXPECT_FALSE(first_secret.empty());
  nlohmann::json resource = workspace_.ResourceInState(kAddress);
  EXPECT_EQ(resource["values"]["client_secret"], first_secret);
  EXPECT_EQ(resource["values"]["client_id"], users[0]["client_id"]);
  EXPECT_EQ(resource["sensitive_values"]["client_secret"], true) << resource.dump(2);
  EXPECT_EQ(resource["sensitive_values"]["client_id"], true) << resource.dump(2);
  PlanClean();  // kept from state across reads

  // A rename keeps the secret.
  config.name = "renamed";
  workspace_.WriteConfig(Render(config));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(workspace_.ResourceInState(kAddress)["values"]["client_secret"], first_secret);
  EXPECT_EQ(SandboxUsers()[0]["client_secret"], first_secret);
  PlanClean();

  // true → false removes the secret.
  config.with_secret = "false";
  workspace_.WriteConfig(Render(config));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(SandboxUsers()[0]["client_secret"], "");
  EXPECT_EQ(SandboxUsers()[0]["machine"]["hasSecret"], false);
  nlohmann::json values = workspace_.ResourceInState(kAddress)["values"];
  EXPECT_TRUE(values["client_secret"].is_null()) << values.dump(2);
  EXPECT_TRUE(values["client_id"].is_null()) << values.dump(2);
  PlanClean();

  // false → true generates a new one.
  config.with_secret = "true";
  workspace_.WriteConfig(Render(config));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  const std::string second_secret = SandboxUsers()[0]["client_secret"];
  EXPECT_FALSE(second_secret.empty());
  EXPECT_NE(second_secret, first_secret);
  EXPECT_EQ(workspace_.ResourceInState(kAddress)["values"]["client_secret"], second_secret);
  PlanClean();

  // Removed out of band: with_secret drifts to false and a new secret is planned.
  ASSERT_EQ(sandbox_
                .Call("DELETE", "/management/v1/users/" +
                                    SandboxUsers()[0]["id"].get<std::string>() + "/secret")
                .status,
            200);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_FALSE(SandboxUsers()[0]["client_secret"].get<std::string>().empty());
  PlanClean();

  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxUsers().empty());
}

TEST_F(ZitadelMachineUserTest, DataSourceByIdAndUserName) {
  CreateDirectly("reader", "Reader bot");
  workspace_.WriteConfig(R"(
data "orgiam_zitadel_machine_user" "by_name" {
  user_name = "reader"
}
data "orgiam_zitadel_machine_user" "by_id" {
  id = data.orgiam_zitadel_machine_user.by_name.id
}
output "name" { value = data.orgiam_zitadel_machine_user.by_id.name }
output "org" { value = data.orgiam_zitadel_machine_user.by_id.org_id }
output "type" { value = data.orgiam_zitadel_machine_user.by_name.access_token_type }
output "login" { value = data.orgiam_zitadel_machine_user.by_id.preferred_login_name }
)");
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  CommandResult out = workspace_.RunExpect({"output", "-json"});
  nlohmann::json outputs = nlohmann::json::parse(out.out, nullptr, false);
  EXPECT_EQ(outputs["name"]["value"], "Reader bot");
  EXPECT_EQ(outputs["org"]["value"], kDefaultOrg);
  EXPECT_EQ(outputs["type"]["value"], "ACCESS_TOKEN_TYPE_BEARER");
  EXPECT_EQ(outputs["login"]["value"], SandboxUsers()[0]["preferredLoginName"]);

  workspace_.WriteConfig(R"(
data "orgiam_zitadel_machine_user" "missing" {
  user_name = "nobody"
}
)");
  CommandResult missing = workspace_.Run({"plan", "-no-color"});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE((missing.out + missing.err).find("ZITADEL machine user not found"), std::string::npos)
      << missing.out << missing.err;
}

TEST_F(ZitadelMachineUserTest, EphemeralSecretIsRevokedAndNeverStored) {
  const std::string id = CreateDirectly("ephemeral-bot", "Ephemeral bot");
  // The secret feeds a write-only argument, so it really flows through Terraform.
  workspace_.WriteConfig(absl::StrCat(R"(
ephemeral "orgiam_zitadel_machine_user_secret" "s" {
  user_id = ")",
                                      id, R"("
}
resource "orgiam_vultr_service_user" "sink" {
  name                = "sink"
  email               = "sink@example.com"
  password_wo         = ephemeral.orgiam_zitadel_machine_user_secret.s.client_secret
  password_wo_version = 1
}
)"));
  sandbox_.ResetStats();
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_GE(Requests("PUT /management/v1/users/{id}/secret"), 1);
  EXPECT_EQ(Requests("PUT /management/v1/users/{id}/secret"),
            Requests("DELETE /management/v1/users/{id}/secret"));
  // Close revoked it.
  nlohmann::json users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["client_secret"], "");
  EXPECT_EQ(users[0]["machine"]["hasSecret"], false);
  // The secret reached the write-only argument but neither state nor show.
  const std::string secret = sandbox_.State()["vultr"]["users"][0]["password"];
  ASSERT_EQ(secret.size(), 64u);
  EXPECT_EQ(ReadFile(workspace_.StateFile()).find(secret), std::string::npos);
  CommandResult show = workspace_.RunExpect({"show", "-json"});
  EXPECT_EQ(show.out.find(secret), std::string::npos);
}

TEST_F(ZitadelMachineUserTest, ApiErrorsCarryZitadelsMessage) {
  CreateDirectly("taken", "Someone else");
  BotConfig config;
  config.user_name = "taken";
  workspace_.WriteConfig(Render(config));
  CommandResult apply = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_NE(apply.exit_code, 0);
  const std::string output = apply.out + apply.err;
  EXPECT_NE(output.find("Could not create the ZITADEL machine user"), std::string::npos) << output;
  // A name taken by a user this apply did not make is refused before anything is sent, with
  // the way to import that user (never adopted).
  const std::string existing_id = SandboxUsers()[0]["id"];
  EXPECT_NE(Flatten(output).find("(taken) already exists and was not created by this apply"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("terraform import orgiam_zitadel_machine_user.NAME"), std::string::npos)
      << output;
  EXPECT_NE(output.find(existing_id), std::string::npos) << output;
  EXPECT_EQ(SandboxUsers().size(), 1u);
  EXPECT_EQ(Requests("POST /management/v1/users/machine"), 1);  // the direct create above

  // An organization the token may not act in.
  config.user_name = "fresh";
  config.org_id = "999999999999999999";
  workspace_.WriteConfig(Render(config));
  apply = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_NE(apply.exit_code, 0);
  EXPECT_NE((apply.out + apply.err).find("(AUTH-5mWD2)"), std::string::npos)
      << apply.out << apply.err;
  EXPECT_EQ(SandboxUsers().size(), 1u);
}

TEST_F(ZitadelMachineUserTest, ProviderOrgIdIsTheDefault) {
  std::string provider = SandboxProviderBlock(sandbox_.url());
  const std::string marker = "  zitadel {\n";
  ASSERT_NE(provider.find(marker), std::string::npos) << provider;
  provider.insert(provider.find(marker) + marker.size(),
                  absl::StrCat("    org_id = \"", kSecondOrg, "\"\n"));
  workspace_.WriteConfig(std::string(kRequireOrgiam) + provider, "provider.tf");
  workspace_.WriteConfig(Render(BotConfig()));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["org_id"], kSecondOrg);
  EXPECT_EQ(workspace_.ResourceInState(kAddress)["values"]["org_id"], kSecondOrg);
  PlanClean();

  // Import by user name searches the provider's organization.
  workspace_.RunExpect({"state", "rm", kAddress});
  workspace_.RunExpect({"import", "-no-color", kAddress, "ci-bot"});
  EXPECT_EQ(workspace_.ResourceInState(kAddress)["values"]["id"], users[0]["id"]);
  PlanClean();
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxUsers().empty());
}

TEST_F(ZitadelMachineUserTest, ConvergesUnderFaultsWithoutDuplicates) {
  sandbox_.SetFaults({{"rate_limit_per_s", 30},
                      {"error_rate", 0.10},
                      {"drop_after_commit_rate", 0.10},
                      {"latency_ms", 0}});
  workspace_.WriteConfig(R"(resource "orgiam_zitadel_machine_user" "many" {
  count       = 30
  user_name   = "svc-${count.index}"
  name        = "Service ${count.index}"
  with_secret = count.index % 2 == 0
}
)");
  CommandResult first = workspace_.Run({"apply", "-auto-approve", "-no-color", "-parallelism=10"});
  if (first.exit_code != 0) {
    workspace_.RunExpect({"apply", "-auto-approve", "-no-color", "-parallelism=10"});
  }
  sandbox_.SetFaults(
      {{"rate_limit_per_s", 0}, {"error_rate", 0.0}, {"drop_after_commit_rate", 0.0}});
  nlohmann::json users = SandboxUsers();
  EXPECT_EQ(users.size(), 30u);
  std::set<std::string> names;
  for (const auto& user : users) names.insert(user["userName"].get<std::string>());
  EXPECT_EQ(names.size(), 30u);
  EXPECT_GT(sandbox_.Stats()["faults_injected"].get<int>(), 0);
  PlanClean();
}

}  // namespace
}  // namespace orgiam::testing
