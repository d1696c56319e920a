// Passwords the provider makes up: long, varied, never the same twice.

#include "util/random_secret.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "absl/strings/ascii.h"

namespace orgiam::util {
namespace {

TEST(RandomPasswordTest, HasTheLengthAndEveryCharacterClass) {
  for (int length : {4, 12, 40, 128}) {
    absl::StatusOr<std::string> password = RandomPassword(length);
    ASSERT_TRUE(password.ok()) << password.status();
    EXPECT_EQ(password->size(), static_cast<size_t>(length));
    bool lower = false, upper = false, digit = false, other = false;
    for (char c : *password) {
      const unsigned char byte = static_cast<unsigned char>(c);
      ASSERT_TRUE(absl::ascii_isgraph(byte)) << static_cast<int>(c);
      EXPECT_NE(c, '"');
      EXPECT_NE(c, '\\');
      lower = lower || absl::ascii_islower(byte);
      upper = upper || absl::ascii_isupper(byte);
      digit = digit || absl::ascii_isdigit(byte);
      other = other || !absl::ascii_isalnum(byte);
    }
    EXPECT_TRUE(lower && upper && digit && other) << *password;
  }
}

TEST(RandomPasswordTest, NeverRepeatsAndUsesTheWholeAlphabet) {
  std::set<std::string> seen;
  std::set<char> characters;
  for (int i = 0; i < 200; ++i) {
    absl::StatusOr<std::string> password = RandomPassword();
    ASSERT_TRUE(password.ok());
    EXPECT_TRUE(seen.insert(*password).second);
    characters.insert(password->begin(), password->end());
  }
  // 8000 draws from 73 characters: every one shows up.
  EXPECT_EQ(characters.size(), 73u);
}

// The shortest password holds all four classes in only about one draw in 16: it must still
// always succeed.
TEST(RandomPasswordTest, TheShortestAlwaysSucceeds) {
  for (int i = 0; i < 500; ++i) {
    absl::StatusOr<std::string> password = RandomPassword(4);
    ASSERT_TRUE(password.ok()) << "call " << i << ": " << password.status();
  }
}

TEST(RandomPasswordTest, RefusesTooShort) {
  EXPECT_EQ(RandomPassword(3).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace orgiam::util
