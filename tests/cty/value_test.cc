#include "cty/value.h"

#include <string>

#include "gtest/gtest.h"
#include "util/misuse.h"

namespace orgiam::cty {
namespace {

TEST(ValueTest, DefaultIsNullDynamic) {
  Value v;
  EXPECT_TRUE(v.IsNull());
  EXPECT_TRUE(v.IsKnown());
  EXPECT_TRUE(v.type().IsDynamic());
  EXPECT_EQ(v, Value::Null(Type::Dynamic()));
}

TEST(ValueTest, Primitives) {
  EXPECT_EQ(Value::String("x").AsString(), "x");
  EXPECT_EQ(Value::String("x").type(), Type::String());
  EXPECT_EQ(Value::Int(-3).AsNumber().text(), "-3");
  EXPECT_EQ(Value::Number(*Number::Parse("1.5")).AsNumber().text(), "1.5");
  EXPECT_TRUE(Value::Bool(true).AsBool());
  EXPECT_FALSE(Value::Bool(false).AsBool());
  EXPECT_TRUE(Value::String("x").IsWhollyKnown());
  EXPECT_FALSE(Value::String("x").IsNullOrUnknown());
}

TEST(ValueTest, NullAndUnknown) {
  const Value null = Value::Null(Type::String());
  EXPECT_TRUE(null.IsNull());
  EXPECT_TRUE(null.IsKnown());
  EXPECT_TRUE(null.IsWhollyKnown());
  EXPECT_TRUE(null.IsNullOrUnknown());
  const Value unknown = Value::Unknown(Type::String());
  EXPECT_FALSE(unknown.IsNull());
  EXPECT_FALSE(unknown.IsKnown());
  EXPECT_FALSE(unknown.IsWhollyKnown());
  EXPECT_TRUE(unknown.refinements().empty());
  EXPECT_NE(null, unknown);
}

TEST(ValueTest, AccessorsOnWrongKindAreSafe) {
  EXPECT_EQ(Value::Int(1).AsString(), "");
  EXPECT_EQ(Value::String("1").AsNumber().text(), "0");
  EXPECT_FALSE(Value::Null(Type::Bool()).AsBool());
  EXPECT_TRUE(Value::String("x").Elements().empty());
  EXPECT_TRUE(Value::String("x").Entries().empty());
  EXPECT_TRUE(Value::String("x").GetAttr("a").IsNull());
  EXPECT_EQ(Value::String("x").LengthOrZero(), 0u);
}

TEST(ValueTest, RefinementsAreKeptButIgnoredByEquality) {
  Refinements r;
  r.not_null = true;
  r.string_prefix = "pre-";
  const Value refined = Value::Unknown(Type::String(), r);
  EXPECT_EQ(refined.refinements(), r);
  EXPECT_EQ(refined, Value::Unknown(Type::String()));
  EXPECT_NE(refined, Value::Unknown(Type::Number()));
}

TEST(ValueTest, EqualityRequiresSameType) {
  EXPECT_NE(Value::Null(Type::String()), Value::Null(Type::Number()));
  EXPECT_NE(Value::Null(Type::String()), Value::Null(Type::Dynamic()));
  EXPECT_NE(Value::List(Type::String(), {}), Value::Set(Type::String(), {}));
  EXPECT_EQ(Value::List(Type::String(), {}), Value::List(Type::String(), {}));
  EXPECT_NE(Value::List(Type::String(), {}), Value::List(Type::Number(), {}));
  EXPECT_EQ(Value::Int(1), Value::Number(*Number::Parse("1.0")));
}

TEST(ValueTest, ListAndTuple) {
  const Value list = Value::List(Type::String(), {Value::String("a"), Value::String("b")});
  EXPECT_EQ(list.type(), Type::List(Type::String()));
  EXPECT_EQ(list.LengthOrZero(), 2u);
  EXPECT_EQ(list.Elements()[1].AsString(), "b");
  EXPECT_NE(list, Value::List(Type::String(), {Value::String("b"), Value::String("a")}));

  const Value tuple = Value::Tuple({Value::String("a"), Value::Int(1)});
  EXPECT_EQ(tuple.type(), Type::Tuple({Type::String(), Type::Number()}));
}

TEST(ValueTest, UntypedNullsAdoptTheSlotType) {
  const Value list = Value::List(Type::String(), {Value(), Value::Unknown(Type::Dynamic())});
  EXPECT_EQ(list.Elements()[0].type(), Type::String());
  EXPECT_EQ(list.Elements()[1].type(), Type::String());
  EXPECT_FALSE(list.IsWhollyKnown());
}

TEST(ValueTest, SetsDedupeAndIgnoreOrder) {
  const Value a =
      Value::Set(Type::String(), {Value::String("b"), Value::String("a"), Value::String("b")});
  const Value b = Value::Set(Type::String(), {Value::String("a"), Value::String("b")});
  EXPECT_EQ(a.LengthOrZero(), 2u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.Elements()[0].AsString(), "a");  // canonical order
  EXPECT_NE(a, Value::Set(Type::String(), {Value::String("a")}));
}

TEST(ValueTest, SetsOfNumbersOrderNumerically) {
  const Value s = Value::Set(Type::Number(), {Value::Int(10), Value::Int(9), Value::Int(-1),
                                              Value::Number(*Number::Parse("10.0"))});
  ASSERT_EQ(s.LengthOrZero(), 3u);
  EXPECT_EQ(s.Elements()[0].AsNumber().text(), "-1");
  EXPECT_EQ(s.Elements()[2].AsNumber().text(), "10");
}

TEST(ValueTest, SetsKeepUnknownElementsApart) {
  // As in cty, two unknowns might turn out different, so both stay.
  const Value s =
      Value::Set(Type::String(), {Value::Unknown(Type::String()), Value::Unknown(Type::String())});
  EXPECT_EQ(s.LengthOrZero(), 2u);
  const Type obj = Type::Object({{"a", Type::String()}, {"id", Type::String()}});
  auto element = [&](const char* a) {
    return Value::Object(obj, {{"a", Value::String(a)}, {"id", Value::Unknown(Type::String())}});
  };
  EXPECT_EQ(Value::Set(obj, {element("x"), element("x"), element("y")}).LengthOrZero(), 3u);
  // Nulls are known and collapse.
  EXPECT_EQ(Value::Set(Type::String(), {Value(), Value::Null(Type::String())}).LengthOrZero(), 1u);
}

TEST(ValueTest, SetsOfObjectsCompareAsSets) {
  const Type obj = Type::Object({{"n", Type::Number()}, {"s", Type::String()}});
  auto element = [&](int n, const char* s) {
    return Value::Object(obj, {{"n", Value::Int(n)}, {"s", Value::String(s)}});
  };
  EXPECT_EQ(Value::Set(obj, {element(1, "a"), element(2, "b")}),
            Value::Set(obj, {element(2, "b"), element(1, "a"), element(2, "b")}));
}

TEST(ValueTest, MapAndObject) {
  const Value map = Value::Map(Type::Number(), {{"a", Value::Int(1)}, {"b", Value::Int(2)}});
  EXPECT_EQ(map.type(), Type::Map(Type::Number()));
  EXPECT_EQ(map.Entries().at("b").AsNumber().text(), "2");
  EXPECT_TRUE(map.GetAttr("a").IsNull());  // maps have no attributes

  const Value obj = Value::Object({{"name", Value::String("x")}, {"n", Value::Int(1)}});
  EXPECT_EQ(obj.type(), Type::Object({{"name", Type::String()}, {"n", Type::Number()}}));
  EXPECT_EQ(obj.GetAttr("name").AsString(), "x");
  EXPECT_EQ(obj.LengthOrZero(), 2u);
}

TEST(ValueTest, ObjectWithTypeFillsMissingAttributesWithNulls) {
  const Type type = Type::Object({{"a", Type::String()}, {"b", Type::List(Type::Number())}});
  const Value obj = Value::Object(type, {{"a", Value::String("x")}});
  EXPECT_EQ(obj.type(), type);
  EXPECT_TRUE(obj.GetAttr("b").IsNull());
  EXPECT_EQ(obj.GetAttr("b").type(), Type::List(Type::Number()));
  EXPECT_EQ(obj, Value::Object(type, {{"a", Value::String("x")}, {"b", Value()}}));
}

TEST(ValueTest, ObjectWithTypeKeepsExtraAttributesVisible) {
  const Type type = Type::Object({{"a", Type::String()}});
  const Value obj = Value::Object(type, {{"a", Value::String("x")}, {"typo", Value::Int(1)}});
  EXPECT_NE(obj.type(), type);
  EXPECT_EQ(obj.type().attributes().count("typo"), 1u);
}

TEST(ValueTest, WithAttr) {
  const Type type = Type::Object({{"a", Type::String()}, {"b", Type::Number()}});
  const Value obj = Value::Object(type, {{"a", Value::String("x")}, {"b", Value::Int(1)}});
  const Value changed = obj.WithAttr("b", Value::Int(2));
  EXPECT_EQ(changed.GetAttr("b").AsNumber().text(), "2");
  EXPECT_EQ(obj.GetAttr("b").AsNumber().text(), "1");  // immutable
  EXPECT_EQ(changed.type(), type);
  EXPECT_EQ(obj.WithAttr("b", Value()).GetAttr("b").type(), Type::Number());
  EXPECT_EQ(obj.WithAttr("b", Value::Unknown(Type::Number())).IsWhollyKnown(), false);
}

// A name the object's type lacks is a programming error (util/misuse.h): strict mode aborts
// naming the attribute; otherwise GetAttr yields a null of type Dynamic and WithAttr the
// object unchanged, never with a stray attribute.
TEST(ValueDeathTest, AttributesTheTypeLacks) {
  const Type type = Type::Object({{"a", Type::String()}, {"b", Type::Number()}});
  const Value obj = Value::Object(type, {{"a", Value::String("x")}, {"b", Value::Int(1)}});
  EXPECT_DEATH(
      {
        util::SetStrictChecksForTesting(true);
        obj.GetAttr("missing");
      },
      "GetAttr\\(\"missing\"\\) on object \\{a, b\\}");
  EXPECT_DEATH(
      {
        util::SetStrictChecksForTesting(true);
        obj.WithAttr("nope", Value::Int(2));
      },
      "WithAttr\\(\"nope\"\\) on object \\{a, b\\}");
  const bool strict = util::StrictChecks();
  util::SetStrictChecksForTesting(false);
  EXPECT_TRUE(obj.GetAttr("missing").IsNull());
  EXPECT_TRUE(obj.GetAttr("missing").type().IsDynamic());
  EXPECT_EQ(obj.WithAttr("nope", Value::Int(2)), obj);
  EXPECT_EQ(util::TakeMisuseReports().size(), 3u);
  util::SetStrictChecksForTesting(strict);
}

TEST(ValueTest, WhollyKnownLooksInside) {
  const Value nested = Value::Object(
      {{"l", Value::List(Type::String(), {Value::String("a"), Value::Unknown(Type::String())})}});
  EXPECT_TRUE(nested.IsKnown());
  EXPECT_FALSE(nested.IsWhollyKnown());
  EXPECT_TRUE(Value::Object({{"x", Value::Null(Type::String())}}).IsWhollyKnown());
}

TEST(ValueTest, DebugString) {
  const Value obj =
      Value::Object({{"name", Value::String("x\"y")},
                     {"n", Value::Int(1)},
                     {"id", Value::Unknown(Type::String())},
                     {"tags", Value::Map(Type::String(), {{"env", Value::String("p")}})},
                     {"l", Value::List(Type::Bool(), {Value::Bool(true)})},
                     {"z", Value::Null(Type::String())}});
  EXPECT_EQ(
      obj.DebugString(),
      R"({id = (unknown), l = [true], n = 1, name = "x\"y", tags = {"env" = "p"}, z = null})");
}

}  // namespace
}  // namespace orgiam::cty
