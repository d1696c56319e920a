#include "framework/validators.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "framework/config_validation.h"
#include "framework/diagnostics.h"
#include "framework/schema_registry.h"

namespace orgiam::framework {
namespace {

// The details `validators` (a "validators" JSON object) give for `value` of `type`.
std::vector<std::string> Details(const std::string& validators, const cty::Value& value,
                                 bool sensitive = false) {
  auto parsed = ParseValidators(nlohmann::json::parse(validators), value.type(), sensitive);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  Diagnostics diagnostics;
  for (const auto& validator : *parsed) {
    validator->Validate(value, cty::Value(), cty::Path().Attr("a"), &diagnostics);
  }
  std::vector<std::string> details;
  for (const Diagnostic& item : diagnostics.items()) details.push_back(item.detail);
  return details;
}

std::vector<std::string> StringDetails(const std::string& validators, const std::string& text) {
  return Details(validators, cty::Value::String(text));
}

bool Accepts(const std::string& validators, const std::string& text) {
  return StringDetails(validators, text).empty();
}

std::string Repeat(const std::string& text, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += text;
  return out;
}

TEST(EmailValidatorTest, LengthsAreRfc5321s) {
  constexpr char kEmail[] = R"({"email": true})";
  const std::string domain = "example.com";
  EXPECT_TRUE(Accepts(kEmail, Repeat("l", 64) + "@" + domain));
  EXPECT_FALSE(Accepts(kEmail, Repeat("l", 65) + "@" + domain));
  const std::string at_limit = "ci@" + Repeat("d", 254 - 3 - 4) + ".com";
  ASSERT_EQ(at_limit.size(), 254u);
  EXPECT_TRUE(Accepts(kEmail, at_limit));
  const std::vector<std::string> over = StringDetails(kEmail, at_limit + "m");
  ASSERT_EQ(over.size(), 1u);
  EXPECT_NE(over[0].find("it is 255 bytes long; an address is at most 254 (RFC 5321)"),
            std::string::npos)
      << over[0];
}

TEST(EmailValidatorTest, RefusesWhatTheVendorsRefuse) {
  constexpr char kEmail[] = R"({"email": true})";
  EXPECT_TRUE(Accepts(kEmail, "ci+tag@ops.example.com"));
  for (const char* bad : {"ci", "@example.com", "a@b@example.com", "a b@example.com", "a@example",
                          "a@.example.com", "a@example.com.", "a@example..com", "<a@example.com>",
                          "a;b@example.com", "a\t@example.com"}) {
    EXPECT_FALSE(Accepts(kEmail, bad)) << bad;
  }
}

TEST(Rfc3339ValidatorTest, RefusesDatesThatDoNotExist) {
  constexpr char kTime[] = R"({"rfc3339": true})";
  for (const char* good : {"2028-02-29T00:00:00Z", "2000-02-29T23:59:59+14:00",
                           "2030-12-31T00:00:00.123456Z", "2030-01-01t00:00:00z"}) {
    EXPECT_TRUE(Accepts(kTime, good)) << good;
  }
  const std::vector<std::string> feb = StringDetails(kTime, "2027-02-30T00:00:00Z");
  ASSERT_EQ(feb.size(), 1u);
  EXPECT_NE(feb[0].find("is not a real date (February 2027 has 28 days)"), std::string::npos)
      << feb[0];
  for (const char* bad : {"2027-13-45T99:99:99Z", "2100-02-29T00:00:00Z", "2030-00-10T00:00:00Z",
                          "2030-01-01T23:60:00Z", "2030-01-01T00:00:00+25:00", "2030-01-01",
                          "2030-01-01 00:00:00Z"}) {
    EXPECT_FALSE(Accepts(kTime, bad)) << bad;
  }
}

TEST(Rfc3339ValidatorTest, WholeSecondsRefusesAFraction) {
  constexpr char kWhole[] = R"({"rfc3339": {"whole_seconds": true}})";
  EXPECT_TRUE(Accepts(kWhole, "2030-01-01T00:00:07Z"));
  const std::vector<std::string> details = StringDetails(kWhole, "2030-01-01T00:00:07.5Z");
  ASSERT_EQ(details.size(), 1u);
  EXPECT_NE(details[0].find("the API keeps whole seconds only"), std::string::npos) << details[0];
  EXPECT_NE(details[0].find("such as \"2030-01-01T00:00:07Z\""), std::string::npos) << details[0];
  EXPECT_TRUE(Accepts(R"({"rfc3339": true})", "2030-01-01T00:00:07.5Z"));
  EXPECT_FALSE(
      ParseValidators(nlohmann::json::parse(R"({"rfc3339": {"whole": 1}})"), cty::Type::String())
          .ok());
}

TEST(DurationValidatorTest, BoundedByMax) {
  constexpr char kBounded[] = R"({"duration": {"max": "1h"}})";
  EXPECT_TRUE(Accepts(kBounded, "1h"));
  EXPECT_TRUE(Accepts(kBounded, "59m59.5s"));
  EXPECT_FALSE(Accepts(kBounded, "1h0m0.001s"));
  EXPECT_FALSE(Accepts(kBounded, "99999999999999999h"));
  EXPECT_FALSE(Accepts(kBounded, Repeat("9", 400) + "h"));  // beyond a double: infinity
  EXPECT_FALSE(Accepts(kBounded, "0s"));
  EXPECT_TRUE(Accepts(R"({"duration": true})", "99999h"));
  const std::vector<std::string> details = StringDetails(kBounded, "2h");
  ASSERT_EQ(details.size(), 1u);
  EXPECT_NE(details[0].find("at most \"1h\"; got \"2h\""), std::string::npos) << details[0];
}

TEST(LengthValidatorTest, Utf16UnitsCountAstralCharactersTwice) {
  constexpr char kUtf16[] = R"({"length": {"min": 1, "max": 255, "units": "utf16"}})";
  constexpr char kCharacters[] = R"({"length": {"min": 1, "max": 255}})";
  const std::string astral = Repeat("\xF0\x9D\x90\x80", 128);  // U+1D400, 128 times
  EXPECT_TRUE(Accepts(kCharacters, astral));
  const std::vector<std::string> details = StringDetails(kUtf16, astral);
  ASSERT_EQ(details.size(), 1u);
  EXPECT_NE(details[0].find("between 1 and 255 UTF-16 code units"), std::string::npos)
      << details[0];
  EXPECT_NE(details[0].find("got 256"), std::string::npos) << details[0];
  EXPECT_TRUE(Accepts(kUtf16, Repeat("\xC3\xBC", 255)));  // ü: one unit, two bytes
  EXPECT_FALSE(ParseValidators(nlohmann::json::parse(R"({"length": {"max": 1, "units": "bytes"}})"),
                               cty::Type::String())
                   .ok());
}

TEST(ValidatorMessagesTest, AMegabyteValueIsShownAsAnExcerpt) {
  const std::string huge = Repeat("x", 1 << 20);
  for (const char* spec : {R"({"one_of": ["a"]})", R"({"pattern": {"regex": "^a$",
      "description": "a"}})",
                           R"({"email": true})", R"({"rfc3339": true})", R"({"duration": true})",
                           R"({"endpoint": true})"}) {
    const std::vector<std::string> details = StringDetails(spec, huge);
    ASSERT_EQ(details.size(), 1u) << spec;
    EXPECT_LT(details[0].size(), 512u) << spec << ": " << details[0].substr(0, 200);
  }
}

TEST(ValidatorMessagesTest, SensitiveValuesShowNeitherValueNorLength) {
  for (const char* spec : {R"({"length": {"min": 10}})", R"({"one_of": ["a"]})",
                           R"({"email": true})", R"({"rfc3339": {"whole_seconds": true}})"}) {
    const std::vector<std::string> details =
        Details(spec, cty::Value::String("s3cr3t.5"), /*sensitive=*/true);
    ASSERT_EQ(details.size(), 1u) << spec;
    EXPECT_EQ(details[0].find("s3cr3t"), std::string::npos) << details[0];
    EXPECT_EQ(details[0].find("got"), std::string::npos) << details[0];
    EXPECT_EQ(details[0].find('8'), std::string::npos) << details[0];
  }
}

Diagnostics ValidateResource(const char* type, std::map<std::string, cty::Value> set) {
  const Schema& schema = SchemaFor(SchemaKind::kResource, type);
  std::map<std::string, cty::Value> attributes;
  for (const auto& [name, attribute_type] : schema.implied_type.attributes()) {
    auto it = set.find(name);
    attributes[name] = it != set.end() ? it->second : cty::Value::Null(attribute_type);
  }
  Diagnostics diagnostics;
  ValidateConfig(schema, cty::Value::Object(schema.implied_type, attributes), ValidationOptions{},
                 &diagnostics);
  return diagnostics;
}

TEST(ConfigValidatorsTest, ANullElementIsOneDiagnostic) {
  Diagnostics d = ValidateResource(
      "orgiam_vultr_service_user",
      {{"name", cty::Value::String("ci")},
       {"email", cty::Value::String("ci@example.com")},
       {"acls", cty::Value::Set(cty::Type::String(), {cty::Value::String("root"),
                                                      cty::Value::Null(cty::Type::String())})}});
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].attribute->ToString(), "acls");
  EXPECT_NE(d.items()[0].detail.find("must not contain null elements"), std::string::npos);
}

TEST(ConfigValidatorsTest, OneMistakeIsOneDiagnostic) {
  Diagnostics empty =
      ValidateResource("orgiam_motherduck_service_account", {{"username", cty::Value::String("")}});
  ASSERT_EQ(empty.items().size(), 1u);
  EXPECT_NE(empty.items()[0].detail.find("got 0"), std::string::npos);

  Diagnostics both = ValidateResource("orgiam_vultr_service_user",
                                      {{"name", cty::Value::String("ci")},
                                       {"email", cty::Value::String("ci@example.com")},
                                       {"password", cty::Value::String("long-enough-1")},
                                       {"password_wo", cty::Value::String("long-enough-2")},
                                       {"password_wo_version", cty::Value::Int(1)}});
  ASSERT_EQ(both.items().size(), 1u);
  EXPECT_EQ(both.items()[0].attribute->ToString(), "password_wo");
}

// conflicts_with is declared on one attribute of a pair, or one mistake gives two diagnostics.
TEST(ConfigValidatorsTest, NoConflictIsDeclaredOnBothSides) {
  for (const SchemaKind kind :
       {SchemaKind::kResource, SchemaKind::kDataSource, SchemaKind::kEphemeral}) {
    for (const auto& [type, schema] : SchemaRegistry::Get().Of(kind)) {
      std::set<std::pair<std::string, std::string>> conflicts;
      for (const AttributeSchema& attribute : schema.block.attributes) {
        for (const auto& validator : attribute.validators) {
          const std::string described = validator->Describe();
          for (const AttributeSchema& other : schema.block.attributes) {
            if (described == "conflicts with `" + other.name + "`") {
              conflicts.emplace(attribute.name, other.name);
            }
          }
        }
      }
      for (const auto& [a, b] : conflicts) {
        EXPECT_FALSE(conflicts.contains({b, a})) << type << ": " << a << " and " << b;
      }
    }
  }
}

}  // namespace
}  // namespace orgiam::framework
