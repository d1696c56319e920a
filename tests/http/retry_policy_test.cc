#include "http/retry_policy.h"

#include <gtest/gtest.h>

namespace orgiam::http::internal {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;

TEST(RetryPolicyTest, Classification) {
  for (const char* method : {"GET", "PUT", "PATCH", "DELETE"}) EXPECT_TRUE(IsIdempotent(method));
  EXPECT_FALSE(IsIdempotent("POST"));
  for (int status : {429, 500, 502, 503, 504}) EXPECT_TRUE(IsRetryableStatus(status));
  for (int status : {200, 201, 400, 401, 403, 404, 409, 501, 505}) {
    EXPECT_FALSE(IsRetryableStatus(status)) << status;
  }
}

TEST(RetryPolicyTest, BackoffIsFullJitterUnderAGrowingCeiling) {
  for (int retry = 0; retry < 12; ++retry) {
    const milliseconds ceiling = std::min(milliseconds(100 << retry), milliseconds(3000));
    milliseconds largest{0};
    for (int i = 0; i < 200; ++i) {
      const milliseconds delay = Backoff(retry, milliseconds(100), milliseconds(3000));
      EXPECT_GE(delay, milliseconds(0));
      EXPECT_LE(delay, ceiling);
      largest = std::max(largest, delay);
    }
    EXPECT_GT(largest, ceiling / 2) << retry;  // really spread over the range
  }
  EXPECT_EQ(Backoff(1000, milliseconds(250), milliseconds(0)), milliseconds(0));
  EXPECT_LE(Backoff(1000000, milliseconds(250), milliseconds(30000)), milliseconds(30000));
}

TEST(RetryPolicyTest, RetryAfterSeconds) {
  const auto now = system_clock::now();
  EXPECT_EQ(ParseRetryAfter("0", now), milliseconds(0));
  EXPECT_EQ(ParseRetryAfter(" 120 ", now), milliseconds(120000));
  EXPECT_EQ(ParseRetryAfter("99999999999999999999999999", now),
            milliseconds(10LL * 365 * 24 * 3600 * 1000));
  EXPECT_EQ(ParseRetryAfter("", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("-5", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("1.5", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("soon", now), std::nullopt);
}

TEST(RetryPolicyTest, RetryAfterHttpDates) {
  // 2015-10-21T07:28:00Z
  const auto base = system_clock::from_time_t(1445412480);
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", base), milliseconds(30000));
  EXPECT_EQ(ParseRetryAfter("Wednesday, 21-Oct-15 07:28:10 GMT", base), milliseconds(10000));
  EXPECT_EQ(ParseRetryAfter("Wed Oct 21 07:28:05 2015", base), milliseconds(5000));
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", base), milliseconds(0));
}

}  // namespace
}  // namespace orgiam::http::internal
