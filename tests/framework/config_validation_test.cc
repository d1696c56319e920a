#include "framework/config_validation.h"

#include <gtest/gtest.h>

#include "framework/schema_loader.h"
#include "framework/schema_registry.h"
#include "framework/validators.h"

namespace orgiam::framework {
namespace {

const Schema& ResourceSchema(const char* name) { return SchemaFor(SchemaKind::kResource, name); }

// A config object of `schema` with the given attributes set and the rest null.
cty::Value Config(const Schema& schema, std::map<std::string, cty::Value> set) {
  std::map<std::string, cty::Value> attributes;
  for (const auto& [name, type] : schema.implied_type.attributes()) {
    auto it = set.find(name);
    attributes[name] = it != set.end() ? it->second : cty::Value::Null(type);
  }
  return cty::Value::Object(schema.implied_type, attributes);
}

Diagnostics Validate(const Schema& schema, const cty::Value& config, bool write_only = true) {
  Diagnostics diagnostics;
  ValidateConfig(schema, config, ValidationOptions{.write_only_allowed = write_only}, &diagnostics);
  return diagnostics;
}

TEST(ConfigValidationTest, PatternOnUnicodeUsernames) {
  const Schema& schema = ResourceSchema("orgiam_motherduck_service_account");
  EXPECT_FALSE(
      Validate(schema, Config(schema, {{"username", cty::Value::String("Grüße_1")}})).HasError());
  EXPECT_FALSE(
      Validate(schema, Config(schema, {{"username", cty::Value::String("ñandú")}})).HasError());
  Diagnostics bad = Validate(schema, Config(schema, {{"username", cty::Value::String("1abc")}}));
  ASSERT_EQ(bad.items().size(), 1u);
  EXPECT_EQ(bad.items()[0].attribute->ToString(), "username");
  EXPECT_TRUE(
      Validate(schema, Config(schema, {{"username", cty::Value::String("a-b")}})).HasError());
  EXPECT_TRUE(
      Validate(schema, Config(schema, {{"username", cty::Value::String(std::string(256, 'a'))}}))
          .HasError());
}

TEST(ConfigValidationTest, UnknownValuesAreNotJudged) {
  const Schema& schema = ResourceSchema("orgiam_motherduck_service_account");
  cty::Refinements refinements;
  refinements.string_prefix = "1";
  EXPECT_TRUE(Validate(schema, Config(schema, {{"username", cty::Value::Unknown(cty::Type::String(),
                                                                                refinements)}}))
                  .empty());
  EXPECT_TRUE(Validate(schema, cty::Value::Unknown(schema.implied_type)).empty());
}

TEST(ConfigValidationTest, EnumNamesTheAllowedValues) {
  const Schema& schema = ResourceSchema("orgiam_zitadel_machine_user");
  Diagnostics d =
      Validate(schema, Config(schema, {{"user_name", cty::Value::String("u")},
                                       {"name", cty::Value::String("n")},
                                       {"access_token_type", cty::Value::String("BOGUS")}}));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].attribute->ToString(), "access_token_type");
  EXPECT_NE(d.items()[0].detail.find("\"ACCESS_TOKEN_TYPE_BEARER\", \"ACCESS_TOKEN_TYPE_JWT\""),
            std::string::npos);
}

TEST(ConfigValidationTest, SetElementsAndConflicts) {
  const Schema& schema = ResourceSchema("orgiam_vultr_service_user");
  cty::Value acls =
      cty::Value::Set(cty::Type::String(), {cty::Value::String("dns"), cty::Value::String("nope"),
                                            cty::Value::Unknown(cty::Type::String())});
  Diagnostics d = Validate(schema, Config(schema, {{"name", cty::Value::String("n")},
                                                   {"email", cty::Value::String("a@b.co")},
                                                   {"acls", acls},
                                                   {"password", cty::Value::String("x")},
                                                   {"password_wo", cty::Value::String("y")},
                                                   {"password_wo_version", cty::Value::Int(1)}}));
  std::set<std::string> paths;
  for (const Diagnostic& item : d.items()) paths.insert(item.attribute->ToString());
  EXPECT_EQ(paths, (std::set<std::string>{"acls", "password", "password_wo"}));
}

TEST(ConfigValidationTest, WriteOnlyNeedsClientSupport) {
  const Schema& schema = ResourceSchema("orgiam_vultr_service_user");
  cty::Value config = Config(schema, {{"name", cty::Value::String("n")},
                                      {"email", cty::Value::String("a@b.co")},
                                      {"password_wo", cty::Value::String("long-enough-pw")},
                                      {"password_wo_version", cty::Value::Int(1)}});
  EXPECT_FALSE(Validate(schema, config, true).HasError());
  Diagnostics d = Validate(schema, config, false);
  ASSERT_TRUE(d.HasError());
  EXPECT_EQ(d.items()[0].attribute->ToString(), "password_wo");
  // The version without the password is incomplete.
  Diagnostics missing =
      Validate(schema, Config(schema, {{"name", cty::Value::String("n")},
                                       {"email", cty::Value::String("a@b.co")},
                                       {"password_wo_version", cty::Value::Int(1)}}));
  ASSERT_TRUE(missing.HasError());
  EXPECT_EQ(missing.items()[0].attribute->ToString(), "password_wo_version");
}

TEST(ConfigValidationTest, NumbersRangeAndIntegers) {
  const Schema& schema = ResourceSchema("orgiam_motherduck_access_token");
  auto with_ttl = [&](const char* ttl) {
    return Config(schema, {{"username", cty::Value::String("svc")},
                           {"name", cty::Value::String("t")},
                           {"ttl", cty::Value::Number(*cty::Number::Parse(ttl))}});
  };
  EXPECT_FALSE(Validate(schema, with_ttl("300")).HasError());
  EXPECT_FALSE(Validate(schema, with_ttl("31536000")).HasError());
  EXPECT_TRUE(Validate(schema, with_ttl("299")).HasError());
  EXPECT_TRUE(Validate(schema, with_ttl("31536001")).HasError());
  EXPECT_TRUE(Validate(schema, with_ttl("400.5")).HasError());
  EXPECT_TRUE(Validate(schema, with_ttl("123456789012345678901234567890")).HasError());
}

TEST(ConfigValidationTest, ProviderBlocks) {
  const Schema& schema = SchemaRegistry::Get().provider();
  const Schema& vultr_schema = schema;  // nested block type comes from the implied type
  cty::Type vultr_type = vultr_schema.implied_type.attributes().at("vultr");
  std::map<std::string, cty::Value> vultr;
  for (const auto& [name, type] : vultr_type.attributes()) vultr[name] = cty::Value::Null(type);
  vultr["endpoint"] = cty::Value::String("ftp://x");
  Diagnostics d =
      Validate(schema, Config(schema, {{"vultr", cty::Value::Object(vultr_type, vultr)},
                                       {"request_timeout", cty::Value::String("10 seconds")}}));
  std::set<std::string> paths;
  for (const Diagnostic& item : d.items()) paths.insert(item.attribute->ToString());
  EXPECT_EQ(paths, (std::set<std::string>{"vultr.endpoint", "request_timeout"}));
}

TEST(GoDurationTest, ParsesGoSyntax) {
  EXPECT_DOUBLE_EQ(*ParseGoDuration("30s"), 30);
  EXPECT_DOUBLE_EQ(*ParseGoDuration("1m30s"), 90);
  EXPECT_DOUBLE_EQ(*ParseGoDuration("250ms"), 0.25);
  EXPECT_DOUBLE_EQ(*ParseGoDuration("1.5h"), 5400);
  EXPECT_FALSE(ParseGoDuration("30").ok());
  EXPECT_FALSE(ParseGoDuration("").ok());
  EXPECT_FALSE(ParseGoDuration("s").ok());
}

}  // namespace
}  // namespace orgiam::framework
