#include "cty/path.h"

#include "gtest/gtest.h"

namespace orgiam::cty {
namespace {

TEST(PathTest, ToString) {
  EXPECT_EQ(Path().ToString(), "");
  EXPECT_EQ(Path().Attr("vultr").Attr("api_key").ToString(), "vultr.api_key");
  EXPECT_EQ(Path().Attr("users").Index(0).Attr("email").ToString(), "users[0].email");
  EXPECT_EQ(Path().Attr("tags").Key("env").ToString(), R"(tags["env"])");
  EXPECT_EQ(Path().Attr("tags").Key("a\"b\\c").ToString(), R"(tags["a\"b\\c"])");
  EXPECT_EQ(Path().Index(3).Attr("x").ToString(), "[3].x");
}

TEST(PathTest, StepsAndPrefix) {
  const Path p = Path().Attr("a").Index(1).Key("k");
  ASSERT_EQ(p.steps().size(), 3u);
  EXPECT_EQ(std::get<AttrStep>(p.steps()[0]).name, "a");
  EXPECT_EQ(std::get<IndexStep>(p.steps()[1]).index, 1);
  EXPECT_EQ(std::get<KeyStep>(p.steps()[2]).key, "k");
  EXPECT_TRUE(p.HasPrefix(Path()));
  EXPECT_TRUE(p.HasPrefix(Path().Attr("a")));
  EXPECT_TRUE(p.HasPrefix(Path().Attr("a").Index(1)));
  EXPECT_TRUE(p.HasPrefix(p));
  EXPECT_FALSE(p.HasPrefix(Path().Attr("b")));
  EXPECT_FALSE(p.HasPrefix(Path().Attr("a").Index(2)));
  EXPECT_FALSE(Path().Attr("a").HasPrefix(p));
  EXPECT_EQ(p, Path({AttrStep{"a"}, IndexStep{1}, KeyStep{"k"}}));
  EXPECT_TRUE(Path().empty());
}

TEST(PathTest, Apply) {
  const Value root = Value::Object({
      {"users", Value::List(Type::Object({{"email", Type::String()}}),
                            {Value::Object({{"email", Value::String("a@x")}}),
                             Value::Object({{"email", Value::String("b@x")}})})},
      {"tags", Value::Map(Type::String(), {{"env", Value::String("prod")}})},
      {"pair", Value::Tuple({Value::Int(1), Value::String("two")})},
      {"gone", Value::Null(Type::Object({{"x", Type::String()}}))},
      {"later", Value::Unknown(Type::Object({{"x", Type::List(Type::Number())}}))},
  });
  EXPECT_EQ(Path().Attr("users").Index(1).Attr("email").Apply(root).AsString(), "b@x");
  EXPECT_EQ(Path().Attr("tags").Key("env").Apply(root).AsString(), "prod");
  EXPECT_EQ(Path().Attr("pair").Index(1).Apply(root).AsString(), "two");
  EXPECT_EQ(Path().Apply(root), root);

  // Missing steps give a null of type Dynamic.
  for (const Path& missing : {Path().Attr("nope"), Path().Attr("users").Index(5),
                              Path().Attr("users").Index(-1), Path().Attr("tags").Key("x"),
                              Path().Attr("users").Key("0"), Path().Attr("gone").Attr("x")}) {
    const Value v = missing.Apply(root);
    EXPECT_TRUE(v.IsNull()) << missing.ToString();
    EXPECT_TRUE(v.type().IsDynamic()) << missing.ToString();
  }

  // Inside an unknown, the result is unknown, typed when the type tells.
  const Value inner = Path().Attr("later").Attr("x").Index(0).Apply(root);
  EXPECT_FALSE(inner.IsKnown());
  EXPECT_EQ(inner.type(), Type::Number());
}

}  // namespace
}  // namespace orgiam::cty
