#ifndef ORGIAM_HTTP_STATUS_CODE_H_
#define ORGIAM_HTTP_STATUS_CODE_H_

#include <string>

#include "absl/status/status.h"
#include "http/message.h"

namespace orgiam::http {

// The absl status code for an HTTP error status, shared by every vendor's error mapping.
// 404 is deliberately not kNotFound but kFailedPrecondition: only a vendor's own error body
// may say that an object is gone (a 404 page of a wrong endpoint must never make Terraform
// forget what it manages), so each vendor decides kNotFound itself.
absl::StatusCode StatusCodeForHttp(int http_status);

// What an answer that claims "not found" became when the vendor did not vouch for it.
struct Misrouted {
  absl::StatusCode code = absl::StatusCode::kFailedPrecondition;
  // Appended to the message in parentheses.
  std::string hint = "is the endpoint right?";
};

// The one rule for an answer that says "not found" (an HTTP 404, or a vendor code meaning it),
// described by `text`: NOT_FOUND, the only status that makes Terraform forget an object, when
// `vendor_says_gone` (the body is the vendor's own not-found for an object); otherwise the
// route most likely does not exist here (a wrong endpoint, a gateway's page): `misrouted.code`
// with its hint.
absl::Status NotFoundOrMisrouted(bool vendor_says_gone, const std::string& text,
                                 const Misrouted& misrouted = {});

// The status for a vendor's non-2xx `response` described by `text`: a 404 goes through
// NotFoundOrMisrouted, any other status is StatusCodeForHttp's.
absl::Status VendorErrorStatus(const Response& response, bool vendor_says_gone,
                               const std::string& text, const Misrouted& misrouted = {});

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_STATUS_CODE_H_
