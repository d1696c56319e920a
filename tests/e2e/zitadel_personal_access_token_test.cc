// orgiam_zitadel_personal_access_token end to end: the real terraform, the real provider, the
// sandbox (with --accept-issued-credentials, so that a token is shown to authenticate while it
// exists and to stop once it is removed).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "census.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kDefaultOrg[] = "100000000000000001";
constexpr char kAddress[] = "orgiam_zitadel_personal_access_token.ci";
constexpr char kAddRoute[] = "POST /management/v1/users/{id}/pats";
constexpr char kRemoveRoute[] = "DELETE /management/v1/users/{id}/pats/{token_id}";
constexpr char kGetRoute[] = "GET /management/v1/users/{id}/pats/{token_id}";

std::string Output(const CommandResult& result) { return result.out + "\n" + result.err; }

class ZitadelPersonalAccessTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
    SandboxProcess::Reply created = sandbox_.Call("POST", "/management/v1/users/machine",
                                                  {{"userName", "ci-bot"}, {"name", "CI bot"}});
    ASSERT_EQ(created.status, 200) << created.body.dump();
    user_id_ = created.body.value("userId", "");
  }

  nlohmann::json SandboxPats() { return sandbox_.State()["zitadel"]["pats"]; }

  // A token made outside Terraform; returns its id.
  std::string CreateDirectly(const nlohmann::json& body) {
    SandboxProcess::Reply reply =
        sandbox_.Call("POST", absl::StrCat("/management/v1/users/", user_id_, "/pats"), body);
    EXPECT_EQ(reply.status, 200) << reply.body.dump();
    return reply.body.value("tokenId", "");
  }

  // The status of a ZITADEL call authenticated with `token`.
  int StatusWith(const std::string& token) {
    return sandbox_.CallWithToken(token, "GET", "/management/v1/users/" + user_id_).status;
  }

  std::string Config(const std::string& expiration_date) {
    std::string config =
        absl::StrCat("resource \"orgiam_zitadel_personal_access_token\" \"ci\" {\n",
                     "  user_id = \"", user_id_, "\"\n");
    if (!expiration_date.empty()) {
      absl::StrAppend(&config, "  expiration_date = \"", expiration_date, "\"\n");
    }
    return config + "}\n";
  }

  nlohmann::json Values() { return workspace_.ResourceInState(kAddress)["values"]; }
  int Requests(const std::string& route) { return sandbox_.Stats()["requests"].value(route, 0); }
  void PlanClean() { workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0); }
  void Script(const nlohmann::json& rules) { sandbox_.SetFaults({{"script", rules}}); }

  // "Exactly once, only ours" for the tokens (the machine user is made outside Terraform):
  // every token of the sandbox is in the state with its secret, and nothing else is.
  void ExpectTokensExactlyOnce(const std::string& context) {
    const Census census = TakeCensus(sandbox_, workspace_);
    ExpectNoDuplicates(census, context);
    ExpectStateIdsExist(census, context);
    ExpectSecretsMatch(census, context);
    std::vector<std::string> held, in_state;
    for (const auto& [id, pat] : census.sandbox.at(Kind::kZitadelPat)) held.push_back(id);
    for (const auto& [id, values] : census.state.at(Kind::kZitadelPat)) in_state.push_back(id);
    EXPECT_EQ(held, in_state) << context;
  }

  SandboxProcess sandbox_{{"--accept-issued-credentials"}};
  TerraformWorkspace workspace_;
  std::string user_id_;
};

TEST_F(ZitadelPersonalAccessTokenTest, CreateRespellReplaceRemoveOutOfBandDestroy) {
  workspace_.WriteConfig(Config("2035-01-01T00:00:00Z"));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  nlohmann::json pats = SandboxPats();
  ASSERT_EQ(pats.size(), 1u) << pats.dump(2);
  EXPECT_EQ(pats[0]["user_id"], user_id_);
  EXPECT_EQ(pats[0]["expirationDate"], "2035-01-01T00:00:00Z");
  const nlohmann::json resource = workspace_.ResourceInState(kAddress);
  EXPECT_EQ(resource["values"]["id"], pats[0]["id"]);
  EXPECT_EQ(resource["values"]["org_id"], kDefaultOrg);
  EXPECT_EQ(resource["values"]["token"], pats[0]["token"]);
  EXPECT_EQ(resource["sensitive_values"]["token"], true) << resource.dump(2);
  EXPECT_FALSE(resource["values"]["creation_date"].get<std::string>().empty());
  const std::string first_token = pats[0]["token"];
  const std::string first_id = pats[0]["id"];
  EXPECT_EQ(StatusWith(first_token), 200) << "the token does not authenticate";
  PlanClean();
  ExpectTokensExactlyOnce("created");

  // Another spelling of the same instant: an in-place change that sends nothing.
  sandbox_.ResetStats();
  workspace_.WriteConfig(Config("2035-01-01T01:00:00+01:00"));
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to change, 0 to destroy"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(Values()["id"], first_id);
  EXPECT_EQ(Requests(kAddRoute), 0);
  EXPECT_EQ(Requests(kRemoveRoute), 0);
  PlanClean();

  // Another instant replaces the token; the old one stops authenticating.
  workspace_.WriteConfig(Config("2036-06-30T12:00:00Z"));
  plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("must be replaced"), std::string::npos) << plan.out;
  EXPECT_EQ(plan.out.find(first_token), std::string::npos) << "the plan shows the token";
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  pats = SandboxPats();
  ASSERT_EQ(pats.size(), 1u) << pats.dump(2);
  EXPECT_NE(pats[0]["id"], first_id);
  EXPECT_EQ(Values()["id"], pats[0]["id"]);
  EXPECT_EQ(Values()["token"], pats[0]["token"]);
  EXPECT_EQ(StatusWith(first_token), 401) << "the replaced token still authenticates";
  EXPECT_EQ(StatusWith(pats[0]["token"]), 200);
  PlanClean();

  // Removed outside Terraform: a new token is planned.
  EXPECT_EQ(sandbox_
                .Call("DELETE", absl::StrCat("/management/v1/users/", user_id_, "/pats/",
                                             pats[0]["id"].get<std::string>()))
                .status,
            200);
  plan = workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("1 to add"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  ExpectTokensExactlyOnce("re-created");
  const std::string last_token = Values()["token"];

  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxPats().empty()) << SandboxPats().dump(2);
  EXPECT_EQ(StatusWith(last_token), 401) << "a destroyed token still authenticates";
}

TEST_F(ZitadelPersonalAccessTokenTest, WithoutExpirationDateTheTokenNeverExpiresAndPlansClean) {
  workspace_.WriteConfig(Config(""));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(Values()["expiration_date"], "9999-12-31T23:59:59Z");
  EXPECT_EQ(SandboxPats()[0]["expirationDate"], "9999-12-31T23:59:59Z");
  PlanClean();
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxPats().empty());
}

TEST_F(ZitadelPersonalAccessTokenTest, ImportByBothFormsThenPlanCleanWithoutAWrite) {
  const std::string token_id = CreateDirectly({{"expirationDate", "2035-01-01T00:00:00Z"}});
  workspace_.WriteConfig(Config("2035-01-01T00:00:00Z"));
  sandbox_.ResetStats();
  for (const std::string& id : {absl::StrCat(user_id_, "/", token_id),
                                absl::StrCat(kDefaultOrg, "/", user_id_, "/", token_id)}) {
    workspace_.RunExpect({"import", "-no-color", kAddress, id});
    const nlohmann::json values = Values();
    EXPECT_EQ(values["id"], token_id) << id;
    EXPECT_EQ(values["org_id"], kDefaultOrg) << id;
    EXPECT_EQ(values["token"], "") << id;
    EXPECT_EQ(values["expiration_date"], "2035-01-01T00:00:00Z") << id;
    PlanClean();
    // Without expiration_date in the configuration, the imported one is kept.
    workspace_.WriteConfig(Config(""));
    PlanClean();
    workspace_.WriteConfig(Config("2035-01-01T00:00:00Z"));
    workspace_.RunExpect({"state", "rm", "-no-color", kAddress});
  }
  EXPECT_EQ(Requests(kAddRoute), 0) << sandbox_.Stats().dump(2);
  EXPECT_EQ(Requests(kRemoveRoute), 0) << sandbox_.Stats().dump(2);

  for (const std::string& bad :
       {std::string("not-a-pair"), absl::StrCat("/", user_id_, "/1"), absl::StrCat("a/b/c/d")}) {
    CommandResult refused = workspace_.Run({"import", "-no-color", kAddress, bad});
    EXPECT_NE(refused.exit_code, 0) << bad;
    EXPECT_NE(Flatten(refused.err).find("user_id/token_id or org_id/user_id/token_id"),
              std::string::npos)
        << refused.err;
  }
  // An id of a token that does not exist: nothing is put in the state.
  CommandResult missing =
      workspace_.Run({"import", "-no-color", kAddress, absl::StrCat(user_id_, "/1")});
  EXPECT_NE(missing.exit_code, 0) << Output(missing);
  EXPECT_TRUE(workspace_.ResourceInState(kAddress).is_null());
  EXPECT_EQ(SandboxPats().size(), 1u);
}

// The answer to the create is lost after ZITADEL made the token. The token the lost answer
// held is provably this apply's (not listed before, the requested expiry) and nobody holds its
// secret: it is removed and one more is made. A token with the same expiry that somebody else
// made beforehand is neither adopted nor removed, then or at destroy.
TEST_F(ZitadelPersonalAccessTokenTest, LostCreateAnswerLeavesOneTokenAndTheForeignOneAlone) {
  const std::string foreign_id = CreateDirectly({{"expirationDate", "2035-01-01T00:00:00Z"}});
  const nlohmann::json foreign =
      TakeCensus(sandbox_, workspace_).sandbox[Kind::kZitadelPat][foreign_id];
  sandbox_.ResetStats();
  Script({{{"route", kAddRoute}, {"action", "drop_after_commit"}}});
  workspace_.WriteConfig(Config("2035-01-01T00:00:00Z"));
  CommandResult apply = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  ASSERT_EQ(apply.exit_code, 0) << Output(apply);
  EXPECT_EQ(sandbox_.Stats()["faults_injected"], 1);
  EXPECT_EQ(Requests(kAddRoute), 2);
  EXPECT_EQ(Requests(kRemoveRoute), 1);

  Census census = TakeCensus(sandbox_, workspace_);
  const auto& tokens = census.sandbox.at(Kind::kZitadelPat);
  ASSERT_TRUE(tokens.contains(foreign_id)) << "the foreign token was removed";
  EXPECT_EQ(tokens.at(foreign_id), foreign);
  EXPECT_FALSE(census.state.at(Kind::kZitadelPat).contains(foreign_id))
      << "the foreign token was adopted";
  EXPECT_EQ(tokens.size(), 2u) << "the foreign token and the one in the state, nothing else";
  EXPECT_EQ(census.state.at(Kind::kZitadelPat).size(), 1u);
  ExpectStateIdsExist(census, "lost create answer");
  ExpectSecretsMatch(census, "lost create answer");
  sandbox_.SetFaults(NoFaults());
  PlanClean();

  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  census = TakeCensus(sandbox_, workspace_);
  ASSERT_TRUE(census.sandbox.at(Kind::kZitadelPat).contains(foreign_id))
      << "destroy removed the foreign token";
  EXPECT_EQ(census.sandbox.at(Kind::kZitadelPat).size(), 1u);
}

// What ZITADEL refuses reaches the user as ZITADEL's message, and nothing is made.
TEST_F(ZitadelPersonalAccessTokenTest, RefusalsCarryZitadelsMessage) {
  workspace_.WriteConfig(Config("2001-01-01T00:00:00Z"));
  CommandResult past = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_NE(past.exit_code, 0);
  EXPECT_NE(Flatten(past.err).find("Errors.AuthNKey.ExpireBeforeNow (DOMAIN-dv3t5)"),
            std::string::npos)
      << past.err;

  SandboxProcess::Reply human =
      sandbox_.Call("POST", "/management/v1/users/human",
                    {{"userName", "alice"},
                     {"profile", {{"firstName", "Alice"}, {"lastName", "Example"}}},
                     {"email", {{"email", "alice@example.com"}}}});
  ASSERT_EQ(human.status, 200) << human.body.dump();
  workspace_.WriteConfig(
      absl::StrCat("resource \"orgiam_zitadel_personal_access_token\" \"ci\" {\n", "  user_id = \"",
                   human.body.value("userId", ""), "\"\n}\n"));
  CommandResult person = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_NE(person.exit_code, 0);
  EXPECT_NE(Flatten(person.err).find("Could not create the ZITADEL personal access token"),
            std::string::npos)
      << person.err;
  EXPECT_NE(Flatten(person.err).find("Not allowed for this user type (COMMAND-Df2f1)"),
            std::string::npos)
      << person.err;
  EXPECT_NE(Flatten(person.err).find("to machine users only"), std::string::npos) << person.err;
  EXPECT_TRUE(SandboxPats().empty()) << SandboxPats().dump(2);
  EXPECT_TRUE(workspace_.ResourceInState(kAddress).is_null());
}

// A 2xx answer without the token changes nothing; ZITADEL answering the token as expired
// plans its replacement with the reason.
TEST_F(ZitadelPersonalAccessTokenTest, GarbageReadKeepsTheStateAndAnExpiredTokenIsReplaced) {
  workspace_.WriteConfig(Config(""));
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  const nlohmann::json prior = Values();

  Script(
      {{{"route", kGetRoute}, {"action", "body"}, {"status", 200}, {"body", "{}"}, {"count", 0}}});
  CommandResult refresh = workspace_.Run({"apply", "-refresh-only", "-auto-approve", "-no-color"});
  EXPECT_NE(refresh.exit_code, 0) << Output(refresh);
  EXPECT_EQ(Flatten(Output(refresh)).find("has been deleted"), std::string::npos);
  EXPECT_EQ(Values(), prior) << "the garbage answer changed the state";

  // ZITADEL still lists an expired token; the plan replaces it.
  nlohmann::json expired = SandboxPats()[0];
  const std::string expiry =
      absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now() - absl::Minutes(1), absl::UTCTimeZone());
  expired["expirationDate"] = expiry;
  expired.erase("token");
  expired.erase("user_id");
  Script({{{"route", kGetRoute},
           {"action", "body"},
           {"status", 200},
           {"body", nlohmann::json{{"token", expired}}.dump()},
           {"count", 0}}});
  CommandResult plan = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
  EXPECT_EQ(plan.exit_code, 2) << Output(plan);
  EXPECT_NE(Flatten(Output(plan)).find("Expired ZITADEL personal access token"), std::string::npos)
      << Output(plan);
  EXPECT_NE(plan.out.find("must be replaced"), std::string::npos) << plan.out;
  sandbox_.SetFaults(NoFaults());
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  EXPECT_TRUE(SandboxPats().empty());
}

}  // namespace
}  // namespace orgiam::testing
