// Times compared as instants: util/rfc3339_time.h.

#include "util/rfc3339_time.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace orgiam::util {
namespace {

TEST(SameInstantTest, OffsetAndZuluSpellingsOfOneInstantAreEqual) {
  EXPECT_TRUE(SameInstant("2030-01-01T00:00:00+00:00", "2030-01-01T00:00:00Z"));
  EXPECT_TRUE(SameInstant("2030-01-01T02:00:00+02:00", "2030-01-01T00:00:00Z"));
  EXPECT_TRUE(SameInstant("2029-12-31T19:00:00-05:00", "2030-01-01T00:00:00.000Z"));
}

TEST(SameInstantTest, DifferentInstantsDiffer) {
  EXPECT_FALSE(SameInstant("2030-01-01T00:00:01Z", "2030-01-01T00:00:00Z"));
  EXPECT_FALSE(SameInstant("2030-01-01T00:00:00+01:00", "2030-01-01T00:00:00Z"));
  EXPECT_FALSE(SameInstant("2030-01-01T00:00:00.5Z", "2030-01-01T00:00:00Z"));
}

TEST(SameInstantTest, EmptyAndUnparsableTextIsEqualOnlyToItself) {
  EXPECT_TRUE(SameInstant("", ""));
  EXPECT_FALSE(SameInstant("", "2030-01-01T00:00:00Z"));
  EXPECT_FALSE(SameInstant("2030-01-01T00:00:00Z", ""));
  EXPECT_TRUE(SameInstant("soon", "soon"));
  EXPECT_FALSE(SameInstant("soon", "later"));
  EXPECT_FALSE(SameInstant("2030-01-01", "2030-01-01T00:00:00Z"));
}

TEST(SameInstantTest, PrecisionTruncatesBothSides) {
  const absl::Duration second = absl::Seconds(1);
  // What Vultr does to a fractional date_expire: it keeps the whole second.
  EXPECT_TRUE(SameInstant("2030-01-01T00:00:07.5Z", "2030-01-01T00:00:07+00:00", second));
  EXPECT_TRUE(SameInstant("2030-01-01T00:00:07.999Z", "2030-01-01T00:00:07.001Z", second));
  EXPECT_FALSE(SameInstant("2030-01-01T00:00:07.5Z", "2030-01-01T00:00:08+00:00", second));
  // Before 1970 the truncation goes toward the past as well.
  EXPECT_TRUE(SameInstant("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59Z", second));
  EXPECT_FALSE(SameInstant("1969-12-31T23:59:59.5Z", "1970-01-01T00:00:00Z", second));
}

TEST(FormatRfc3339UtcTest, UtcWithZAndFractionOnlyWhenThereIsOne) {
  std::optional<absl::Time> time = ParseRfc3339("2030-01-01T02:00:00+02:00");
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(FormatRfc3339Utc(*time), "2030-01-01T00:00:00Z");
  time = ParseRfc3339("2026-11-23T13:40:00.125+00:00");
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(FormatRfc3339Utc(*time), "2026-11-23T13:40:00.125Z");
}

TEST(FormatRfc3339UtcTest, AtAVendorsPrecisionTheTimeIsTruncated) {
  std::optional<absl::Time> time = ParseRfc3339("2026-11-23T14:40:00.120999+01:00");
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(FormatRfc3339Utc(*time, absl::Seconds(1)), "2026-11-23T13:40:00Z");
  EXPECT_EQ(FormatRfc3339Utc(*time, absl::Milliseconds(1)), "2026-11-23T13:40:00.120Z");
  EXPECT_EQ(FormatRfc3339Utc(*time, absl::Microseconds(1)), "2026-11-23T13:40:00.120999Z");
  time = ParseRfc3339("2026-11-23T13:40:00Z");
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(FormatRfc3339Utc(*time, absl::Milliseconds(1)), "2026-11-23T13:40:00.000Z");
  // Microseconds (ZITADEL) truncate, and write a fraction only when there is one.
  EXPECT_EQ(FormatRfc3339Utc(*time, absl::Microseconds(1)), "2026-11-23T13:40:00Z");
  time = ParseRfc3339("2026-11-23T13:40:00.1234567Z");
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(FormatRfc3339Utc(*time, absl::Microseconds(1)), "2026-11-23T13:40:00.123456Z");
}

TEST(ParseRfc3339Test, RefusesEmptyAndNonTimes) {
  EXPECT_FALSE(ParseRfc3339("").has_value());
  EXPECT_FALSE(ParseRfc3339("tomorrow").has_value());
  EXPECT_FALSE(ParseRfc3339("2030-01-01").has_value());
  EXPECT_TRUE(ParseRfc3339("2030-01-01T00:00:00Z").has_value());
}

TEST(StateSpellingTest, KeepsTheKnownSpellingOfTheSameInstant) {
  EXPECT_EQ(StateSpelling("2030-01-01T00:00:00Z", "2030-01-01T00:00:00+00:00"),
            "2030-01-01T00:00:00Z");
  EXPECT_EQ(StateSpelling("2030-01-01T01:00:00+01:00", "2030-01-01T00:00:00+00:00"),
            "2030-01-01T01:00:00+01:00");
  EXPECT_EQ(StateSpelling("2030-01-01T00:00:07.5Z", "2030-01-01T00:00:07+00:00", absl::Seconds(1)),
            "2030-01-01T00:00:07.5Z");
}

TEST(StateSpellingTest, WithoutAKnownSpellingOfTheInstantWritesUtcZ) {
  // An import: nothing known yet.
  EXPECT_EQ(StateSpelling("", "2030-01-01T00:00:00+00:00"), "2030-01-01T00:00:00Z");
  // Another instant than the known one: the API's, in the canonical spelling.
  EXPECT_EQ(StateSpelling("2029-01-01T00:00:00Z", "2030-01-01T05:30:00+05:30"),
            "2030-01-01T00:00:00Z");
  // At the API's precision, in its digits.
  EXPECT_EQ(StateSpelling("", "2026-11-23T14:40:00.500+01:00", absl::Milliseconds(1)),
            "2026-11-23T13:40:00.500Z");
  // Without the precision, a fraction the API dropped is another instant.
  EXPECT_EQ(StateSpelling("2030-01-01T00:00:07.5Z", "2030-01-01T00:00:07+00:00"),
            "2030-01-01T00:00:07Z");
}

TEST(StateSpellingTest, KeepsWhatIsNotATimeAsTheApiWroteIt) {
  EXPECT_EQ(StateSpelling("2030-01-01T00:00:00Z", ""), "");
  EXPECT_EQ(StateSpelling("", "never"), "never");
}

TEST(Rfc3339HasPassedTest, ComparesWithNow) {
  const absl::Time now = absl::FromUnixSeconds(1900000000);  // 2030-03-17T17:46:40Z
  EXPECT_TRUE(Rfc3339HasPassed("2030-03-17T17:46:39+00:00", now));
  EXPECT_TRUE(Rfc3339HasPassed("2030-03-17T17:46:40Z", now));  // expired at that instant
  EXPECT_TRUE(Rfc3339HasPassed("2030-03-17T18:46:39+01:00", now));
  EXPECT_FALSE(Rfc3339HasPassed("2030-03-17T17:46:41Z", now));
  EXPECT_FALSE(Rfc3339HasPassed("", now));
  EXPECT_FALSE(Rfc3339HasPassed("not a time", now));
}

}  // namespace
}  // namespace orgiam::util
