#include "http/redact.h"

#include <gtest/gtest.h>

namespace orgiam::http::internal {
namespace {

TEST(RedactTest, KeepsRoutesAndPagingSizes) {
  EXPECT_EQ(RedactPath("/v2/users"), "/v2/users");
  EXPECT_EQ(RedactPath("/v2/users/cb676a46-66fd-4dfb-b839-443f2e6c0b60"),
            "/v2/users/cb676a46-66fd-4dfb-b839-443f2e6c0b60");
  EXPECT_EQ(RedactPath("/v2/users?per_page=100"), "/v2/users?per_page=100");
  EXPECT_EQ(RedactPath("/v2/users?per_page=100&cursor=bmV4dF9fMg=="),
            "/v2/users?per_page=100&cursor=***");
}

TEST(RedactTest, HidesEveryOtherValue) {
  EXPECT_EQ(RedactPath("/v2/users?email=a%40b.com"), "/v2/users?email=***");
  EXPECT_EQ(RedactPath("/x?limit=abc&flag&&token=t#frag"), "/x?limit=***&flag&token=***");
  EXPECT_EQ(RedactPath("/x?per_page=12345678901"), "/x?per_page=***");
  EXPECT_EQ(RedactPath("/x?"), "/x");
  EXPECT_EQ(RedactPath(""), "");
}

}  // namespace
}  // namespace orgiam::http::internal
