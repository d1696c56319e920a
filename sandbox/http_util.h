#ifndef ORGIAM_SANDBOX_HTTP_UTIL_H_
#define ORGIAM_SANDBOX_HTTP_UTIL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "httplib_wrap.h"
#include "nlohmann/json.hpp"

namespace orgiam::sandbox {

using Json = nlohmann::json;

// Serializes without ever throwing: invalid UTF-8 (possible in echoed path
// parameters) is replaced with U+FFFD.
std::string Dump(const Json& value);

void SendJson(httplib::Response& res, int status, const Json& body);
// `body` exactly as given, as application/json (it need not be valid JSON).
void SendJsonText(httplib::Response& res, int status, std::string body);
// A response with no body at all (no Content-Type, Content-Length 0).
void SendNoContent(httplib::Response& res, int status);

// Parses a request body. An empty body parses as an empty object; nullopt when
// the body is not valid JSON.
std::optional<Json> ParseBody(std::string_view body);

// The member `key` of `object` when `object` is an object holding it with a
// non-null value.
const Json* Member(const Json& object, std::string_view key);

// The value of the first `name` query parameter, if any.
std::optional<std::string> QueryParam(const httplib::Request& req, const std::string& name);

// The token of an "Authorization: Bearer <token>" header (scheme matched
// case-insensitively).
std::optional<std::string> BearerToken(const httplib::Request& req);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_HTTP_UTIL_H_
