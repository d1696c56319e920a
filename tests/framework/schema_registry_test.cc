#include "framework/schema_registry.h"

#include <gtest/gtest.h>

#include "framework/schema_loader.h"
#include "nlohmann/json.hpp"
#include "re2/re2.h"

namespace orgiam::framework {
namespace {

TEST(SchemaRegistryTest, EveryEmbeddedSchemaLoads) {
  for (const EmbeddedSchema& embedded : EmbeddedSchemas()) {
    absl::StatusOr<Schema> schema = LoadSchema(embedded.json);
    EXPECT_TRUE(schema.ok()) << embedded.path << ": " << schema.status();
  }
  const SchemaRegistry& registry = SchemaRegistry::Get();
  EXPECT_NE(registry.provider().block.FindBlock("vultr"), nullptr);
}

// Every file lands in the table of its kind, and no two files of one kind share a type name
// (the registry would keep only one of them). The counts come from schemas/, not from here.
TEST(SchemaRegistryTest, EveryFileIsOneTypeOfItsKind) {
  const SchemaRegistry& registry = SchemaRegistry::Get();
  size_t types = 0;
  for (SchemaKind kind : {SchemaKind::kResource, SchemaKind::kDataSource, SchemaKind::kEphemeral}) {
    EXPECT_FALSE(registry.Of(kind).empty()) << SchemaKindName(kind);
    for (const auto& [name, schema] : registry.Of(kind)) {
      EXPECT_EQ(schema.kind, kind) << name;
      EXPECT_EQ(schema.type_name, name);
      EXPECT_EQ(registry.Find(kind, name), &schema) << name;
    }
    types += registry.Of(kind).size();
  }
  EXPECT_EQ(types + 1, EmbeddedSchemas().size()) << "one provider schema and one file per type";
  EXPECT_EQ(registry.Find(SchemaKind::kResource, "orgiam_no_such_type"), nullptr);
}

TEST(SchemaRegistryTest, FileNamesMatchTypeNames) {
  for (const EmbeddedSchema& embedded : EmbeddedSchemas()) {
    absl::StatusOr<Schema> schema = LoadSchema(embedded.json);
    ASSERT_TRUE(schema.ok());
    const std::string path = embedded.path;
    EXPECT_NE(path.find(schema->type_name + ".json"), std::string::npos) << path;
  }
}

TEST(SchemaRegistryTest, AttributesFollowTerraformsSchemaRules) {
  const SchemaRegistry& registry = SchemaRegistry::Get();
  auto check = [](const Schema& schema) {
    for (const AttributeSchema& a : schema.block.attributes) {
      EXPECT_TRUE(a.required != (a.optional || a.computed)) << schema.type_name << "." << a.name;
      if (a.write_only) {
        EXPECT_FALSE(a.computed) << a.name;
      }
      if (schema.kind != SchemaKind::kResource) {
        EXPECT_FALSE(a.requires_replace) << schema.type_name << "." << a.name;
      }
    }
  };
  for (const auto& [name, schema] : registry.resources()) check(schema);
  for (const auto& [name, schema] : registry.data_sources()) check(schema);
  for (const auto& [name, schema] : registry.ephemerals()) check(schema);
}

TEST(SchemaLoaderTest, RejectsInvalidDocuments) {
  EXPECT_FALSE(LoadSchema("{").ok());
  EXPECT_FALSE(LoadSchema(R"({"kind":"resource","name":"x","attributes":{"a":{"type":"string"}}})")
                   .ok());  // none of required/optional/computed
  EXPECT_FALSE(LoadSchema(R"({"kind":"resource","name":"x","attributes":{
      "a":{"type":"string","required":true,"computed":true}}})")
                   .ok());
  EXPECT_FALSE(LoadSchema(R"({"kind":"resource","name":"x","attributes":{
      "a":{"type":"string","optional":true,"validators":{"bogus":true}}}})")
                   .ok());
  EXPECT_FALSE(LoadSchema(R"({"kind":"resource","name":"x","attributes":{
      "a":{"type":"number","optional":true,"validators":{"one_of":["x"]}}}})")
                   .ok());
  EXPECT_FALSE(LoadSchema(R"({"kind":"widget","name":"x"})").ok());
}

TEST(SchemaLoaderTest, DefaultsAreTypedValues) {
  absl::StatusOr<Schema> schema = LoadSchema(R"({"kind":"resource","name":"x","attributes":{
      "flag":{"type":"bool","optional":true,"computed":true,"default":true},
      "n":{"type":"number","optional":true,"computed":true,"default":5}}})");
  ASSERT_TRUE(schema.ok()) << schema.status();
  EXPECT_EQ(*schema->block.FindAttribute("flag")->default_value, cty::Value::Bool(true));
  EXPECT_EQ(*schema->block.FindAttribute("n")->default_value, cty::Value::Int(5));
}

}  // namespace
}  // namespace orgiam::framework

namespace orgiam::framework {
namespace {

// Patterns compile lazily, so a test makes sure each one is valid RE2 and accepts a sample.
TEST(SchemaRegistryTest, EveryPatternCompilesAndAcceptsALetter) {
  for (const EmbeddedSchema& embedded : EmbeddedSchemas()) {
    const nlohmann::json doc = nlohmann::json::parse(embedded.json);
    // items() of a temporary would dangle: keep the attributes alive for the loop.
    const nlohmann::json attributes = doc.value("attributes", nlohmann::json::object());
    for (const auto& [name, attribute] : attributes.items()) {
      if (!attribute.contains("validators") || !attribute["validators"].contains("pattern"))
        continue;
      const std::string pattern = attribute["validators"]["pattern"]["regex"];
      RE2 regex(pattern);
      EXPECT_TRUE(regex.ok()) << embedded.path << " " << name << ": " << regex.error();
      EXPECT_TRUE(RE2::FullMatch("ä", regex)) << pattern;
    }
  }
}

}  // namespace
}  // namespace orgiam::framework
