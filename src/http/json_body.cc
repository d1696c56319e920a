#include "http/json_body.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"

namespace orgiam::http {
namespace {

// The deepest nesting of arrays and objects, stopping early past `limit`.
int NestingDepth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

absl::StatusOr<nlohmann::json> ParseJsonBody(const Response& response, std::string_view context) {
  const std::string prefix =
      absl::StrCat(context.empty() ? "" : absl::StrCat(std::string(context), ": "),
                   "response (HTTP ", response.status, ")");
  if (response.body.empty()) {
    return absl::InternalError(absl::StrCat(prefix, " has an empty body where JSON was expected"));
  }
  if (NestingDepth(response.body, kMaxJsonDepth) > kMaxJsonDepth) {
    return absl::InternalError(
        absl::StrCat(prefix, " nests JSON deeper than ", kMaxJsonDepth, " levels"));
  }
  nlohmann::json parsed = nlohmann::json::parse(response.body, /*cb=*/nullptr,
                                                /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return absl::InternalError(absl::StrCat(prefix, " is not valid JSON"));
  }
  return parsed;
}

}  // namespace orgiam::http
