#include "http/pagination.h"

#include <gtest/gtest.h>

#include <string>

#include "http/encoding.h"

namespace orgiam::http {
namespace {

TEST(PageWalkTest, EndsWhenThereIsNoCursor) {
  PageWalk walk("list");
  ASSERT_TRUE(walk.BeforePage().ok());
  absl::StatusOr<bool> more = walk.AfterPage(3, "next");
  ASSERT_TRUE(more.ok());
  EXPECT_TRUE(*more);
  ASSERT_TRUE(walk.BeforePage().ok());
  more = walk.AfterPage(1, "");
  ASSERT_TRUE(more.ok());
  EXPECT_FALSE(*more);
}

TEST(PageWalkTest, ARepeatedCursorIsAnErrorNotTheEnd) {
  PageWalk walk("vultr: GET /v2/users");
  ASSERT_TRUE(walk.BeforePage().ok());
  ASSERT_TRUE(walk.AfterPage(1, "a").ok());
  ASSERT_TRUE(walk.BeforePage().ok());
  absl::StatusOr<bool> more = walk.AfterPage(1, "a");
  EXPECT_EQ(more.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(more.status().message().find("vultr: GET /v2/users"), std::string::npos);
}

TEST(PageWalkTest, FreshCursorsForeverStopAtThePageLimit) {
  PageWalk walk("list", PageLimits{.max_pages = 50});
  absl::Status status;
  for (int page = 0; page < 1000; ++page) {  // bounded: the walk must stop far earlier
    status = walk.BeforePage();
    if (!status.ok()) break;
    ASSERT_TRUE(walk.AfterPage(1, "cursor" + std::to_string(page)).ok());
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(status.message().find("50 pages"), std::string::npos);
}

TEST(PageWalkTest, EmptyPagesThatGoOnStopEarly) {
  PageWalk walk("list");
  absl::StatusOr<bool> more = true;
  int pages = 0;
  while (more.ok() && *more && pages < 100) {
    ASSERT_TRUE(walk.BeforePage().ok());
    more = walk.AfterPage(0, "cursor" + std::to_string(++pages));
  }
  EXPECT_EQ(more.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(pages, 3);
}

TEST(PageWalkTest, TooManyItemsStop) {
  PageWalk walk("list", PageLimits{.max_items = 10});
  ASSERT_TRUE(walk.BeforePage().ok());
  EXPECT_EQ(walk.AfterPage(11, "").status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(PathSegmentTest, RefusesWhatIsNotAnId) {
  for (const char* bad : {"", ".", "..", "%2e", "%2e%2e", "%2E.", ".%2E"}) {
    absl::StatusOr<std::string> segment = PathSegment(bad, "user id");
    EXPECT_EQ(segment.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(segment.status().message().find("user id"), std::string::npos);
  }
  EXPECT_EQ(*PathSegment("a/b", "user id"), "a%2fb");
  EXPECT_EQ(*PathSegment("...", "user id"), "...");
  EXPECT_EQ(*PathSegment("%2e%2e%2e", "user id"), "%252e%252e%252e");
}

}  // namespace
}  // namespace orgiam::http
