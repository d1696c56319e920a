#include "zitadel/zitadel_error.h"

#include <optional>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "http/encoding.h"
#include "http/error_body.h"
#include "http/json_body.h"
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

// ZITADEL's own errors carry an id such as "AUTH-7fs1e" or "COMMAND-2M0fs": in details[].id
// (zitadel.v1.ErrorDetail), in detail.id (the Connect shape), and in parentheses at the end of
// the message ("Token is invalid (AUTH-7fs1e)").
bool LooksLikeErrorId(std::string_view id) {
  const size_t dash = id.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= id.size()) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(id[i]);
    if (i < dash ? !(absl::ascii_isupper(c) || absl::ascii_isdigit(c))
                 : (i > dash && !absl::ascii_isalnum(c))) {
      return false;
    }
  }
  return true;
}

bool HasZitadelErrorId(const json& body) {
  if (const auto details = body.find("details"); details != body.end() && details->is_array()) {
    for (const json& detail : *details) {
      if (LooksLikeErrorId(http::JsonString(detail, "id"))) return true;
    }
  }
  if (const auto detail = body.find("detail"); detail != body.end() && detail->is_object()) {
    if (LooksLikeErrorId(http::JsonString(*detail, "id"))) return true;
  }
  const std::string message = http::JsonString(body, "message");
  const size_t open = message.rfind('(');
  const size_t close = message.rfind(')');
  return open != std::string::npos && close != std::string::npos && close > open &&
         LooksLikeErrorId(std::string_view(message).substr(open + 1, close - open - 1));
}

}  // namespace

absl::Status ZitadelError(const http::Response& response, const std::string& what) {
  const json body = http::JsonBodyOrNull(response);
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
    const std::string text = absl::StrCat("ZITADEL API: ", what,
                                          " failed with an answer that is not a ZITADEL error "
                                          "body (",
                                          http::DescribeForeignBody(response), ")");
    // A 404 is not ZITADEL's "not found" (that is JSON with code 5): most likely a wrong domain.
    return http::VendorErrorStatus(
        response, /*vendor_says_gone=*/false, text,
        {.code = absl::StatusCode::kInternal, .hint = "is the domain right?"});
  }
  if (message.empty()) message = "(no message)";
  const std::string text = absl::StrCat("ZITADEL API: ", what, " failed (HTTP ", response.status,
                                        ", code ", *code, "): ", http::VendorMessage(message));
  const absl::StatusCode status_code = FromGrpc(*code, response.status);
  if (status_code != absl::StatusCode::kNotFound) return absl::Status(status_code, text);
  // The gateway answers a route it does not know with {"code":5,"message":"Not Found"}: no
  // error id, so no object of ZITADEL's was looked up, and nothing may leave the state.
  return http::NotFoundOrMisrouted(
      response.status == 404 && HasZitadelErrorId(body), text,
      {.code = absl::StatusCode::kInternal,
       .hint = "no ZITADEL error id: the route does not exist here; is the domain right?"});
}

bool HasErrorId(const absl::Status& status, const std::string& error_id) {
  return absl::StrContains(status.message(), absl::StrCat("(", error_id, ")"));
}

}  // namespace orgiam::zitadel
