// One test per integrity defect, each with a deterministic scripted fault (PUT
// /_sandbox/faults "script"): a taken natural key, a lost create answer, a stop with creates in
// flight, untrusted 2xx bodies and a list that never ends. Each counts what the sandbox holds
// against what the Terraform state holds.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <regex>
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

constexpr seconds kCommandTimeout(120);

class IntegrityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
  }

  void Script(const nlohmann::json& rules) { sandbox_.SetFaults({{"script", rules}}); }

  CommandResult Run(const std::vector<std::string>& args) {
    return workspace_.Run(args, kCommandTimeout);
  }

  int Requests(const std::string& route) { return sandbox_.Stats()["requests"].value(route, 0); }

  void PlanClean(const std::string& context) {
    CommandResult plan = Run({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(plan.exit_code, 0) << context << ": plan is not clean\n"
                                 << plan.out << "\n"
                                 << plan.err;
  }

  Census Count() { return TakeCensus(sandbox_, workspace_); }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

std::string Output(const CommandResult& result) { return result.out + "\n" + result.err; }

// ------------------------------------------------------------------ (a) a taken natural key

struct TakenCase {
  std::string name;
  Kind kind;
  std::string create_route;  // gets one scripted 503
  std::string config;        // one resource named "taken" asking for the taken key
  // Creates the object directly in the sandbox; returns its id (as the state would hold it).
  std::function<std::string(SandboxProcess&)> create;
  std::string label;  // how the existing object is named besides its id (email, name)
};

std::string CreateVultrUser(SandboxProcess& sandbox) {
  SandboxProcess::Reply reply = sandbox.Call("POST", "/v2/users",
                                             {{"name", "someone"},
                                              {"email", "taken@example.com"},
                                              {"service_user", true},
                                              {"password", "Seeded-pass-1234"},
                                              {"acls", {"dns"}}});
  EXPECT_EQ(reply.status, 201) << reply.body.dump();
  return reply.body["user"].value("id", "");
}

std::string CreateZitadelUser(SandboxProcess& sandbox) {
  SandboxProcess::Reply reply = sandbox.Call("POST", "/management/v1/users/machine",
                                             {{"userName", "taken-bot"}, {"name", "Someone"}});
  EXPECT_EQ(reply.status, 200) << reply.body.dump();
  return reply.body.value("userId", "");
}

std::string CreateDuckAccount(SandboxProcess& sandbox) {
  SandboxProcess::Reply reply = sandbox.Call("POST", "/v1/users", {{"username", "taken_bot"}});
  EXPECT_EQ(reply.status, 200) << reply.body.dump();
  return reply.body.value("username", "");
}

std::string CreateInvitation(SandboxProcess& sandbox) {
  SandboxProcess::Reply reply = sandbox.Call(
      "POST", "/v2/invitation",
      {{"email_invited", "invitee@example.com"}, {"permissions", {{"api_enabled", true}}}});
  EXPECT_EQ(reply.status, 201) << reply.body.dump();
  return reply.body.value("id", "");
}

class TakenKeyTest : public IntegrityTest, public ::testing::WithParamInterface<TakenCase> {};

TEST_P(TakenKeyTest, CreateFailsWithImportAdviceAndLeavesTheObjectAlone) {
  const TakenCase& c = GetParam();
  const std::string type = ResourceType(c.kind);
  const std::string id = c.create(sandbox_);
  ASSERT_FALSE(id.empty());
  const nlohmann::json before = Count().sandbox.at(c.kind).at(id);
  sandbox_.ResetStats();
  Script({{{"route", c.create_route}, {"action", "error"}, {"status", 503}, {"count", 1}}});

  workspace_.WriteConfig(c.config);
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(apply.exit_code, 1) << Output(apply);
  const std::string error = Flatten(apply.err);
  // The message names the existing object and shows both ways to import it.
  EXPECT_NE(error.find(id), std::string::npos) << error;
  EXPECT_NE(error.find(c.label), std::string::npos) << error;
  std::smatch command;
  const std::regex import_command("terraform import " + type + R"(\.NAME '([^']+)')");
  ASSERT_TRUE(std::regex_search(error, command, import_command)) << error;
  const std::string import_id = command[1];
  EXPECT_NE(import_id.find(id), std::string::npos) << import_id;
  EXPECT_NE(error.find("import { to = " + type + ".NAME id = \"" + import_id + "\" }"),
            std::string::npos)
      << error;
  // Nothing was sent to create it (the lookup came first), nor to change or delete anything.
  EXPECT_EQ(Requests(c.create_route), 0) << "the create was sent although the key was taken";
  const nlohmann::json stats = sandbox_.Stats();
  for (const auto& [route, count] : stats["requests"].items()) {
    if (route.rfind("GET ", 0) == 0 || route.rfind("POST /management/v1/users/_search", 0) == 0) {
      continue;
    }
    EXPECT_EQ(count, 0) << "unexpected " << route;
  }

  Census census = Count();
  ASSERT_TRUE(census.sandbox.at(c.kind).contains(id)) << "the existing object is gone";
  EXPECT_EQ(census.sandbox.at(c.kind).at(id), before) << "the existing object was changed";
  EXPECT_EQ(census.sandbox.at(c.kind).size(), 1u);
  EXPECT_TRUE(census.state.at(c.kind).empty()) << "the existing object was adopted";
  ExpectNoDuplicates(census, c.name);

  // Destroying the configuration leaves the object alone.
  CommandResult destroy = Run({"destroy", "-auto-approve", "-no-color"});
  EXPECT_EQ(destroy.exit_code, 0) << Output(destroy);
  census = Count();
  ASSERT_TRUE(census.sandbox.at(c.kind).contains(id)) << "destroy removed the existing object";
  EXPECT_EQ(census.sandbox.at(c.kind).at(id), before);

  // The advised command works.
  sandbox_.SetFaults(NoFaults());
  CommandResult imported = Run({"import", "-no-color", type + ".taken", import_id});
  EXPECT_EQ(imported.exit_code, 0) << Output(imported);
  census = Count();
  EXPECT_TRUE(census.state.at(c.kind).contains(id)) << "import did not adopt " << id;
  EXPECT_EQ(census.sandbox.at(c.kind).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Vendors, TakenKeyTest,
    ::testing::Values(TakenCase{"vultr_user", Kind::kVultrUser, "POST /v2/users",
                                R"(resource "orgiam_vultr_service_user" "taken" {
  name  = "someone"
  email = "taken@example.com"
  acls  = ["dns"]
}
)",
                                CreateVultrUser, "taken@example.com"},
                      TakenCase{"zitadel_machine_user", Kind::kZitadelUser,
                                "POST /management/v1/users/machine",
                                R"(resource "orgiam_zitadel_machine_user" "taken" {
  user_name = "taken-bot"
  name      = "Someone"
}
)",
                                CreateZitadelUser, "taken-bot"},
                      TakenCase{"motherduck_account", Kind::kMotherDuckUser, "POST /v1/users",
                                R"(resource "orgiam_motherduck_service_account" "taken" {
  username = "taken_bot"
}
)",
                                CreateDuckAccount, "taken_bot"},
                      TakenCase{"vultr_invitation", Kind::kVultrInvitation, "POST /v2/invitation",
                                R"(resource "orgiam_vultr_organization_invitation" "taken" {
  email = "invitee@example.com"
}
)",
                                CreateInvitation, "invitee@example.com"}),
    [](const ::testing::TestParamInfo<TakenCase>& info) { return info.param.name; });

// A MotherDuck token of the same name made by someone else is neither adopted nor revoked
// when the create's answer fails (503: not carried out; drop: carried out, answer lost).
class ForeignTokenTest : public IntegrityTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(ForeignTokenTest, SameNamedForeignTokenSurvives) {
  ASSERT_EQ(sandbox_.Call("POST", "/v1/users", {{"username", "md_owner"}}).status, 200);
  SandboxProcess::Reply foreign =
      sandbox_.Call("POST", "/v1/users/md_owner/tokens", {{"name", "deploy"}});
  ASSERT_EQ(foreign.status, 200) << foreign.body.dump();
  const std::string foreign_id = foreign.body.value("id", "");
  const nlohmann::json before = Count().sandbox.at(Kind::kMotherDuckToken).at(foreign_id);
  sandbox_.ResetStats();
  nlohmann::json rule = {
      {"route", "POST /v1/users/{username}/tokens"}, {"action", GetParam()}, {"count", 1}};
  if (GetParam() == "error") rule["status"] = 503;
  Script(nlohmann::json::array({rule}));

  workspace_.WriteConfig(R"(resource "orgiam_motherduck_access_token" "deploy" {
  username = "md_owner"
  name     = "deploy"
}
)");
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(apply.exit_code, 0) << Output(apply);
  EXPECT_EQ(sandbox_.Stats()["faults_injected"], 1);
  Census census = Count();
  const auto& tokens = census.sandbox.at(Kind::kMotherDuckToken);
  ASSERT_TRUE(tokens.contains(foreign_id)) << "the foreign token was revoked";
  EXPECT_EQ(tokens.at(foreign_id), before);
  EXPECT_FALSE(census.state.at(Kind::kMotherDuckToken).contains(foreign_id))
      << "the foreign token was adopted";
  ExpectStateIdsExist(census, "foreign token");
  ExpectSecretsMatch(census, "foreign token");
  // The foreign token and the one in the state, nothing else.
  EXPECT_EQ(tokens.size(), 1u + census.state.at(Kind::kMotherDuckToken).size()) << [&] {
    std::string all;
    for (const auto& [id, token] : tokens) all += token.dump() + "\n";
    return all;
  }();
  EXPECT_EQ(census.state.at(Kind::kMotherDuckToken).size(), 1u);

  CommandResult destroy = Run({"destroy", "-auto-approve", "-no-color"});
  EXPECT_EQ(destroy.exit_code, 0) << Output(destroy);
  census = Count();
  ASSERT_TRUE(census.sandbox.at(Kind::kMotherDuckToken).contains(foreign_id))
      << "destroy revoked the foreign token";
  EXPECT_EQ(census.sandbox.at(Kind::kMotherDuckToken).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Actions, ForeignTokenTest,
                         ::testing::Values("error", "drop_after_commit"));

// ------------------------------------------------------------- (b) a lost API-key answer

TEST_F(IntegrityTest, LostApiKeyAnswerLeavesExactlyTheKeyInState) {
  workspace_.WriteConfig(R"(resource "orgiam_vultr_service_user" "owner" {
  name  = "owner"
  email = "owner@example.com"
}

resource "orgiam_vultr_user_api_key" "k" {
  user_id = orgiam_vultr_service_user.owner.id
  name    = "ci"
}
)");
  Script({{{"route", "POST /v2/users/{id}/apikeys"}, {"action", "drop_after_commit"}}});
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(apply.exit_code, 0) << Output(apply);
  EXPECT_EQ(sandbox_.Stats()["faults_injected"], 1);
  const Census census = Count();
  ExpectExactlyOnce(census, "lost API key answer");
  const auto& keys = census.sandbox.at(Kind::kVultrApiKey);
  ASSERT_EQ(keys.size(), 1u) << "keys in the sandbox";
  const auto& in_state = census.state.at(Kind::kVultrApiKey);
  ASSERT_EQ(in_state.size(), 1u);
  EXPECT_EQ(in_state.begin()->first, keys.begin()->first);
  EXPECT_EQ(in_state.begin()->second.value("api_key", ""),
            keys.begin()->second.value("api_key", "x"));
  PlanClean("lost API key answer");
}

// --------------------------------------------------------- (c) four lost user answers

TEST_F(IntegrityTest, FourLostUserAnswersNeverStrandAUser) {
  workspace_.WriteConfig(R"(resource "orgiam_vultr_service_user" "bot" {
  name  = "bot"
  email = "bot@example.com"
}
)");
  Script({{{"route", "POST /v2/users"}, {"action", "drop_after_commit"}, {"count", 4}}});
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  const nlohmann::json stats = sandbox_.Stats();
  std::cout << "[four lost answers] apply exit " << apply.exit_code << ", POST /v2/users "
            << stats["requests"].value("POST /v2/users", 0) << ", DELETE /v2/users/{id} "
            << stats["requests"].value("DELETE /v2/users/{id}", 0) << "\n";
  Census census = Count();
  ExpectNoDuplicates(census, "four lost answers");
  ExpectNoOrphans(census, "four lost answers");
  ExpectStateIdsExist(census, "four lost answers");
  ExpectSecretsMatch(census, "four lost answers");
  if (apply.exit_code == 0) {
    EXPECT_EQ(census.sandbox.at(Kind::kVultrUser).size(), 1u);
    EXPECT_EQ(census.state.at(Kind::kVultrUser).size(), 1u);
  } else {
    std::cout << Flatten(apply.err) << "\n";
    sandbox_.SetFaults(NoFaults());
    CommandResult again = Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(again.exit_code, 0) << Output(again);
    census = Count();
    ExpectExactlyOnce(census, "four lost answers, re-applied");
    EXPECT_EQ(census.sandbox.at(Kind::kVultrUser).size(), 1u);
  }
  sandbox_.SetFaults(NoFaults());
  PlanClean("four lost answers");
}

// ------------------------------------------------------ (d) SIGINT with creates in flight

TEST_F(IntegrityTest, InterruptWithCreatesInFlightStrandsNothing) {
  constexpr int kUsers = 4;
  workspace_.WriteConfig(absl::StrCat(R"(resource "orgiam_vultr_service_user" "held" {
  count = )",
                                      kUsers, R"(
  name  = "held-${count.index}"
  email = "held-${count.index}@example.com"
}
)"));
  Script({{{"route", "POST /v2/users"}, {"action", "hold"}, {"hold_ms", 3000}, {"count", 0}}});
  std::unique_ptr<BackgroundCommand> apply =
      workspace_.Start({"apply", "-auto-approve", "-no-color"});
  // A held POST is carried out at once and answered 3 s later; the stats count it only once
  // answered, so the sandbox's objects tell when every create is in flight.
  const auto deadline = steady_clock::now() + seconds(30);
  size_t in_flight = 0;
  while (steady_clock::now() < deadline && !apply->Finished()) {
    in_flight = sandbox_.State()["vultr"]["users"].size();
    if (in_flight >= static_cast<size_t>(kUsers)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(in_flight, static_cast<size_t>(kUsers)) << "the creates did not all start:\n"
                                                    << apply->OutputSoFar();
  EXPECT_EQ(Requests("POST /v2/users"), 0) << "a create was answered before the interrupt";
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_FALSE(apply->Finished()) << "the apply ended before the interrupt:\n"
                                  << apply->OutputSoFar();
  apply->Signal(SIGINT);  // Ctrl-C: the whole process group, terraform and the provider
  const CommandResult interrupted = apply->Wait(seconds(60));
  EXPECT_FALSE(interrupted.timed_out) << "terraform did not exit after SIGINT";
  std::cout << "[interrupt] apply exit " << interrupted.exit_code << "\n";
  sandbox_.SetFaults(NoFaults());

  // The sent creates finished and reached the state.
  Census census = Count();
  ExpectNoDuplicates(census, "after the interrupt");
  ExpectNoOrphans(census, "after the interrupt");
  ExpectStateIdsExist(census, "after the interrupt");
  ExpectSecretsMatch(census, "after the interrupt");
  EXPECT_EQ(Requests("POST /v2/users"), kUsers);

  CommandResult plan = Run({"plan", "-detailed-exitcode", "-no-color"});
  std::cout << "[interrupt] plan after it exit " << plan.exit_code << "\n";
  if (plan.exit_code != 0) {
    EXPECT_EQ(plan.exit_code, 2) << Output(plan);
    CommandResult again = Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(again.exit_code, 0) << Output(again);
    PlanClean("after the interrupt and a re-apply");
  }
  census = Count();
  ExpectExactlyOnce(census, "after the interrupt");
  EXPECT_EQ(census.sandbox.at(Kind::kVultrUser).size(), static_cast<size_t>(kUsers));
}

// ----------------------------------------------------- (e) untrusted 2xx bodies on reads

struct GarbageCase {
  std::string name;
  std::string body;
};

class GarbageReadTest : public IntegrityTest, public ::testing::WithParamInterface<GarbageCase> {};

TEST_P(GarbageReadTest, RefreshKeepsThePriorState) {
  workspace_.WriteConfig(R"(resource "orgiam_vultr_service_user" "bot" {
  name  = "bot"
  email = "bot@example.com"
}
)");
  CommandResult created = Run({"apply", "-auto-approve", "-no-color"});
  ASSERT_EQ(created.exit_code, 0) << Output(created);
  const nlohmann::json prior = workspace_.ResourceInState("orgiam_vultr_service_user.bot");
  const std::string id = prior["values"].value("id", "");
  ASSERT_FALSE(id.empty());
  sandbox_.ResetStats();
  Script({{{"route", "GET /v2/users/{id}"},
           {"action", "body"},
           {"status", 200},
           {"body", GetParam().body},
           {"count", 0}}});

  // A refresh-only plan: an error or a warning, never "deleted".
  CommandResult refresh_plan = Run({"plan", "-refresh-only", "-no-color"});
  const std::string refresh_text = Flatten(Output(refresh_plan));
  EXPECT_TRUE(refresh_plan.exit_code != 0 || refresh_text.find("Warning") != std::string::npos)
      << "the garbage answer passed silently:\n"
      << refresh_text;
  EXPECT_EQ(refresh_text.find("has been deleted"), std::string::npos) << refresh_text;

  // A normal plan: never a create or a replacement.
  CommandResult plan = Run({"plan", "-no-color"});
  const std::string plan_text = Flatten(Output(plan));
  EXPECT_EQ(plan_text.find("will be created"), std::string::npos) << plan_text;
  EXPECT_EQ(plan_text.find("must be replaced"), std::string::npos) << plan_text;
  EXPECT_EQ(plan_text.find("has been deleted"), std::string::npos) << plan_text;

  // A refresh that writes the state: the prior state stays.
  CommandResult refresh = Run({"apply", "-refresh-only", "-auto-approve", "-no-color"});
  std::cout << "[" << GetParam().name << "] plan -refresh-only exit " << refresh_plan.exit_code
            << ", plan exit " << plan.exit_code << ", apply -refresh-only exit "
            << refresh.exit_code << "\n";
  const nlohmann::json after = workspace_.ResourceInState("orgiam_vultr_service_user.bot");
  ASSERT_FALSE(after.is_null()) << "the refresh dropped the resource from the state";
  EXPECT_EQ(after["values"], prior["values"]) << "the refresh changed the state";

  EXPECT_EQ(Requests("POST /v2/users"), 0);
  EXPECT_EQ(Requests("DELETE /v2/users/{id}"), 0);
  EXPECT_EQ(Requests("PATCH /v2/users/{id}"), 0);
  sandbox_.SetFaults(NoFaults());
  PlanClean(GetParam().name);
  const Census census = Count();
  ExpectExactlyOnce(census, GetParam().name);
  EXPECT_TRUE(census.sandbox.at(Kind::kVultrUser).contains(id));
}

INSTANTIATE_TEST_SUITE_P(Bodies, GarbageReadTest,
                         ::testing::Values(GarbageCase{"empty_object", "{}"},
                                           GarbageCase{"null", "null"}, GarbageCase{"array", "[]"},
                                           GarbageCase{"numeric_id", R"({"user":{"id":5}})"}),
                         [](const ::testing::TestParamInfo<GarbageCase>& info) {
                           return info.param.name;
                         });

// A create answered 2xx with `{}`: carried out, but the answer holds no object.
struct IncompleteCreateCase {
  std::string name;
  Kind kind;
  std::string route;
  int status;
  std::string config;
};

class IncompleteCreateTest : public IntegrityTest,
                             public ::testing::WithParamInterface<IncompleteCreateCase> {};

TEST_P(IncompleteCreateTest, NoObjectWithoutIdIsRecorded) {
  const IncompleteCreateCase& c = GetParam();
  workspace_.WriteConfig(c.config);
  Script({{{"route", c.route}, {"action", "body"}, {"status", c.status}, {"body", "{}"}}});
  CommandResult apply = Run({"apply", "-auto-approve", "-no-color"});
  std::cout << "[" << c.name << "] apply exit " << apply.exit_code << "\n";
  if (apply.exit_code != 0) std::cout << Flatten(apply.err) << "\n";
  EXPECT_EQ(sandbox_.Stats()["faults_injected"], 1);
  Census census = Count();
  ExpectNoDuplicates(census, c.name);
  ExpectStateIdsExist(census, c.name);
  ExpectSecretsMatch(census, c.name);
  ExpectNoOrphans(census, c.name);
  if (apply.exit_code == 0) {
    EXPECT_EQ(census.state.at(c.kind).size(), 1u);
    EXPECT_EQ(census.sandbox.at(c.kind).size(), 1u);
  }
  sandbox_.SetFaults(NoFaults());
  if (apply.exit_code != 0) {
    CommandResult again = Run({"apply", "-auto-approve", "-no-color"});
    EXPECT_EQ(again.exit_code, 0) << Output(again);
    census = Count();
    ExpectExactlyOnce(census, c.name + ", re-applied");
  }
  PlanClean(c.name);
}

INSTANTIATE_TEST_SUITE_P(
    Routes, IncompleteCreateTest,
    ::testing::Values(IncompleteCreateCase{"invitation", Kind::kVultrInvitation,
                                           "POST /v2/invitation", 201,
                                           R"(resource "orgiam_vultr_organization_invitation" "i" {
  email = "newcomer@example.com"
}
)"},
                      IncompleteCreateCase{"vultr_user", Kind::kVultrUser, "POST /v2/users", 201,
                                           R"(resource "orgiam_vultr_service_user" "u" {
  name  = "newcomer"
  email = "newcomer@example.com"
}
)"}),
    [](const ::testing::TestParamInfo<IncompleteCreateCase>& info) { return info.param.name; });

// ------------------------------------------------------------------ (f) endless pages

constexpr char kEndlessPage[] = R"({"users":[],"meta":{"links":{"next":"{fresh}"}}})";

class EndlessPagesTest : public IntegrityTest {
 protected:
  void SetUp() override {
    IntegrityTest::SetUp();
    ASSERT_EQ(sandbox_
                  .Call("POST", "/v2/users",
                        {{"name", "someone"},
                         {"email", "someone@example.com"},
                         {"service_user", true},
                         {"password", "Seeded-pass-1234"}})
                  .status,
              201);
    sandbox_.ResetStats();
    Script(
        {{{"route", "GET /v2/users"}, {"action", "body"}, {"body", kEndlessPage}, {"count", 0}}});
  }

  // Runs the command with a 90 s deadline; expects a failure within 60 s.
  void ExpectFailsQuickly(const std::vector<std::string>& args) {
    const auto started = steady_clock::now();
    CommandResult result = workspace_.Run(args, seconds(90));
    const double elapsed = std::chrono::duration<double>(steady_clock::now() - started).count();
    const int pages = Requests("GET /v2/users");
    std::cout << "[endless pages] exit " << result.exit_code << " after " << elapsed << " s, "
              << pages << " pages\n"
              << Flatten(result.err) << "\n";
    EXPECT_FALSE(result.timed_out) << "still reading pages after 90 s";
    EXPECT_NE(result.exit_code, 0) << Output(result);
    EXPECT_LT(elapsed, 60.0) << "the endless list was read for " << elapsed << " s (" << pages
                             << " pages)";
    const std::string error = Flatten(result.err);
    EXPECT_TRUE(error.find("page") != std::string::npos || error.find("list") != std::string::npos)
        << "the error does not say the list does not end: " << error;
  }
};

TEST_F(EndlessPagesTest, ImportByEmailFailsClearly) {
  workspace_.WriteConfig(R"(resource "orgiam_vultr_service_user" "x" {
  name  = "someone"
  email = "someone@example.com"
}
)");
  ExpectFailsQuickly({"import", "-no-color", "orgiam_vultr_service_user.x", "someone@example.com"});
  EXPECT_TRUE(Count().state.at(Kind::kVultrUser).empty());
}

TEST_F(EndlessPagesTest, UsersDataSourceFailsClearly) {
  workspace_.WriteConfig(R"(data "orgiam_vultr_users" "all" {}
output "count" { value = length(data.orgiam_vultr_users.all.users) }
)");
  ExpectFailsQuickly({"plan", "-no-color"});
}

}  // namespace
}  // namespace orgiam::testing
