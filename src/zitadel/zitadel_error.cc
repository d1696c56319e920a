#include "zitadel/zitadel_error.h"

#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "http/status_code.h"
#include "nlohmann/json.hpp"

namespace orgiam::zitadel {
namespace {

using nlohmann::json;

// gRPC status codes as ZITADEL sends them.
constexpr int kInvalidArgument = 3;
constexpr int kDeadlineExceeded = 4;
constexpr int kNotFound = 5;
constexpr int kAlreadyExists = 6;
constexpr int kPermissionDenied = 7;
constexpr int kResourceExhausted = 8;
constexpr int kFailedPrecondition = 9;
constexpr int kUnimplemented = 12;
constexpr int kUnauthenticated = 16;

absl::StatusCode FromGrpc(int code, int http_status) {
  switch (code) {
    case kInvalidArgument:
      return absl::StatusCode::kInvalidArgument;
    case kDeadlineExceeded:
      return absl::StatusCode::kDeadlineExceeded;
    case kNotFound:
      return absl::StatusCode::kNotFound;
    case kAlreadyExists:
      return absl::StatusCode::kAlreadyExists;
    case kPermissionDenied:
      return absl::StatusCode::kPermissionDenied;
    case kResourceExhausted:
      return absl::StatusCode::kResourceExhausted;
    case kFailedPrecondition:
      return absl::StatusCode::kFailedPrecondition;
    case kUnimplemented:
      return absl::StatusCode::kUnimplemented;
    case kUnauthenticated:
      return absl::StatusCode::kUnauthenticated;
    default:
      return http::StatusCodeForHttp(http_status);
  }
}

// Newer ZITADEL endpoints answer Connect-style, with the code as a name.
std::optional<int> ConnectCode(const json& name) {
  static constexpr std::pair<const char*, int> kNames[] = {
      {"invalid_argument", kInvalidArgument},
      {"deadline_exceeded", kDeadlineExceeded},
      {"not_found", kNotFound},
      {"already_exists", kAlreadyExists},
      {"permission_denied", kPermissionDenied},
      {"resource_exhausted", kResourceExhausted},
      {"failed_precondition", kFailedPrecondition},
      {"unimplemented", kUnimplemented},
      {"unauthenticated", kUnauthenticated}};
  const std::string text = name.get<std::string>();
  for (const auto& [known, code] : kNames) {
    if (text == known) return code;
  }
  return std::nullopt;
}

}  // namespace

absl::Status ZitadelError(const http::Response& response, const std::string& what) {
  const json body = json::parse(response.body, nullptr, false);
  std::optional<int> code;
  std::string message;
  if (body.is_object()) {
    auto code_it = body.find("code");
    if (code_it != body.end() && code_it->is_number_integer()) code = code_it->get<int>();
    if (code_it != body.end() && code_it->is_string()) code = ConnectCode(*code_it);
    auto message_it = body.find("message");
    if (message_it != body.end() && message_it->is_string()) {
      message = message_it->get<std::string>();
    }
  }
  if (!code.has_value()) {
    std::string excerpt = response.body.substr(0, 200);
    if (excerpt.empty()) excerpt = "(empty body)";
    const std::string text = absl::StrCat("ZITADEL API: ", what, " failed (HTTP ", response.status,
                                          ", not a ZITADEL error body): ", excerpt);
    if (response.status == 404) {
      // Not ZITADEL's "not found" (that is JSON with code 5): most likely a wrong domain.
      return absl::InternalError(text + " (is the domain right?)");
    }
    return absl::Status(http::StatusCodeForHttp(response.status), text);
  }
  if (message.empty()) message = "(no message)";
  const std::string text = absl::StrCat("ZITADEL API: ", what, " failed (HTTP ", response.status,
                                        ", code ", *code, "): ", message);
  absl::StatusCode status_code = FromGrpc(*code, response.status);
  if (status_code == absl::StatusCode::kNotFound && response.status != 404) {
    status_code = absl::StatusCode::kInternal;
  }
  return absl::Status(status_code, text);
}

bool HasErrorId(const absl::Status& status, const std::string& error_id) {
  return absl::StrContains(status.message(), absl::StrCat("(", error_id, ")"));
}

}  // namespace orgiam::zitadel
