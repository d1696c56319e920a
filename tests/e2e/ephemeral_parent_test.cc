// An ephemeral credential for a parent (a MotherDuck account, a ZITADEL machine user, a Vultr
// user) that does not exist yet. Terraform opens an ephemeral resource at plan time as soon
// as its arguments are known: `username = orgiam_motherduck_service_account.x.username` is
// known (it is configured) before the account exists, so the open fails. The error says so and
// advises the parent's `id`, which stays unknown until the create; the test then follows the
// advice and checks that Terraform defers the open and the apply succeeds.

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "census.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

std::string Output(const CommandResult& result) { return result.out + "\n" + result.err; }

struct ParentCase {
  std::string name;
  std::string parent_type;
  std::string argument;   // the ephemeral resource's argument naming the parent
  std::string parent;     // the parent resource "p"
  std::string ephemeral;  // the ephemeral resource "e", with $REF for the argument's value
  std::string known_ref;  // a value known at plan that names a parent not created yet
};

// The ephemeral credential becomes the write-only password of a Vultr user, so Terraform
// needs it (and opens it) in both the plan and the apply.
constexpr char kWitness[] = R"(
resource "orgiam_vultr_service_user" "witness" {
  name                = "witness"
  email               = "witness@example.com"
  password_wo         = $SECRET
  password_wo_version = 1
}
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

void PrintTo(const ParentCase& c, std::ostream* os) { *os << c.name; }

class EphemeralParentTest : public ::testing::TestWithParam<ParentCase> {
 protected:
  std::string Config(const ParentCase& c, const std::string& ref, const std::string& secret) {
    return absl::StrCat(c.parent, Replace(c.ephemeral, "$REF", ref),
                        Replace(kWitness, "$SECRET", secret));
  }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

TEST_P(EphemeralParentTest, OpenBeforeTheParentExistsAdvisesItsId) {
  const ParentCase& c = GetParam();
  const std::string secret =
      c.name == "motherduck" ? "ephemeral.orgiam_motherduck_access_token.e.token"
      : c.name == "zitadel"  ? "ephemeral.orgiam_zitadel_machine_user_secret.e.client_secret"
                             : "ephemeral.orgiam_vultr_user_api_key.e.api_key";
  workspace_.WriteSandboxProvider(sandbox_.url());
  workspace_.WriteConfig(Config(c, c.known_ref, secret));
  workspace_.Init();
  CommandResult plan = workspace_.Run({"plan", "-no-color"});
  EXPECT_EQ(plan.exit_code, 1) << Output(plan);
  const std::string errors = Flatten(plan.err);
  EXPECT_NE(errors.find("does not exist (yet)"), std::string::npos) << plan.err;
  EXPECT_NE(errors.find("the parent is not created yet"), std::string::npos) << plan.err;
  EXPECT_NE(errors.find(absl::StrCat(c.argument, " = ", c.parent_type, ".NAME.id")),
            std::string::npos)
      << plan.err;
  // The vendor's own words are not what the user is left with.
  EXPECT_EQ(errors.find("HTTP 404"), std::string::npos) << plan.err;

  // Following the advice: the open waits for the create, and the apply succeeds.
  const std::string id_ref = absl::StrCat(c.parent_type, ".p.id");
  workspace_.WriteConfig(Config(c, id_ref, secret));
  CommandResult planned = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
  EXPECT_EQ(planned.exit_code, 2) << Output(planned);
  CommandResult apply = workspace_.Run({"apply", "-auto-approve", "-no-color"});
  EXPECT_EQ(apply.exit_code, 0) << Output(apply);
  Census census = TakeCensus(sandbox_, workspace_);
  ExpectExactlyOnce(census, c.name);
  // The witness got the credential: its password is a secret the parent's vendor issued.
  EXPECT_EQ(census.sandbox.at(Kind::kVultrUser).size(), c.name == "vultr" ? 2u : 1u);
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  census = TakeCensus(sandbox_, workspace_);
  ExpectExactlyOnce(census, c.name + " after the destroy");
  EXPECT_TRUE(census.sandbox.at(Kind::kMotherDuckToken).empty());
  EXPECT_TRUE(census.sandbox.at(Kind::kVultrApiKey).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Vendors, EphemeralParentTest,
    ::testing::Values(ParentCase{.name = "motherduck",
                                 .parent_type = "orgiam_motherduck_service_account",
                                 .argument = "username",
                                 .parent = R"(
resource "orgiam_motherduck_service_account" "p" {
  username            = "parent_svc"
  deletion_protection = false
}
)",
                                 .ephemeral = R"(
ephemeral "orgiam_motherduck_access_token" "e" {
  username = $REF
}
)",
                                 .known_ref = "orgiam_motherduck_service_account.p.username"},
                      ParentCase{
                          .name = "zitadel",
                          .parent_type = "orgiam_zitadel_machine_user",
                          .argument = "user_id",
                          .parent = R"(
resource "orgiam_zitadel_machine_user" "p" {
  user_name = "parent-bot"
  name      = "Parent bot"
}
)",
                          .ephemeral = R"(
ephemeral "orgiam_zitadel_machine_user_secret" "e" {
  user_id = $REF
}
)",
                          // An id typed in from elsewhere, of a user that is not there (yet).
                          .known_ref = "\"290512345678901234\""},
                      ParentCase{.name = "vultr",
                                 .parent_type = "orgiam_vultr_service_user",
                                 .argument = "user_id",
                                 .parent = R"(
resource "orgiam_vultr_service_user" "p" {
  name  = "parent"
  email = "parent@example.com"
}
)",
                                 .ephemeral = R"(
ephemeral "orgiam_vultr_user_api_key" "e" {
  user_id = $REF
}
)",
                                 .known_ref = "\"cb676a46-66fd-4dfb-b839-443f2e6c0b60\""}),
    [](const ::testing::TestParamInfo<ParentCase>& info) { return info.param.name; });

}  // namespace
}  // namespace orgiam::testing
