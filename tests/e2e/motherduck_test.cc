// The MotherDuck slice end to end: the real terraform, the real provider, the sandbox.
// orgiam_motherduck_service_account, orgiam_motherduck_access_token, data
// "orgiam_motherduck_access_tokens" and ephemeral "orgiam_motherduck_access_token".

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

class MotherduckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
  }

  nlohmann::json SandboxUsers() { return sandbox_.State()["motherduck"]["users"]; }
  nlohmann::json SandboxTokens() { return sandbox_.State()["motherduck"]["tokens"]; }

  // Tokens the API still lists (the sandbox state also keeps expired ones).
  nlohmann::json ListedTokens(const std::string& username) {
    SandboxProcess::Reply reply = sandbox_.Call("GET", "/v1/users/" + username + "/tokens");
    EXPECT_EQ(reply.status, 200) << reply.body.dump();
    return reply.body["tokens"];
  }

  void CreateAccount(const std::string& username) {
    SandboxProcess::Reply reply = sandbox_.Call("POST", "/v1/users", {{"username", username}});
    ASSERT_EQ(reply.status, 200) << reply.body.dump();
  }

  int Requests(const std::string& route) { return sandbox_.Stats()["requests"].value(route, 0); }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

std::string AccountConfig(const std::string& username, const std::string& protection = "") {
  std::string config = absl::StrCat(R"(resource "orgiam_motherduck_service_account" "sa" {
  username = ")",
                                    username, "\"\n");
  if (!protection.empty()) absl::StrAppend(&config, "  deletion_protection = ", protection, "\n");
  return config + "}\n";
}

std::string TokenConfig(const std::string& name, const std::string& extra = "") {
  return absl::StrCat(AccountConfig("ci_bot", "false"),
                      R"(resource "orgiam_motherduck_access_token" "t" {
  username = orgiam_motherduck_service_account.sa.username
  name     = ")",
                      name, "\"\n", extra, "}\n");
}

// ---------------------------------------------------------------- service account

TEST_F(MotherduckTest, ServiceAccountDeletionProtection) {
  workspace_.WriteConfig(AccountConfig("ci_bot"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u) << users.dump(2);
  EXPECT_EQ(users[0]["username"], "ci_bot");
  nlohmann::json resource = workspace_.ResourceInState("orgiam_motherduck_service_account.sa");
  EXPECT_EQ(resource["values"]["id"], "ci_bot");
  EXPECT_EQ(resource["values"]["deletion_protection"], true);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // Destroy is refused while protected, and nothing is deleted.
  CommandResult destroy = workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"}, 1);
  const std::string error = Flatten(destroy.err);
  EXPECT_NE(error.find("protected from deletion"), std::string::npos) << destroy.err;
  EXPECT_NE(error.find("deletes every database the account owns"), std::string::npos)
      << destroy.err;
  EXPECT_NE(error.find("deletion_protection = false"), std::string::npos) << destroy.err;
  EXPECT_EQ(SandboxUsers().size(), 1u);
  EXPECT_EQ(Requests("DELETE /v1/users/{username}"), 0);

  // Turning protection off is an in-place change that touches nothing remote.
  workspace_.WriteConfig(AccountConfig("ci_bot", "false"));
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to change"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxUsers().empty());
}

TEST_F(MotherduckTest, ServiceAccountReplacedOnUsernameChange) {
  workspace_.WriteConfig(AccountConfig("first_bot", "false"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.WriteConfig(AccountConfig("second_bot", "false"));
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("must be replaced"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json users = SandboxUsers();
  ASSERT_EQ(users.size(), 1u) << users.dump(2);
  EXPECT_EQ(users[0]["username"], "second_bot");
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // A protected account is not replaced either: that would delete it.
  workspace_.WriteConfig(AccountConfig("second_bot"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.WriteConfig(AccountConfig("third_bot"));
  plan = workspace_.RunExpect({"plan", "-no-color"}, 1);
  EXPECT_NE(Flatten(plan.err).find("deletes every database the account owns"), std::string::npos)
      << plan.err;
  EXPECT_EQ(SandboxUsers()[0]["username"], "second_bot");
}

TEST_F(MotherduckTest, ServiceAccountDeletedOutOfBandIsRecreated) {
  workspace_.WriteConfig(AccountConfig("drifty"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(sandbox_.Call("DELETE", "/v1/users/drifty").status, 200);
  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("1 to add"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(SandboxUsers().size(), 1u);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

TEST_F(MotherduckTest, ServiceAccountImportByUsernameThenPlanClean) {
  CreateAccount("legacy_bot");
  const std::string config = AccountConfig("legacy_bot");
  workspace_.WriteConfig(config);
  workspace_.RunExpect(
      {"import", "-no-color", "orgiam_motherduck_service_account.sa", "legacy_bot"});
  nlohmann::json resource = workspace_.ResourceInState("orgiam_motherduck_service_account.sa");
  EXPECT_EQ(resource["values"]["id"], "legacy_bot");
  EXPECT_EQ(resource["values"]["deletion_protection"], true);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", "orgiam_motherduck_service_account.sa"});

  // An import block.
  workspace_.WriteConfig(config +
                         "import {\n  to = orgiam_motherduck_service_account.sa\n"
                         "  id = \"legacy_bot\"\n}\n");
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to import, 0 to add, 0 to change, 0 to destroy"), std::string::npos)
      << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", "orgiam_motherduck_service_account.sa"});

  // An account that does not exist cannot be imported.
  workspace_.WriteConfig(AccountConfig("nobody_here"));
  CommandResult missing = workspace_.RunExpect(
      {"import", "-no-color", "orgiam_motherduck_service_account.sa", "nobody_here"}, 1);
  EXPECT_NE(Flatten(missing.err).find("non-existent"), std::string::npos) << missing.err;
  EXPECT_EQ(SandboxUsers().size(), 1u);
}

TEST_F(MotherduckTest, ServiceAccountGenerateConfigOutPlansClean) {
  CreateAccount("generated_bot");
  workspace_.WriteConfig(
      "import {\n  to = orgiam_motherduck_service_account.gen\n  id = \"generated_bot\"\n}\n");
  workspace_.RunExpect({"plan", "-no-color", "-generate-config-out=generated.tf"});
  const std::string generated = ReadFile(workspace_.dir() + "/generated.tf");
  EXPECT_NE(generated.find("generated_bot"), std::string::npos) << generated;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

TEST_F(MotherduckTest, InvalidUsernameIsRejectedBeforeAnyRequest) {
  workspace_.WriteConfig(AccountConfig("9bad"));
  CommandResult validate = workspace_.RunExpect({"validate", "-no-color"}, 1);
  EXPECT_NE(Flatten(validate.err).find("username"), std::string::npos) << validate.err;
  workspace_.RunExpect({"plan", "-no-color"}, 1);
  EXPECT_EQ(Requests("POST /v1/users"), 0);
}

TEST_F(MotherduckTest, UsernameUnknownAtPlanIsStillValidatedBeforeAnyRequest) {
  // The id of a new terraform_data is unknown until apply, so the username is too: plan cannot
  // check it, but the apply-time plan does, before anything is sent to MotherDuck.
  workspace_.WriteConfig(R"(resource "terraform_data" "x" {
  input = "9bad"
}
resource "orgiam_motherduck_service_account" "sa" {
  username = "${substr(terraform_data.x.id, 0, 0)}${terraform_data.x.output}"
}
)");
  workspace_.RunExpect({"plan", "-no-color"});
  CommandResult apply = workspace_.RunExpect({"apply", "-auto-approve", "-no-color"}, 1);
  const std::string error = Flatten(apply.err);
  EXPECT_NE(error.find("username"), std::string::npos) << apply.err;
  EXPECT_NE(error.find("9bad"), std::string::npos) << apply.err;
  EXPECT_EQ(Requests("POST /v1/users"), 0);
  EXPECT_TRUE(SandboxUsers().empty());
}

TEST_F(MotherduckTest, ATakenUsernameIsNeverAdopted) {
  // Taken outside Terraform: refused before any POST, with the way to import the account.
  CreateAccount("taken_bot");
  workspace_.WriteConfig(AccountConfig("taken_bot"));
  CommandResult apply = workspace_.RunExpect({"apply", "-auto-approve", "-no-color"}, 1);
  const std::string error = Flatten(apply.err);
  EXPECT_NE(error.find("Could not create the MotherDuck service account"), std::string::npos)
      << apply.err;
  EXPECT_NE(error.find("account taken_bot already exists and was not created by this apply"),
            std::string::npos)
      << apply.err;
  EXPECT_NE(error.find("terraform import orgiam_motherduck_service_account.NAME 'taken_bot'"),
            std::string::npos)
      << apply.err;
  EXPECT_EQ(SandboxUsers().size(), 1u);
  EXPECT_EQ(Requests("POST /v1/users"), 1);  // only the sandbox call above
  // Destroying the (empty) configuration leaves the foreign account alone.
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_EQ(SandboxUsers().size(), 1u);
}

// ---------------------------------------------------------------- access token

TEST_F(MotherduckTest, TokenCreateReplanReplaceDestroy) {
  workspace_.WriteConfig(TokenConfig("ci", "  ttl = 3600\n"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json tokens = SandboxTokens();
  ASSERT_EQ(tokens.size(), 1u) << tokens.dump(2);
  nlohmann::json resource = workspace_.ResourceInState("orgiam_motherduck_access_token.t");
  EXPECT_EQ(resource["values"]["id"], tokens[0]["id"]);
  EXPECT_EQ(resource["values"]["token"], tokens[0]["token"]);
  EXPECT_FALSE(resource["values"]["token"].get<std::string>().empty());
  EXPECT_EQ(resource["values"]["token_type"], "read_write");
  EXPECT_EQ(resource["values"]["expire_at"], tokens[0]["expire_at"]);
  EXPECT_FALSE(resource["values"]["created_ts"].get<std::string>().empty());
  EXPECT_EQ(resource["sensitive_values"]["token"], true) << resource.dump(2);
  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  EXPECT_EQ(plan.out.find(tokens[0]["token"].get<std::string>()), std::string::npos);

  // A new name replaces the token.
  const std::string first_id = tokens[0]["id"];
  workspace_.WriteConfig(TokenConfig("ci_renamed", "  ttl = 3600\n"));
  plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("must be replaced"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  tokens = SandboxTokens();
  ASSERT_EQ(tokens.size(), 1u) << tokens.dump(2);
  EXPECT_NE(tokens[0]["id"], first_id);
  EXPECT_EQ(tokens[0]["name"], "ci_renamed");
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // So does a new ttl.
  const std::string second_id = tokens[0]["id"];
  workspace_.WriteConfig(TokenConfig("ci_renamed", "  ttl = 7200\n"));
  plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("must be replaced"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  tokens = SandboxTokens();
  ASSERT_EQ(tokens.size(), 1u) << tokens.dump(2);
  EXPECT_NE(tokens[0]["id"], second_id);
  EXPECT_EQ(workspace_.ResourceInState("orgiam_motherduck_access_token.t")["values"]["token"],
            tokens[0]["token"]);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxTokens().empty());
  EXPECT_TRUE(SandboxUsers().empty());
}

TEST_F(MotherduckTest, TokenWithoutTtlNeverExpires) {
  workspace_.WriteConfig(TokenConfig("forever", "  description = \"CI pipeline\"\n"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json resource = workspace_.ResourceInState("orgiam_motherduck_access_token.t");
  EXPECT_EQ(resource["values"]["expire_at"], "");
  EXPECT_EQ(resource["values"]["description"], "CI pipeline");
  EXPECT_TRUE(resource["values"]["ttl"].is_null());
  sandbox_.AdvanceClock(400 * 24 * 3600);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

TEST_F(MotherduckTest, TokenRevokedOutOfBandIsRecreated) {
  workspace_.WriteConfig(TokenConfig("revocable"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json tokens = SandboxTokens();
  ASSERT_EQ(tokens.size(), 1u);
  const std::string id = tokens[0]["id"];
  EXPECT_EQ(sandbox_.Call("DELETE", "/v1/users/ci_bot/tokens/" + id).status, 200);
  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("1 to add"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  tokens = SandboxTokens();
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_NE(tokens[0]["id"], id);
  EXPECT_EQ(workspace_.ResourceInState("orgiam_motherduck_access_token.t")["values"]["token"],
            tokens[0]["token"]);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

TEST_F(MotherduckTest, TokenExpiredIsRecreated) {
  workspace_.WriteConfig(TokenConfig("short_lived", "  ttl = 300\n"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  const std::string id =
      workspace_.ResourceInState("orgiam_motherduck_access_token.t")["values"]["id"];
  sandbox_.AdvanceClock(400);
  EXPECT_TRUE(ListedTokens("ci_bot").empty());
  CommandResult plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("1 to add"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json listed = ListedTokens("ci_bot");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_NE(listed[0]["id"], id);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

TEST_F(MotherduckTest, TokenImportThenPlanClean) {
  CreateAccount("ci_bot");
  SandboxProcess::Reply created =
      sandbox_.Call("POST", "/v1/users/ci_bot/tokens", {{"name", "legacy"}});
  ASSERT_EQ(created.status, 200) << created.body.dump();
  const std::string id = created.body["id"];
  const std::string config = R"(resource "orgiam_motherduck_access_token" "t" {
  username = "ci_bot"
  name     = "legacy"
}
)";
  workspace_.WriteConfig(config);
  workspace_.RunExpect({"import", "-no-color", "orgiam_motherduck_access_token.t", "ci_bot/" + id});
  nlohmann::json resource = workspace_.ResourceInState("orgiam_motherduck_access_token.t");
  EXPECT_EQ(resource["values"]["id"], id);
  EXPECT_EQ(resource["values"]["name"], "legacy");
  EXPECT_TRUE(resource["values"]["ttl"].is_null());
  EXPECT_TRUE(resource["values"]["token"].is_null() || resource["values"]["token"] == "");
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", "orgiam_motherduck_access_token.t"});

  // An import block.
  workspace_.WriteConfig(config +
                         "import {\n  to = orgiam_motherduck_access_token.t\n  id = \"ci_bot/" +
                         id + "\"\n}\n");
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to import, 0 to add, 0 to change, 0 to destroy"), std::string::npos)
      << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", "orgiam_motherduck_access_token.t"});

  // A malformed id says what is expected.
  workspace_.WriteConfig(config);
  CommandResult bad =
      workspace_.RunExpect({"import", "-no-color", "orgiam_motherduck_access_token.t", id}, 1);
  EXPECT_NE(Flatten(bad.err).find("<username>/<token_id>"), std::string::npos) << bad.err;
  EXPECT_EQ(SandboxTokens().size(), 1u);
}

TEST_F(MotherduckTest, TokensCreatedWithoutOrphansUnderLostResponses) {
  std::string config = AccountConfig("ci_bot", "false");
  absl::StrAppend(&config, R"(resource "orgiam_motherduck_access_token" "many" {
  count    = 12
  username = orgiam_motherduck_service_account.sa.username
  name     = "token_${count.index}"
  ttl      = 3600
}
)");
  workspace_.WriteConfig(config);
  sandbox_.SetFaults({{"rate_limit_per_s", 0},
                      {"error_rate", 0.0},
                      {"drop_after_commit_rate", 0.3},
                      {"latency_ms", 0}});
  CommandResult first = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  if (first.exit_code != 0) {
    workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  }
  sandbox_.SetFaults({{"rate_limit_per_s", 0},
                      {"error_rate", 0.0},
                      {"drop_after_commit_rate", 0.0},
                      {"latency_ms", 0}});
  EXPECT_GT(sandbox_.Stats()["faults_injected"].get<int>(), 0);
  nlohmann::json listed = ListedTokens("ci_bot");
  EXPECT_EQ(listed.size(), 12u) << listed.dump(2);
  std::set<std::string> names;
  for (const auto& token : listed) names.insert(token["name"].get<std::string>());
  EXPECT_EQ(names.size(), 12u);
  // Every token in state has its secret, and it is the one the sandbox holds.
  std::map<std::string, std::string> secrets;
  for (const auto& token : SandboxTokens()) secrets[token["id"]] = token["token"];
  nlohmann::json state = workspace_.StateJson();
  for (const auto& resource : state["values"]["root_module"]["resources"]) {
    if (resource["type"] != "orgiam_motherduck_access_token") continue;
    EXPECT_EQ(resource["values"]["token"], secrets[resource["values"]["id"]])
        << resource["address"];
  }
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
}

// ---------------------------------------------------------------- data source

TEST_F(MotherduckTest, DataSourceListsTokensWithoutSecrets) {
  CreateAccount("ci_bot");
  for (const char* name : {"alpha", "beta"}) {
    ASSERT_EQ(sandbox_
                  .Call("POST", "/v1/users/ci_bot/tokens",
                        {{"name", name}, {"ttl", 3600}, {"description", "for tests"}})
                  .status,
              200);
  }
  workspace_.WriteConfig(R"(
data "orgiam_motherduck_access_tokens" "all" {
  username = "ci_bot"
}
output "names" { value = sort(data.orgiam_motherduck_access_tokens.all.tokens[*].name) }
output "tokens" { value = data.orgiam_motherduck_access_tokens.all.tokens }
)");
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  CommandResult out = workspace_.RunExpect({"output", "-json"});
  nlohmann::json outputs = nlohmann::json::parse(out.out, nullptr, false);
  EXPECT_EQ(outputs["names"]["value"], nlohmann::json({"alpha", "beta"})) << out.out;
  for (const auto& token : outputs["tokens"]["value"]) {
    EXPECT_FALSE(token.contains("token"));
    EXPECT_EQ(token["token_type"], "read_write");
    EXPECT_EQ(token["description"], "for tests");
    EXPECT_FALSE(token["expire_at"].get<std::string>().empty());
  }
  for (const auto& token : SandboxTokens()) {
    EXPECT_EQ(out.out.find(token["token"].get<std::string>()), std::string::npos);
  }
}

// ---------------------------------------------------------------- ephemeral

TEST_F(MotherduckTest, EphemeralTokenIsRevokedAndNeverStored) {
  CreateAccount("ci_bot");
  workspace_.WriteConfig(R"(
ephemeral "orgiam_motherduck_access_token" "session" {
  username = "ci_bot"
}
resource "terraform_data" "marker" {
  input = "done"
}
)");
  workspace_.RunExpect({"plan", "-no-color", "-out=tfplan"});
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color", "tfplan"});
  EXPECT_GT(Requests("POST /v1/users/{username}/tokens"), 0);
  EXPECT_EQ(Requests("POST /v1/users/{username}/tokens"),
            Requests("DELETE /v1/users/{username}/tokens/{token_id}"));
  // Close revoked every token Open minted.
  EXPECT_TRUE(SandboxTokens().empty()) << SandboxTokens().dump(2);
  const std::string state = ReadFile(workspace_.StateFile());
  EXPECT_EQ(state.find("orgiam-ephemeral"), std::string::npos) << state;
  EXPECT_EQ(state.find("orgiam_motherduck_access_token"), std::string::npos) << state;
  CommandResult plan = workspace_.RunExpect({"show", "-json", "tfplan"});
  EXPECT_EQ(plan.out.find("orgiam-ephemeral"), std::string::npos);
}

}  // namespace
}  // namespace orgiam::testing
