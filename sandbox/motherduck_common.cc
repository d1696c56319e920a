#include "motherduck_common.h"

#include "text.h"

namespace orgiam::sandbox {

void MotherDuckError(httplib::Response& res, int status, std::string_view code,
                     std::string_view message, const std::vector<std::string>& issues) {
  Json list = Json::array();
  for (const std::string& issue : issues) list.push_back({{"message", issue}});
  SendJson(res, status,
           {{"message", std::string(message)}, {"code", std::string(code)}, {"issues", list}});
}

void MotherDuckBadRequest(httplib::Response& res, const std::vector<std::string>& issues) {
  MotherDuckError(res, 400, "BAD_REQUEST", "Bad Request", issues);
}

void MotherDuckNotFound(httplib::Response& res, std::string_view message) {
  MotherDuckError(res, 404, "NOT_FOUND", message);
}

void MotherDuckStatusError(httplib::Response& res, int status) {
  switch (status) {
    case 401:
      MotherDuckError(res, 401, "UNAUTHORIZED", "Invalid Credentials");
      break;
    case 429:
      // The documented code list has no rate-limit code; this one is the
      // sandbox's.
      MotherDuckError(res, 429, "TOO_MANY_REQUESTS", "Too Many Requests");
      break;
    default:
      MotherDuckError(res, status, "INTERNAL_SERVER_ERROR", "Internal Error");
      break;
  }
}

std::vector<std::string> MotherDuckUsernameIssues(std::string_view username) {
  std::vector<std::string> issues;
  const auto decoded = DecodeUtf8(username);
  if (!decoded) return {"username: must be valid UTF-8"};
  const std::size_t length = Utf16Length(*decoded);
  if (length < 1) issues.push_back("username: String must contain at least 1 character(s)");
  if (length > 255) issues.push_back("username: String must contain at most 255 character(s)");
  if (!decoded->empty() && !IsUnicodeLetter(decoded->front())) {
    issues.push_back("username: must start with a letter (pattern ^[\\p{L}])");
  }
  for (char32_t cp : *decoded) {
    if (!IsUnicodeLetter(cp) && !(cp >= U'0' && cp <= U'9') && cp != U'_') {
      issues.push_back(
          "username: may contain only letters, digits and underscores (pattern "
          "^[\\p{L}\\d_]*$)");
      break;
    }
  }
  return issues;
}

MotherDuckUser* FindMotherDuckUser(State& state, std::string_view username) {
  for (MotherDuckUser& user : state.motherduck_users) {
    if (user.username == username) return &user;
  }
  return nullptr;
}

}  // namespace orgiam::sandbox
