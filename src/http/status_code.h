#ifndef ORGIAM_HTTP_STATUS_CODE_H_
#define ORGIAM_HTTP_STATUS_CODE_H_

#include "absl/status/status.h"

namespace orgiam::http {

// The absl status code for an HTTP error status, shared by every vendor's error mapping.
// 404 is deliberately not kNotFound but kFailedPrecondition: only a vendor's own error body
// may say that an object is gone (a 404 page of a wrong endpoint must never make Terraform
// forget what it manages), so each vendor decides kNotFound itself.
absl::StatusCode StatusCodeForHttp(int http_status);

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_STATUS_CODE_H_
