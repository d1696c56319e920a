// Imports that adopt without deleting or rotating anything: a resource type manages only its
// own kind of object (a person's account is refused by every id form, at import and at read),
// an imported ZITADEL machine user keeps its client secret, and a MotherDuck account imports
// with its defaults.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "census.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kZitadelOrg[] = "100000000000000001";  // the sandbox's default organization

// Objects of our own, whose state the refused-read tests point at a person's account.
constexpr char kVultrBot[] = R"(
resource "orgiam_vultr_service_user" "bot" {
  name  = "bot"
  email = "bot@example.com"
}
)";
constexpr char kZitadelBot[] = R"(
resource "orgiam_zitadel_machine_user" "bot" {
  user_name = "bot"
  name      = "Bot"
}
)";

void ExpectPersonRefused(const CommandResult& result) {
  const std::string text = Flatten(result.out + result.err);
  EXPECT_NE(text.find("Not a Vultr service user"), std::string::npos) << text;
  EXPECT_NE(text.find("is a person's account (service_user = false), not a service user"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("orgiam_vultr_users data source"), std::string::npos) << text;
}

void ExpectHumanRefused(const CommandResult& result) {
  const std::string text = Flatten(result.out + result.err);
  EXPECT_NE(text.find("is a human user (a person's account), not a machine user"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("manages machine users only"), std::string::npos) << text;
}

class ImportSafetyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.Init();
  }

  // A person in the Vultr organization: an invitation (managed here) that the person accepts.
  // Returns the person's user id.
  std::string VultrPerson(const std::string& email) {
    workspace_.WriteConfig(
        absl::StrCat("resource \"orgiam_vultr_organization_invitation\" \"person\" {\n  email = \"",
                     email, "\"\n}\n"));
    workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
    sandbox_.Accept(
        workspace_.ResourceInState("orgiam_vultr_organization_invitation.person")["values"]["id"]);
    const nlohmann::json state = sandbox_.State();
    for (const nlohmann::json& user : state["vultr"]["users"]) {
      if (user["email"] == email) {
        EXPECT_EQ(user["service_user"], false) << user.dump();
        return user["id"];
      }
    }
    ADD_FAILURE() << "accepting the invitation made no user";
    return "";
  }

  // A ZITADEL human user (a person's account), made through ZITADEL's AddHumanUser.
  std::string ZitadelHuman(const std::string& user_name) {
    SandboxProcess::Reply reply =
        sandbox_.Call("POST", "/management/v1/users/human",
                      {{"userName", user_name},
                       {"profile", {{"firstName", "Alice"}, {"lastName", "Example"}}},
                       {"email", {{"email", "alice@example.com"}, {"isEmailVerified", true}}}});
    EXPECT_EQ(reply.status, 200) << reply.body.dump();
    return reply.body.value("userId", "");
  }

  // Points the state's instance with `from_id` at `to_id`, as if the id in the state had
  // turned out to name another object.
  void RepointState(const std::string& from_id, const std::string& to_id) {
    const std::string state = ReadFile(workspace_.StateFile());
    ASSERT_NE(state.find(from_id), std::string::npos);
    WriteFile(workspace_.StateFile(),
              absl::StrReplaceAll(state, {{"\"" + from_id + "\"", "\"" + to_id + "\""}}));
  }

  // Applies `config`, then points the state's `address` at `person` (as if its id had turned
  // out to name a person's account): plan and destroy must be refused (`expect_refused`)
  // without a single write. Then the state is pointed back and plans clean.
  void ExpectStateNamingAPersonRefused(const std::string& config, const std::string& address,
                                       const std::string& person,
                                       void (*expect_refused)(const CommandResult&)) {
    workspace_.WriteConfig(config);
    workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
    const std::string ours = workspace_.ResourceInState(address)["values"]["id"];
    RepointState(ours, person);
    sandbox_.ResetStats();
    expect_refused(workspace_.RunExpect({"plan", "-no-color"}, 1));
    expect_refused(workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"}, 1));
    EXPECT_EQ(Writes(), "");  // the person's account is untouched, and so is ours
    RepointState(person, ours);
    workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  }

  std::string Writes() {
    std::string listed;
    for (const auto& [route, count] : WriteRequests(sandbox_.Stats())) {
      absl::StrAppend(&listed, route, " x", count, "; ");
    }
    return listed;
  }

  // The person leaves the organization, not through Terraform (`delete_path` answers
  // `status`); then the census finds nothing left over.
  void PersonLeaves(const std::string& delete_path, int status, const std::string& context) {
    EXPECT_EQ(sandbox_.Call("DELETE", delete_path).status, status);
    ExpectCensus(context);
  }

  // Every object once, and in the state (secrets excepted: see ImportMatrixTest).
  void ExpectCensus(const std::string& context) {
    const Census census = TakeCensus(sandbox_, workspace_);
    ExpectNoDuplicates(census, context);
    ExpectNoOrphans(census, context);
    ExpectStateIdsExist(census, context);
  }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

constexpr char kPersonAsServiceUser[] = R"(
resource "orgiam_vultr_service_user" "person" {
  name  = "alice"
  email = "alice@example.com"
}
)";

TEST_F(ImportSafetyTest, VultrPersonIsRefusedAtImportByIdAndByEmail) {
  const std::string person = VultrPerson("alice@example.com");
  ASSERT_FALSE(person.empty());
  const std::string invitation = ReadFile(workspace_.dir() + "/main.tf");
  workspace_.WriteConfig(invitation + kPersonAsServiceUser);
  sandbox_.ResetStats();
  for (const std::string& id : {person, std::string("alice@example.com")}) {
    SCOPED_TRACE(id);
    ExpectPersonRefused(
        workspace_.RunExpect({"import", "-no-color", "orgiam_vultr_service_user.person", id}, 1));
    workspace_.WriteConfig(
        absl::StrCat("import {\n  to = orgiam_vultr_service_user.person\n  id = \"", id, "\"\n}\n"),
        "import.tf");
    ExpectPersonRefused(workspace_.RunExpect({"plan", "-no-color"}, 1));
    workspace_.RemoveFile("import.tf");
    EXPECT_TRUE(workspace_.ResourceInState("orgiam_vultr_service_user.person").is_null());
  }
  EXPECT_EQ(Writes(), "");

  workspace_.WriteConfig(invitation);
  PersonLeaves("/v2/users/" + person, 204, "after the refused imports");
}

TEST_F(ImportSafetyTest, VultrStateThatNamesAPersonIsRefusedAtReadAndNeverDeleted) {
  const std::string person = VultrPerson("alice@example.com");
  ASSERT_FALSE(person.empty());
  const std::string invitation = ReadFile(workspace_.dir() + "/main.tf");
  ExpectStateNamingAPersonRefused(invitation + kVultrBot, "orgiam_vultr_service_user.bot", person,
                                  ExpectPersonRefused);
  PersonLeaves("/v2/users/" + person, 204, "after the refused read");
}

TEST_F(ImportSafetyTest, ZitadelHumanIsRefusedByEveryIdFormAndAtRead) {
  const std::string human = ZitadelHuman("alice");
  ASSERT_FALSE(human.empty());
  workspace_.WriteConfig(R"(
resource "orgiam_zitadel_machine_user" "person" {
  user_name = "alice"
  name      = "Alice Example"
}
)");
  sandbox_.ResetStats();
  for (const std::string& id :
       {human, absl::StrCat(kZitadelOrg, "/", human), std::string("alice")}) {
    SCOPED_TRACE(id);
    ExpectHumanRefused(
        workspace_.RunExpect({"import", "-no-color", "orgiam_zitadel_machine_user.person", id}, 1));
    EXPECT_TRUE(workspace_.ResourceInState("orgiam_zitadel_machine_user.person").is_null());
  }

  // The data source looks the human up by name and by id: refused the same way.
  for (const std::string& lookup :
       {std::string("user_name = \"alice\""), "id = \"" + human + "\""}) {
    SCOPED_TRACE(lookup);
    workspace_.WriteConfig("data \"orgiam_zitadel_machine_user\" \"person\" {\n  " + lookup +
                           "\n}\n");
    ExpectHumanRefused(workspace_.RunExpect({"plan", "-no-color"}, 1));
  }

  // A state whose id turned out to name the human: read refuses it, destroy deletes nothing.
  ExpectStateNamingAPersonRefused(kZitadelBot, "orgiam_zitadel_machine_user.bot", human,
                                  ExpectHumanRefused);
  PersonLeaves("/management/v1/users/" + human, 200, "after the refused human");
}

// The import example of the docs (examples/…/import.tf, shown in docs/resources) and the
// configuration -generate-config-out writes both adopt a machine user that has a secret
// without removing or rotating it, and the state says it has one.
TEST_F(ImportSafetyTest, ZitadelWithSecretIsReadAsItIsAndNoImportRemovesTheSecret) {
  SandboxProcess::Reply created = sandbox_.Call(
      "POST", "/management/v1/users/machine", {{"userName", "legacy-bot"}, {"name", "Legacy bot"}});
  ASSERT_EQ(created.status, 200) << created.body.dump();
  const std::string id = created.body["userId"];
  ASSERT_EQ(sandbox_.Call("PUT", "/management/v1/users/" + id + "/secret", nlohmann::json::object())
                .status,
            200);
  const std::string secret = sandbox_.State()["zitadel"]["users"][0]["client_secret"];
  ASSERT_FALSE(secret.empty());
  const std::string address = "orgiam_zitadel_machine_user.legacy";

  // As the docs show it.
  const std::string documented = ReadFile(std::string(ORGIAM_EXAMPLES_DIR) +
                                          "/resources/orgiam_zitadel_machine_user/import.tf");
  ASSERT_NE(documented.find("id = \"legacy-bot\""), std::string::npos) << documented;
  sandbox_.ResetStats();
  workspace_.WriteConfig(documented);
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to import, 0 to add, 0 to change, 0 to destroy"), std::string::npos)
      << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(workspace_.ResourceInState(address)["values"]["with_secret"], true);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  // Left unset, with_secret keeps the secret too.
  workspace_.WriteConfig(absl::StrReplaceAll(documented, {{"with_secret = true", ""}}));
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  workspace_.RunExpect({"state", "rm", address});

  // As -generate-config-out writes it.
  workspace_.WriteConfig("import {\n  to = " + address + "\n  id = \"" + id + "\"\n}\n");
  workspace_.RunExpect({"plan", "-no-color", "-generate-config-out=generated.tf"});
  const std::string generated = ReadFile(workspace_.dir() + "/generated.tf");
  EXPECT_NE(Flatten(generated).find("with_secret = true"), std::string::npos) << generated;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(workspace_.ResourceInState(address)["values"]["with_secret"], true);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);

  EXPECT_EQ(Writes(), "");
  // Compared without printing: a secret never appears in test output.
  EXPECT_TRUE(sandbox_.State()["zitadel"]["users"][0]["client_secret"] == secret)
      << "the client secret was removed or replaced";
  ExpectCensus("after importing the machine user with a secret");
}

TEST_F(ImportSafetyTest, MotherDuckAccountImportTakesTheDeletionProtectionDefault) {
  ASSERT_EQ(sandbox_.Call("POST", "/v1/users", {{"username", "legacy_bot"}}).status, 200);
  sandbox_.ResetStats();
  const std::string resource = R"(
resource "orgiam_motherduck_service_account" "legacy" {
  username = "legacy_bot"
}
)";
  const std::string block = R"(
import {
  to = orgiam_motherduck_service_account.legacy
  id = "legacy_bot"
}
)";
  workspace_.WriteConfig(resource + block);
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color"});
  EXPECT_NE(plan.out.find("1 to import, 0 to add, 0 to change, 0 to destroy"), std::string::npos)
      << plan.out;
  EXPECT_EQ(plan.out.find("~ deletion_protection"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(workspace_.ResourceInState(
                "orgiam_motherduck_service_account.legacy")["values"]["deletion_protection"],
            true);
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  // Protected as the default says: destroy refuses.
  CommandResult destroy = workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"}, 1);
  EXPECT_NE(Flatten(destroy.err).find("protected from deletion"), std::string::npos) << destroy.err;
  EXPECT_EQ(Writes(), "");
  ExpectCensus("after importing the account");
}

}  // namespace
}  // namespace orgiam::testing
