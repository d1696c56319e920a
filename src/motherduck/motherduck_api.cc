#include "motherduck/motherduck_api.h"

#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "http/encoding.h"
#include "http/status_code.h"
#include "util/log.h"
#include "util/status_macros.h"

namespace orgiam::motherduck {
namespace {

using nlohmann::json;

// Tokens created this long before a lost create started still count as its result, to
// tolerate clock skew between this machine and MotherDuck.
constexpr absl::Duration kClockSkew = absl::Minutes(2);
// How often a lost token-create response is answered by revoking the orphan and retrying.
constexpr int kMaxOrphanRetries = 6;

bool IsSuccess(int status) { return status >= 200 && status <= 299; }

absl::StatusOr<json> ParseBody(const http::Response& response, const std::string& what) {
  if (response.body.empty()) return json::object();
  json parsed = json::parse(response.body, nullptr, false);
  if (parsed.is_discarded()) {
    return absl::InternalError(absl::StrCat("MotherDuck API: ", what, " returned HTTP ",
                                            response.status, " with a body that is not JSON"));
  }
  return parsed;
}

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

std::optional<absl::Time> ParseTimestamp(const std::string& text) {
  absl::Time time;
  std::string error;
  if (text.empty() || !absl::ParseTime(absl::RFC3339_full, text, &time, &error)) {
    return std::nullopt;
  }
  return time;
}

std::string TokensPath(const std::string& username) {
  return absl::StrCat("/v1/users/", http::PercentEncode(username), "/tokens");
}

}  // namespace

absl::Status MotherduckError(const http::Response& response, const std::string& what) {
  json body = json::parse(response.body, nullptr, false);
  const bool is_motherduck_error = body.is_object() && body.contains("code");
  std::string message = http::JsonString(body, "message");
  const std::string code = http::JsonString(body, "code");
  if (!is_motherduck_error) message = response.body.substr(0, 200);
  std::string text = absl::StrCat("MotherDuck API: ", what, " failed (HTTP ", response.status,
                                  code.empty() ? "" : " ", code, ")");
  if (!message.empty()) absl::StrAppend(&text, ": ", message);
  if (body.is_object() && body.contains("issues") && body["issues"].is_array()) {
    for (const json& issue : body["issues"]) {
      std::string issue_text =
          issue.is_string() ? issue.get<std::string>() : http::JsonString(issue, "message");
      if (!issue_text.empty()) absl::StrAppend(&text, "\n  - ", issue_text);
    }
  }
  if (response.status == 404) {
    // Only MotherDuck's own NOT_FOUND means "no such object"; a plain 404 page from a wrong
    // endpoint must never make Terraform forget what it manages.
    return code == "NOT_FOUND"
               ? absl::NotFoundError(text)
               : absl::FailedPreconditionError(absl::StrCat(text, " (is the endpoint right?)"));
  }
  return absl::Status(http::StatusCodeForHttp(response.status), text);
}

MotherduckApi::MotherduckApi(http::ClientOptions options) : client_(std::move(options)) {}

absl::StatusOr<json> MotherduckApi::Call(const std::string& method, const std::string& path,
                                         const json* body) {
  http::Request request{.method = method, .path = path, .body = body ? body->dump() : ""};
  ASSIGN_OR_RETURN(http::Response response, client_.Send(request));
  const std::string what = absl::StrCat(method, " ", path.substr(0, path.find('?')));
  if (!IsSuccess(response.status)) return MotherduckError(response, what);
  return ParseBody(response, what);
}

absl::Status MotherduckApi::CreateServiceAccount(const std::string& username) {
  const json body = {{"username", username}};
  http::Request request{.method = "POST", .path = "/v1/users", .body = body.dump()};
  auto find_existing = [this, &username]() -> absl::StatusOr<std::optional<std::string>> {
    ASSIGN_OR_RETURN(bool exists, ServiceAccountExists(username));
    if (!exists) return std::optional<std::string>();
    return std::optional<std::string>(json{{"username", username}}.dump());
  };
  ASSIGN_OR_RETURN(http::Client::CreateResult result, client_.Create(request, find_existing));
  if (result.found_by_lookup) {
    ORGIAM_LOG(kWarn, "motherduck", "create response lost; the service account exists",
               {{"username", username}});
    return absl::OkStatus();
  }
  if (!IsSuccess(result.response.status)) {
    return MotherduckError(result.response, "POST /v1/users");
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> MotherduckApi::ServiceAccountExists(const std::string& username) {
  absl::Status status =
      Call("GET", absl::StrCat("/v1/users/", http::PercentEncode(username), "/instances")).status();
  if (absl::IsNotFound(status)) return false;
  RETURN_IF_ERROR(status);
  return true;
}

absl::Status MotherduckApi::DeleteServiceAccount(const std::string& username) {
  absl::Status status =
      Call("DELETE", absl::StrCat("/v1/users/", http::PercentEncode(username))).status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

absl::StatusOr<std::vector<Token>> MotherduckApi::ListTokens(const std::string& username) {
  std::vector<Token> tokens;
  std::set<std::string> seen_cursors;
  std::string query;
  while (true) {
    ASSIGN_OR_RETURN(json page, Call("GET", TokensPath(username) + query));
    if (page.is_object() && page.contains("tokens") && page["tokens"].is_array()) {
      for (const json& item : page["tokens"]) tokens.push_back(ParseToken(item));
    }
    std::string parameter;
    const std::string cursor = NextCursor(page, &parameter);
    // A repeated cursor would loop forever; the list is complete as far as we can tell.
    if (cursor.empty() || !seen_cursors.insert(cursor).second) break;
    query = absl::StrCat("?", parameter, "=", http::PercentEncode(cursor));
  }
  return tokens;
}

absl::StatusOr<Token> MotherduckApi::CreateToken(const std::string& username,
                                                 const NewToken& request) {
  json body = {{"name", request.name}};
  if (request.ttl) body["ttl"] = *request.ttl;
  if (request.token_type) body["token_type"] = *request.token_type;
  if (request.description) body["description"] = *request.description;
  const std::string path = TokensPath(username);
  const std::string what = "POST " + path;
  http::Request post{.method = "POST", .path = path, .body = body.dump()};
  for (int attempt = 0;; ++attempt) {
    const absl::Time started = absl::Now();
    auto find_existing = [&]() -> absl::StatusOr<std::optional<std::string>> {
      ASSIGN_OR_RETURN(std::vector<Token> tokens, ListTokens(username));
      for (const Token& token : tokens) {
        if (token.name != request.name) continue;
        std::optional<absl::Time> created = ParseTimestamp(token.created_ts);
        if (created && *created < started - kClockSkew) continue;
        return std::optional<std::string>(json{{"id", token.id}}.dump());
      }
      return std::optional<std::string>();
    };
    ASSIGN_OR_RETURN(http::Client::CreateResult result, client_.Create(post, find_existing));
    if (!result.found_by_lookup) {
      if (!IsSuccess(result.response.status)) return MotherduckError(result.response, what);
      ASSIGN_OR_RETURN(json created, ParseBody(result.response, what));
      Token token = ParseToken(created);
      if (token.id.empty() || token.token.empty()) {
        return absl::InternalError(
            absl::StrCat("MotherDuck API: ", what, " answered without a token id or secret"));
      }
      return token;
    }
    // The token was created but the response, the only place its secret is ever shown, was
    // lost. Nobody can use it: revoke it and mint another rather than leave an orphan.
    ASSIGN_OR_RETURN(json found, ParseBody(result.response, what));
    const std::string orphan = http::JsonString(found, "id");
    ORGIAM_LOG(kWarn, "motherduck", "create response lost; revoking the orphan token",
               {{"username", username}, {"token_id", orphan}});
    RETURN_IF_ERROR(RevokeToken(username, orphan));
    if (attempt + 1 >= kMaxOrphanRetries) {
      return absl::UnavailableError(
          absl::StrCat("MotherDuck API: ", what, " kept losing its response (", kMaxOrphanRetries,
                       " times); the tokens it created were revoked. Try again later."));
    }
  }
}

absl::Status MotherduckApi::RevokeToken(const std::string& username, const std::string& token_id) {
  absl::Status status =
      Call("DELETE", absl::StrCat(TokensPath(username), "/", http::PercentEncode(token_id)))
          .status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

}  // namespace orgiam::motherduck
