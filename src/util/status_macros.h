#ifndef ORGIAM_UTIL_STATUS_MACROS_H_
#define ORGIAM_UTIL_STATUS_MACROS_H_

// Abseil 20220623 (Debian 12) has no status_macros.h; these are the two we need.

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define ORGIAM_STATUS_CONCAT_INNER(a, b) a##b
#define ORGIAM_STATUS_CONCAT(a, b) ORGIAM_STATUS_CONCAT_INNER(a, b)

// Returns from the enclosing function when `expr` (an absl::Status) is not OK.
#define RETURN_IF_ERROR(expr)                        \
  do {                                               \
    ::absl::Status orgiam_status_ = (expr);          \
    if (!orgiam_status_.ok()) return orgiam_status_; \
  } while (false)

// `ASSIGN_OR_RETURN(auto x, Fn());` declares x from an absl::StatusOr or returns its error.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ORGIAM_ASSIGN_OR_RETURN_IMPL(ORGIAM_STATUS_CONCAT(orgiam_statusor_, __LINE__), lhs, expr)

#define ORGIAM_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()

#endif  // ORGIAM_UTIL_STATUS_MACROS_H_
