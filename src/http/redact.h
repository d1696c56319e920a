#ifndef ORGIAM_HTTP_REDACT_H_
#define ORGIAM_HTTP_REDACT_H_

// Request paths as they may appear in logs and error messages. Query values can
// carry secrets (pagination cursors encode server state, filters hold e-mail
// addresses), so only the route, the parameter names and the values of a few
// well-known numeric paging parameters are kept:
// "/v2/users?per_page=100&cursor=abc" -> "/v2/users?per_page=100&cursor=***".

#include <string>
#include <string_view>

namespace orgiam::http::internal {

std::string RedactPath(std::string_view path);

}  // namespace orgiam::http::internal

#endif  // ORGIAM_HTTP_REDACT_H_
