#ifndef ORGIAM_HTTP_OUTCOME_H_
#define ORGIAM_HTTP_OUTCOME_H_

// Marks on errors of the HTTP layer, carried as absl::Status payloads so they
// survive being passed up unchanged.

#include <optional>

#include "absl/status/status.h"

namespace orgiam::http {

// True when a non-idempotent request (a POST) may or may not have been carried
// out: the connection closed or timed out after the request was sent, or the
// server answered 5xx. Creating the object again could duplicate it; look it up
// first (see Client::Create).
bool IsOutcomeUnknown(const absl::Status& status);

// Returns `status` (which must not be OK) with the outcome-unknown mark.
absl::Status MarkOutcomeUnknown(absl::Status status);

// The HTTP status of a response that was turned into an error (a POST answered
// 5xx), if any.
std::optional<int> HttpStatusOf(const absl::Status& status);

// Returns `status` (which must not be OK) carrying `http_status`.
absl::Status WithHttpStatus(absl::Status status, int http_status);

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_OUTCOME_H_
