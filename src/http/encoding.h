#ifndef ORGIAM_HTTP_ENCODING_H_
#define ORGIAM_HTTP_ENCODING_H_

// Small helpers every vendor client needs to build requests and read answers.

#include <string>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"

namespace orgiam::http {

// Percent-encodes everything but RFC 3986 unreserved characters: safe for a path segment or
// a query value.
std::string PercentEncode(const std::string& value);

// `value` as one percent-encoded path segment, or INVALID_ARGUMENT naming `what` (e.g. "user
// id") when it is empty, "." or ".." (also spelled with %2e): an id must never address another
// route or the collection itself, so such a request is never sent.
absl::StatusOr<std::string> PathSegment(const std::string& value, const std::string& what);

// The string member `key` of a JSON object; "" when absent, not a string, or not an object.
std::string JsonString(const nlohmann::json& object, const char* key);

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_ENCODING_H_
