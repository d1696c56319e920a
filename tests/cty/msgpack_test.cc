#include <random>
#include <string>

#include "cty/codec.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cty/fixtures.h"
#include "tests/cty/test_util.h"

namespace orgiam::cty {
namespace {

using ::orgiam::cty::testing::Bytes;
using ::orgiam::cty::testing::Hex;
using ::orgiam::cty::testing::IsOk;
using ::orgiam::cty::testing::Num;
using ::orgiam::cty::testing::StatusHasSubstr;
using ::testing::HasSubstr;

std::string Encode(const Value& value, const Type& type) {
  auto bytes = EncodeMsgpack(value, type);
  EXPECT_TRUE(bytes.ok()) << bytes.status() << " for " << value.DebugString();
  return bytes.ok() ? Hex(*bytes) : "error";
}

Value Decode(std::string_view spec, const Type& type) {
  auto value = DecodeMsgpack(Bytes(spec), type);
  EXPECT_TRUE(value.ok()) << value.status() << " for " << spec;
  return value.ok() ? *value : Value();
}

// Decodes, checks the value, and checks that re-encoding gives the same bytes.
void ExpectByteExact(std::string_view spec, const Type& type, const Value& expected) {
  auto value = DecodeMsgpack(Bytes(spec), type);
  ASSERT_TRUE(value.ok()) << value.status() << " for " << spec;
  EXPECT_EQ(*value, expected) << value->DebugString() << " vs " << expected.DebugString();
  EXPECT_EQ(Encode(*value, type), Hex(Bytes(spec)));
}

TEST(MsgpackTest, Primitives) {
  ExpectByteExact("a1 78", Type::String(), Value::String("x"));
  ExpectByteExact("a0", Type::String(), Value::String(""));
  ExpectByteExact("c3", Type::Bool(), Value::Bool(true));
  ExpectByteExact("c2", Type::Bool(), Value::Bool(false));
  ExpectByteExact("2a", Type::Number(), Value::Int(42));
  ExpectByteExact("c0", Type::String(), Value::Null(Type::String()));
}

TEST(MsgpackTest, StringFormats) {
  const std::string s31(31, 'a'), s32(32, 'b'), s256(256, 'c'), s65536(65536, 'd');
  EXPECT_EQ(Encode(Value::String(s31), Type::String()).substr(0, 2), "bf");
  EXPECT_EQ(Encode(Value::String(s32), Type::String()).substr(0, 5), "d9 20");
  EXPECT_EQ(Encode(Value::String(s256), Type::String()).substr(0, 8), "da 01 00");
  EXPECT_EQ(Encode(Value::String(s65536), Type::String()).substr(0, 14), "db 00 01 00 00");
  for (const std::string* s : {&s31, &s32, &s256, &s65536}) {
    auto bytes = EncodeMsgpack(Value::String(*s), Type::String());
    ASSERT_THAT(bytes, IsOk());
    EXPECT_EQ(DecodeMsgpack(*bytes, Type::String())->AsString(), *s);
  }
  // Decoders accept bin (and every str width) for strings.
  EXPECT_EQ(Decode("c4 02 'hi'", Type::String()).AsString(), "hi");
  EXPECT_EQ(Decode("c5 00 02 'hi'", Type::String()).AsString(), "hi");
  EXPECT_EQ(Decode("c6 00 00 00 02 'hi'", Type::String()).AsString(), "hi");
  EXPECT_EQ(Decode("d9 02 'hi'", Type::String()).AsString(), "hi");
  EXPECT_EQ(Decode("da 00 02 'hi'", Type::String()).AsString(), "hi");
  EXPECT_EQ(Decode("db 00 00 00 02 'hi'", Type::String()).AsString(), "hi");
}

TEST(MsgpackTest, DecodesEveryIntegerWidth) {
  auto text = [](std::string_view spec) { return Decode(spec, Type::Number()).AsNumber().text(); };
  EXPECT_EQ(text("00"), "0");
  EXPECT_EQ(text("7f"), "127");
  EXPECT_EQ(text("ff"), "-1");
  EXPECT_EQ(text("e0"), "-32");
  EXPECT_EQ(text("cc ff"), "255");
  EXPECT_EQ(text("cd ff ff"), "65535");
  EXPECT_EQ(text("ce ff ff ff ff"), "4294967295");
  EXPECT_EQ(text("cf ff ff ff ff ff ff ff ff"), "18446744073709551615");
  EXPECT_EQ(text("d0 80"), "-128");
  EXPECT_EQ(text("d0 7f"), "127");
  EXPECT_EQ(text("d1 80 00"), "-32768");
  EXPECT_EQ(text("d2 80 00 00 00"), "-2147483648");
  EXPECT_EQ(text("d3 80 00 00 00 00 00 00 00"), "-9223372036854775808");
  EXPECT_EQ(text("d3 00 00 00 00 00 00 00 05"), "5");
}

TEST(MsgpackTest, DecodesFloatsAndNumericStrings) {
  auto text = [](std::string_view spec) { return Decode(spec, Type::Number()).AsNumber().text(); };
  EXPECT_EQ(text("ca 3f 00 00 00"), "0.5");
  EXPECT_EQ(text("ca 3d cc cc cd"),
            "0.10000000149011612");  // float32(0.1) widened
  EXPECT_EQ(text("cb 3f b9 99 99 99 99 99 9a"), "0.1");
  EXPECT_EQ(text("cb 7f f0 00 00 00 00 00 00"), "+Inf");
  EXPECT_EQ(text("cb ff f0 00 00 00 00 00 00"), "-Inf");
  EXPECT_EQ(text("ca 7f 80 00 00"), "+Inf");
  EXPECT_EQ(text("a3 '1.5'"), "1.5");
  EXPECT_EQ(text("a4 '1e30'"), "1000000000000000000000000000000");
  EXPECT_EQ(text("c4 03 '-12'"), "-12");
  EXPECT_EQ(text("a4 '+Inf'"), "+Inf");
  EXPECT_THAT(DecodeMsgpack(Bytes("cb 7f f8 00 00 00 00 00 00"), Type::Number()),
              StatusHasSubstr("NaN"));
  EXPECT_THAT(DecodeMsgpack(Bytes("a3 'abc'"), Type::Number()),
              StatusHasSubstr("number is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes("c3"), Type::Number()), StatusHasSubstr("number is required"));
}

TEST(MsgpackTest, EncodesNumbersLikeTerraform) {
  auto enc = [](const char* text) { return Encode(Num(text), Type::Number()); };
  EXPECT_EQ(enc("0"), "00");
  EXPECT_EQ(enc("127"), "7f");
  EXPECT_EQ(enc("128"), "cc 80");
  EXPECT_EQ(enc("255"), "cc ff");
  EXPECT_EQ(enc("256"), "cd 01 00");
  EXPECT_EQ(enc("65535"), "cd ff ff");
  EXPECT_EQ(enc("65536"), "ce 00 01 00 00");
  EXPECT_EQ(enc("4294967296"), "cf 00 00 00 01 00 00 00 00");
  EXPECT_EQ(enc("9007199254740993"), "cf 00 20 00 00 00 00 00 01");
  EXPECT_EQ(enc("18446744073709551615"), "cf ff ff ff ff ff ff ff ff");
  EXPECT_EQ(enc("-1"), "ff");
  EXPECT_EQ(enc("-32"), "e0");
  EXPECT_EQ(enc("-33"), "d0 df");
  EXPECT_EQ(enc("-128"), "d0 80");
  EXPECT_EQ(enc("-129"), "d1 ff 7f");
  EXPECT_EQ(enc("-32769"), "d2 ff ff 7f ff");
  EXPECT_EQ(enc("-2147483649"), "d3 ff ff ff ff 7f ff ff ff");
  EXPECT_EQ(enc("-9223372036854775808"), "d3 80 00 00 00 00 00 00 00");
  EXPECT_EQ(enc("0.5"), "cb 3f e0 00 00 00 00 00 00");
  EXPECT_EQ(enc("-1.25"), "cb bf f4 00 00 00 00 00 00");
  EXPECT_EQ(enc("+Inf"), "cb 7f f0 00 00 00 00 00 00");
  EXPECT_EQ(enc("-Inf"), "cb ff f0 00 00 00 00 00 00");
  // Not exactly representable: decimal text in a str.
  EXPECT_EQ(enc("0.1"), Hex(Bytes("a3 '0.1'")));
  EXPECT_EQ(enc("18446744073709551616"), Hex(Bytes("b4 '18446744073709551616'")));
  EXPECT_EQ(enc("-9223372036854775809"), Hex(Bytes("b4 '-9223372036854775809'")));
}

TEST(MsgpackTest, LargeAndPreciseNumbersSurvive) {
  for (const char* text : {"9007199254740993", "18446744073709551615", "18446744073709551616",
                           "123456789012345678901234567890", "-123456789012345678901234567890",
                           "0.1000000000000000055511151231257827", "3.14159265358979323846264338",
                           "1e-30", "0.1", "-0.5"}) {
    const Value v = Num(text);
    auto bytes = EncodeMsgpack(v, Type::Number());
    ASSERT_THAT(bytes, IsOk());
    auto back = DecodeMsgpack(*bytes, Type::Number());
    ASSERT_THAT(back, IsOk());
    EXPECT_EQ(back->AsNumber().text(), v.AsNumber().text()) << text;
  }
}

TEST(MsgpackTest, PlainUnknown) {
  ExpectByteExact("d4 00 00", Type::String(), Value::Unknown(Type::String()));
  ExpectByteExact("d4 00 00", Type::List(Type::Number()),
                  Value::Unknown(Type::List(Type::Number())));
  ExpectByteExact("d4 00 00", Type::Dynamic(), Value::Unknown(Type::Dynamic()));
}

TEST(MsgpackTest, AnyExtensionIsUnknown) {
  for (const char* spec :
       {"d4 05 00", "c7 00 00", "c7 00 0c", "d4 0c 00", "d5 01 aa bb", "c7 03 07 01 02 03",
        "d8 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", "c8 00 01 09 ff",
        "c9 00 00 00 00 7f"}) {
    auto v = DecodeMsgpack(Bytes(spec), Type::String());
    ASSERT_THAT(v, IsOk()) << spec;
    EXPECT_FALSE(v->IsKnown()) << spec;
    EXPECT_TRUE(v->refinements().empty()) << spec;
    EXPECT_EQ(Encode(*v, Type::String()), "d4 00 00");
  }
}

TEST(MsgpackTest, RefinedUnknownStringFromTerraform) {
  // Verified against Terraform 1.11.4: name = "pre-${terraform_data.x.id}".
  const std::string spec = "c7 09 0c 82 01 c2 02 a4 70 72 65 2d";
  auto v = DecodeMsgpack(Bytes(spec), Type::String());
  ASSERT_THAT(v, IsOk());
  EXPECT_FALSE(v->IsKnown());
  EXPECT_EQ(v->type(), Type::String());
  EXPECT_EQ(v->refinements().not_null, true);
  EXPECT_EQ(v->refinements().string_prefix, "pre-");
  EXPECT_EQ(Encode(*v, Type::String()), spec);
}

TEST(MsgpackTest, RefinedUnknownNumberBounds) {
  // {1: false, 3: [0, true], 4: [100, false]}
  const std::string spec = "c7 0b 0c 83 01 c2 03 92 00 c3 04 92 64 c2";
  auto v = DecodeMsgpack(Bytes(spec), Type::Number());
  ASSERT_THAT(v, IsOk());
  const Refinements& r = v->refinements();
  EXPECT_EQ(r.not_null, true);
  ASSERT_TRUE(r.number_lower.has_value());
  EXPECT_EQ(r.number_lower->first.text(), "0");
  EXPECT_TRUE(r.number_lower->second);
  ASSERT_TRUE(r.number_upper.has_value());
  EXPECT_EQ(r.number_upper->first.text(), "100");
  EXPECT_FALSE(r.number_upper->second);
  EXPECT_EQ(Encode(*v, Type::Number()), spec);

  // Bounds in any number encoding.
  auto f = DecodeMsgpack(Bytes("c7 0d 0c 81 03 92 cb 3f e0 00 00 00 00 00 00 c3"), Type::Number());
  ASSERT_THAT(f, IsOk());
  EXPECT_EQ(f->refinements().number_lower->first.text(), "0.5");
}

TEST(MsgpackTest, RefinedUnknownCollectionLength) {
  // {1: false, 5: 1, 6: 300}
  const std::string spec = "c7 09 0c 83 01 c2 05 01 06 cd 01 2c";
  const Type type = Type::List(Type::String());
  auto v = DecodeMsgpack(Bytes(spec), type);
  ASSERT_THAT(v, IsOk());
  EXPECT_EQ(v->refinements().length_min, 1);
  EXPECT_EQ(v->refinements().length_max, 300);
  EXPECT_EQ(Encode(*v, type), spec);
  // A four-byte payload uses fixext4, as vmihailenco/msgpack does.
  auto set = DecodeMsgpack(Bytes("d6 0c 81 05 cc c8"), Type::Set(Type::Bool()));
  ASSERT_THAT(set, IsOk());
  EXPECT_EQ(set->refinements().length_min, 200);
  EXPECT_EQ(Encode(*set, Type::Set(Type::Bool())), "d6 0c 81 05 cc c8");
}

TEST(MsgpackTest, RefinementsOnlyNotNull) {
  ExpectByteExact("c7 03 0c 81 01 c2", Type::Bool(), Value::Unknown(Type::Bool()));
  ExpectByteExact("c7 03 0c 81 01 c2", Type::Object({{"a", Type::String()}}),
                  Value::Unknown(Type::Object({{"a", Type::String()}})));
}

TEST(MsgpackTest, RefinementKeysThatDoNotApplyAreErrors) {
  EXPECT_THAT(DecodeMsgpack(Bytes("c7 04 0c 81 02 a1 78"), Type::Number()),
              StatusHasSubstr("string prefix"));
  EXPECT_THAT(DecodeMsgpack(Bytes("c7 05 0c 81 03 92 00 c3"), Type::String()),
              StatusHasSubstr("number bound"));
  EXPECT_THAT(DecodeMsgpack(Bytes("c7 03 0c 81 05 01"), Type::String()), StatusHasSubstr("length"));
  EXPECT_THAT(DecodeMsgpack(Bytes("c7 03 0c 81 01 01"), Type::String()),
              StatusHasSubstr("nullness"));
  EXPECT_THAT(DecodeMsgpack(Bytes("c7 02 0c 90 00"), Type::String()), StatusHasSubstr("not a map"));
  EXPECT_THAT(DecodeMsgpack(Bytes("c7 04 0c 81 02 a1 ff"), Type::String()),
              StatusHasSubstr("UTF-8"));
}

TEST(MsgpackTest, RefinementsIgnoredForDynamicAndUnknownKeysSkipped) {
  auto d = DecodeMsgpack(Bytes("c7 04 0c 81 02 a1 78"), Type::Dynamic());
  ASSERT_THAT(d, IsOk());
  EXPECT_FALSE(d->IsKnown());
  EXPECT_TRUE(d->refinements().empty());

  // Key 9 (from the future) holds an array; key 1 after it must still be read.
  auto s = DecodeMsgpack(Bytes("c7 0a 0c 82 09 93 01 92 02 03 a0 01 c2"), Type::String());
  ASSERT_THAT(s, IsOk()) << s.status();
  EXPECT_EQ(s->refinements().not_null, true);
  EXPECT_EQ(Encode(*s, Type::String()), "c7 03 0c 81 01 c2");

  // Trailing bytes inside the payload are reserved and ignored.
  auto t = DecodeMsgpack(Bytes("c7 04 0c 81 01 c2 ff"), Type::String());
  ASSERT_THAT(t, IsOk());
  EXPECT_EQ(t->refinements().not_null, true);
}

TEST(MsgpackTest, OversizeRefinementIsRejected) {
  std::string payload = Bytes("81 02 da 04 00") + std::string(1024, 'a');
  std::string spec = Bytes("c8") +
                     std::string{static_cast<char>(payload.size() >> 8),
                                 static_cast<char>(payload.size() & 0xff)} +
                     Bytes("0c") + payload;
  EXPECT_THAT(DecodeMsgpack(spec, Type::String()), StatusHasSubstr("oversize"));
}

TEST(MsgpackTest, EncoderNeverEmitsEmptyRefinementMap) {
  Refinements r;
  r.string_prefix = "";  // nothing useful
  EXPECT_EQ(Encode(Value::Unknown(Type::String(), r), Type::String()), "d4 00 00");
  Refinements for_string;
  for_string.length_min = 3;  // does not apply to strings
  EXPECT_EQ(Encode(Value::Unknown(Type::String(), for_string), Type::String()), "d4 00 00");
  Refinements not_null;
  not_null.not_null = true;
  EXPECT_EQ(Encode(Value::Unknown(Type::Dynamic(), not_null), Type::Dynamic()), "d4 00 00");
}

TEST(MsgpackTest, EncoderKeepsRefinementPayloadWithinLimit) {
  Refinements r;
  r.not_null = true;
  r.string_prefix = std::string(2000, 'p');
  auto bytes = EncodeMsgpack(Value::Unknown(Type::String(), r), Type::String());
  ASSERT_THAT(bytes, IsOk());
  EXPECT_EQ(Hex(*bytes), "c7 03 0c 81 01 c2");
}

TEST(MsgpackTest, Collections) {
  ExpectByteExact("92 a1 61 a1 62", Type::List(Type::String()),
                  Value::List(Type::String(), {Value::String("a"), Value::String("b")}));
  ExpectByteExact("90", Type::List(Type::String()), Value::List(Type::String(), {}));
  ExpectByteExact(
      "82 a1 61 01 a1 62 c0", Type::Map(Type::Number()),
      Value::Map(Type::Number(), {{"a", Value::Int(1)}, {"b", Value::Null(Type::Number())}}));
  ExpectByteExact("92 a1 78 c3", Type::Tuple({Type::String(), Type::Bool()}),
                  Value::Tuple({Value::String("x"), Value::Bool(true)}));
  // 16+ elements use array16 / map16.
  std::vector<Value> many;
  for (int i = 0; i < 16; ++i) many.push_back(Value::Int(i));
  const Value list = Value::List(Type::Number(), many);
  EXPECT_EQ(Encode(list, Type::List(Type::Number())).substr(0, 8), "dc 00 10");
  EXPECT_EQ(Decode("dd 00 00 00 01 05", Type::List(Type::Number())),
            Value::List(Type::Number(), {Value::Int(5)}));
  EXPECT_EQ(Decode("de 00 01 a1 61 05", Type::Map(Type::Number())),
            Value::Map(Type::Number(), {{"a", Value::Int(5)}}));
  EXPECT_EQ(Decode("df 00 00 00 01 a1 61 05", Type::Map(Type::Number())),
            Value::Map(Type::Number(), {{"a", Value::Int(5)}}));
}

TEST(MsgpackTest, SetsDedupeAndAreOrderIndependent) {
  const Type type = Type::Set(Type::String());
  const Value a = Decode("93 a1 62 a1 61 a1 62", type);
  EXPECT_EQ(a.LengthOrZero(), 2u);
  EXPECT_EQ(a, Decode("92 a1 61 a1 62", type));
  EXPECT_EQ(a, Decode("92 a1 62 a1 61", type));
  EXPECT_EQ(Encode(a, type), "92 a1 61 a1 62");
  // Unknown elements are kept apart.
  EXPECT_EQ(Decode("92 d4 00 00 d4 00 00", type).LengthOrZero(), 2u);
}

TEST(MsgpackTest, TupleLengthMustMatch) {
  EXPECT_THAT(DecodeMsgpack(Bytes("91 a1 78"), Type::Tuple({Type::String(), Type::Bool()})),
              StatusHasSubstr("a tuple of length 2 is required"));
}

TEST(MsgpackTest, ObjectsNeedEveryAttribute) {
  const Type type = Type::Object({{"a", Type::String()}, {"b", Type::Number()}});
  ExpectByteExact("82 a1 61 a1 78 a1 62 c0", type,
                  Value::Object(type, {{"a", Value::String("x")}}));
  // Key order on the wire does not matter.
  EXPECT_EQ(Decode("82 a1 62 c0 a1 61 a1 78", type),
            Value::Object(type, {{"a", Value::String("x")}}));
  EXPECT_THAT(DecodeMsgpack(Bytes("81 a1 61 a1 78"), type),
              StatusHasSubstr("an object with 2 attributes is required (1 given)"));
  EXPECT_THAT(DecodeMsgpack(Bytes("80"), type),
              StatusHasSubstr("an object with 2 attributes is required (0 given)"));
  EXPECT_THAT(DecodeMsgpack(Bytes("82 a1 61 a1 78 a1 7a c0"), type),
              StatusHasSubstr("unsupported attribute \"z\""));
  EXPECT_THAT(DecodeMsgpack(Bytes("82 a1 61 a1 78 a1 61 c0"), type),
              StatusHasSubstr("duplicate attribute"));
  EXPECT_THAT(DecodeMsgpack(Bytes("82 01 a1 78 a1 62 c0"), type), StatusHasSubstr("keys"));
  ExpectByteExact("80", Type::Object({}), Value::Object({}));
}

TEST(MsgpackTest, ErrorsNameThePath) {
  const Type type = Type::Object({{"users", Type::List(Type::Object({{"email", Type::String()}}))},
                                  {"tags", Type::Map(Type::Number())}});
  EXPECT_THAT(DecodeMsgpack(Bytes("82 a4 'tags' 80 a5 'users' 92 81 a5 'email' "
                                  "a1 78 81 a5 'email' 05"),
                            type),
              StatusHasSubstr("users[1].email: string is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes("82 a4 'tags' 81 a3 'env' c3 a5 'users' 90"), type),
              StatusHasSubstr("tags[\"env\"]: number is required"));
}

TEST(MsgpackTest, TypeMismatchesAreErrors) {
  EXPECT_THAT(DecodeMsgpack(Bytes("05"), Type::String()), StatusHasSubstr("string is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes("a1 78"), Type::Bool()), StatusHasSubstr("bool is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes("80"), Type::List(Type::String())),
              StatusHasSubstr("a list is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes("90"), Type::Set(Type::String())), IsOk());
  EXPECT_THAT(DecodeMsgpack(Bytes("80"), Type::Set(Type::String())),
              StatusHasSubstr("a set is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes("90"), Type::Map(Type::String())),
              StatusHasSubstr("a map is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes("90"), Type::Object({})),
              StatusHasSubstr("an object is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes("81 05 a1 78"), Type::Map(Type::String())),
              StatusHasSubstr("map keys must be strings"));
}

TEST(MsgpackTest, DynamicTopLevel) {
  ExpectByteExact(R"(92 c4 08 '"string"' a1 78)", Type::Dynamic(), Value::String("x"));
  ExpectByteExact("c0", Type::Dynamic(), Value());
  ExpectByteExact("d4 00 00", Type::Dynamic(), Value::Unknown(Type::Dynamic()));
  // The type JSON may also arrive as str.
  EXPECT_EQ(Decode(R"(92 a8 '"string"' a1 78)", Type::Dynamic()), Value::String("x"));
  // Nulls and unknowns of a known type keep their type in the wrapper.
  ExpectByteExact(R"(92 c4 08 '"number"' c0)", Type::Dynamic(), Value::Null(Type::Number()));
  ExpectByteExact(R"(92 c4 08 '"number"' d4 00 00)", Type::Dynamic(),
                  Value::Unknown(Type::Number()));
}

TEST(MsgpackTest, DynamicVerifiedTerraformShape) {
  // HCL `{x = 1, y = ["a"]}` in a dynamic attribute: an object with a tuple.
  const std::string type_json = R"(["object",{"x":"number","y":["tuple",["string"]]}])";
  ASSERT_EQ(type_json.size(), 0x32u);
  const std::string spec = "92 c4 32 '" + type_json + "' 82 a1 'x' 01 a1 'y' 91 a1 'a'";
  ExpectByteExact(spec, Type::Dynamic(),
                  Value::Object({{"x", Value::Int(1)}, {"y", Value::Tuple({Value::String("a")})}}));
}

TEST(MsgpackTest, DynamicNested) {
  const Type type = Type::Object({{"d", Type::Dynamic()}, {"l", Type::List(Type::Dynamic())}});
  const Value v = Value::Object(
      type, {{"d", Value::List(Type::Number(), {Value::Int(1)})},
             {"l", Value::List(Type::Dynamic(), {Value::String("a"), Value::Bool(true), Value(),
                                                 Value::Unknown(Type::Dynamic())})}});
  const std::string expected = Hex(Bytes(
      R"(82 a1 'd' 92 c4 11 '["list","number"]' 91 01 a1 'l' 94 92 c4 08 '"string"' a1 'a' 92 c4 06 '"bool"' c3 c0 d4 00 00)"));
  EXPECT_EQ(Encode(v, type), expected);
  EXPECT_EQ(Decode(expected, type), v);
}

TEST(MsgpackTest, DynamicErrors) {
  EXPECT_THAT(DecodeMsgpack(Bytes("91 a1 78"), Type::Dynamic()),
              StatusHasSubstr("exactly two elements"));
  EXPECT_THAT(DecodeMsgpack(Bytes("a1 78"), Type::Dynamic()),
              StatusHasSubstr("exactly two elements"));
  EXPECT_THAT(DecodeMsgpack(Bytes("92 05 a1 78"), Type::Dynamic()), StatusHasSubstr("type"));
  EXPECT_THAT(DecodeMsgpack(Bytes("92 a4 'nope' a1 78"), Type::Dynamic()),
              StatusHasSubstr("invalid type"));
  EXPECT_THAT(DecodeMsgpack(Bytes(R"(92 a8 '"string"' 05)"), Type::Dynamic()),
              StatusHasSubstr("string is required"));
}

TEST(MsgpackTest, EncodeRejectsNonConformingValues) {
  EXPECT_THAT(EncodeMsgpack(Value::String("x"), Type::Number()),
              StatusHasSubstr("a value of type number is required, got string"));
  const Type type = Type::Object({{"a", Type::String()}, {"b", Type::String()}});
  EXPECT_THAT(EncodeMsgpack(Value::Object({{"a", Value::String("x")}}), type),
              StatusHasSubstr("attribute \"b\" is required"));
  EXPECT_THAT(EncodeMsgpack(Value::Object(type, {{"typo", Value::String("x")}}), type),
              StatusHasSubstr("unsupported attribute \"typo\""));
  EXPECT_THAT(EncodeMsgpack(Value::Tuple({Value::String("x")}), Type::Tuple({})),
              StatusHasSubstr("tuple"));
  EXPECT_THAT(EncodeMsgpack(Value::Null(Type::String()), Type::Number()),
              StatusHasSubstr("required"));
  EXPECT_THAT(
      EncodeMsgpack(Value::List(Type::String(), {Value::String("x")}), Type::List(Type::Number())),
      StatusHasSubstr("[0]: a value of type number is required"));
  // A null or unknown of unknown type fits anywhere.
  EXPECT_EQ(Encode(Value(), Type::String()), "c0");
  EXPECT_EQ(Encode(Value::Unknown(Type::Dynamic()), Type::List(Type::String())), "d4 00 00");
}

TEST(MsgpackTest, ObjectWithTypeEncodesMissingAttributesAsNil) {
  const Type type = Type::Object({{"a", Type::String()}, {"b", Type::List(Type::String())}});
  EXPECT_EQ(Encode(Value::Object(type, {}), type), Hex(Bytes("82 a1 'a' c0 a1 'b' c0")));
}

TEST(MsgpackTest, RichValueRoundTripsWithNullAndUnknownAtEveryLevel) {
  const Type type = testing::RichType();
  std::vector<Value> variants = testing::NullAndUnknownVariants(testing::RichValue());
  variants.push_back(testing::RichValue());
  ASSERT_GT(variants.size(), 100u);
  for (const Value& v : variants) {
    auto bytes = EncodeMsgpack(v, type);
    ASSERT_THAT(bytes, IsOk()) << v.DebugString();
    auto back = DecodeMsgpack(*bytes, type);
    ASSERT_THAT(back, IsOk()) << back.status() << " for " << v.DebugString();
    EXPECT_EQ(*back, v) << back->DebugString() << "\nvs\n" << v.DebugString();
    auto again = EncodeMsgpack(*back, type);
    ASSERT_THAT(again, IsOk());
    EXPECT_EQ(Hex(*again), Hex(*bytes));
  }
}

TEST(MsgpackTest, RichValueAsDynamic) {
  const Value v = testing::RichValue();
  auto bytes = EncodeMsgpack(v, Type::Dynamic());
  ASSERT_THAT(bytes, IsOk());
  auto back = DecodeMsgpack(*bytes, Type::Dynamic());
  ASSERT_THAT(back, IsOk()) << back.status();
  EXPECT_EQ(*back, v);
}

TEST(MsgpackTest, TruncatedInputIsRejectedAtEveryLength) {
  auto full = EncodeMsgpack(testing::RichValue(), testing::RichType());
  ASSERT_THAT(full, IsOk());
  for (size_t n = 0; n < full->size(); ++n) {
    EXPECT_FALSE(DecodeMsgpack(full->substr(0, n), testing::RichType()).ok()) << n;
  }
}

TEST(MsgpackTest, TrailingBytesAreRejected) {
  EXPECT_THAT(DecodeMsgpack(Bytes("a1 78 00"), Type::String()),
              StatusHasSubstr("unexpected bytes"));
}

TEST(MsgpackTest, MalformedInputIsRejected) {
  for (const char* spec : {"", "c1", "dd ff ff ff ff", "df ff ff ff ff", "db ff ff ff ff",
                           "c6 ff ff ff ff", "c9 ff ff ff ff 00", "d8", "cf 00", "92 c4"}) {
    for (const Type& type :
         {Type::String(), Type::Dynamic(), Type::List(Type::Number()), Type::Map(Type::String())}) {
      EXPECT_FALSE(DecodeMsgpack(Bytes(spec), type).ok()) << spec;
    }
  }
}

TEST(MsgpackTest, RandomBytesNeverCrash) {
  std::mt19937 rng(1234);
  const Type types[] = {testing::RichType(), Type::Dynamic(), Type::List(Type::Map(Type::Number())),
                        Type::Set(Type::Dynamic())};
  for (int i = 0; i < 20000; ++i) {
    std::string bytes(rng() % 40, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    for (const Type& type : types) {
      auto v = DecodeMsgpack(bytes, type);
      if (v.ok()) {
        auto again = EncodeMsgpack(*v, type);
        ASSERT_THAT(again, IsOk()) << Hex(bytes);
        auto back = DecodeMsgpack(*again, type);
        ASSERT_THAT(back, IsOk()) << Hex(bytes);
        EXPECT_EQ(*back, *v) << Hex(bytes);
      }
    }
  }
}

TEST(MsgpackTest, DeeplyNestedDynamicIsAnErrorNotACrash) {
  // Each level: [bin "dynamic" type, <next level>].
  std::string bytes;
  const std::string level = Bytes(R"(92 c4 09 '"dynamic"')");
  for (int i = 0; i < 10000; ++i) bytes += level;
  bytes += Bytes("c0");
  EXPECT_THAT(DecodeMsgpack(bytes, Type::Dynamic()), StatusHasSubstr("nested"));

  // Moderate nesting is fine.
  std::string shallow;
  for (int i = 0; i < 100; ++i) shallow += level;
  shallow += Bytes("c0");
  EXPECT_THAT(DecodeMsgpack(shallow, Type::Dynamic()), IsOk());
}

TEST(MsgpackTest, DeeplyNestedTypeIsAnErrorNotACrash) {
  Type type = Type::String();
  for (int i = 0; i < 1000; ++i) type = Type::List(type);
  std::string bytes(1000, static_cast<char>(0x91));
  bytes += Bytes("a1 78");
  EXPECT_THAT(DecodeMsgpack(bytes, type), StatusHasSubstr("nested"));
  // And the encoder refuses equally deep values rather than recursing without
  // bound.
  Value v = Value::String("x");
  Type t = Type::String();
  for (int i = 0; i < 1000; ++i) {
    v = Value::List(t, {v});
    t = Type::List(t);
  }
  EXPECT_THAT(EncodeMsgpack(v, t), StatusHasSubstr("nested"));
}

}  // namespace
}  // namespace orgiam::cty
