// An ephemeral credential configures another provider: a Vultr API key and a MotherDuck access
// token minted by orgiam are the only credentials of an aliased `provider "orgiam"` block, whose
// data sources and resources then authenticate with them. Offline, orgiam is the only provider
// at hand, so it plays the consumer too; the sandbox runs with --accept-issued-credentials so
// that it accepts the keys and tokens it issued, as the vendors do.
//
// With the Vultr user and MotherDuck account already there, the ephemeral resources are opened
// at plan time and the plan reads the data sources with the minted credentials: the main test
// creates the owners in a first apply and adds the rest in a second one. In one configuration
// with the owners, Terraform defers them to the apply (UnknownAtPlanTimePlansAndAppliesInOneRun).

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

// The owners of the minted credentials, applied first.
constexpr char kOwners[] = R"(
resource "orgiam_vultr_service_user" "owner" {
  name  = "owner"
  email = "owner@example.com"
}

resource "orgiam_motherduck_service_account" "owner" {
  username            = "owner_svc"
  deletion_protection = false
}
)";

// Minted for this run and used only through the `minted` provider configuration. Each
// credential is also passed to a write-only password (a value the sandbox keeps), so that the
// test knows the secret it must not find in the state.
constexpr char kMintedTemplate[] = R"(
ephemeral "orgiam_vultr_user_api_key" "minted" {
  user_id = orgiam_vultr_service_user.owner.id
}

ephemeral "orgiam_motherduck_access_token" "minted" {
  username = orgiam_motherduck_service_account.owner.id
}

provider "orgiam" {
  alias = "minted"
  vultr {
    api_key  = ephemeral.orgiam_vultr_user_api_key.minted.api_key
    endpoint = "$URL"
  }
  motherduck {
    token    = ephemeral.orgiam_motherduck_access_token.minted.token
    endpoint = "$URL"
  }
}

# Read at plan time, with the credentials minted for the plan.
data "orgiam_vultr_service_user" "via_minted" {
  provider = orgiam.minted
  id       = orgiam_vultr_service_user.owner.id
}

data "orgiam_motherduck_access_tokens" "via_minted" {
  provider = orgiam.minted
  username = orgiam_motherduck_service_account.owner.username
}

# Created at apply time, with the credentials minted for the apply.
resource "orgiam_vultr_service_user" "made_with_minted_key" {
  provider            = orgiam.minted
  name                = "made-with-minted-key"
  email               = "made-with-minted-key@example.com"
  password_wo         = ephemeral.orgiam_vultr_user_api_key.minted.api_key
  password_wo_version = 1
}

resource "orgiam_motherduck_access_token" "made_with_minted_token" {
  provider = orgiam.minted
  username = orgiam_motherduck_service_account.owner.username
  name     = "made-with-minted-token"
}

resource "orgiam_vultr_service_user" "motherduck_token_witness" {
  name                = "witness"
  email               = "witness@example.com"
  password_wo         = ephemeral.orgiam_motherduck_access_token.minted.token
  password_wo_version = 1
}
)";

constexpr char kEphemeralPrefix[] = "orgiam-ephemeral-";

const std::vector<std::string> kAcceptIssued = {"--accept-issued-credentials"};

std::string MintedConfig(const std::string& url) {
  std::string config = kMintedTemplate;
  for (size_t at = config.find("$URL"); at != std::string::npos; at = config.find("$URL", at)) {
    config.replace(at, 4, url);
  }
  return config;
}

// The credentials minted by the ephemeral resources that the sandbox still holds.
nlohmann::json OpenEphemeralCredentials(const nlohmann::json& sandbox_state) {
  nlohmann::json open = nlohmann::json::array();
  for (const auto& key : sandbox_state["vultr"]["api_keys"]) {
    if (key.value("name", "").starts_with(kEphemeralPrefix)) open.push_back(key);
  }
  for (const auto& token : sandbox_state["motherduck"]["tokens"]) {
    if (token.value("name", "").starts_with(kEphemeralPrefix)) open.push_back(token);
  }
  return open;
}

class EphemeralProviderBlockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.WriteConfig(kOwners);
    workspace_.Init();
    workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  }

  SandboxProcess sandbox_{kAcceptIssued};
  TerraformWorkspace workspace_;
};

TEST_F(EphemeralProviderBlockTest, MintedCredentialsConfigureAnotherProvider) {
  workspace_.WriteConfig(MintedConfig(sandbox_.url()), "minted.tf");
  CommandResult plan = workspace_.RunExpect({"plan", "-no-color", "-out=minted.tfplan"});
  CommandResult apply = workspace_.RunExpect({"apply", "-no-color", "minted.tfplan"});
  const std::string terminal = plan.out + plan.err + apply.out + apply.err;
  const nlohmann::json sandbox = sandbox_.State();

  // The data sources read through the minted credentials. The token list was read while the
  // token minted for the plan was open, so it lists that token.
  const nlohmann::json user =
      workspace_.ResourceInState("data.orgiam_vultr_service_user.via_minted");
  ASSERT_TRUE(user.is_object()) << workspace_.StateJson().dump(2);
  EXPECT_EQ(user["values"]["email"], "owner@example.com");
  const nlohmann::json tokens =
      workspace_.ResourceInState("data.orgiam_motherduck_access_tokens.via_minted");
  ASSERT_TRUE(tokens.is_object()) << workspace_.StateJson().dump(2);
  bool lists_minted_token = false;
  for (const auto& token : tokens["values"]["tokens"]) {
    lists_minted_token |= token.value("name", "").starts_with(kEphemeralPrefix);
  }
  EXPECT_TRUE(lists_minted_token) << tokens.dump(2);

  // The resources were created through them.
  EXPECT_FALSE(
      workspace_.ResourceInState("orgiam_vultr_service_user.made_with_minted_key").is_null());
  bool managed_token_created = false;
  for (const auto& token : sandbox["motherduck"]["tokens"]) {
    managed_token_created |= token.value("name", "") == "made-with-minted-token";
  }
  EXPECT_TRUE(managed_token_created) << sandbox["motherduck"].dump(2);

  // Terraform closed every ephemeral resource, and closing revoked what it had minted: neither
  // the sandbox nor the vendor APIs know the credentials any more.
  EXPECT_TRUE(OpenEphemeralCredentials(sandbox).empty()) << sandbox.dump(2);
  const std::string minted_key = SandboxUserPassword(sandbox, "made-with-minted-key@example.com");
  const std::string minted_token = SandboxUserPassword(sandbox, "witness@example.com");
  ASSERT_GE(minted_key.size(), 8u) << sandbox.dump(2);
  ASSERT_GE(minted_token.size(), 8u) << sandbox.dump(2);
  EXPECT_EQ(sandbox_.CallWithToken(minted_key, "GET", "/v2/users").status, 401);
  EXPECT_EQ(sandbox_.CallWithToken(minted_token, "GET", "/v1/users/owner_svc/tokens").status, 401);

  // The secrets minted for the apply are nowhere in the state or the output.
  const std::string state_file = ReadFile(workspace_.StateFile());
  for (const std::string& secret : {minted_key, minted_token}) {
    EXPECT_EQ(state_file.find(secret), std::string::npos) << "a minted secret is in the state";
    EXPECT_EQ(terminal.find(secret), std::string::npos) << "a minted secret was printed";
  }

  // The next run mints fresh credentials, finds nothing to change, and revokes them again.
  workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 0);
  EXPECT_TRUE(OpenEphemeralCredentials(sandbox_.State()).empty()) << sandbox_.State().dump(2);

  // Destroying what the minted provider manages opens the credentials once more.
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  const nlohmann::json after = sandbox_.State();
  EXPECT_TRUE(after["vultr"]["users"].empty()) << after.dump(2);
  EXPECT_TRUE(after["vultr"]["api_keys"].empty()) << after.dump(2);
  EXPECT_TRUE(after["motherduck"]["users"].empty()) << after.dump(2);
  EXPECT_TRUE(after["motherduck"]["tokens"].empty()) << after.dump(2);
}

// Without --accept-issued-credentials the sandbox accepts only its own token, so the same
// configuration fails: proof that the minted key, not the sandbox token, authenticated above.
TEST(EphemeralProviderBlockRefusedTest, MintedKeyIsRefusedWhenTheSandboxAcceptsOnlyItsToken) {
  SandboxProcess sandbox;
  TerraformWorkspace workspace;
  workspace.WriteSandboxProvider(sandbox.url());
  workspace.WriteConfig(kOwners);
  workspace.Init();
  workspace.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace.WriteConfig(MintedConfig(sandbox.url()), "minted.tf");
  CommandResult plan = workspace.RunExpect({"plan", "-no-color"}, 1);
  const std::string errors = Flatten(plan.err);
  // The vendors' 401 bodies, as the sandbox words them.
  EXPECT_NE(errors.find("Invalid API token."), std::string::npos) << plan.err;
  EXPECT_NE(errors.find("Invalid Credentials"), std::string::npos) << plan.err;
  // The failed plan still closed (revoked) what it had minted.
  EXPECT_TRUE(OpenEphemeralCredentials(sandbox.State()).empty()) << sandbox.State().dump(2);
}

// In one configuration with the owners, the ephemeral resources cannot be opened at plan time
// (their user_id and username come from the owners' ids, unknown until the create), so the
// minted provider's credentials are unknown when Terraform configures it for the plan. That
// does not stop the plan: Terraform defers the ephemeral resources and what depends on them,
// and the apply opens them once the owners exist, configures the provider with the minted
// credentials and creates everything in one run.
TEST(EphemeralProviderBlockOneRunTest, UnknownAtPlanTimePlansAndAppliesInOneRun) {
  SandboxProcess sandbox(kAcceptIssued);
  TerraformWorkspace workspace;
  workspace.WriteSandboxProvider(sandbox.url());
  workspace.WriteConfig(absl::StrCat(kOwners, MintedConfig(sandbox.url())));
  workspace.Init();
  CommandResult plan = workspace.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  EXPECT_NE(plan.out.find("Configuration unknown, deferring"), std::string::npos) << plan.out;
  EXPECT_EQ(Flatten(plan.err).find("Provider configuration not yet known"), std::string::npos)
      << plan.err;
  workspace.RunExpect({"apply", "-auto-approve", "-no-color"});
  const nlohmann::json state = sandbox.State();
  EXPECT_FALSE(
      workspace.ResourceInState("orgiam_vultr_service_user.made_with_minted_key").is_null());
  EXPECT_FALSE(workspace.ResourceInState("data.orgiam_vultr_service_user.via_minted").is_null());
  // Every credential minted for the run was revoked at its end.
  EXPECT_TRUE(OpenEphemeralCredentials(state).empty()) << state.dump(2);
  workspace.RunExpect({"destroy", "-auto-approve", "-no-color"});
  const nlohmann::json after = sandbox.State();
  EXPECT_TRUE(after["vultr"]["users"].empty()) << after.dump(2);
  EXPECT_TRUE(after["motherduck"]["users"].empty()) << after.dump(2);
  EXPECT_TRUE(OpenEphemeralCredentials(after).empty()) << after.dump(2);
}

}  // namespace
}  // namespace orgiam::testing
