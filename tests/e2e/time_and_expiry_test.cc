// Times compared as instants and expiry seen the same way for every credential, through the
// real terraform: an imported Vultr API key whose expiry the API spells "+00:00" while the
// configuration says "Z", an imported MotherDuck token whose ttl only the API's two times
// tell, and Vultr keys and MotherDuck tokens past their expiry.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "census.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr std::chrono::seconds kCommandTimeout(180);

std::string Utc(absl::Time time, const char* format = "%Y-%m-%dT%H:%M:%SZ") {
  return absl::FormatTime(format, time, absl::UTCTimeZone());
}

class TimeAndExpiryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
  }

  CommandResult Run(const std::vector<std::string>& args, int expected_exit_code) {
    CommandResult result = workspace_.Run(args, kCommandTimeout);
    EXPECT_EQ(result.exit_code, expected_exit_code) << "terraform " << args[0] << "\n"
                                                    << result.out << "\n"
                                                    << result.err;
    return result;
  }
  static std::string Output(const CommandResult& result) {
    return Flatten(result.out + "\n" + result.err);
  }
  int Requests(const std::string& route) { return sandbox_.Stats()["requests"].value(route, 0); }
  nlohmann::json StateValues(const std::string& address) {
    return workspace_.ResourceInState(address)["values"];
  }
  // The managed Vultr service user every key of these tests belongs to (so that the census
  // finds every sandbox object in the state).
  std::string ApplyVultrUser() {
    workspace_.WriteConfig(kVultrUser);
    Run({"apply", "-auto-approve", "-no-color"}, 0);
    return StateValues("orgiam_vultr_service_user.u")["id"];
  }
  void ApplyMotherDuckAccount() {
    workspace_.WriteConfig(kMotherDuckAccount);
    Run({"apply", "-auto-approve", "-no-color"}, 0);
  }

  static constexpr char kVultrUser[] = R"(resource "orgiam_vultr_service_user" "u" {
  name  = "owner"
  email = "owner@example.com"
}
)";
  static constexpr char kMotherDuckAccount[] = R"(resource "orgiam_motherduck_service_account" "a" {
  username            = "ci_bot"
  deletion_protection = false
}
)";

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

std::string ApiKeyConfig(const std::string& date_expire) {
  return absl::StrCat(R"(resource "orgiam_vultr_user_api_key" "k" {
  user_id     = orgiam_vultr_service_user.u.id
  name        = "deploy"
  date_expire = ")",
                      date_expire, R"("
}
)");
}

// An import block's plan: the import and nothing else (-detailed-exitcode counts an import as
// a change).
constexpr char kImportOnly[] = "Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.";

// The census of imported credentials: their secret cannot be read back, so the state holds
// none (ExpectSecretsMatch requires one); everything else is checked.
void ExpectExactlyOnceAfterImport(const Census& census, const std::string& context) {
  ExpectNoDuplicates(census, context);
  ExpectNoOrphans(census, context);
  ExpectStateIdsExist(census, context);
}

// A token of the managed account ci_bot that lives an hour.
std::string TokenConfig(const std::string& name) {
  return absl::StrCat(R"(resource "orgiam_motherduck_access_token" "t" {
  username = orgiam_motherduck_service_account.a.username
  name     = ")",
                      name, R"("
  ttl      = 3600
}
)");
}

std::string ImportBlock(const std::string& to, const std::string& id) {
  return absl::StrCat("import {\n  to = ", to, "\n  id = \"", id, "\"\n}\n");
}

TEST_F(TimeAndExpiryTest, VultrKeyImportedWithOffsetSpelledExpiryPlansClean) {
  const std::string user_id = ApplyVultrUser();
  SandboxProcess::Reply created = sandbox_.Call(
      "POST", "/v2/users/" + user_id + "/apikeys",
      {{"name", "deploy"}, {"expire", true}, {"date_expire", "2030-01-01T00:00:00Z"}});
  ASSERT_EQ(created.status, 201) << created.body.dump();
  const std::string key_id = created.body["api_key"]["id"];
  // The API's own spelling of the instant, as Vultr writes times.
  SandboxProcess::Reply read = sandbox_.Call("GET", "/v2/users/" + user_id + "/apikeys/" + key_id);
  ASSERT_EQ(read.body["api_key"]["date_expire"], "2030-01-01T00:00:00+00:00") << read.body.dump();

  // The configuration as the docs write it, adopted with an import block.
  const std::string key_config = std::string(kVultrUser) + ApiKeyConfig("2030-01-01T00:00:00Z");
  workspace_.WriteConfig(key_config +
                         ImportBlock("orgiam_vultr_user_api_key.k", user_id + "/" + key_id));
  sandbox_.ResetStats();
  CommandResult plan = Run({"plan", "-no-color"}, 0);
  EXPECT_NE(Output(plan).find(kImportOnly), std::string::npos) << Output(plan);
  Run({"apply", "-auto-approve", "-no-color"}, 0);
  EXPECT_EQ(StateValues("orgiam_vultr_user_api_key.k")["id"], key_id);
  EXPECT_EQ(StateValues("orgiam_vultr_user_api_key.k")["date_expire"], "2030-01-01T00:00:00Z");
  workspace_.WriteConfig(key_config);
  Run({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // The same after state rm and terraform import.
  Run({"state", "rm", "orgiam_vultr_user_api_key.k"}, 0);
  Run({"import", "-no-color", "orgiam_vultr_user_api_key.k", user_id + "/" + key_id}, 0);
  EXPECT_EQ(StateValues("orgiam_vultr_user_api_key.k")["date_expire"], "2030-01-01T00:00:00Z");
  Run({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // Another spelling of the same instant in the configuration never replaces the key: at most
  // an in-place change that sends nothing.
  workspace_.WriteConfig(std::string(kVultrUser) + ApiKeyConfig("2030-01-01T01:00:00+01:00"));
  plan = Run({"plan", "-no-color"}, 0);
  EXPECT_EQ(Output(plan).find("must be replaced"), std::string::npos) << Output(plan);
  Run({"apply", "-auto-approve", "-no-color"}, 0);
  EXPECT_EQ(StateValues("orgiam_vultr_user_api_key.k")["id"], key_id);
  Run({"plan", "-detailed-exitcode", "-no-color"}, 0);

  EXPECT_EQ(Requests("POST /v2/users/{id}/apikeys"), 0) << sandbox_.Stats().dump(2);
  EXPECT_EQ(Requests("DELETE /v2/users/{id}/apikeys/{apikey_id}"), 0) << sandbox_.Stats().dump(2);
  ExpectExactlyOnceAfterImport(TakeCensus(sandbox_, workspace_),
                               "VultrKeyImportedWithOffsetSpelledExpiryPlansClean");
}

TEST_F(TimeAndExpiryTest, MotherDuckTokenReimportedPlansCleanWithTheTtlTheApiImplies) {
  ApplyMotherDuckAccount();
  SandboxProcess::Reply created =
      sandbox_.Call("POST", "/v1/users/ci_bot/tokens", {{"name", "legacy"}, {"ttl", 3600}});
  ASSERT_EQ(created.status, 200) << created.body.dump();
  const std::string id = created.body["id"];
  const std::string config = std::string(kMotherDuckAccount) + TokenConfig("legacy");
  workspace_.WriteConfig(config + ImportBlock("orgiam_motherduck_access_token.t", "ci_bot/" + id));
  sandbox_.ResetStats();
  CommandResult plan = Run({"plan", "-no-color"}, 0);
  EXPECT_NE(Output(plan).find(kImportOnly), std::string::npos) << Output(plan);
  Run({"apply", "-auto-approve", "-no-color"}, 0);
  nlohmann::json values = StateValues("orgiam_motherduck_access_token.t");
  EXPECT_EQ(values["id"], id);
  EXPECT_EQ(values["ttl"], 3600);
  EXPECT_EQ(values["expire_at"], created.body["expire_at"]);
  workspace_.WriteConfig(config);
  Run({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // The same after state rm and terraform import.
  Run({"state", "rm", "orgiam_motherduck_access_token.t"}, 0);
  Run({"import", "-no-color", "orgiam_motherduck_access_token.t", "ci_bot/" + id}, 0);
  EXPECT_EQ(StateValues("orgiam_motherduck_access_token.t")["ttl"], 3600);
  Run({"plan", "-detailed-exitcode", "-no-color"}, 0);

  EXPECT_EQ(Requests("POST /v1/users/{username}/tokens"), 0) << sandbox_.Stats().dump(2);
  EXPECT_EQ(Requests("DELETE /v1/users/{username}/tokens/{token_id}"), 0)
      << sandbox_.Stats().dump(2);
  ExpectExactlyOnceAfterImport(TakeCensus(sandbox_, workspace_),
                               "MotherDuckTokenReimportedPlansCleanWithTheTtlTheApiImplies");
}

TEST_F(TimeAndExpiryTest, VultrKeyPastItsExpiryIsPlannedForRecreationWithAWarning) {
  ApplyVultrUser();
  // Vultr refuses a key that expires in the past, so this one expires in a few seconds.
  const absl::Time expiry = absl::Now() + absl::Seconds(12);
  const std::string date_expire = Utc(expiry);
  workspace_.WriteConfig(std::string(kVultrUser) + ApiKeyConfig(date_expire));
  Run({"apply", "-auto-approve", "-no-color"}, 0);
  const std::string first_id = StateValues("orgiam_vultr_user_api_key.k")["id"];
  std::this_thread::sleep_for(absl::ToChronoNanoseconds(expiry + absl::Seconds(2) - absl::Now()));

  CommandResult plan = Run({"plan", "-detailed-exitcode", "-no-color"}, 2);
  const std::string output = Output(plan);
  EXPECT_NE(output.find("Expired Vultr API key: a new one is planned"), std::string::npos)
      << output;
  EXPECT_NE(output.find(absl::StrCat("The Vultr API key ", first_id, " expired at ", date_expire)),
            std::string::npos)
      << output;
  // The configured date has passed too: applying as is would be refused, and the warning says so.
  EXPECT_NE(output.find("has passed as well: set a later one"), std::string::npos) << output;
  EXPECT_NE(output.find("must be replaced"), std::string::npos) << output;

  // With a later expiry, the apply replaces the key: the expired one is deleted.
  workspace_.WriteConfig(std::string(kVultrUser) + ApiKeyConfig(Utc(absl::Now() + absl::Hours(1))));
  Run({"apply", "-auto-approve", "-no-color"}, 0);
  const std::string second_id = StateValues("orgiam_vultr_user_api_key.k")["id"];
  EXPECT_NE(second_id, first_id);
  Run({"plan", "-detailed-exitcode", "-no-color"}, 0);
  ExpectExactlyOnce(TakeCensus(sandbox_, workspace_),
                    "VultrKeyPastItsExpiryIsPlannedForRecreationWithAWarning");
}

TEST_F(TimeAndExpiryTest, MotherDuckTokenPastItsExpiryIsPlannedForRecreationWithAWarning) {
  const std::string config = std::string(kMotherDuckAccount) + TokenConfig("ci");
  workspace_.WriteConfig(config);
  Run({"apply", "-auto-approve", "-no-color"}, 0);
  const std::string first_id = StateValues("orgiam_motherduck_access_token.t")["id"];

  // The API answers the token as one that expired a minute ago, an hour after its creation.
  nlohmann::json token = sandbox_.State()["motherduck"]["tokens"][0];
  const absl::Time expired = absl::Now() - absl::Minutes(1);
  token["expire_at"] = Utc(expired, "%Y-%m-%dT%H:%M:%E3SZ");
  token["created_ts"] = Utc(expired - absl::Hours(1), "%Y-%m-%dT%H:%M:%E3SZ");
  token.erase("token");
  token.erase("username");
  sandbox_.SetFaults({{"script",
                       {{{"route", "GET /v1/users/{username}/tokens"},
                         {"action", "body"},
                         {"count", 0},
                         {"body", nlohmann::json{{"tokens", {token}}}.dump()}}}}});
  CommandResult plan = Run({"plan", "-detailed-exitcode", "-no-color", "-out=tfplan"}, 2);
  sandbox_.SetFaults(NoFaults());
  const std::string output = Output(plan);
  EXPECT_NE(output.find("Expired MotherDuck access token: a new one is planned"), std::string::npos)
      << output;
  EXPECT_NE(output.find(absl::StrCat("The MotherDuck access token ", first_id, " expired at ",
                                     token["expire_at"].get<std::string>())),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("must be replaced"), std::string::npos) << output;
  EXPECT_EQ(output.find("has passed as well"), std::string::npos) << output;

  // Applying the plan revokes the expired token and creates its successor.
  Run({"apply", "-auto-approve", "-no-color", "tfplan"}, 0);
  const std::string second_id = StateValues("orgiam_motherduck_access_token.t")["id"];
  EXPECT_NE(second_id, first_id);
  Run({"plan", "-detailed-exitcode", "-no-color"}, 0);
  ExpectExactlyOnce(TakeCensus(sandbox_, workspace_),
                    "MotherDuckTokenPastItsExpiryIsPlannedForRecreationWithAWarning");
}

}  // namespace
}  // namespace orgiam::testing
