// The checks tfproto makes on resource values and import IDs before a resource
// sees them (tfproto/wire_helpers.h). The RPC-level behaviour is in
// resource_rpcs_test.cc.

#include <string>
#include <vector>

#include "cty/value.h"
#include "framework/diagnostics.h"
#include "framework/schema_registry.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tfproto/wire_helpers.h"

namespace orgiam::tfproto {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

const framework::Schema& UserSchema() {
  return framework::SchemaFor(framework::SchemaKind::kResource, "orgiam_vultr_service_user");
}

cty::Value User(const std::string& id) {
  return cty::Value::Object(UserSchema().implied_type, {{"id", cty::Value::String(id)}});
}

cty::Value Null() { return cty::Value::Null(UserSchema().implied_type); }
cty::Value Unknown() { return cty::Value::Unknown(UserSchema().implied_type); }

TEST(CheckResourceValueTest, AcceptsNullAndKnownObjects) {
  framework::Diagnostics diagnostics;
  EXPECT_TRUE(CheckResourceValue(Null(), UserSchema(), "ReadResource", "state", &diagnostics));
  EXPECT_TRUE(CheckResourceValue(User("u1"), UserSchema(), "ReadResource", "state", &diagnostics));
  EXPECT_TRUE(diagnostics.empty());
}

TEST(CheckResourceValueTest, RefusesAWhollyUnknownValue) {
  framework::Diagnostics diagnostics;
  EXPECT_FALSE(CheckResourceValue(Unknown(), UserSchema(), "ApplyResourceChange", "planned state",
                                  &diagnostics));
  ASSERT_THAT(diagnostics.items(), SizeIs(1));
  EXPECT_EQ(diagnostics.items()[0].severity, framework::Diagnostic::Severity::kError);
  EXPECT_EQ(diagnostics.items()[0].summary, "Unknown planned state");
  EXPECT_THAT(diagnostics.items()[0].detail, HasSubstr("orgiam_vultr_service_user"));
  EXPECT_THAT(diagnostics.items()[0].detail, HasSubstr("wholly unknown"));
}

TEST(CheckResourceValueTest, RefusesAValueThatIsNotAnObject) {
  framework::Diagnostics diagnostics;
  EXPECT_FALSE(CheckResourceValue(cty::Value::String("x"), UserSchema(), "ApplyResourceChange",
                                  "planned state", &diagnostics));
  ASSERT_THAT(diagnostics.items(), SizeIs(1));
  EXPECT_EQ(diagnostics.items()[0].summary, "Invalid planned state");
  EXPECT_THAT(diagnostics.items()[0].detail, HasSubstr("where an object is required"));
}

TEST(CheckResourceChangeTest, AcceptsCreateUpdateAndDelete) {
  framework::Diagnostics diagnostics;
  EXPECT_TRUE(CheckResourceChange(Null(), User("u1"), UserSchema(), "ApplyResourceChange",
                                  "planned state", &diagnostics));
  EXPECT_TRUE(CheckResourceChange(User("u1"), User("u1"), UserSchema(), "ApplyResourceChange",
                                  "planned state", &diagnostics));
  EXPECT_TRUE(CheckResourceChange(User("u1"), Null(), UserSchema(), "ApplyResourceChange",
                                  "planned state", &diagnostics));
  EXPECT_TRUE(diagnostics.empty());
}

TEST(CheckResourceChangeTest, RefusesNullToNull) {
  framework::Diagnostics diagnostics;
  EXPECT_FALSE(CheckResourceChange(Null(), Null(), UserSchema(), "ApplyResourceChange",
                                   "planned state", &diagnostics));
  ASSERT_THAT(diagnostics.items(), SizeIs(1));
  EXPECT_EQ(diagnostics.items()[0].summary, "Nothing to change");
  EXPECT_THAT(diagnostics.items()[0].detail, HasSubstr("null prior state and a null planned"));
}

TEST(CheckResourceChangeTest, RefusesUnknownPriorOrNextWithOneDiagnostic) {
  framework::Diagnostics diagnostics;
  EXPECT_FALSE(CheckResourceChange(Unknown(), Unknown(), UserSchema(), "PlanResourceChange",
                                   "proposed new state", &diagnostics));
  ASSERT_THAT(diagnostics.items(), SizeIs(1));
  EXPECT_EQ(diagnostics.items()[0].summary, "Unknown prior state");

  framework::Diagnostics next;
  EXPECT_FALSE(CheckResourceChange(Null(), Unknown(), UserSchema(), "PlanResourceChange",
                                   "proposed new state", &next));
  ASSERT_THAT(next.items(), SizeIs(1));
  EXPECT_EQ(next.items()[0].summary, "Unknown proposed new state");
}

struct BadId {
  std::string id;
  std::string problem;
};

class CheckImportIdBadTest : public ::testing::TestWithParam<BadId> {};

TEST_P(CheckImportIdBadTest, RefusesWithOneDiagnosticNamingTheProblem) {
  framework::Diagnostics diagnostics;
  EXPECT_FALSE(CheckImportId(GetParam().id, UserSchema(), &diagnostics));
  ASSERT_THAT(diagnostics.items(), SizeIs(1));
  const framework::Diagnostic& d = diagnostics.items()[0];
  EXPECT_EQ(d.severity, framework::Diagnostic::Severity::kError);
  EXPECT_EQ(d.summary, "Invalid import ID");
  EXPECT_THAT(d.detail, HasSubstr(GetParam().problem));
  EXPECT_THAT(d.detail, HasSubstr(UserSchema().import_help));
  // The ID appears only escaped and bounded.
  EXPECT_EQ(d.detail.find('\0'), std::string::npos);
  EXPECT_EQ(d.detail.find('\x1b'), std::string::npos);
  EXPECT_LT(d.detail.size(), 512u);
}

INSTANTIATE_TEST_SUITE_P(
    Ids, CheckImportIdBadTest,
    ::testing::Values(
        BadId{"", "is empty"},
        BadId{std::string("ab\0cd", 5), "\"ab\\x00cd\" contains a NUL byte (at byte 2)"},
        BadId{"ab\x1b[31mcd", "\"ab\\x1b[31mcd\" contains the control character U+001B"},
        BadId{"a\nb", "contains the control character U+000A"},
        BadId{"a\x7f", "contains the control character U+007F"},
        BadId{"a\xc2\x85", "\"a\\u0085\" contains the control character U+0085"},
        BadId{"a\xff", "\"a\\xff\" is not valid UTF-8 (at byte 1)"},
        BadId{std::string(1025, 'x'), "is 1025 bytes long; the longest accepted is 1024"},
        BadId{std::string(5000, '\0'), "is 5000 bytes long"}));

TEST(CheckImportIdTest, AcceptsOrdinaryIds) {
  framework::Diagnostics diagnostics;
  for (const std::string& id :
       std::vector<std::string>{"cb676a46-66fd-4dfb-b839-443f2e6c0b60", "someone@example.com",
                                "org/user", "Zoë_ü", std::string(1024, 'x')}) {
    EXPECT_TRUE(CheckImportId(id, UserSchema(), &diagnostics)) << id;
  }
  EXPECT_TRUE(diagnostics.empty());
}

TEST(CheckImportIdTest, LongIdIsShownAsAnExcerpt) {
  framework::Diagnostics diagnostics;
  EXPECT_FALSE(CheckImportId(std::string(1024, 'x') + "\n", UserSchema(), &diagnostics));
  ASSERT_THAT(diagnostics.items(), SizeIs(1));
  EXPECT_THAT(diagnostics.items()[0].detail, HasSubstr("\"" + std::string(64, 'x') + "\"..."));
  EXPECT_THAT(diagnostics.items()[0].detail, Not(HasSubstr(std::string(65, 'x'))));
}

}  // namespace
}  // namespace orgiam::tfproto
