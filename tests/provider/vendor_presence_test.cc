// What the provider configuration says about each vendor decides whether a resource of that
// vendor may be planned: a missing block fails the plan with the apply's own message, a
// credential known only after apply plans (and its vendor is not called until then).

#include <gtest/gtest.h>
#include <stdlib.h>

#include <memory>
#include <string>

#include "cty/codec.h"
#include "framework/schema_registry.h"
#include "provider/orgiam_provider.h"
#include "provider/provider_config.h"

namespace orgiam::provider {
namespace {

constexpr char kOnlyZitadel[] =
    R"({"zitadel": {"domain": "http://127.0.0.1:1", "token": "t", "org_id": null,
        "ca_file": null}})";

class VendorPresenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name :
         {"VULTR_API_KEY", "ZITADEL_TOKEN", "ZITADEL_DOMAIN", "MOTHERDUCK_TOKEN"})
      unsetenv(name);
  }
  static cty::Value Config(const std::string& json) {
    const framework::Schema& schema = framework::SchemaFor(framework::SchemaKind::kProvider, "");
    absl::StatusOr<cty::Value> config = cty::DecodeJson(json, schema.implied_type);
    EXPECT_TRUE(config.ok()) << config.status();
    return *config;
  }
  // `config` with its vultr block's api_key unknown, as a plan sees a computed credential.
  static cty::Value WithUnknownVultrKey(const cty::Value& config) {
    const cty::Value vultr =
        Config(R"({"vultr": {"endpoint": "http://127.0.0.1:1"}})").GetAttr("vultr");
    return config.WithAttr("vultr",
                           vultr.WithAttr("api_key", cty::Value::Unknown(cty::Type::String())));
  }
};

TEST_F(VendorPresenceTest, MissingBlockFailsThePlanOfItsResourcesOnly) {
  std::unique_ptr<framework::Provider> provider = MakeOrgiamProvider();
  framework::Diagnostics before;
  provider->CheckPlannable("orgiam_vultr_service_user", &before);
  EXPECT_FALSE(before.HasError()) << "nothing is known before ConfigureProvider";

  framework::Diagnostics configure;
  provider->Configure(Config(kOnlyZitadel), &configure);
  ASSERT_FALSE(configure.HasError());
  for (const auto& [type, schema] : framework::SchemaRegistry::Get().resources()) {
    framework::Diagnostics diagnostics;
    provider->CheckPlannable(type, &diagnostics);
    if (type.starts_with("orgiam_zitadel_")) {
      EXPECT_FALSE(diagnostics.HasError()) << type;
      continue;
    }
    ASSERT_EQ(diagnostics.items().size(), 1u) << type;
    EXPECT_EQ(diagnostics.items()[0].summary, "Provider not configured");
    const std::string block = type.starts_with("orgiam_vultr_") ? "`vultr {" : "`motherduck {";
    EXPECT_NE(diagnostics.items()[0].detail.find(block), std::string::npos)
        << type << ": " << diagnostics.items()[0].detail;
  }
}

TEST_F(VendorPresenceTest, CredentialKnownOnlyAfterApplyPlansButIsNotCalled) {
  framework::Diagnostics resolve;
  const ProviderConfig resolved =
      ResolveProviderConfig(WithUnknownVultrKey(Config("{}")), &resolve);
  EXPECT_FALSE(resolve.HasError()) << resolve.items()[0].detail;
  ASSERT_TRUE(resolved.vultr.has_value());
  EXPECT_EQ(resolved.vultr->unknown, "vultr.api_key");

  std::unique_ptr<framework::Provider> provider = MakeOrgiamProvider();
  framework::Diagnostics configure;
  provider->Configure(WithUnknownVultrKey(Config("{}")), &configure);
  EXPECT_FALSE(configure.HasError());
  framework::Diagnostics plan;
  provider->CheckPlannable("orgiam_vultr_service_user", &plan);
  EXPECT_FALSE(plan.HasError());
  // A call that needs the API now (a read during the plan) says which value is not known.
  const framework::Schema& users =
      framework::SchemaFor(framework::SchemaKind::kDataSource, "orgiam_vultr_users");
  absl::StatusOr<cty::Value> users_config =
      cty::DecodeJson(R"({"users": null})", users.implied_type);
  ASSERT_TRUE(users_config.ok()) << users_config.status();
  framework::Diagnostics read;
  provider->FindDataSource("orgiam_vultr_users")->Read(*users_config, &read);
  ASSERT_TRUE(read.HasError());
  EXPECT_EQ(read.items()[0].summary, "Provider configuration not yet known");
  EXPECT_NE(read.items()[0].detail.find("vultr.api_key depends on a value"), std::string::npos)
      << read.items()[0].detail;
}

}  // namespace
}  // namespace orgiam::provider
