#include "http/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace orgiam::http::internal {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The tests run beside others (ctest -j), so a thread may lose the CPU for a while at any
// point: lower bounds on elapsed time are exact (waiting cannot end early), upper bounds only
// catch a limiter that waits far too long, with a wide margin. "Does not wait at all" is
// checked without a clock: an Acquire whose deadline is now fails rather than wait.
constexpr double kSlack = 4.0;  // seconds a loaded machine may add to an expected duration

// Acquire that must not wait: DEADLINE_EXCEEDED if a token or a pause is still to come.
absl::Status AcquireNow(RateLimiter& limiter, Cancellation& cancellation) {
  return limiter.Acquire(&cancellation, Clock::now());
}

TEST(RateLimiterTest, BurstThenSteadyRate) {
  RateLimiter limiter(50);
  EXPECT_EQ(limiter.burst(), 50);
  Cancellation cancellation;
  const auto start = Clock::now();
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(AcquireNow(limiter, cancellation).ok()) << i;
  for (int i = 0; i < 25; ++i) ASSERT_TRUE(limiter.Acquire(cancellation).ok());
  EXPECT_GE(SecondsSince(start), 25 / 50.0 - 0.02);
  EXPECT_LT(SecondsSince(start), 25 / 50.0 + kSlack);
}

TEST(RateLimiterTest, SlowRatesHaveABurstOfOne) {
  RateLimiter limiter(0.5);
  EXPECT_EQ(limiter.burst(), 1);
  RateLimiter off(0);
  EXPECT_EQ(off.rate(), 0);
  Cancellation cancellation;
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(AcquireNow(off, cancellation).ok()) << i;
}

TEST(RateLimiterTest, SharedAcrossThreads) {
  RateLimiter limiter(100);  // burst 100
  Cancellation cancellation;
  std::atomic<int> granted{0};
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) granted += limiter.Acquire(cancellation).ok();
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(granted, 200);
  EXPECT_GE(SecondsSince(start), (200 - 100) / 100.0 - 0.02);
  EXPECT_LT(SecondsSince(start), (200 - 100) / 100.0 + kSlack);
}

TEST(RateLimiterTest, PauseHoldsEveryoneEvenWhenThrottlingIsOff) {
  RateLimiter limiter(0);
  Cancellation cancellation;
  limiter.PauseUntil(Clock::now() + milliseconds(300));
  limiter.PauseUntil(Clock::now() + milliseconds(100));  // never shortens
  const auto start = Clock::now();
  ASSERT_TRUE(limiter.Acquire(cancellation).ok());
  EXPECT_GE(SecondsSince(start), 0.28);
}

TEST(RateLimiterTest, AfterAPauseCallersLeaveOneByOne) {
  RateLimiter limiter(10);  // burst 10, refilled during the pause
  Cancellation cancellation;
  limiter.PauseUntil(Clock::now() + milliseconds(200));
  const auto start = Clock::now();
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(limiter.Acquire(cancellation).ok());
  // One token at the end of the pause, then 10/s: 0.2 + 3 * 0.1.
  EXPECT_GE(SecondsSince(start), 0.48);
}

TEST(RateLimiterTest, CancellationWakesWaiters) {
  RateLimiter limiter(0.1);
  Cancellation cancellation;
  ASSERT_TRUE(limiter.Acquire(cancellation).ok());
  absl::Status waited;
  std::thread waiter([&] { waited = limiter.Acquire(cancellation); });
  std::this_thread::sleep_for(milliseconds(50));
  const auto start = Clock::now();
  cancellation.Cancel();
  waiter.join();
  // The token would come after 10 s: well within that, the waiter was woken, not served.
  EXPECT_LT(SecondsSince(start), kSlack);
  EXPECT_EQ(waited.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(limiter.Acquire(cancellation).code(), absl::StatusCode::kCancelled);
  EXPECT_FALSE(cancellation.SleepFor(milliseconds(1000)));
}

}  // namespace
}  // namespace orgiam::http::internal
