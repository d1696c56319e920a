// ValidateProviderConfig's part: the schema's validators refuse a bad endpoint where the value
// is known, as one error on the exact attribute, and the messages of sensitive attributes state
// the rule without the value or its length.

#include <gtest/gtest.h>

#include <string>

#include "cty/codec.h"
#include "framework/config_validation.h"
#include "framework/diagnostics.h"
#include "framework/schema_registry.h"
#include "framework/validators.h"
#include "nlohmann/json.hpp"

namespace orgiam::framework {
namespace {

Diagnostics ValidateProvider(const std::string& json) {
  const Schema& schema = SchemaFor(SchemaKind::kProvider, "");
  absl::StatusOr<cty::Value> config = cty::DecodeJson(json, schema.implied_type);
  EXPECT_TRUE(config.ok()) << config.status();
  Diagnostics diagnostics;
  ValidateConfig(schema, *config, ValidationOptions{}, &diagnostics);
  return diagnostics;
}

void ExpectOneErrorOn(const Diagnostics& diagnostics, const std::string& attribute,
                      const std::string& expected) {
  ASSERT_EQ(diagnostics.items().size(), 1u);
  const Diagnostic& error = diagnostics.items()[0];
  ASSERT_TRUE(error.attribute.has_value());
  EXPECT_EQ(error.attribute->ToString(), attribute);
  EXPECT_NE(error.detail.find(expected), std::string::npos) << error.detail;
}

TEST(ProviderValidationTest, EndpointsAreCheckedAtValidate) {
  ExpectOneErrorOn(ValidateProvider(R"({"zitadel": {"domain": "http://127.0.0.1.example.com"}})"),
                   "zitadel.domain", "http:// is allowed only to a loopback host");
  ExpectOneErrorOn(ValidateProvider(R"({"vultr": {"endpoint": "https://api.vultr.com:99999"}})"),
                   "vultr.endpoint", "port must be a number from 1 to 65535");
  ExpectOneErrorOn(ValidateProvider(R"({"motherduck": {"endpoint": "http://127.0.0.1@evil.com"}})"),
                   "motherduck.endpoint", "user info");
  EXPECT_TRUE(ValidateProvider(R"({"zitadel": {"domain": "acme.zitadel.cloud"},
                                  "vultr": {"endpoint": "http://127.0.0.1:8080"},
                                  "motherduck": {"endpoint": "https://api.motherduck.com"}})")
                  .empty());
}

TEST(ProviderValidationTest, EmptyTokenMessageHasNoLength) {
  const Diagnostics diagnostics = ValidateProvider(R"({"vultr": {"api_key": ""}})");
  ExpectOneErrorOn(diagnostics, "vultr.api_key", "must be at least 1 character long");
  EXPECT_EQ(diagnostics.items()[0].detail.find("got"), std::string::npos)
      << diagnostics.items()[0].detail;
}

// Every kind of string and number validator, on a secret: neither the value nor its length
// appears; the same validators on an ordinary attribute still say what they got.
TEST(ProviderValidationTest, SensitiveMessagesStateTheRuleOnly) {
  struct Case {
    const char* spec;
    cty::Value value;
    const char* leak;  // what must not appear for a secret
  };
  const Case cases[] = {
      {R"({"length": {"min": 8}})", cty::Value::String("abcde"), "5"},
      {R"({"length": {"max": 3}})", cty::Value::String("abcde"), "5"},
      {R"({"pattern": {"regex": "^[0-9]+$", "description": "digits"}})",
       cty::Value::String("abcde"), "abcde"},
      {R"({"one_of": ["x", "y"]})", cty::Value::String("abcde"), "abcde"},
      {R"({"not_one_of": ["abcde"]})", cty::Value::String("abcde"), "\"abcde\":"},
      {R"({"email": true})", cty::Value::String("abcde"), "abcde"},
      {R"({"endpoint": true})", cty::Value::String("http://abcde.example"), "abcde"},
  };
  for (const Case& c : cases) {
    const nlohmann::json spec = nlohmann::json::parse(c.spec);
    for (const bool sensitive : {true, false}) {
      auto validators = ParseValidators(spec, cty::Type::String(), sensitive);
      ASSERT_TRUE(validators.ok()) << validators.status();
      Diagnostics diagnostics;
      for (const auto& validator : *validators) {
        validator->Validate(c.value, cty::Value(), cty::Path().Attr("secret"), &diagnostics);
      }
      ASSERT_EQ(diagnostics.items().size(), 1u) << c.spec;
      const std::string& detail = diagnostics.items()[0].detail;
      EXPECT_NE(detail.find("secret"), std::string::npos) << detail;
      EXPECT_EQ(detail.find(c.leak) == std::string::npos, sensitive) << c.spec << ": " << detail;
    }
  }
  auto range = ParseValidators(nlohmann::json::parse(R"({"range": {"min": 10}, "integer": true})"),
                               cty::Type::Number(), true);
  ASSERT_TRUE(range.ok());
  Diagnostics diagnostics;
  for (const auto& validator : *range) {
    validator->Validate(cty::Value::Number(*cty::Number::Parse("4.25")), cty::Value(),
                        cty::Path().Attr("pin"), &diagnostics);
  }
  ASSERT_EQ(diagnostics.items().size(), 2u);
  for (const Diagnostic& d : diagnostics.items()) {
    EXPECT_EQ(d.detail.find("4.25"), std::string::npos) << d.detail;
  }
}

// Through the schemas: the write-only and sensitive password of a service user.
TEST(ProviderValidationTest, SchemaSecretsUseTheRedactedMessages) {
  const Schema* schema =
      SchemaRegistry::Get().Find(SchemaKind::kResource, "orgiam_vultr_service_user");
  ASSERT_NE(schema, nullptr);
  for (const AttributeSchema& attribute : schema->block.attributes) {
    if (!attribute.sensitive && !attribute.write_only) continue;
    for (const auto& validator : attribute.validators) {
      Diagnostics diagnostics;
      validator->Validate(cty::Value::String(""), cty::Value(), cty::Path().Attr(attribute.name),
                          &diagnostics);
      for (const Diagnostic& d : diagnostics.items()) {
        EXPECT_EQ(d.detail.find("got"), std::string::npos) << attribute.name << ": " << d.detail;
      }
    }
  }
}

}  // namespace
}  // namespace orgiam::framework
