#ifndef ORGIAM_SANDBOX_MOTHERDUCK_COMMON_H_
#define ORGIAM_SANDBOX_MOTHERDUCK_COMMON_H_

#include <string>
#include <string_view>
#include <vector>

#include "http_util.h"
#include "httplib_wrap.h"
#include "store.h"

namespace orgiam::sandbox {

// {"message", "code", "issues": [{"message"}...]}: MotherDuck's error shape,
// `issues` always present (empty except on validation errors), as in the
// documented examples.
void MotherDuckError(httplib::Response& res, int status, std::string_view code,
                     std::string_view message, const std::vector<std::string>& issues = {});
// 400 BAD_REQUEST with the given validation issues.
void MotherDuckBadRequest(httplib::Response& res, const std::vector<std::string>& issues);
// 404 NOT_FOUND (JSON, unlike an unknown route's plain-text 404).
void MotherDuckNotFound(httplib::Response& res, std::string_view message);
// The bodies of 401, 429 and 5xx answers.
void MotherDuckStatusError(httplib::Response& res, int status);

// The problems with a username against ^[\p{L}][\p{L}\d_]*$ and length 1-255
// (UTF-16 units, as the JavaScript validator counts); empty when it is valid.
// \d is ASCII 0-9.
std::vector<std::string> MotherDuckUsernameIssues(std::string_view username);

MotherDuckUser* FindMotherDuckUser(State& state, std::string_view username);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_MOTHERDUCK_COMMON_H_
