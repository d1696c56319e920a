#include "http/pagination.h"

#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"

namespace orgiam::http {

PageWalk::PageWalk(std::string what, PageLimits limits)
    : what_(std::move(what)), limits_(limits), started_(std::chrono::steady_clock::now()) {}

absl::Status PageWalk::BeforePage() {
  if (pages_ >= limits_.max_pages) {
    return absl::ResourceExhaustedError(
        absl::StrCat(what_, ": the list did not end after ", pages_,
                     " pages; stopped reading it (the API keeps handing out a next-page cursor)"));
  }
  if (std::chrono::steady_clock::now() - started_ > limits_.max_duration) {
    return absl::DeadlineExceededError(
        absl::StrCat(what_, ": the list did not end within ",
                     std::chrono::duration_cast<std::chrono::seconds>(limits_.max_duration).count(),
                     " s (", pages_, " pages read); stopped reading it"));
  }
  ++pages_;
  return absl::OkStatus();
}

absl::StatusOr<bool> PageWalk::AfterPage(std::size_t items, const std::string& next_cursor) {
  items_ += items;
  if (items_ > limits_.max_items) {
    return absl::ResourceExhaustedError(absl::StrCat(
        what_, ": the list holds more than ", limits_.max_items, " items; stopped reading it"));
  }
  if (next_cursor.empty()) return false;
  empty_in_a_row_ = items == 0 ? empty_in_a_row_ + 1 : 0;
  if (empty_in_a_row_ >= limits_.max_empty_pages) {
    return absl::DataLossError(absl::StrCat(
        what_, ": the API answered ", empty_in_a_row_,
        " empty pages in a row, each with a next-page cursor; the list cannot be read whole"));
  }
  if (!cursors_.insert(next_cursor).second) {
    return absl::DataLossError(
        absl::StrCat(what_, ": the API handed out a next-page cursor it had given before (page ",
                     pages_, "); the list loops, so it cannot be read whole"));
  }
  return true;
}

}  // namespace orgiam::http
