#include <string>

#include "cty/codec.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cty/fixtures.h"
#include "tests/cty/test_util.h"

namespace orgiam::cty {
namespace {

using ::orgiam::cty::testing::IsOk;
using ::orgiam::cty::testing::Num;
using ::orgiam::cty::testing::StatusHasSubstr;

std::string Encode(const Value& value, const Type& type) {
  auto json = EncodeJson(value, type);
  EXPECT_TRUE(json.ok()) << json.status() << " for " << value.DebugString();
  return json.ok() ? *json : "error";
}

Value Decode(std::string_view json, const Type& type) {
  auto value = DecodeJson(json, type);
  EXPECT_TRUE(value.ok()) << value.status() << " for " << json;
  return value.ok() ? *value : Value();
}

TEST(JsonTest, Primitives) {
  EXPECT_EQ(Encode(Value::String("a\"b\\c\n\x01"), Type::String()), R"("a\"b\\c\n\u0001")");
  EXPECT_EQ(Encode(Value::String("héllo"), Type::String()), "\"héllo\"");
  EXPECT_EQ(Encode(Value::Int(-5), Type::Number()), "-5");
  EXPECT_EQ(Encode(Value::Bool(true), Type::Bool()), "true");
  EXPECT_EQ(Encode(Value::Null(Type::String()), Type::String()), "null");
  EXPECT_EQ(Decode(R"("a\"b\\c\n\u0001")", Type::String()).AsString(), "a\"b\\c\n\x01");
  EXPECT_EQ(Decode(R"("\u00e9\ud83d\ude00")", Type::String()).AsString(), "é😀");
  EXPECT_EQ(Decode("null", Type::Number()), Value::Null(Type::Number()));
  EXPECT_EQ(Decode("false", Type::Bool()), Value::Bool(false));
}

TEST(JsonTest, NumbersKeepFullPrecision) {
  for (const char* text : {"9007199254740993", "18446744073709551615", "18446744073709551616",
                           "123456789012345678901234567890", "-123456789012345678901234567890",
                           "0.1000000000000000055511151231257827", "0.1", "-2.5", "0"}) {
    const Value v = Decode(text, Type::Number());
    EXPECT_EQ(v.AsNumber().text(), text);
    EXPECT_EQ(Encode(v, Type::Number()), text);
  }
  EXPECT_EQ(Decode("1e3", Type::Number()).AsNumber().text(), "1000");
  EXPECT_EQ(Decode("1.50E-1", Type::Number()).AsNumber().text(), "0.15");
  EXPECT_EQ(Decode("-0", Type::Number()).AsNumber().text(), "0");
}

TEST(JsonTest, LenientPrimitivesLikeGoCty) {
  EXPECT_EQ(Decode(R"("12.50")", Type::Number()).AsNumber().text(), "12.5");
  EXPECT_EQ(Decode("12.50", Type::String()).AsString(), "12.50");
  EXPECT_EQ(Decode("true", Type::String()).AsString(), "true");
  EXPECT_EQ(Decode(R"("true")", Type::Bool()), Value::Bool(true));
  EXPECT_EQ(Decode(R"("false")", Type::Bool()), Value::Bool(false));
  EXPECT_THAT(DecodeJson(R"("yes")", Type::Bool()), StatusHasSubstr("bool is required"));
  EXPECT_THAT(DecodeJson(R"("abc")", Type::Number()), StatusHasSubstr("number is required"));
  EXPECT_THAT(DecodeJson("[]", Type::String()), StatusHasSubstr("string is required"));
}

TEST(JsonTest, Collections) {
  const Value list = Value::List(Type::String(), {Value::String("a"), Value::String("b")});
  EXPECT_EQ(Encode(list, Type::List(Type::String())), R"(["a","b"])");
  EXPECT_EQ(Decode(R"(["a","b"])", Type::List(Type::String())), list);
  const Value set = Decode(R"(["b","a","b"])", Type::Set(Type::String()));
  EXPECT_EQ(set.LengthOrZero(), 2u);
  EXPECT_EQ(Encode(set, Type::Set(Type::String())), R"(["a","b"])");
  const Value map = Value::Map(Type::Number(), {{"x", Value::Int(1)}, {"y", Value::Int(2)}});
  EXPECT_EQ(Encode(map, Type::Map(Type::Number())), R"({"x":1,"y":2})");
  EXPECT_EQ(Decode(R"({"y":2,"x":1})", Type::Map(Type::Number())), map);
  const Value tuple = Value::Tuple({Value::String("a"), Value::Int(1)});
  const Type tuple_type = Type::Tuple({Type::String(), Type::Number()});
  EXPECT_EQ(Encode(tuple, tuple_type), R"(["a",1])");
  EXPECT_EQ(Decode(R"(["a",1])", tuple_type), tuple);
  EXPECT_THAT(DecodeJson(R"(["a"])", tuple_type), StatusHasSubstr("a tuple of length 2"));
  EXPECT_THAT(DecodeJson(R"({})", Type::List(Type::String())), StatusHasSubstr("array"));
  EXPECT_THAT(DecodeJson(R"([])", Type::Map(Type::String())), StatusHasSubstr("object"));
}

TEST(JsonTest, ObjectsMissingAttributesAreNullExtraAreErrors) {
  const Type type = Type::Object({{"a", Type::String()}, {"b", Type::Number()}});
  EXPECT_EQ(Decode(R"({"a":"x"})", type), Value::Object(type, {{"a", Value::String("x")}}));
  EXPECT_THAT(DecodeJson(R"({"a":"x","zz":1})", type),
              StatusHasSubstr("unsupported attribute \"zz\""));
  EXPECT_EQ(Encode(Value::Object(type, {{"a", Value::String("x")}}), type),
            R"({"a":"x","b":null})");
  EXPECT_THAT(DecodeJson(R"({"a":5,"b":[]})", type), StatusHasSubstr("b: number is required"));
}

TEST(JsonTest, Dynamic) {
  EXPECT_EQ(Encode(Value::String("x"), Type::Dynamic()), R"({"value":"x","type":"string"})");
  EXPECT_EQ(Encode(Value(), Type::Dynamic()), "null");
  EXPECT_EQ(Encode(Value::Null(Type::Number()), Type::Dynamic()),
            R"({"value":null,"type":"number"})");
  EXPECT_EQ(Decode(R"({"type":"string","value":"x"})", Type::Dynamic()), Value::String("x"));
  EXPECT_EQ(Decode("null", Type::Dynamic()), Value());
  EXPECT_EQ(
      Decode(R"({"value":{"a":[1]},"type":["object",{"a":["list","number"]}]})", Type::Dynamic()),
      Value::Object({{"a", Value::List(Type::Number(), {Value::Int(1)})}}));
  EXPECT_THAT(DecodeJson(R"({"value":"x"})", Type::Dynamic()), StatusHasSubstr("missing type"));
  EXPECT_THAT(DecodeJson(R"({"type":"string"})", Type::Dynamic()),
              StatusHasSubstr("missing value"));
  EXPECT_THAT(DecodeJson(R"({"type":"string","value":"x","extra":1})", Type::Dynamic()),
              StatusHasSubstr("invalid key"));
  EXPECT_THAT(DecodeJson(R"("x")", Type::Dynamic()), StatusHasSubstr("JSON object"));
}

TEST(JsonTest, RawStatePrettyPrinted) {
  const Type type = Type::Object(
      {{"id", Type::String()}, {"tags", Type::Map(Type::String())}, {"extra", Type::Dynamic()}});
  const char* raw = R"({
    "id": "abc",
    "tags": {
      "env": "prod"
    },
    "extra": {
      "value": [1, "two"],
      "type": ["tuple", ["number", "string"]]
    }
  })";
  const Value v = Decode(raw, type);
  EXPECT_EQ(v.GetAttr("id").AsString(), "abc");
  EXPECT_EQ(v.GetAttr("extra"), Value::Tuple({Value::Int(1), Value::String("two")}));
}

TEST(JsonTest, UnknownsAndInfinityCannotBeEncoded) {
  EXPECT_THAT(EncodeJson(Value::Unknown(Type::String()), Type::String()),
              StatusHasSubstr("unknown"));
  EXPECT_THAT(EncodeJson(Value::Object({{"a", Value::Unknown(Type::String())}}),
                         Type::Object({{"a", Type::String()}})),
              StatusHasSubstr("a: unknown"));
  EXPECT_THAT(EncodeJson(Num("+Inf"), Type::Number()), StatusHasSubstr("infinity"));
  EXPECT_THAT(EncodeJson(Value::String("\xff"), Type::String()), StatusHasSubstr("UTF-8"));
}

TEST(JsonTest, InvalidJsonIsAnError) {
  for (const char* text :
       {"", "{", "[1,", "nul", "{\"a\" 1}", "[1] 2", "'x'", "\"\xff\"", "01", "[1,]", "NaN"}) {
    EXPECT_FALSE(DecodeJson(text, Type::Dynamic()).ok()) << text;
    EXPECT_FALSE(DecodeJson(text, Type::List(Type::Number())).ok()) << text;
  }
}

TEST(JsonTest, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_THAT(DecodeJson(deep, Type::Dynamic()), StatusHasSubstr("nested"));
  Type type = Type::String();
  for (int i = 0; i < 300; ++i) type = Type::List(type);
  const std::string value = std::string(300, '[') + "\"x\"" + std::string(300, ']');
  EXPECT_THAT(DecodeJson(value, type), StatusHasSubstr("nested"));
  // Dynamic wrappers nested many levels.
  std::string wrapped = "null";
  for (int i = 0; i < 1000; ++i) wrapped = R"({"value":)" + wrapped + R"(,"type":"dynamic"})";
  EXPECT_FALSE(DecodeJson(wrapped, Type::Dynamic()).ok());
}

TEST(JsonTest, RichValueRoundTrips) {
  const Type type = testing::RichType();
  std::vector<Value> variants = testing::NullAndUnknownVariants(testing::RichValue());
  variants.push_back(testing::RichValue());
  int encoded = 0;
  for (const Value& v : variants) {
    auto json = EncodeJson(v, type);
    if (!v.IsWhollyKnown()) {
      EXPECT_FALSE(json.ok()) << v.DebugString();
      continue;
    }
    ASSERT_THAT(json, IsOk()) << v.DebugString();
    ++encoded;
    auto back = DecodeJson(*json, type);
    ASSERT_THAT(back, IsOk()) << back.status() << " for " << *json;
    EXPECT_EQ(*back, v) << *json;
    EXPECT_EQ(EncodeJson(*back, type).value(), *json);
    // And the same value survives msgpack after JSON.
    auto bytes = EncodeMsgpack(*back, type);
    ASSERT_THAT(bytes, IsOk());
    EXPECT_EQ(DecodeMsgpack(*bytes, type).value(), v);
  }
  EXPECT_GT(encoded, 30);
}

}  // namespace
}  // namespace orgiam::cty
