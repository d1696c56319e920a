// The vendors' API contracts as their own sources state them (sandbox/README.md cites each),
// through the real terraform: no undocumented route, a password the API requires but nobody
// stores, 404s that are not the vendor's, answers without the created object, foreign error
// pages, ACLs and descriptions the provider does not control, and ids that are not ids.

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "census.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr std::chrono::seconds kCommandTimeout(120);

class VendorContractsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
  }

  CommandResult Run(const std::vector<std::string>& args) {
    return workspace_.Run(args, kCommandTimeout);
  }
  static std::string Output(const CommandResult& result) {
    return Flatten(result.out + "\n" + result.err);
  }
  void Script(const nlohmann::json& rule) {
    sandbox_.SetFaults({{"script", nlohmann::json::array({rule})}});
  }
  // Every request on `route` is carried out and answered `status` with exactly `body`.
  void ScriptBody(const std::string& route, int status, const std::string& body) {
    Script(
        {{"route", route}, {"action", "body"}, {"status", status}, {"count", 0}, {"body", body}});
  }
  void ClearScript() { sandbox_.SetFaults({{"script", nlohmann::json::array()}}); }
  // Every vendor request the sandbox counted.
  int VendorRequests() {
    int count = 0;
    for (const auto& [route, n] : sandbox_.Stats()["requests"].items()) count += n.get<int>();
    return count;
  }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

constexpr char kServiceUser[] = R"(resource "orgiam_vultr_service_user" "u" {
  name  = "deployer"
  email = "deployer@example.com"
}
)";

TEST_F(VendorContractsTest, AServiceUserWithoutPasswordGetsOneThatNobodyStores) {
  const std::string log = workspace_.dir() + "/trace.log";
  workspace_.SetEnv("TF_LOG", "trace");
  workspace_.SetEnv("TF_LOG_PATH", log);
  workspace_.WriteConfig(kServiceUser);
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  ASSERT_EQ(apply.exit_code, 0) << Output(apply);
  const nlohmann::json users = sandbox_.State()["vultr"]["users"];
  ASSERT_EQ(users.size(), 1u) << users.dump(2);
  const std::string password = users[0].value("password", "");
  ASSERT_EQ(password.size(), 40u) << users[0].dump();
  EXPECT_EQ(ReadFile(workspace_.StateFile()).find(password), std::string::npos);
  const std::string trace = ReadFile(log);
  EXPECT_GT(trace.size(), 1000u);
  EXPECT_EQ(trace.find(password), std::string::npos);
  EXPECT_EQ((apply.out + apply.err).find(password), std::string::npos);
  CommandResult plan = Run({"plan", "-detailed-exitcode", "-no-color"});
  EXPECT_EQ(plan.exit_code, 0) << Output(plan);
  ClearScript();
  ExpectExactlyOnce(TakeCensus(sandbox_, workspace_),
                    "AServiceUserWithoutPasswordGetsOneThatNobodyStores");
}

TEST_F(VendorContractsTest, AZitadel404WithoutErrorIdKeepsTheUser) {
  workspace_.WriteConfig(R"(resource "orgiam_zitadel_machine_user" "m" {
  user_name = "ci-bot"
  name      = "CI bot"
}
)");
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  ASSERT_EQ(apply.exit_code, 0) << Output(apply);
  const std::string id =
      workspace_.ResourceInState("orgiam_zitadel_machine_user.m")["values"]["id"];
  // What the real gateway answers for a path it does not route.
  ScriptBody("GET /management/v1/users/{id}", 404,
             R"({"code":5,"message":"Not Found","details":[]})");
  CommandResult plan = Run({"plan", "-refresh-only", "-no-color"});
  EXPECT_EQ(plan.exit_code, 1) << Output(plan);
  EXPECT_NE(Output(plan).find("no ZITADEL error id"), std::string::npos) << Output(plan);
  CommandResult refresh = Run({"apply", "-refresh-only", "-auto-approve", "-no-color"});
  EXPECT_NE(refresh.exit_code, 0) << Output(refresh);
  ClearScript();
  EXPECT_EQ(workspace_.ResourceInState("orgiam_zitadel_machine_user.m")["values"]["id"], id);
  CommandResult clean = Run({"plan", "-detailed-exitcode", "-no-color"});
  EXPECT_EQ(clean.exit_code, 0) << Output(clean);
  ClearScript();
  ExpectExactlyOnce(TakeCensus(sandbox_, workspace_), "AZitadel404WithoutErrorIdKeepsTheUser");
}

TEST_F(VendorContractsTest, AZitadelUserNameTakenInAnotherOrgIsExplained) {
  // ZITADEL user names are unique in the instance: one in the second organization blocks it.
  SandboxProcess::Reply other = sandbox_.Call("POST", "/management/v1/users/machine",
                                              {{"userName", "ci-bot"}, {"name", "Elsewhere"}},
                                              "x-zitadel-orgid:100000000000000002");
  ASSERT_EQ(other.status, 200) << other.body.dump();
  workspace_.WriteConfig(R"(resource "orgiam_zitadel_machine_user" "m" {
  user_name = "ci-bot"
  name      = "CI bot"
}
)");
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(apply.exit_code, 1) << Output(apply);
  EXPECT_NE(Output(apply).find("User already exists (V3-DKcYh)"), std::string::npos)
      << Output(apply);
  EXPECT_NE(Output(apply).find("unique in the whole instance, not per organization"),
            std::string::npos)
      << Output(apply);
  EXPECT_EQ(sandbox_.State()["zitadel"]["users"].size(), 1u);
  EXPECT_TRUE(workspace_.ResourceInState("orgiam_zitadel_machine_user.m").is_null());
}

TEST_F(VendorContractsTest, AKeyCreateAnsweredWithoutBodyLeavesNoKeyBehind) {
  workspace_.WriteConfig(kServiceUser);
  ASSERT_EQ(Run({"apply", "-auto-approve", "-no-color"}).exit_code, 0);
  workspace_.WriteConfig(std::string(kServiceUser) + R"(
resource "orgiam_vultr_user_api_key" "k" {
  user_id = orgiam_vultr_service_user.u.id
  name    = "ci"
}
)");
  // The OpenAPI spec documents this route's answer as "void".
  ScriptBody("POST /v2/users/{id}/apikeys", 201, "");
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_NE(apply.exit_code, 0) << Output(apply);
  EXPECT_NE(Output(apply).find("without the created object's secret"), std::string::npos)
      << Output(apply);
  EXPECT_EQ(sandbox_.Stats()["requests"].value("POST /v2/users/{id}/apikeys", 0), 1);
  EXPECT_TRUE(sandbox_.State()["vultr"]["api_keys"].empty())
      << sandbox_.State()["vultr"]["api_keys"].dump(2);
  EXPECT_TRUE(workspace_.ResourceInState("orgiam_vultr_user_api_key.k").is_null());
  ClearScript();
  CommandResult again = Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(again.exit_code, 0) << Output(again);
  Census census = TakeCensus(sandbox_, workspace_);
  ExpectExactlyOnce(census, "key create answered without a body, then applied again");
}

TEST_F(VendorContractsTest, AProxyPageThatEchoesTheTokenShowsNoToken) {
  workspace_.WriteConfig(kServiceUser);
  ASSERT_EQ(Run({"apply", "-auto-approve", "-no-color"}).exit_code, 0);
  ScriptBody("GET /v2/users/{id}", 403,
             "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><pre>GET "
             "/v2/users HTTP/1.1\nAuthorization: Bearer sandbox-token\nCookie: "
             "session=sandbox-token</pre></body></html>");
  CommandResult plan = Run({"plan", "-no-color"});
  EXPECT_EQ(plan.exit_code, 1) << Output(plan);
  const std::string output = Output(plan);
  EXPECT_NE(output.find("not a Vultr error body (HTTP 403"), std::string::npos) << output;
  EXPECT_NE(output.find("403 Forbidden"), std::string::npos) << output;
  EXPECT_EQ(output.find("sandbox-token"), std::string::npos) << output;
  ClearScript();
  ExpectExactlyOnce(TakeCensus(sandbox_, workspace_), "AProxyPageThatEchoesTheTokenShowsNoToken");
}

TEST_F(VendorContractsTest, DotDotAsAnIdSendsNothing) {
  const int before = VendorRequests();
  for (const auto& [address, id] : std::vector<std::pair<std::string, std::string>>{
           {"orgiam_vultr_service_user.u", ".."},
           {"orgiam_vultr_user_api_key.k", "u1/.."},
           {"orgiam_vultr_organization_invitation.i", "."},
           {"orgiam_zitadel_machine_user.m", "org1/.."},
           {"orgiam_motherduck_access_token.t", "../x"}}) {
    workspace_.WriteConfig(R"(resource "orgiam_vultr_service_user" "u" {
  name  = "x"
  email = "x@example.com"
}
resource "orgiam_vultr_user_api_key" "k" {
  user_id = "u1"
  name    = "k"
}
resource "orgiam_vultr_organization_invitation" "i" {
  email = "i@example.com"
}
resource "orgiam_zitadel_machine_user" "m" {
  user_name = "m"
  name      = "m"
}
resource "orgiam_motherduck_access_token" "t" {
  username = "x"
  name     = "t"
}
)");
    CommandResult imported = Run({"import", "-no-color", address, id});
    EXPECT_NE(imported.exit_code, 0) << address << " " << id << "\n" << Output(imported);
  }
  EXPECT_EQ(VendorRequests(), before) << sandbox_.Stats().dump(2);
}

TEST_F(VendorContractsTest, AnAclOrgiamDoesNotKnowCausesNoErrorAndNoDiff) {
  workspace_.WriteConfig(R"(resource "orgiam_vultr_service_user" "u" {
  name  = "deployer"
  email = "deployer@example.com"
  acls  = ["dns", "activity_logs"]
}
)");
  ASSERT_EQ(Run({"apply", "-auto-approve", "-no-color"}).exit_code, 0);
  nlohmann::json user = sandbox_.State()["vultr"]["users"][0];
  const std::string id = user["id"];
  // A Vultr that grants an ACL newer than this provider.
  nlohmann::json shown = {{"id", id},
                          {"name", "deployer"},
                          {"email", "deployer@example.com"},
                          {"api_enabled", true},
                          {"service_user", true},
                          {"acls", {"dns", "activity_logs", "quantum_compute"}}};
  ScriptBody("GET /v2/users/{id}", 200, nlohmann::json{{"user", shown}}.dump());
  CommandResult plan = Run({"plan", "-detailed-exitcode", "-no-color"});
  EXPECT_EQ(plan.exit_code, 0) << Output(plan);
  CommandResult refresh = Run({"apply", "-refresh-only", "-auto-approve", "-no-color"});
  EXPECT_EQ(refresh.exit_code, 0) << Output(refresh);
  EXPECT_EQ(workspace_.ResourceInState("orgiam_vultr_service_user.u")["values"]["acls"],
            nlohmann::json({"activity_logs", "dns"}));
  ClearScript();
  ClearScript();
  ExpectExactlyOnce(TakeCensus(sandbox_, workspace_),
                    "AnAclOrgiamDoesNotKnowCausesNoErrorAndNoDiff");
}

TEST_F(VendorContractsTest, EmailRegisteredAsAStringIsRead) {
  workspace_.WriteConfig(R"(resource "orgiam_vultr_organization_invitation" "i" {
  email = "someone@example.com"
}
)");
  ASSERT_EQ(Run({"apply", "-auto-approve", "-no-color"}).exit_code, 0);
  nlohmann::json invitation = sandbox_.State()["vultr"]["invitations"][0];
  for (const auto& [spelling, expected] :
       std::vector<std::pair<std::string, bool>>{{"yes", true}, {"no", false}, {"true", true}}) {
    invitation["email_registered"] = spelling;
    ScriptBody("GET /v2/invitation/{id}", 200, nlohmann::json{{"invitation", invitation}}.dump());
    CommandResult refresh = Run({"apply", "-refresh-only", "-auto-approve", "-no-color"});
    EXPECT_EQ(refresh.exit_code, 0) << Output(refresh);
    EXPECT_EQ(workspace_.ResourceInState(
                  "orgiam_vultr_organization_invitation.i")["values"]["email_registered"],
              expected)
        << spelling;
  }
  ClearScript();
  ExpectExactlyOnce(TakeCensus(sandbox_, workspace_), "EmailRegisteredAsAStringIsRead");
}

TEST_F(VendorContractsTest, ADroppedTokenDescriptionIsShownAsMotherDuckHoldsIt) {
  workspace_.WriteConfig(R"(resource "orgiam_motherduck_service_account" "a" {
  username = "ci_bot"
}
resource "orgiam_motherduck_access_token" "t" {
  username    = orgiam_motherduck_service_account.a.username
  name        = "ci"
  description = "for the pipeline"
}
)");
  ASSERT_EQ(Run({"apply", "-auto-approve", "-no-color"}).exit_code, 0);
  // A region without description support: the list shows the token without one.
  nlohmann::json token = sandbox_.State()["motherduck"]["tokens"][0];
  token.erase("description");
  token.erase("token");
  token.erase("username");
  ScriptBody("GET /v1/users/{username}/tokens", 200, nlohmann::json{{"tokens", {token}}}.dump());
  CommandResult refresh = Run({"apply", "-refresh-only", "-auto-approve", "-no-color"});
  EXPECT_EQ(refresh.exit_code, 0) << Output(refresh);
  EXPECT_NE(Output(refresh).find("MotherDuck did not keep the token description"),
            std::string::npos)
      << Output(refresh);
  EXPECT_TRUE(
      workspace_.ResourceInState("orgiam_motherduck_access_token.t")["values"]["description"]
          .is_null());
  ClearScript();
  ExpectExactlyOnce(TakeCensus(sandbox_, workspace_),
                    "ADroppedTokenDescriptionIsShownAsMotherDuckHoldsIt");
}

}  // namespace
}  // namespace orgiam::testing
