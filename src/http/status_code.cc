#include "http/status_code.h"

#include "absl/strings/str_cat.h"

namespace orgiam::http {

absl::StatusCode StatusCodeForHttp(int http_status) {
  switch (http_status) {
    case 400:
    case 422:
      return absl::StatusCode::kInvalidArgument;
    case 401:
      return absl::StatusCode::kUnauthenticated;
    case 403:
      return absl::StatusCode::kPermissionDenied;
    case 404:
      return absl::StatusCode::kFailedPrecondition;
    case 409:
      return absl::StatusCode::kAlreadyExists;
    case 429:
      return absl::StatusCode::kResourceExhausted;
    case 501:
      return absl::StatusCode::kUnimplemented;
    default:
      return absl::StatusCode::kUnavailable;
  }
}

absl::Status NotFoundOrMisrouted(bool vendor_says_gone, const std::string& text,
                                 const Misrouted& misrouted) {
  if (vendor_says_gone) return absl::NotFoundError(text);
  return absl::Status(misrouted.code, absl::StrCat(text, " (", misrouted.hint, ")"));
}

absl::Status VendorErrorStatus(const Response& response, bool vendor_says_gone,
                               const std::string& text, const Misrouted& misrouted) {
  if (response.status == 404) return NotFoundOrMisrouted(vendor_says_gone, text, misrouted);
  return absl::Status(StatusCodeForHttp(response.status), text);
}

}  // namespace orgiam::http
