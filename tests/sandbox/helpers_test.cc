// Unit tests of the sandbox's helpers: UTF-8 and Unicode letters, time formats,
// ids.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "clock.h"
#include "ids.h"
#include "motherduck_common.h"
#include "text.h"

namespace orgiam::sandbox {
namespace {

TEST(TextTest, DecodeUtf8RejectsMalformedInput) {
  EXPECT_EQ(DecodeUtf8("aé東😀"), std::u32string(U"aé東😀"));
  for (const std::string& bad :
       {std::string("\xC3"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
        std::string("\xF4\x90\x80\x80"), std::string("\x80"), std::string("a\xE6\x9D")}) {
    EXPECT_FALSE(DecodeUtf8(bad).has_value());
  }
}

TEST(TextTest, UnicodeLetters) {
  for (char32_t letter : {U'a', U'Z', U'é', U'ß', U'Ω', U'Ж', U'東', U'ア', U'한', U'ǅ', U'ʰ', U'א',
                          U'ع', char32_t{0x10400} /* DESERET CAPITAL LONG I */}) {
    EXPECT_TRUE(IsUnicodeLetter(letter)) << static_cast<unsigned>(letter);
  }
  for (char32_t other : {U'0', U'9', U'_', U'-', U' ', U'٣', U'²', char32_t{0x0301}, U'Ⅳ', U'€',
                         char32_t{0x1F600}, char32_t{0}, char32_t{0x10FFFF}}) {
    EXPECT_FALSE(IsUnicodeLetter(other)) << static_cast<unsigned>(other);
  }
}

TEST(TextTest, Utf16Length) {
  EXPECT_EQ(Utf16Length(U"abc"), 3u);
  EXPECT_EQ(Utf16Length(U"a😀"),
            3u);  // a surrogate pair counts twice, as in JavaScript
}

TEST(MotherDuckUsernameTest, Rules) {
  EXPECT_TRUE(MotherDuckUsernameIssues("abc_123").empty());
  EXPECT_TRUE(MotherDuckUsernameIssues("Ünïcödé").empty());
  EXPECT_FALSE(MotherDuckUsernameIssues("9lives").empty());
  EXPECT_FALSE(MotherDuckUsernameIssues("").empty());
  EXPECT_FALSE(MotherDuckUsernameIssues("a\xff").empty());
  // 128 emoji-free letters outside the BMP are 256 UTF-16 units: too long.
  std::string deseret;
  for (int i = 0; i < 128; ++i) deseret += "\xF0\x90\x90\x80";
  EXPECT_FALSE(MotherDuckUsernameIssues(deseret).empty());
}

TEST(ClockTest, Formats) {
  const std::int64_t t = 1795441200LL * kMicrosPerSecond + 123456;  // 2026-11-23T13:40:00Z
  EXPECT_EQ(FormatVultrTime(t), "2026-11-23T13:40:00+00:00");
  EXPECT_EQ(FormatRfc3339Micros(t), "2026-11-23T13:40:00.123456Z");
  EXPECT_EQ(FormatRfc3339Millis(t), "2026-11-23T13:40:00.123Z");
}

TEST(ClockTest, ParseRfc3339) {
  EXPECT_EQ(ParseRfc3339("2026-11-23T13:40:00Z"), 1795441200LL * kMicrosPerSecond);
  EXPECT_EQ(ParseRfc3339("2026-11-23T15:40:00+02:00"), 1795441200LL * kMicrosPerSecond);
  EXPECT_EQ(ParseRfc3339("2026-11-23T13:40:00.5Z"), 1795441200LL * kMicrosPerSecond + 500000);
  for (const char* bad : {"", "2026-11-23", "2026-11-23T13:40:00", "2026-13-01T00:00:00Z",
                          "2026-11-23T13:40:00+0200", "2026-11-23T13:40:00Zjunk", "tomorrow"}) {
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
  }
}

TEST(ClockTest, OffsetMovesNow) {
  Clock clock;
  const std::int64_t before = clock.NowMicros();
  clock.Advance(3600);
  EXPECT_GE(clock.NowMicros() - before, 3600 * kMicrosPerSecond);
  EXPECT_EQ(clock.OffsetSeconds(), 3600);
}

TEST(IdsTest, UuidsAreVersion4AndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewUuid();
    ASSERT_EQ(id.size(), 36u);
    EXPECT_EQ(id[14], '4');
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(IdsTest, Base64UrlRoundTrip) {
  for (const std::string& text :
       {std::string(""), std::string("a"), std::string("ab"), std::string("abc"),
        std::string("next__12345"), std::string("\xff\x00\x10", 3)}) {
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(text)), text);
  }
  EXPECT_FALSE(Base64UrlDecode("a").has_value());
  EXPECT_FALSE(Base64UrlDecode("ab+/").has_value());
}

}  // namespace
}  // namespace orgiam::sandbox
