// The CI check: `terraform plan` fails where the apply would. A resource whose vendor block is
// missing from the provider configuration fails the plan with the message that names the
// block, for every resource type compiled in (framework::SchemaRegistry, never a list kept
// here), while a credential that is only known after apply still plans and applies.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "census.h"
#include "framework/schema_registry.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

std::string Output(const CommandResult& result) { return result.out + "\n" + result.err; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The provider's vendor blocks ("vultr", "zitadel", "motherduck"), from its schema.
std::vector<std::string> VendorBlocks() {
  std::vector<std::string> blocks;
  for (const auto& nested : framework::SchemaRegistry::Get().provider().block.blocks) {
    blocks.push_back(nested.name);
  }
  return blocks;
}

// The vendor block a resource type needs: the one its name starts with (orgiam_<block>_...).
std::string VendorOf(const std::string& type) {
  for (const std::string& block : VendorBlocks()) {
    if (type.starts_with(absl::StrCat("orgiam_", block, "_"))) return block;
  }
  return "";
}

// The provider block with every vendor but `missing` pointed at the sandbox.
std::string ProviderWithout(const std::string& missing, const std::string& url) {
  std::string config = absl::StrCat(kRequireOrgiam, "provider \"orgiam\" {\n");
  for (const std::string& block : VendorBlocks()) {
    if (block == missing) continue;
    const char* endpoint = block == "zitadel" ? "domain" : "endpoint";
    const char* token = block == "vultr" ? "api_key" : "token";
    absl::StrAppend(&config, "  ", block, " {\n    ", token, " = \"sandbox-token\"\n    ", endpoint,
                    " = \"", url, "\"\n  }\n");
  }
  return config + "}\n";
}

class MissingVendorBlockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The service user's example takes its password from an ephemeral variable.
    workspace_.SetEnv("TF_VAR_ci_password", "Example-pass-7781");
  }
  Census Count() { return TakeCensus(sandbox_, workspace_); }

  SandboxProcess sandbox_;
  TerraformWorkspace workspace_;
};

// Each type's own example (examples/resources/<type>/resource.tf) with its vendor's block
// removed: validate passes (a block is optional), plan fails naming the block, and nothing is
// sent to create anything. The same example plans fine with the block present.
TEST_F(MissingVendorBlockTest, PlanFailsNamingTheBlockForEveryResourceType) {
  const auto& resources = framework::SchemaRegistry::Get().resources();
  ASSERT_FALSE(resources.empty());
  bool initialised = false;
  for (const auto& [type, schema] : resources) {
    SCOPED_TRACE(type);
    const std::string block = VendorOf(type);
    ASSERT_FALSE(block.empty()) << "no vendor block matches " << type;
    const std::string example =
        ReadFile(absl::StrCat(ORGIAM_EXAMPLES_DIR, "/resources/", type, "/resource.tf"));
    ASSERT_NE(example.find(absl::StrCat("resource \"", type, "\"")), std::string::npos)
        << "the example of " << type << " does not declare it";
    workspace_.WriteConfig(example);
    workspace_.WriteConfig(ProviderWithout(block, sandbox_.url()), "provider.tf");
    if (!initialised) {
      workspace_.Init();
      initialised = true;
    }
    workspace_.RunExpect({"validate", "-no-color"}, 0);
    sandbox_.ResetStats();
    CommandResult plan = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(plan.exit_code, 1) << Output(plan);
    const std::string errors = Flatten(plan.err);
    EXPECT_NE(errors.find("Provider not configured"), std::string::npos) << plan.err;
    EXPECT_NE(errors.find(absl::StrCat("add a `", block, " {")), std::string::npos) << plan.err;
    EXPECT_EQ(TotalRequests(sandbox_.Stats()), 0) << sandbox_.Stats().dump();

    // With the block, the same configuration plans its creates.
    workspace_.WriteSandboxProvider(sandbox_.url());
    workspace_.RunExpect({"plan", "-detailed-exitcode", "-no-color"}, 2);
  }
  Census census = Count();
  ExpectExactlyOnce(census, "missing vendor block");
  for (Kind kind : kAllKinds) EXPECT_TRUE(census.sandbox.at(kind).empty()) << ResourceType(kind);
}

// A destroy, or a refresh, with the block removed fails with the same message and leaves the
// object in the sandbox and in the state; with the block back, the destroy goes through.
TEST_F(MissingVendorBlockTest, DestroyAndRefreshWithTheBlockRemovedNameIt) {
  workspace_.WriteSandboxProvider(sandbox_.url());
  workspace_.WriteConfig(R"(resource "orgiam_vultr_service_user" "ci" {
  name  = "ci"
  email = "ci@example.com"
}
)");
  workspace_.Init();
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  workspace_.WriteConfig(ProviderWithout("vultr", sandbox_.url()), "provider.tf");
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"plan", "-destroy", "-no-color"},
        std::vector<std::string>{"plan", "-destroy", "-refresh=false", "-no-color"},
        std::vector<std::string>{"plan", "-refresh-only", "-no-color"},
        std::vector<std::string>{"destroy", "-auto-approve", "-no-color"}}) {
    SCOPED_TRACE(command[0] + " " + command[1]);
    CommandResult result = workspace_.Run(command);
    EXPECT_EQ(result.exit_code, 1) << Output(result);
    EXPECT_NE(Flatten(result.err).find("add a `vultr {"), std::string::npos) << result.err;
  }
  Census census = Count();
  EXPECT_EQ(census.sandbox.at(Kind::kVultrUser).size(), 1u);
  ExpectExactlyOnce(census, "after the refused destroy");

  workspace_.WriteSandboxProvider(sandbox_.url());
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  census = Count();
  EXPECT_TRUE(census.sandbox.at(Kind::kVultrUser).empty());
  ExpectExactlyOnce(census, "after the destroy");
}

// A credential computed by another resource is unknown when the plan configures the provider:
// the plan goes on ("1 to add"), and the apply, which configures the provider once the value
// is known, creates the user with it.
TEST_F(MissingVendorBlockTest, CredentialKnownOnlyAfterApplyStillPlans) {
  workspace_.WriteConfig(absl::StrCat(kRequireOrgiam, R"(
resource "terraform_data" "vultr_key" {
  input = "sandbox-token"
}

provider "orgiam" {
  vultr {
    api_key  = terraform_data.vultr_key.output
    endpoint = ")",
                                      sandbox_.url(), R"("
  }
}

resource "orgiam_vultr_service_user" "ci" {
  name  = "ci"
  email = "ci@example.com"
}
)"),
                         "provider.tf");
  workspace_.Init();
  CommandResult plan = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
  EXPECT_EQ(plan.exit_code, 2) << Output(plan);
  EXPECT_NE(Flatten(plan.out).find("Plan: 2 to add"), std::string::npos) << plan.out;
  workspace_.RunExpect({"apply", "-auto-approve", "-no-color"});
  Census census = Count();
  EXPECT_EQ(census.sandbox.at(Kind::kVultrUser).size(), 1u);
  ExpectExactlyOnce(census, "unknown credential");
  workspace_.RunExpect({"destroy", "-auto-approve", "-no-color"});
  census = Count();
  EXPECT_TRUE(census.sandbox.at(Kind::kVultrUser).empty());
  ExpectExactlyOnce(census, "after the destroy");
}

}  // namespace
}  // namespace orgiam::testing
