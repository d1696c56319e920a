#ifndef ORGIAM_HTTP_JSON_BODY_H_
#define ORGIAM_HTTP_JSON_BODY_H_

// Parsing response bodies without exceptions and without trusting the server.

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

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_JSON_BODY_H_
