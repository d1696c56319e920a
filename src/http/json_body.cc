#include "http/json_body.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "http/client.h"

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

absl::StatusOr<nlohmann::json> ParseJsonBodyOrEmpty(const Response& response,
                                                    std::string_view context) {
  if (response.body.empty()) return nlohmann::json::object();
  return ParseJsonBody(response, context);
}

nlohmann::json JsonBodyOrNull(const Response& response) {
  return ParseJsonBody(response).value_or(nlohmann::json());
}

absl::StatusOr<nlohmann::json> JsonAnswer(const Response& response, const std::string& vendor_label,
                                          const std::string& what, VendorErrorFn error) {
  if (!response.ok()) return error(response, what);
  return ParseJsonBodyOrEmpty(response, absl::StrCat(vendor_label, ": ", what));
}

absl::StatusOr<nlohmann::json> SendForJson(Client& client, const std::string& method,
                                           const std::string& path, const nlohmann::json* body,
                                           const std::string& vendor_label, VendorErrorFn error) {
  const Request request{.method = method, .path = path, .body = body ? body->dump() : ""};
  absl::StatusOr<Response> response = client.Send(request);
  if (!response.ok()) return response.status();
  return JsonAnswer(*response, vendor_label, RouteOf(request), error);
}

std::string RouteOf(const Request& request) {
  return absl::StrCat(request.method, " ", request.path.substr(0, request.path.find('?')));
}

}  // namespace orgiam::http
