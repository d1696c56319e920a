#ifndef ORGIAM_ZITADEL_ZITADEL_ERROR_H_
#define ORGIAM_ZITADEL_ZITADEL_ERROR_H_

// ZITADEL's error bodies ({"code": <gRPC code>, "message": "...", "details": [...]}) turned
// into statuses that carry ZITADEL's message.

#include <string>

#include "absl/status/status.h"
#include "http/message.h"

namespace orgiam::zitadel {

// The status for a non-2xx response to `what` ("PUT /management/v1/users/{id}/username").
// The absl code follows the gRPC code in the body (which is what ZITADEL means), falling
// back to the HTTP status. NOT_FOUND only for a 404 whose JSON body has code 5 and a ZITADEL
// error id: a plain-text 404, or the gateway's {"code":5,"message":"Not Found"} for a route it
// does not know, is a wrong URL, never a deleted object. A body that is not ZITADEL's is shown
// only as status, type, length and a masked excerpt.
absl::Status ZitadelError(const http::Response& response, const std::string& what);

// True when `status` came from ZITADEL error `error_id` (e.g. "COMMAND-2n8vs"), the id that
// ZITADEL appends to its messages and repeats in details[].id.
bool HasErrorId(const absl::Status& status, const std::string& error_id);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_ZITADEL_ERROR_H_
