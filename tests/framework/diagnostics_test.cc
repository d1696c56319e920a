// What a diagnostic may carry to Terraform: valid UTF-8 only (protobuf string
// fields), of bounded length; and how untrusted text is quoted into one.

#include "framework/diagnostics.h"

#include <string>
#include <vector>

#include "cty/utf8.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace orgiam::framework {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kReplacement[] = "\xef\xbf\xbd";  // U+FFFD

// Independent of the code under test: Python-style strict decoding rules,
// spelled out as the set of well-formed sequences (Unicode Table 3-7).
bool IsWellFormed(const std::string& s) {
  size_t i = 0;
  auto in = [&](size_t k, int lo, int hi) {
    return k < s.size() && static_cast<unsigned char>(s[k]) >= lo &&
           static_cast<unsigned char>(s[k]) <= hi;
  };
  while (i < s.size()) {
    const int c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      i += 1;
    } else if (c >= 0xc2 && c <= 0xdf && in(i + 1, 0x80, 0xbf)) {
      i += 2;
    } else if ((c == 0xe0 && in(i + 1, 0xa0, 0xbf)) ||
               (((c >= 0xe1 && c <= 0xec) || c == 0xee || c == 0xef) && in(i + 1, 0x80, 0xbf)) ||
               (c == 0xed && in(i + 1, 0x80, 0x9f))) {
      if (!in(i + 2, 0x80, 0xbf)) return false;
      i += 3;
    } else if ((c == 0xf0 && in(i + 1, 0x90, 0xbf)) ||
               (c >= 0xf1 && c <= 0xf3 && in(i + 1, 0x80, 0xbf)) ||
               (c == 0xf4 && in(i + 1, 0x80, 0x8f))) {
      if (!in(i + 2, 0x80, 0xbf) || !in(i + 3, 0x80, 0xbf)) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

std::string Repeat(const std::string& piece, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(ToValidUtf8Test, KeepsValidText) {
  for (const std::string& text :
       {std::string(""), std::string("plain"), std::string("Zoë \xe2\x82\xac \xf0\x9f\x92\xa9"),
        std::string("nul\0inside", 10), std::string("\xef\xbf\xbd")}) {
    EXPECT_EQ(cty::ToValidUtf8(text), text);
  }
}

TEST(ToValidUtf8Test, ReplacesEachMaximalIllFormedSubpart) {
  // Examples from Unicode §3.9 (U+FFFD substitution of maximal subparts).
  EXPECT_EQ(cty::ToValidUtf8("a\xff"
                             "b"),
            std::string("a") + kReplacement + "b");
  EXPECT_EQ(cty::ToValidUtf8("\xc0\xaf"), Repeat(kReplacement, 2));          // overlong
  EXPECT_EQ(cty::ToValidUtf8("\xe0\x80\xaf"), Repeat(kReplacement, 3));      // overlong
  EXPECT_EQ(cty::ToValidUtf8("\xed\xa0\x80"), Repeat(kReplacement, 3));      // surrogate
  EXPECT_EQ(cty::ToValidUtf8("\xf4\x90\x80\x80"), Repeat(kReplacement, 4));  // > U+10FFFF
  EXPECT_EQ(cty::ToValidUtf8("\xe2\x82"
                             "x"),
            std::string(kReplacement) + "x");                        // truncated
  EXPECT_EQ(cty::ToValidUtf8("\xf0\x9f\x92"), kReplacement);         // truncated at end
  EXPECT_EQ(cty::ToValidUtf8("\x80\x80"), Repeat(kReplacement, 2));  // stray
  EXPECT_EQ(cty::ToValidUtf8("\x61\xf1\x80\x80\xe1\x80\xc2\x62\x80\x63\x80\xbf\x64"),
            std::string("a") + kReplacement + kReplacement + kReplacement + "b" + kReplacement +
                "c" + kReplacement + kReplacement + "d");
}

TEST(ToValidUtf8Test, OutputIsAlwaysWellFormed) {
  // Every one- and two-byte string, and three-byte strings around the tricky
  // lead bytes.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string text{static_cast<char>(a), static_cast<char>(b)};
      const std::string out = cty::ToValidUtf8(text);
      EXPECT_TRUE(IsWellFormed(out)) << a << " " << b;
      EXPECT_EQ(out == text, IsWellFormed(text)) << a << " " << b;
    }
  }
  for (int a : {0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5}) {
    for (int b = 0x70; b < 0xd0; ++b) {
      for (int c : {0x41, 0x80, 0xbf, 0xc0}) {
        const std::string text{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        EXPECT_TRUE(IsWellFormed(cty::ToValidUtf8(text))) << a << " " << b << " " << c;
      }
    }
  }
}

TEST(Utf8PrefixLengthTest, CutsOnCharacterBoundaries) {
  const std::string text =
      "a\xe2\x82\xac"
      "b";  // a € b
  EXPECT_EQ(cty::Utf8PrefixLength(text, 10), 5u);
  EXPECT_EQ(cty::Utf8PrefixLength(text, 5), 5u);
  EXPECT_EQ(cty::Utf8PrefixLength(text, 4), 4u);
  EXPECT_EQ(cty::Utf8PrefixLength(text, 3), 1u);
  EXPECT_EQ(cty::Utf8PrefixLength(text, 2), 1u);
  EXPECT_EQ(cty::Utf8PrefixLength(text, 1), 1u);
  EXPECT_EQ(cty::Utf8PrefixLength(text, 0), 0u);
  EXPECT_EQ(cty::Utf8PrefixLength("\xf0\x9f\x92\xa9", 3), 0u);
}

TEST(WireTextTest, ShortValidTextIsUnchanged) {
  EXPECT_EQ(WireText("Vultr API: GET /v2/users failed (HTTP 500): oops", 8192),
            "Vultr API: GET /v2/users failed (HTTP 500): oops");
}

TEST(WireTextTest, InvalidBytesBecomeReplacementCharacters) {
  const std::string out = WireText("body: \xff\xfe{\"error\": \"\xc3\"}", 8192);
  EXPECT_TRUE(IsWellFormed(out));
  EXPECT_EQ(out, std::string("body: ") + kReplacement + kReplacement + "{\"error\": \"" +
                     kReplacement + "\"}");
}

TEST(WireTextTest, LongTextIsCutWithinTheBoundWithANote) {
  const std::string out = WireText(std::string(20000, 'x'), kMaxDiagnosticDetailBytes);
  EXPECT_LE(out.size(), kMaxDiagnosticDetailBytes);
  EXPECT_GT(out.size(), kMaxDiagnosticDetailBytes - 64);
  const size_t kept = out.find(' ');
  ASSERT_NE(kept, std::string::npos);
  EXPECT_EQ(out.substr(0, kept), std::string(kept, 'x'));
  EXPECT_EQ(out.substr(kept), " [... " + std::to_string(20000 - kept) + " more bytes not shown]");
}

TEST(WireTextTest, CutNeverSplitsACharacter) {
  // Every alignment of 2-, 3- and 4-byte characters against the cut.
  for (const std::string& piece :
       std::vector<std::string>{"\xc3\xab", "\xe2\x82\xac", "\xf0\x9f\x92\xa9"}) {
    for (size_t prefix = 0; prefix < 4; ++prefix) {
      const std::string text = std::string(prefix, 'a') + Repeat(piece, 5000);
      const std::string out = WireText(text, kMaxDiagnosticDetailBytes);
      EXPECT_LE(out.size(), kMaxDiagnosticDetailBytes);
      EXPECT_TRUE(IsWellFormed(out)) << prefix;
      EXPECT_THAT(out, HasSubstr("more bytes not shown]"));
    }
  }
}

TEST(WireTextTest, InvalidAndLongTogether) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "\xff\xe2\x82";
  const std::string out = WireText(text, kMaxDiagnosticDetailBytes);
  EXPECT_LE(out.size(), kMaxDiagnosticDetailBytes);
  EXPECT_TRUE(IsWellFormed(out));
  EXPECT_THAT(out, StartsWith(Repeat(kReplacement, 100)));
}

TEST(WireTextTest, BoundSmallerThanTheNoteStillHolds) {
  EXPECT_EQ(WireText("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac", 7), "\xe2\x82\xac\xe2\x82\xac");
  EXPECT_EQ(WireText("abc", 0), "");
}

TEST(QuotedExcerptTest, QuotesAndEscapes) {
  EXPECT_EQ(QuotedExcerpt("user@example.com"), "\"user@example.com\"");
  EXPECT_EQ(QuotedExcerpt("say \"hi\" \\ now"), "\"say \\\"hi\\\" \\\\ now\"");
  EXPECT_EQ(QuotedExcerpt(std::string("a\0b\n\r\t\x1b\x7f", 8)), "\"a\\x00b\\n\\r\\t\\x1b\\x7f\"");
  EXPECT_EQ(QuotedExcerpt("c1:\xc2\x85 bidi:\xe2\x80\xae zw:\xe2\x80\x8b"),
            "\"c1:\\u0085 bidi:\\u202e zw:\\u200b\"");
  EXPECT_EQ(QuotedExcerpt("bad:\xff\xe2\x82"), "\"bad:\\xff\\xe2\\x82\"");
  EXPECT_EQ(QuotedExcerpt("Zoë €"), "\"Zoë €\"");
}

TEST(QuotedExcerptTest, IsBoundedInCharacters) {
  EXPECT_EQ(QuotedExcerpt(std::string(100, 'x'), 10), "\"" + std::string(10, 'x') + "\"...");
  EXPECT_EQ(QuotedExcerpt(Repeat("\xe2\x82\xac", 100), 3),
            "\"\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\"...");
  EXPECT_EQ(QuotedExcerpt(std::string(10, 'x'), 10), "\"" + std::string(10, 'x') + "\"");
  // Escapes count as one character each; the result stays small.
  EXPECT_LE(QuotedExcerpt(std::string(100000, '\0')).size(), 64u * 4 + 5);
  EXPECT_TRUE(IsWellFormed(QuotedExcerpt(Repeat("\xff\xe2\x82", 1000))));
}

}  // namespace
}  // namespace orgiam::framework
