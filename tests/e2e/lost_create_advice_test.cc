// A create whose outcome stayed unknown: the answer is lost (the sandbox carries the POST out
// and closes the connection) and the lookup that would have told what it made fails too. The
// apply fails without adopting anything. The next apply finds the object by its natural key;
// its error names the object (id and identifying field) and gives the exact `terraform import`
// command and `import` block, with an id in the resource's documented import form; running the
// command adopts the object, with nothing duplicated or left over.

#include <gtest/gtest.h>

#include <ostream>
#include <regex>
#include <string>

#include "absl/strings/str_cat.h"
#include "census.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

std::string Output(const CommandResult& result) { return result.out + "\n" + result.err; }

struct LostCase {
  std::string name;
  Kind kind;
  std::string create_route;  // its answer is lost
  std::string lookup_route;  // fails after the first (pre-create) lookup
  std::string config;        // one resource named "x"
  std::string label;         // the identifying field the error must show
  // The documented import forms the advised id must match (one of them).
  std::string import_form;
};

void PrintTo(const LostCase& c, std::ostream* os) { *os << c.name; }

class LostCreateAdviceTest : public ::testing::TestWithParam<LostCase> {
 protected:
  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

TEST_P(LostCreateAdviceTest, NextApplyNamesTheObjectAndHowToImportIt) {
  const LostCase& c = GetParam();
  const std::string type = ResourceType(c.kind);
  workspace_.WriteSandboxProvider(sandbox_.url());
  workspace_.WriteConfig(c.config);
  workspace_.Init();
  // A 400 is not retried: the lookup after the lost answer fails at once.
  sandbox_.SetFaults({{"script",
                       {{{"route", c.create_route}, {"action", "drop_after_commit"}},
                        {{"route", c.lookup_route},
                         {"action", "error"},
                         {"status", 400},
                         {"skip", 1},
                         {"count", 0}}}}});
  CommandResult first = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(first.exit_code, 1) << Output(first);
  // The failure says what happened and what to do next.
  const std::string unknown = Flatten(first.err);
  EXPECT_NE(unknown.find("outcome unknown"), std::string::npos) << first.err;
  EXPECT_NE(unknown.find("What to do next: run the apply again."), std::string::npos) << first.err;
  sandbox_.SetFaults(NoFaults());
  Census census = TakeCensus(sandbox_, workspace_);
  ASSERT_EQ(census.sandbox.at(c.kind).size(), 1u) << "the lost create was not carried out";
  const std::string id = census.sandbox.at(c.kind).begin()->first;
  EXPECT_TRUE(census.state.at(c.kind).empty()) << "an object of unknown origin was adopted";

  CommandResult second = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(second.exit_code, 1) << Output(second);
  const std::string error = Flatten(second.err);
  EXPECT_NE(error.find(id), std::string::npos) << error;
  EXPECT_NE(error.find(c.label), std::string::npos) << error;
  std::smatch command;
  ASSERT_TRUE(std::regex_search(error, command,
                                std::regex("terraform import " + type + R"(\.NAME '([^']+)')")))
      << error;
  const std::string import_id = command[1];
  EXPECT_TRUE(std::regex_match(import_id, std::regex(c.import_form))) << import_id;
  EXPECT_NE(error.find("import { to = " + type + ".NAME id = \"" + import_id + "\" }"),
            std::string::npos)
      << error;
  // It tells the object of the lost create from someone else's.
  EXPECT_NE(error.find("If an earlier apply failed on this create with \"outcome unknown\", this "
                       "is most likely the object it made."),
            std::string::npos)
      << error;
  census = TakeCensus(sandbox_, workspace_);
  EXPECT_EQ(census.sandbox.at(c.kind).size(), 1u) << "the second apply made another";
  EXPECT_TRUE(census.state.at(c.kind).empty());

  // The advice, followed: the object is adopted, and nothing is duplicated or left over.
  workspace_.RunExpect({"import", "-no-color", type + ".x", import_id});
  census = TakeCensus(sandbox_, workspace_);
  EXPECT_TRUE(census.state.at(c.kind).contains(id)) << "import did not adopt " << id;
  ExpectNoDuplicates(census, c.name);
  ExpectNoOrphans(census, c.name);
  ExpectStateIdsExist(census, c.name);
}

INSTANTIATE_TEST_SUITE_P(
    Vendors, LostCreateAdviceTest,
    ::testing::Values(LostCase{.name = "vultr_user",
                               .kind = Kind::kVultrUser,
                               .create_route = "POST /v2/users",
                               .lookup_route = "GET /v2/users",
                               .config = R"(resource "orgiam_vultr_service_user" "x" {
  name  = "lost"
  email = "lost@example.com"
}
)",
                               .label = "lost@example.com",
                               .import_form = "[0-9a-f-]{36}|lost@example\\.com"},
                      LostCase{.name = "vultr_invitation",
                               .kind = Kind::kVultrInvitation,
                               .create_route = "POST /v2/invitation",
                               .lookup_route = "GET /v2/invitation",
                               .config = R"(resource "orgiam_vultr_organization_invitation" "x" {
  email = "lost-invitee@example.com"
}
)",
                               .label = "lost-invitee@example.com",
                               .import_form = "[0-9a-f-]{36}|lost-invitee@example\\.com"},
                      LostCase{.name = "zitadel_machine_user",
                               .kind = Kind::kZitadelUser,
                               .create_route = "POST /management/v1/users/machine",
                               .lookup_route = "POST /management/v1/users/_search",
                               .config = R"(resource "orgiam_zitadel_machine_user" "x" {
  user_name = "lost-bot"
  name      = "Lost bot"
}
)",
                               .label = "lost-bot",
                               .import_form = "[0-9]+|[0-9]+/[0-9]+|lost-bot"},
                      LostCase{.name = "motherduck_account",
                               .kind = Kind::kMotherDuckUser,
                               .create_route = "POST /v1/users",
                               .lookup_route = "GET /v1/users/{username}/instances",
                               .config = R"(resource "orgiam_motherduck_service_account" "x" {
  username            = "lost_svc"
  deletion_protection = false
}
)",
                               .label = "lost_svc",
                               .import_form = "lost_svc"}),
    [](const ::testing::TestParamInfo<LostCase>& info) { return info.param.name; });

}  // namespace
}  // namespace orgiam::testing
