#include "cty/number.h"

#include <cmath>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace orgiam::cty {
namespace {

std::string Canonical(std::string_view text) {
  auto n = Number::Parse(text);
  return n.ok() ? n->text() : "error: " + std::string(n.status().message());
}

TEST(NumberTest, DefaultIsZero) { EXPECT_EQ(Number().text(), "0"); }

TEST(NumberTest, ParseCanonicalizes) {
  EXPECT_EQ(Canonical("12"), "12");
  EXPECT_EQ(Canonical("-0.50"), "-0.5");
  EXPECT_EQ(Canonical("1e30"), "1000000000000000000000000000000");
  EXPECT_EQ(Canonical("1.5E-3"), "0.0015");
  EXPECT_EQ(Canonical("1.5e+3"), "1500");
  EXPECT_EQ(Canonical("+7"), "7");
  EXPECT_EQ(Canonical("007.100"), "7.1");
  EXPECT_EQ(Canonical(".5"), "0.5");
  EXPECT_EQ(Canonical("5."), "5");
  EXPECT_EQ(Canonical("-0"), "0");
  EXPECT_EQ(Canonical("-0.000e7"), "0");
  EXPECT_EQ(Canonical("0e999999999999"), "0");
  EXPECT_EQ(Canonical("123.456e-5"), "0.00123456");
  EXPECT_EQ(Canonical("123.456e2"), "12345.6");
  EXPECT_EQ(Canonical("123456789012345678901234567890"), "123456789012345678901234567890");
  EXPECT_EQ(Canonical("0.1000000000000000055511151231257827"),
            "0.1000000000000000055511151231257827");
}

TEST(NumberTest, ParseInfinities) {
  EXPECT_EQ(Canonical("+Inf"), "+Inf");
  EXPECT_EQ(Canonical("Inf"), "+Inf");
  EXPECT_EQ(Canonical("-Inf"), "-Inf");
  EXPECT_TRUE(Number::Parse("+Inf")->IsInfinity());
  EXPECT_FALSE(Number::Parse("+Inf")->IsInteger());
}

TEST(NumberTest, ParseRejectsGarbage) {
  for (const char* bad : {"", "-", "+", ".", "e5", "1e", "1e+", "--1", "1.2.3", "0x10", " 1", "1 ",
                          "NaN", "nan", "1,5", "1_000", "Infinity", "\xff"}) {
    EXPECT_FALSE(Number::Parse(bad).ok()) << "\"" << bad << "\"";
  }
}

TEST(NumberTest, ParseRejectsHugeExpansion) {
  EXPECT_FALSE(Number::Parse("1e100000").ok());
  EXPECT_FALSE(Number::Parse("1e-100000").ok());
  EXPECT_FALSE(Number::Parse("1e99999999999999999999").ok());
  EXPECT_TRUE(Number::Parse("1e4000").ok());
}

TEST(NumberTest, FromIntegers) {
  EXPECT_EQ(Number::FromInt64(0).text(), "0");
  EXPECT_EQ(Number::FromInt64(-42).text(), "-42");
  EXPECT_EQ(Number::FromInt64(std::numeric_limits<int64_t>::min()).text(), "-9223372036854775808");
  EXPECT_EQ(Number::FromUint64(std::numeric_limits<uint64_t>::max()).text(),
            "18446744073709551615");
}

TEST(NumberTest, FromDoubleUsesShortestRoundTrip) {
  EXPECT_EQ(Number::FromDouble(0.1).text(), "0.1");
  EXPECT_EQ(Number::FromDouble(-2.5).text(), "-2.5");
  EXPECT_EQ(Number::FromDouble(1e21).text(), "1000000000000000000000");
  EXPECT_EQ(Number::FromDouble(-0.0).text(), "0");
  EXPECT_EQ(Number::FromDouble(std::nan("")).text(), "0");
  EXPECT_EQ(Number::FromDouble(std::numeric_limits<double>::infinity()).text(), "+Inf");
  EXPECT_EQ(Number::FromDouble(-std::numeric_limits<double>::infinity()).text(), "-Inf");
  const Number tiny = Number::FromDouble(5e-324);
  EXPECT_EQ(tiny.text().substr(0, 4), "0.00");
  EXPECT_EQ(tiny.text().back(), '5');
  EXPECT_EQ(tiny.AsDouble(), 5e-324);
}

TEST(NumberTest, IntegerConversions) {
  const Number max = *Number::Parse("9223372036854775807");
  EXPECT_EQ(max.AsInt64(), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(Number::Parse("9223372036854775808")->AsInt64(), std::nullopt);
  EXPECT_EQ(Number::Parse("9223372036854775808")->AsUint64(), 9223372036854775808ull);
  EXPECT_EQ(Number::Parse("18446744073709551616")->AsUint64(), std::nullopt);
  EXPECT_EQ(Number::Parse("-1")->AsUint64(), std::nullopt);
  EXPECT_EQ(Number::Parse("-1")->AsInt64(), -1);
  EXPECT_EQ(Number::Parse("1.5")->AsInt64(), std::nullopt);
  EXPECT_TRUE(Number::Parse("1e3")->IsInteger());
  EXPECT_FALSE(Number::Parse("1.5")->IsInteger());
  EXPECT_TRUE(Number::Parse("-1.5")->IsNegative());
  EXPECT_FALSE(Number::Parse("0")->IsNegative());
}

TEST(NumberTest, AsDouble) {
  EXPECT_EQ(Number::Parse("0.1")->AsDouble(), 0.1);
  EXPECT_EQ(Number::Parse("-2.5")->AsDouble(), -2.5);
  EXPECT_EQ(Number::Parse("9007199254740993")->AsDouble(), 9007199254740992.0);
  EXPECT_TRUE(std::isinf(Number::Parse("1e400")->AsDouble()));
  EXPECT_LT(Number::Parse("-1e400")->AsDouble(), 0);
  EXPECT_EQ(Number::Parse("1e-400")->AsDouble(), 0.0);
  EXPECT_TRUE(std::isinf(Number::Parse("-Inf")->AsDouble()));
}

TEST(NumberTest, ExactlyDouble) {
  EXPECT_TRUE(Number::Parse("0.5")->ExactlyDouble());
  EXPECT_TRUE(Number::Parse("-1.25")->ExactlyDouble());
  EXPECT_TRUE(Number::Parse("9007199254740992")->ExactlyDouble());
  EXPECT_FALSE(Number::Parse("1e300")->ExactlyDouble());
  EXPECT_FALSE(Number::Parse("0.1")->ExactlyDouble());
  EXPECT_FALSE(Number::Parse("9007199254740993")->ExactlyDouble());
  EXPECT_FALSE(Number::Parse("0.1000000000000000055511151231257827")->ExactlyDouble());
  // The exact binary value of the double nearest 0.1.
  EXPECT_TRUE(
      Number::Parse("0.1000000000000000055511151231257827021181583404541015625")->ExactlyDouble());
  EXPECT_FALSE(Number::FromDouble(5e-324).ExactlyDouble());
  EXPECT_TRUE(Number::Parse("+Inf")->ExactlyDouble());
}

TEST(NumberTest, CompareIsNumeric) {
  auto n = [](std::string_view text) { return *Number::Parse(text); };
  EXPECT_EQ(n("1").Compare(n("2")), -1);
  EXPECT_EQ(n("10").Compare(n("9")), 1);
  EXPECT_EQ(n("-10").Compare(n("-9")), -1);
  EXPECT_EQ(n("0.25").Compare(n("0.3")), -1);
  EXPECT_EQ(n("1.05").Compare(n("1.5")), -1);
  EXPECT_EQ(n("1.5").Compare(n("1.50")), 0);
  EXPECT_EQ(n("-0.5").Compare(n("0")), -1);
  EXPECT_EQ(n("-Inf").Compare(n("-1e300")), -1);
  EXPECT_EQ(n("+Inf").Compare(n("1e300")), 1);
  EXPECT_EQ(n("+Inf").Compare(n("+Inf")), 0);
  EXPECT_EQ(n("123456789012345678901234567890").Compare(n("123456789012345678901234567891")), -1);
  EXPECT_TRUE(n("1.0") == n("1"));
  EXPECT_TRUE(n("1.1") != n("1"));
}

}  // namespace
}  // namespace orgiam::cty
