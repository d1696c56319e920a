// Terraform itself reads the provider schema through a filesystem-mirror install.

#include <gtest/gtest.h>

#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kRequireOrgiam[] = R"(
terraform {
  required_providers {
    orgiam = { source = "orgiam/orgiam" }
  }
}
)";

class ProviderSchemaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new TerraformWorkspace();
    workspace_->WriteConfig(kRequireOrgiam);
    workspace_->Init();
    CommandResult result = workspace_->RunExpect({"providers", "schema", "-json"});
    schema_ = new nlohmann::json(nlohmann::json::parse(result.out, nullptr, false));
  }
  static void TearDownTestSuite() {
    delete workspace_;
    delete schema_;
  }
  static const nlohmann::json& Provider() {
    return (*schema_)["provider_schemas"]["registry.terraform.io/orgiam/orgiam"];
  }
  static const nlohmann::json& Attribute(const char* group, const char* type, const char* name) {
    return Provider()[group][type]["block"]["attributes"][name];
  }

  static TerraformWorkspace* workspace_;
  static nlohmann::json* schema_;
};

TerraformWorkspace* ProviderSchemaTest::workspace_ = nullptr;
nlohmann::json* ProviderSchemaTest::schema_ = nullptr;

TEST_F(ProviderSchemaTest, ListsEveryTypeOfTheDesign) {
  ASSERT_TRUE(Provider().is_object()) << schema_->dump(2);
  for (const char* name : {"orgiam_vultr_service_user", "orgiam_vultr_organization_invitation",
                           "orgiam_vultr_user_api_key", "orgiam_zitadel_machine_user",
                           "orgiam_motherduck_service_account", "orgiam_motherduck_access_token"}) {
    EXPECT_TRUE(Provider()["resource_schemas"].contains(name)) << name;
  }
  for (const char* name : {"orgiam_vultr_service_user", "orgiam_vultr_users",
                           "orgiam_zitadel_machine_user", "orgiam_motherduck_access_tokens"}) {
    EXPECT_TRUE(Provider()["data_source_schemas"].contains(name)) << name;
  }
  for (const char* name : {"orgiam_motherduck_access_token", "orgiam_zitadel_machine_user_secret",
                           "orgiam_vultr_user_api_key"}) {
    EXPECT_TRUE(Provider()["ephemeral_resource_schemas"].contains(name)) << name;
  }
}

TEST_F(ProviderSchemaTest, ProviderBlocksAndSensitiveCredentials) {
  const nlohmann::json& blocks = Provider()["provider"]["block"]["block_types"];
  for (const char* vendor : {"vultr", "zitadel", "motherduck"}) {
    ASSERT_TRUE(blocks.contains(vendor)) << vendor;
    EXPECT_EQ(blocks[vendor]["nesting_mode"], "single");
  }
  EXPECT_EQ(blocks["vultr"]["block"]["attributes"]["api_key"]["sensitive"], true);
  EXPECT_EQ(blocks["zitadel"]["block"]["attributes"]["token"]["sensitive"], true);
  EXPECT_EQ(blocks["motherduck"]["block"]["attributes"]["token"]["sensitive"], true);
  EXPECT_TRUE(Provider()["provider"]["block"]["attributes"].contains("max_retries"));
  EXPECT_TRUE(Provider()["provider"]["block"]["attributes"].contains("request_timeout"));
}

TEST_F(ProviderSchemaTest, SecretsAreSensitiveAndWriteOnlyWhereSpecified) {
  const char* kResources = "resource_schemas";
  EXPECT_EQ(Attribute(kResources, "orgiam_vultr_service_user", "api_key")["sensitive"], true);
  EXPECT_EQ(Attribute(kResources, "orgiam_vultr_service_user", "password")["sensitive"], true);
  const nlohmann::json& password_wo =
      Attribute(kResources, "orgiam_vultr_service_user", "password_wo");
  EXPECT_EQ(password_wo["write_only"], true);
  EXPECT_EQ(password_wo["sensitive"], true);
  EXPECT_EQ(Attribute(kResources, "orgiam_zitadel_machine_user", "client_secret")["sensitive"],
            true);
  EXPECT_EQ(Attribute(kResources, "orgiam_zitadel_machine_user", "client_id")["sensitive"], true);
  EXPECT_EQ(Attribute(kResources, "orgiam_motherduck_access_token", "token")["sensitive"], true);
  EXPECT_EQ(Attribute(kResources, "orgiam_vultr_user_api_key", "api_key")["sensitive"], true);
  const char* kEphemeral = "ephemeral_resource_schemas";
  EXPECT_EQ(Attribute(kEphemeral, "orgiam_motherduck_access_token", "token")["sensitive"], true);
  EXPECT_EQ(
      Attribute(kEphemeral, "orgiam_zitadel_machine_user_secret", "client_secret")["sensitive"],
      true);
  EXPECT_EQ(Attribute(kEphemeral, "orgiam_vultr_user_api_key", "api_key")["sensitive"], true);
  // The data source never exposes the key.
  EXPECT_FALSE(Provider()["data_source_schemas"]["orgiam_vultr_service_user"]["block"]["attributes"]
                   .contains("api_key"));
}

TEST_F(ProviderSchemaTest, AttributeTypesMatchTheDesign) {
  EXPECT_EQ(Attribute("resource_schemas", "orgiam_vultr_service_user", "acls")["type"],
            nlohmann::json::parse(R"(["set","string"])"));
  EXPECT_EQ(Attribute("resource_schemas", "orgiam_zitadel_machine_user", "login_names")["type"],
            nlohmann::json::parse(R"(["list","string"])"));
  EXPECT_EQ(Attribute("resource_schemas", "orgiam_motherduck_access_token", "ttl")["type"],
            "number");
  EXPECT_EQ(Attribute("data_source_schemas", "orgiam_vultr_users", "users")["type"][1][1]["email"],
            "string");
}

}  // namespace
}  // namespace orgiam::testing
