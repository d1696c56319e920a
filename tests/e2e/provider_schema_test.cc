// Terraform itself reads the provider schema through a filesystem-mirror install. The types
// expected are the ones compiled in (framework::SchemaRegistry), never a list kept here.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "framework/schema_registry.h"
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
  // at(): a missing key throws (the test fails with the key's name) instead of reading
  // through a null; the tests ASSERT on contains() first where a key may be missing.
  static const nlohmann::json& Provider() {
    return schema_->at("provider_schemas").at("registry.terraform.io/orgiam/orgiam");
  }
  static const nlohmann::json& Attribute(const char* group, const char* type, const char* name) {
    return Provider().at(group).at(type).at("block").at("attributes").at(name);
  }
  // The attribute's boolean flag; absent counts as false, as in Terraform's JSON.
  static bool Flag(const char* group, const char* type, const char* name, const char* flag) {
    const nlohmann::json& attribute = Attribute(group, type, name);
    return attribute.contains(flag) && attribute.at(flag) == true;
  }

  static TerraformWorkspace* workspace_;
  static nlohmann::json* schema_;
};

TerraformWorkspace* ProviderSchemaTest::workspace_ = nullptr;
nlohmann::json* ProviderSchemaTest::schema_ = nullptr;

// Terraform sees exactly the types compiled in (schemas/), each kind in its group.
TEST_F(ProviderSchemaTest, ListsEveryCompiledInTypeAndNothingElse) {
  ASSERT_TRUE(schema_->is_object()) << "not JSON";
  ASSERT_TRUE(schema_->contains("provider_schemas")) << schema_->dump(2);
  ASSERT_TRUE(schema_->at("provider_schemas").contains("registry.terraform.io/orgiam/orgiam"))
      << schema_->dump(2);
  ASSERT_TRUE(Provider().is_object()) << schema_->dump(2);
  const std::pair<const char*, framework::SchemaKind> groups[] = {
      {"resource_schemas", framework::SchemaKind::kResource},
      {"data_source_schemas", framework::SchemaKind::kDataSource},
      {"ephemeral_resource_schemas", framework::SchemaKind::kEphemeral}};
  for (const auto& [group, kind] : groups) {
    ASSERT_TRUE(Provider().contains(group)) << group;
    std::vector<std::string> seen;
    for (const auto& [name, schema] : Provider().at(group).items()) seen.push_back(name);
    std::vector<std::string> compiled_in;
    for (const auto& [name, schema] : framework::SchemaRegistry::Get().Of(kind)) {
      compiled_in.push_back(name);
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, compiled_in) << group;
    EXPECT_FALSE(compiled_in.empty()) << group;
  }
}

TEST_F(ProviderSchemaTest, ProviderBlocksAndSensitiveCredentials) {
  const nlohmann::json& block = Provider().at("provider").at("block");
  ASSERT_TRUE(block.contains("block_types")) << block.dump(2);
  const nlohmann::json& blocks = block.at("block_types");
  for (const char* vendor : {"vultr", "zitadel", "motherduck"}) {
    ASSERT_TRUE(blocks.contains(vendor)) << vendor;
    EXPECT_EQ(blocks.at(vendor).at("nesting_mode"), "single");
  }
  auto sensitive = [&blocks](const char* vendor, const char* attribute) {
    const nlohmann::json& a = blocks.at(vendor).at("block").at("attributes").at(attribute);
    return a.contains("sensitive") && a.at("sensitive") == true;
  };
  EXPECT_TRUE(sensitive("vultr", "api_key"));
  EXPECT_TRUE(sensitive("zitadel", "token"));
  EXPECT_TRUE(sensitive("motherduck", "token"));
  ASSERT_TRUE(block.contains("attributes"));
  EXPECT_TRUE(block.at("attributes").contains("max_retries"));
  EXPECT_TRUE(block.at("attributes").contains("request_timeout"));
}

TEST_F(ProviderSchemaTest, SecretsAreSensitiveAndWriteOnlyWhereSpecified) {
  const char* kResources = "resource_schemas";
  EXPECT_TRUE(Flag(kResources, "orgiam_vultr_service_user", "api_key", "sensitive"));
  EXPECT_TRUE(Flag(kResources, "orgiam_vultr_service_user", "password", "sensitive"));
  EXPECT_TRUE(Flag(kResources, "orgiam_vultr_service_user", "password_wo", "write_only"));
  EXPECT_TRUE(Flag(kResources, "orgiam_vultr_service_user", "password_wo", "sensitive"));
  EXPECT_TRUE(Flag(kResources, "orgiam_zitadel_machine_user", "client_secret", "sensitive"));
  EXPECT_TRUE(Flag(kResources, "orgiam_zitadel_machine_user", "client_id", "sensitive"));
  EXPECT_TRUE(Flag(kResources, "orgiam_motherduck_access_token", "token", "sensitive"));
  EXPECT_TRUE(Flag(kResources, "orgiam_vultr_user_api_key", "api_key", "sensitive"));
  const char* kEphemeral = "ephemeral_resource_schemas";
  EXPECT_TRUE(Flag(kEphemeral, "orgiam_motherduck_access_token", "token", "sensitive"));
  EXPECT_TRUE(Flag(kEphemeral, "orgiam_zitadel_machine_user_secret", "client_secret", "sensitive"));
  EXPECT_TRUE(Flag(kEphemeral, "orgiam_vultr_user_api_key", "api_key", "sensitive"));
  // The data source never exposes the key.
  EXPECT_FALSE(Provider()
                   .at("data_source_schemas")
                   .at("orgiam_vultr_service_user")
                   .at("block")
                   .at("attributes")
                   .contains("api_key"));
}

TEST_F(ProviderSchemaTest, AttributeTypesMatchTheDesign) {
  EXPECT_EQ(Attribute("resource_schemas", "orgiam_vultr_service_user", "acls").at("type"),
            nlohmann::json::parse(R"(["set","string"])"));
  EXPECT_EQ(Attribute("resource_schemas", "orgiam_zitadel_machine_user", "login_names").at("type"),
            nlohmann::json::parse(R"(["list","string"])"));
  EXPECT_EQ(Attribute("resource_schemas", "orgiam_motherduck_access_token", "ttl").at("type"),
            "number");
  // ["list", ["object", {"email": "string", ...}]]
  EXPECT_EQ(Attribute("data_source_schemas", "orgiam_vultr_users", "users")
                .at("type")
                .at(1)
                .at(1)
                .at("email"),
            "string");
}

}  // namespace
}  // namespace orgiam::testing
