#include "motherduck/motherduck_api.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "http/encoding.h"
#include "http/error_body.h"
#include "http/exactly_once.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "http/status_code.h"
#include "util/log.h"
#include "util/status_macros.h"

namespace orgiam::motherduck {
namespace {

using nlohmann::json;

constexpr char kLabel[] = "MotherDuck API";

// A 2xx answer's object, or MotherDuck's error.
absl::StatusOr<json> Answer(const http::Response& response, const std::string& what) {
  return http::JsonAnswer(response, kLabel, what, MotherduckError);
}

}  // namespace

Token ParseToken(const json& object) {
  Token token;
  token.id = http::JsonString(object, "id");
  token.name = http::JsonString(object, "name");
  if (object.is_object() && object.contains("description") && object["description"].is_string()) {
    token.description = object["description"].get<std::string>();
  }
  token.expire_at = http::JsonString(object, "expire_at");
  token.created_ts = http::JsonString(object, "created_ts");
  if (object.is_object() && object.contains("read_only") && object["read_only"].is_boolean()) {
    token.read_only = object["read_only"].get<bool>();
  }
  token.token_type = http::JsonString(object, "token_type");
  token.token = http::JsonString(object, "token");
  return token;
}

namespace {

// The next-page cursor in any of the shapes MotherDuck might use; empty when there is none.
// Sets `parameter` to the query parameter the cursor goes back in.
std::string NextCursor(const json& page, std::string* parameter) {
  for (const json* holder : {&page, page.contains("pagination") ? &page["pagination"] : nullptr}) {
    if (holder == nullptr) continue;
    if (std::string cursor = http::JsonString(*holder, "next_cursor"); !cursor.empty()) {
      *parameter = "cursor";
      return cursor;
    }
    if (std::string cursor = http::JsonString(*holder, "next_page_token"); !cursor.empty()) {
      *parameter = "page_token";
      return cursor;
    }
  }
  return "";
}

absl::StatusOr<std::string> UserPath(const std::string& username, const std::string& suffix = "") {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(username, "MotherDuck username"));
  return absl::StrCat("/v1/users/", segment, suffix);
}

}  // namespace

absl::Status MotherduckError(const http::Response& response, const std::string& what) {
  const json body = http::JsonBodyOrNull(response);
  const bool is_motherduck_error = body.is_object() && body.contains("code");
  const std::string code = http::JsonString(body, "code");
  std::string text = absl::StrCat("MotherDuck API: ", what, " failed (HTTP ", response.status,
                                  code.empty() ? "" : " ", http::VendorMessage(code), ")");
  if (!is_motherduck_error) {
    absl::StrAppend(&text, ": not a MotherDuck error body (", http::DescribeForeignBody(response),
                    ")");
  } else if (const std::string message = http::JsonString(body, "message"); !message.empty()) {
    absl::StrAppend(&text, ": ", http::VendorMessage(message));
  }
  if (is_motherduck_error && body.contains("issues") && body["issues"].is_array()) {
    for (const json& issue : body["issues"]) {
      std::string issue_text =
          issue.is_string() ? issue.get<std::string>() : http::JsonString(issue, "message");
      if (!issue_text.empty()) absl::StrAppend(&text, "\n  - ", http::VendorMessage(issue_text));
    }
  }
  // Only MotherDuck's own NOT_FOUND means "no such object".
  return http::VendorErrorStatus(response, code == "NOT_FOUND", text);
}

MotherduckApi::MotherduckApi(http::ClientOptions options) : client_(std::move(options)) {}

absl::StatusOr<json> MotherduckApi::Call(const std::string& method, const std::string& path,
                                         const json* body) {
  return http::SendForJson(client_, method, path, body, kLabel, MotherduckError);
}

absl::Status MotherduckApi::CreateServiceAccount(const std::string& username) {
  RETURN_IF_ERROR(UserPath(username).status());  // a bad name is refused before any request
  const json body = {{"username", username}};
  http::CreateSpec spec{.post = {.method = "POST", .path = "/v1/users", .body = body.dump()},
                        .find = [this, &username]() -> absl::StatusOr<http::ExistingObjects> {
                          ASSIGN_OR_RETURN(bool exists, ServiceAccountExists(username));
                          http::ExistingObjects matches;
                          if (exists)
                            matches.push_back({.id = username, .label = "account " + username});
                          return matches;
                        },
                        .unique_key = true};
  ASSIGN_OR_RETURN(http::CreateOutcome outcome, client_.Create(spec));
  if (!outcome.response.has_value()) {
    ORGIAM_LOG(kInfo, "motherduck", "create answer lost; the account this create made exists",
               {{"username", username}});
    return absl::OkStatus();
  }
  if (!outcome.response->ok()) return MotherduckError(*outcome.response, "POST /v1/users");
  return absl::OkStatus();
}

absl::StatusOr<bool> MotherduckApi::ServiceAccountExists(const std::string& username) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(username, "/instances"));
  absl::Status status = Call("GET", path).status();
  if (absl::IsNotFound(status)) return false;
  RETURN_IF_ERROR(status);
  return true;
}

absl::Status MotherduckApi::DeleteServiceAccount(const std::string& username) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(username));
  absl::Status status = Call("DELETE", path).status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

absl::StatusOr<std::vector<Token>> MotherduckApi::ListTokens(const std::string& username) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(username, "/tokens"));
  std::vector<Token> tokens;
  http::PageWalk walk("MotherDuck API: GET /v1/users/{username}/tokens");
  std::string query;
  while (true) {
    RETURN_IF_ERROR(walk.BeforePage());
    ASSIGN_OR_RETURN(json page, Call("GET", path + query));
    const auto list = page.is_object() ? page.find("tokens") : page.end();
    if (!page.is_object() || list == page.end() || !list->is_array()) {
      // Never "no tokens": a list that cannot be read must not make a live token look revoked.
      return absl::InternalError(
          "MotherDuck API: GET /v1/users/{username}/tokens answered without a token list");
    }
    for (const json& item : *list) {
      Token token = ParseToken(item);
      if (token.id.empty()) {
        return absl::InternalError(
            "MotherDuck API: GET /v1/users/{username}/tokens listed a token without an id");
      }
      tokens.push_back(std::move(token));
    }
    std::string parameter;
    const std::string cursor = NextCursor(page, &parameter);
    ASSIGN_OR_RETURN(const bool more, walk.AfterPage(list->size(), cursor));
    if (!more) break;
    query = absl::StrCat("?", parameter, "=", http::PercentEncode(cursor));
  }
  return tokens;
}

absl::StatusOr<Token> MotherduckApi::CreateToken(const std::string& username,
                                                 const NewToken& request) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(username, "/tokens"));
  json body = {{"name", request.name}};
  if (request.ttl) body["ttl"] = *request.ttl;
  if (request.token_type) body["token_type"] = *request.token_type;
  if (request.description) body["description"] = *request.description;
  const std::string what = "POST /v1/users/{username}/tokens";
  http::CreateSpec spec{
      .post = {.method = "POST", .path = path, .body = body.dump()},
      .find = [this, &username, &request]() -> absl::StatusOr<http::ExistingObjects> {
        ASSIGN_OR_RETURN(std::vector<Token> tokens, ListTokens(username));
        return http::ExistingNamed(tokens, request.name, "token", username);
      },
      // Token names may repeat: tokens named so before the POST are only left alone.
      .unique_key = false,
      .answer_complete =
          [](const http::Response& response) {
            const Token token = ParseToken(http::JsonBodyOrNull(response));
            return !token.id.empty() && !token.token.empty();
          }};
  ASSIGN_OR_RETURN(http::Response response,
                   http::CreateCapturingSecret(client_, spec,
                                               [this, &username](const http::ExistingObject& made) {
                                                 return RevokeToken(username, made.id);
                                               }));
  ASSIGN_OR_RETURN(json created, Answer(response, what));
  return ParseToken(created);
}

absl::Status MotherduckApi::RevokeToken(const std::string& username, const std::string& token_id) {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(token_id, "MotherDuck token id"));
  ASSIGN_OR_RETURN(const std::string path, UserPath(username, "/tokens/" + segment));
  absl::Status status = Call("DELETE", path).status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

}  // namespace orgiam::motherduck
