#ifndef ORGIAM_HTTP_PAGINATION_H_
#define ORGIAM_HTTP_PAGINATION_H_

// Bounds for following a vendor's list cursor. A list is only trusted whole: a server that
// hands out a fresh cursor on every page (or repeats one) would otherwise keep a read going
// forever, or end it early and make a taken name look free.

#include <chrono>
#include <cstddef>
#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace orgiam::http {

struct PageLimits {
  // Far above any real organization: Vultr's 500 per page make 5,000,000 users.
  std::size_t max_pages = 10000;
  std::size_t max_items = 1000000;
  std::chrono::milliseconds max_duration{std::chrono::minutes(2)};
  // Pages in a row without an item that still hand out a next cursor: a real list never
  // does that, a broken one does it forever.
  std::size_t max_empty_pages = 3;
};

class PageWalk {
 public:
  // `what` names the list in messages, e.g. "vultr: GET /v2/users".
  explicit PageWalk(std::string what, PageLimits limits = {});

  // Before fetching a page: an error once a limit is passed.
  absl::Status BeforePage();
  // After a page: counts its items and checks the cursor it gave for the next page. Returns
  // true when there is a next page to fetch, false when the list is complete, or an error
  // when the cursor was handed out before (the list loops).
  absl::StatusOr<bool> AfterPage(std::size_t items, const std::string& next_cursor);

 private:
  const std::string what_;
  const PageLimits limits_;
  const std::chrono::steady_clock::time_point started_;
  std::size_t pages_ = 0;
  std::size_t items_ = 0;
  std::size_t empty_in_a_row_ = 0;
  std::set<std::string> cursors_;
};

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_PAGINATION_H_
