#include "cty/type.h"

#include <string>

#include "gtest/gtest.h"

namespace orgiam::cty {
namespace {

TEST(TypeTest, DefaultIsDynamic) {
  EXPECT_TRUE(Type().IsDynamic());
  EXPECT_EQ(Type(), Type::Dynamic());
}

TEST(TypeTest, KindPredicates) {
  EXPECT_TRUE(Type::String().IsPrimitive());
  EXPECT_TRUE(Type::Number().IsPrimitive());
  EXPECT_TRUE(Type::Bool().IsPrimitive());
  EXPECT_FALSE(Type::Dynamic().IsPrimitive());
  EXPECT_TRUE(Type::List(Type::String()).IsCollection());
  EXPECT_TRUE(Type::Set(Type::String()).IsCollection());
  EXPECT_TRUE(Type::Map(Type::String()).IsCollection());
  EXPECT_TRUE(Type::Object({}).IsStructural());
  EXPECT_TRUE(Type::Tuple({}).IsStructural());
  EXPECT_EQ(Type::Map(Type::Bool()).element(), Type::Bool());
}

TEST(TypeTest, Equality) {
  EXPECT_EQ(Type::List(Type::String()), Type::List(Type::String()));
  EXPECT_NE(Type::List(Type::String()), Type::Set(Type::String()));
  EXPECT_NE(Type::List(Type::String()), Type::List(Type::Number()));
  EXPECT_EQ(Type::Object({{"a", Type::String()}, {"b", Type::Number()}}),
            Type::Object({{"b", Type::Number()}, {"a", Type::String()}}));
  EXPECT_NE(Type::Object({{"a", Type::String()}}), Type::Object({{"b", Type::String()}}));
  EXPECT_NE(Type::Object({{"a", Type::String()}}), Type::Object({}));
  EXPECT_EQ(Type::Tuple({Type::String(), Type::Bool()}),
            Type::Tuple({Type::String(), Type::Bool()}));
  EXPECT_NE(Type::Tuple({Type::String()}), Type::Tuple({Type::String(), Type::Bool()}));
  EXPECT_NE(Type::Dynamic(), Type::String());
}

TEST(TypeTest, HasDynamic) {
  EXPECT_TRUE(Type::Dynamic().HasDynamic());
  EXPECT_FALSE(Type::String().HasDynamic());
  EXPECT_TRUE(Type::List(Type::Map(Type::Dynamic())).HasDynamic());
  EXPECT_TRUE(Type::Object({{"a", Type::String()}, {"b", Type::Dynamic()}}).HasDynamic());
  EXPECT_TRUE(Type::Tuple({Type::String(), Type::Dynamic()}).HasDynamic());
  EXPECT_FALSE(Type::Tuple({Type::String()}).HasDynamic());
}

TEST(TypeTest, JsonRoundTrips) {
  for (const char* json : {
           R"("string")",
           R"("number")",
           R"("bool")",
           R"("dynamic")",
           R"(["list","string"])",
           R"(["set",["map","number"]])",
           R"(["map","string"])",
           R"(["list",["object",{"a":"string","b":"number"}]])",
           R"(["object",{}])",
           R"(["object",{"x":"number","y":["tuple",["string"]]}])",
           R"(["tuple",[]])",
           R"(["tuple",["string",["list","bool"],"dynamic"]])",
       }) {
    auto type = Type::FromJsonString(json);
    ASSERT_TRUE(type.ok()) << json << ": " << type.status();
    EXPECT_EQ(type->ToJsonString(), json);
    EXPECT_EQ(Type::FromJson(type->ToJson()).value(), *type);
  }
}

TEST(TypeTest, ObjectJsonSortsAttributes) {
  auto type = Type::FromJsonString(R"(["object",{"b":"bool","a":"string"}])");
  ASSERT_TRUE(type.ok());
  EXPECT_EQ(type->ToJsonString(), R"(["object",{"a":"string","b":"bool"}])");
}

TEST(TypeTest, ObjectOptionalAttributesListIsAccepted) {
  auto type = Type::FromJsonString(R"(["object",{"a":"string"},["a"]])");
  ASSERT_TRUE(type.ok()) << type.status();
  EXPECT_EQ(*type, Type::Object({{"a", Type::String()}}));
}

TEST(TypeTest, FromJsonRejectsMalformed) {
  for (const char* json : {
           "",
           "nope",
           "\"str\"",
           "42",
           "null",
           "[]",
           "[\"list\"]",
           "[\"list\",\"string\",1]",
           "[\"map\",\"nope\"]",
           "[\"object\",[]]",
           "[\"object\",{\"a\":1}]",
           "[\"tuple\",{}]",
           "[\"tuple\",[\"nope\"]]",
           "[\"frob\",\"string\"]",
           "[1,\"string\"]",
           "{\"a\":1}",
           "[\"list\",\"string\"] trailing",
       }) {
    EXPECT_FALSE(Type::FromJsonString(json).ok()) << json;
  }
}

TEST(TypeTest, DeepTypeJsonIsRejectedNotOverflowed) {
  std::string json;
  constexpr int kDepth = 100000;
  for (int i = 0; i < kDepth; ++i) json += "[\"list\",";
  json += "\"string\"";
  for (int i = 0; i < kDepth; ++i) json += "]";
  auto type = Type::FromJsonString(json);
  EXPECT_FALSE(type.ok());

  // A malformed but deeply nested part must not be serialized into the error
  // message either.
  const std::string deep_garbage =
      "[\"list\"," + std::string(kDepth, '[') + std::string(kDepth, ']') + "]";
  EXPECT_FALSE(Type::FromJsonString(deep_garbage).ok());
  const std::string deep_object =
      "[\"object\",{\"a\":" + std::string(kDepth, '[') + std::string(kDepth, ']') + "}]";
  EXPECT_FALSE(Type::FromJsonString(deep_object).ok());
}

TEST(TypeTest, FriendlyName) {
  EXPECT_EQ(Type::String().FriendlyName(), "string");
  EXPECT_EQ(Type::Dynamic().FriendlyName(), "dynamic");
  EXPECT_EQ(Type::List(Type::String()).FriendlyName(), "list of string");
  EXPECT_EQ(Type::Set(Type::Map(Type::Number())).FriendlyName(), "set of map of number");
  EXPECT_EQ(Type::Object({}).FriendlyName(), "object");
  EXPECT_EQ(Type::Tuple({}).FriendlyName(), "tuple");
}

TEST(TypeTest, AccessorsOnWrongKindAreSafe) {
  EXPECT_TRUE(Type::String().element().IsDynamic());
  EXPECT_TRUE(Type::String().attributes().empty());
  EXPECT_TRUE(Type::List(Type::String()).elements().empty());
}

}  // namespace
}  // namespace orgiam::cty
