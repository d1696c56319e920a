#ifndef ORGIAM_HTTP_JSON_BODY_H_
#define ORGIAM_HTTP_JSON_BODY_H_

// Parsing response bodies without exceptions and without trusting the server.

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "http/message.h"
#include "nlohmann/json.hpp"

namespace orgiam::http {

// Nesting deeper than this is refused: nlohmann's recursive operations (dump,
// copy, comparison) could otherwise exhaust the stack on a hostile body.
inline constexpr int kMaxJsonDepth = 128;

// Parses `response.body` as JSON. On failure INTERNAL (the server broke its
// contract), with a message naming `context` (e.g. "vultr GET /v2/users") and
// the HTTP status; never the body, which may hold secrets.
absl::StatusOr<nlohmann::json> ParseJsonBody(const Response& response,
                                             std::string_view context = "");

// ParseJsonBody, except that an empty body is an empty object: for the many vendor routes
// whose 2xx answer may come without a body (a DELETE, a PATCH).
absl::StatusOr<nlohmann::json> ParseJsonBodyOrEmpty(const Response& response,
                                                    std::string_view context = "");

// The body parsed with the same guards, or null JSON when it is empty, too deep or not JSON:
// for checks that only ask whether the answer holds what they need (CreateSpec::answer_complete,
// reading a vendor's error body).
nlohmann::json JsonBodyOrNull(const Response& response);

// How a vendor turns a non-2xx answer to `what` ("GET /v2/users") into a status.
using VendorErrorFn = absl::Status (*)(const Response& response, const std::string& what);

// A vendor's answer to `what` as JSON: a non-2xx is `error(response, what)`; a 2xx body goes
// through ParseJsonBodyOrEmpty, its errors naming "<vendor_label>: <what>".
absl::StatusOr<nlohmann::json> JsonAnswer(const Response& response, const std::string& vendor_label,
                                          const std::string& what, VendorErrorFn error);

class Client;

// The call every JSON vendor route makes: sends `method` `path` with `body` (none when null)
// through `client` and returns JsonAnswer of the answer, `what` being RouteOf the request.
absl::StatusOr<nlohmann::json> SendForJson(Client& client, const std::string& method,
                                           const std::string& path, const nlohmann::json* body,
                                           const std::string& vendor_label, VendorErrorFn error);

// "GET /v2/users" for a request: the method and the path without its query, for messages.
std::string RouteOf(const Request& request);

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_JSON_BODY_H_
