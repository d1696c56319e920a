// A misspelt attribute name fails loudly and in one way (util/misuse.h): strict mode aborts
// naming the object and the attribute; otherwise the accessor falls back and the report
// waits for the tfproto layer to turn it into an error diagnostic.

#include "util/misuse.h"

#include <gtest/gtest.h>

#include "cty/value.h"
#include "framework/object_builder.h"
#include "framework/private_ids.h"
#include "framework/schema_registry.h"

namespace orgiam::framework {
namespace {

const Schema& UserSchema() { return SchemaFor(SchemaKind::kResource, "orgiam_vultr_service_user"); }

cty::Value User() {
  return ObjectBuilder(UserSchema())
      .SetString("id", "u1")
      .SetString("email", "a@example.com")
      .SetBool("api_enabled", true)
      .Set("acls", StringSet({"billing"}))
      .Build();
}

// Death tests run the statement in a child: strict mode is switched on there, whatever the
// environment of this run.
#define EXPECT_MISUSE(statement, message)      \
  EXPECT_DEATH(                                \
      {                                        \
        util::SetStrictChecksForTesting(true); \
        statement;                             \
      },                                       \
      message)

TEST(MisuseDeathTest, ReadersNameTheObjectAndTheAttribute) {
  const cty::Value user = User();
  EXPECT_MISUSE(GetString(user, "emial"), "GetString\\(\"emial\"\\) on object \\{.*email.*\\}");
  EXPECT_MISUSE(GetBool(user, "api_enabeld"), "GetBool\\(\"api_enabeld\"\\)");
  EXPECT_MISUSE(GetInt(user, "nmber"), "GetInt\\(\"nmber\"\\)");
  EXPECT_MISUSE(GetStrings(user, "acl"), "GetStrings\\(\"acl\"\\) on object");
  // A typed null (a create's prior state) has the type to check the name against.
  EXPECT_MISUSE(GetString(cty::Value::Null(UserSchema().implied_type), "emial"), "emial");
  EXPECT_MISUSE(GetString(cty::Value::String("x"), "id"), "not an object");
}

TEST(MisuseDeathTest, BuilderSettersNameTheTypeAndTheAttribute) {
  EXPECT_MISUSE(ObjectBuilder(UserSchema()).SetString("emial", "x"),
                "Set\\(\"emial\"\\) for orgiam_vultr_service_user");
  EXPECT_MISUSE(ObjectBuilder(UserSchema()).SetBool("api_enabeld", true), "api_enabeld");
  EXPECT_MISUSE(ObjectBuilder(UserSchema()).SetNull("pasword"), "pasword");
  EXPECT_MISUSE(ObjectBuilder(UserSchema()).Set("acl", StringSet({})), "acl");
  // A list-of-objects setter on an attribute that is not one.
  EXPECT_MISUSE(ObjectBuilder(UserSchema())
                    .SetObjectList("acls", std::vector<int>{1}, [](int, ObjectBuilder&) {}),
                "SetObjectList\\(\"acls\"\\) for orgiam_vultr_service_user");
}

TEST(MisuseDeathTest, PrivateIdsNameTheMissingId) {
  EXPECT_MISUSE(PrivateIds({{"user_id", "u1"}}).at("key_id"), "PrivateIds::at\\(\"key_id\"\\)");
}

TEST(MisuseDeathTest, CtyAttributeAccessNamesTheObjectAndTheAttribute) {
  const cty::Value user = User();
  EXPECT_MISUSE(user.GetAttr("emial"), "GetAttr\\(\"emial\"\\) on object \\{.*email.*\\}");
  EXPECT_MISUSE(user.WithAttr("emial", cty::Value::String("x")),
                "WithAttr\\(\"emial\"\\) on object");
}

// The release behaviour: nothing aborts or throws, the fallback is returned, no stray
// attribute appears, and each mistake is recorded once for the tfproto layer.
class MisuseReleaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    strict_ = util::StrictChecks();
    util::SetStrictChecksForTesting(false);
    util::TakeMisuseReports();
  }
  void TearDown() override {
    util::TakeMisuseReports();
    util::SetStrictChecksForTesting(strict_);
  }
  bool strict_ = false;
};

TEST_F(MisuseReleaseTest, ReadersFallBackAndReport) {
  const cty::Value user = User();
  EXPECT_EQ(GetString(user, "emial", "fallback"), "fallback");
  EXPECT_TRUE(GetBool(user, "api_enabeld", true));
  EXPECT_EQ(GetInt(user, "nmber"), std::nullopt);
  EXPECT_TRUE(GetStrings(user, "acl").empty());
  EXPECT_EQ(util::TakeMisuseReports().size(), 4u);
  EXPECT_TRUE(util::TakeMisuseReports().empty());  // taken once
}

TEST_F(MisuseReleaseTest, WritersAddNoStrayAttribute) {
  const cty::Value built = ObjectBuilder(UserSchema(), User())
                               .SetString("emial", "x")
                               .SetBool("api_enabeld", false)
                               .SetNull("pasword")
                               .Build();
  EXPECT_EQ(built, User());
  const cty::Value user = User();
  EXPECT_EQ(user.WithAttr("emial", cty::Value::String("x")), user);
  EXPECT_TRUE(user.GetAttr("emial").IsNull());
  const std::vector<std::string> reports = util::TakeMisuseReports();
  ASSERT_EQ(reports.size(), 5u);
  EXPECT_NE(reports[0].find("orgiam_vultr_service_user"), std::string::npos) << reports[0];
  EXPECT_NE(reports[0].find("emial"), std::string::npos) << reports[0];
}

TEST_F(MisuseReleaseTest, AMissingPrivateIdIsEmptyAndReported) {
  EXPECT_EQ(PrivateIds({{"user_id", "u1"}}).at("key_id"), "");
  EXPECT_EQ(util::TakeMisuseReports().size(), 1u);
}

TEST_F(MisuseReleaseTest, CorrectNamesReportNothing) {
  const cty::Value user = User();
  EXPECT_EQ(GetString(user, "email"), "a@example.com");
  EXPECT_EQ(GetString(cty::Value(), "email", "f"), "f");  // null of type Dynamic: no type
  EXPECT_EQ(GetStrings(user, "acls"), std::vector<std::string>{"billing"});
  EXPECT_TRUE(util::TakeMisuseReports().empty());
}

}  // namespace
}  // namespace orgiam::framework
