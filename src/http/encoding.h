#ifndef ORGIAM_HTTP_ENCODING_H_
#define ORGIAM_HTTP_ENCODING_H_

// Small helpers every vendor client needs to build requests and read answers.

#include <string>

#include "nlohmann/json.hpp"

namespace orgiam::http {

// Percent-encodes everything but RFC 3986 unreserved characters: safe for a path segment or
// a query value.
std::string PercentEncode(const std::string& value);

// The string member `key` of a JSON object; "" when absent, not a string, or not an object.
std::string JsonString(const nlohmann::json& object, const char* key);

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_ENCODING_H_
