#include "vultr/vultr_api.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "http/encoding.h"
#include "http/error_body.h"
#include "http/exactly_once.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "http/status_code.h"
#include "util/random_secret.h"
#include "util/status_macros.h"
#include "vultr/vultr_time.h"

namespace orgiam::vultr {
namespace {

using nlohmann::json;

constexpr int kPageSize = 500;

bool Flag(const json& object, const char* key) {
  if (!object.is_object()) return false;
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (it->is_boolean()) return it->get<bool>();
  // Some Vultr endpoints document "yes"/"no" strings for booleans; others send "true"/"false".
  if (it->is_string()) {
    const std::string text = absl::AsciiStrToLower(it->get<std::string>());
    return text == "yes" || text == "true";
  }
  return false;
}

// The object's id: a non-empty string, or the reason the answer cannot be trusted.
absl::StatusOr<std::string> RequiredId(const json& object, const char* what) {
  if (!object.is_object()) {
    return absl::InternalError(absl::StrCat("Vultr API: the answer holds no ", what, " object"));
  }
  const auto it = object.find("id");
  if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) {
    return absl::InternalError(absl::StrCat("Vultr API: the ", what, " in the answer has no id"));
  }
  return it->get<std::string>();
}

std::string UserLabel(const std::string& id, const std::string& email) {
  return absl::StrCat("user ", id, " (", email, ")");
}

// Unwraps {"user": {...}} style envelopes; tolerates unwrapped objects.
const json& Unwrap(const json& body, const char* key) {
  if (body.is_object() && body.contains(key) && body[key].is_object()) return body[key];
  return body;
}

constexpr char kLabel[] = "Vultr API";

// A 2xx answer's object, or Vultr's error.
absl::StatusOr<json> Answer(const http::Response& response, const std::string& what) {
  return http::JsonAnswer(response, kLabel, what, VultrError);
}

}  // namespace

absl::StatusOr<User> ParseUser(const json& object) {
  ASSIGN_OR_RETURN(std::string id, RequiredId(object, "user"));
  User user;
  user.id = std::move(id);
  user.name = http::JsonString(object, "name");
  if (user.name.empty()) {
    // Newer API revisions split the name.
    user.name = http::JsonString(object, "first_name");
    const std::string last = http::JsonString(object, "last_name");
    if (!last.empty()) user.name += (user.name.empty() ? "" : " ") + last;
  }
  user.email = http::JsonString(object, "email");
  user.api_enabled = Flag(object, "api_enabled");
  user.service_user = Flag(object, "service_user");
  user.api_key = http::JsonString(object, "api_key");
  if (const auto acls = object.find("acls"); acls != object.end() && acls->is_array()) {
    for (const json& acl : *acls) {
      if (acl.is_string()) user.acls.push_back(acl.get<std::string>());
    }
  }
  return user;
}

absl::StatusOr<Invitation> ParseInvitation(const json& object) {
  ASSIGN_OR_RETURN(std::string id, RequiredId(object, "invitation"));
  Invitation invitation;
  invitation.id = std::move(id);
  invitation.email = http::JsonString(object, "email_invited");
  invitation.invite_status = http::JsonString(object, "invite_status");
  invitation.email_registered = Flag(object, "email_registered");
  invitation.date_created = http::JsonString(object, "date_created");
  invitation.date_responded = http::JsonString(object, "date_responded");
  invitation.expiration_date = http::JsonString(object, "expiration_date");
  if (const auto permissions = object.find("permissions"); permissions != object.end()) {
    invitation.api_enabled = Flag(*permissions, "api_enabled");
  }
  return invitation;
}

absl::StatusOr<ApiKey> ParseApiKey(const json& object) {
  ASSIGN_OR_RETURN(std::string id, RequiredId(object, "API key"));
  ApiKey key;
  key.id = std::move(id);
  key.name = http::JsonString(object, "name");
  key.api_key = http::JsonString(object, "api_key");
  key.date_created = http::JsonString(object, "date_created");
  key.date_expire = http::JsonString(object, "date_expire");
  return key;
}

absl::Status VultrError(const http::Response& response, const std::string& what) {
  const json body = http::JsonBodyOrNull(response);
  std::string message = http::JsonString(body, "error");
  if (message.empty()) message = http::JsonString(body, "message");
  const bool vultr_error = !message.empty();
  const std::string text = vultr_error
                               ? absl::StrCat("Vultr API: ", what, " failed (HTTP ",
                                              response.status, "): ", http::VendorMessage(message))
                               : absl::StrCat("Vultr API: ", what,
                                              " failed with an answer that is not a "
                                              "Vultr error body (",
                                              http::DescribeForeignBody(response), ")");
  // Only Vultr's own 404 body says the object is gone.
  return http::VendorErrorStatus(response, vultr_error, text);
}

VultrApi::VultrApi(http::ClientOptions options) : client_(std::move(options)) {}

absl::StatusOr<json> VultrApi::Call(const std::string& method, const std::string& path,
                                    const json* body) {
  return http::SendForJson(client_, method, path, body, kLabel, VultrError);
}

absl::StatusOr<std::vector<json>> VultrApi::ListAll(const std::string& path,
                                                    const std::string& key) {
  std::vector<json> items;
  std::string cursor;
  http::PageWalk walk(absl::StrCat("Vultr API: GET ", path));
  while (true) {
    RETURN_IF_ERROR(walk.BeforePage());
    std::string url = absl::StrCat(path, "?per_page=", kPageSize);
    if (!cursor.empty()) absl::StrAppend(&url, "&cursor=", http::PercentEncode(cursor));
    ASSIGN_OR_RETURN(json page, Call("GET", url));
    const auto list = page.is_object() ? page.find(key) : page.end();
    if (!page.is_object() || list == page.end() || !list->is_array()) {
      return absl::InternalError(
          absl::StrCat("Vultr API: GET ", path, " answered without the \"", key, "\" list"));
    }
    const std::size_t count = list->size();
    for (json& item : *list) items.push_back(std::move(item));
    cursor.clear();
    if (const auto meta = page.find("meta"); meta != page.end() && meta->is_object()) {
      if (const auto links = meta->find("links"); links != meta->end()) {
        cursor = http::JsonString(*links, "next");
      }
    }
    ASSIGN_OR_RETURN(const bool more, walk.AfterPage(count, cursor));
    if (!more) break;
  }
  return items;
}

absl::StatusOr<User> VultrApi::GetUser(const std::string& id) {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(id, "Vultr user id"));
  ASSIGN_OR_RETURN(json body, Call("GET", "/v2/users/" + segment));
  ASSIGN_OR_RETURN(User user, ParseUser(Unwrap(body, "user")));
  if (!absl::EqualsIgnoreCase(user.id, id)) {
    return absl::InternalError(
        absl::StrCat("Vultr API: GET /v2/users/{id} answered with another user's id"));
  }
  return user;
}

absl::StatusOr<std::vector<User>> VultrApi::ListUsers() {
  ASSIGN_OR_RETURN(std::vector<json> items, ListAll("/v2/users", "users"));
  std::vector<User> users;
  users.reserve(items.size());
  for (const json& item : items) {
    ASSIGN_OR_RETURN(User user, ParseUser(item));
    users.push_back(std::move(user));
  }
  return users;
}

absl::StatusOr<std::optional<User>> VultrApi::FindUserByEmail(const std::string& email) {
  ASSIGN_OR_RETURN(std::vector<User> users, ListUsers());
  const std::string wanted = absl::AsciiStrToLower(email);
  for (User& user : users) {
    if (absl::AsciiStrToLower(user.email) == wanted) return std::optional<User>(std::move(user));
  }
  return std::optional<User>();
}

absl::StatusOr<User> VultrApi::CreateUser(const NewUser& user) {
  // Vultr requires a password even for service users, who cannot log in with it (API
  // reference; govultr UserReq). Without a configured one, one is made up for this create only.
  std::string password;
  if (user.password) {
    password = *user.password;
  } else {
    ASSIGN_OR_RETURN(password, util::RandomPassword());
  }
  // `name` as govultr sends it; newer API references split it into first_name/last_name.
  json body = {{"name", user.name},    {"email", user.email},
               {"password", password}, {"api_enabled", user.api_enabled},
               {"service_user", true}, {"acls", user.acls}};
  const bool needs_key = user.api_enabled;
  http::CreateSpec spec{.post = {.method = "POST", .path = "/v2/users", .body = body.dump()},
                        .find = [this, &user]() -> absl::StatusOr<http::ExistingObjects> {
                          ASSIGN_OR_RETURN(std::optional<User> found, FindUserByEmail(user.email));
                          return http::ExistingIf(
                              found, [](const User& u) { return UserLabel(u.id, u.email); });
                        },
                        .unique_key = true,
                        .answer_complete =
                            [needs_key](const http::Response& response) {
                              absl::StatusOr<User> created =
                                  ParseUser(Unwrap(http::JsonBodyOrNull(response), "user"));
                              return created.ok() && (!needs_key || !created->api_key.empty());
                            }};
  if (needs_key) {
    ASSIGN_OR_RETURN(
        http::Response response,
        http::CreateCapturingSecret(client_, spec, [this](const http::ExistingObject& made) {
          return DeleteUser(made.id);
        }));
    ASSIGN_OR_RETURN(json created, Answer(response, "POST /v2/users"));
    return ParseUser(Unwrap(created, "user"));
  }
  ASSIGN_OR_RETURN(http::CreateOutcome outcome, client_.Create(spec));
  if (!outcome.response.has_value()) {
    http::Client::FinishingSentWork finishing;
    return GetUser(outcome.recovered.front().id);  // ours, and no key to capture
  }
  ASSIGN_OR_RETURN(json created, Answer(*outcome.response, "POST /v2/users"));
  return ParseUser(Unwrap(created, "user"));
}

absl::Status VultrApi::UpdateUser(const std::string& id, const UserChanges& changes) {
  if (changes.empty()) return absl::OkStatus();
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(id, "Vultr user id"));
  json body = json::object();
  if (changes.name) body["name"] = *changes.name;
  if (changes.email) body["email"] = *changes.email;
  if (changes.password) body["password"] = *changes.password;
  if (changes.api_enabled) body["api_enabled"] = *changes.api_enabled;
  if (changes.acls) body["acls"] = *changes.acls;
  return Call("PATCH", "/v2/users/" + segment, &body).status();
}

absl::Status VultrApi::DeleteUser(const std::string& id) {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(id, "Vultr user id"));
  absl::Status status = Call("DELETE", "/v2/users/" + segment).status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

absl::StatusOr<Invitation> VultrApi::CreateInvitation(const std::string& email, bool api_enabled) {
  json body = {{"email_invited", email}, {"permissions", {{"api_enabled", api_enabled}}}};
  http::CreateSpec spec{
      .post = {.method = "POST", .path = "/v2/invitation", .body = body.dump()},
      .find = [this, &email]() -> absl::StatusOr<http::ExistingObjects> {
        ASSIGN_OR_RETURN(std::vector<Invitation> all, ListInvitations());
        const std::string wanted = absl::AsciiStrToLower(email);
        http::ExistingObjects pending;
        for (const Invitation& invitation : all) {
          // One past its expiry blocks nothing: Vultr takes a new invitation for the email.
          if (absl::AsciiStrToLower(invitation.email) == wanted &&
              invitation.invite_status == "Pending" &&
              !VultrTimeHasPassed(invitation.expiration_date)) {
            pending.push_back({.id = invitation.id,
                               .label = absl::StrCat("pending invitation ", invitation.id, " (",
                                                     invitation.email, ")")});
          }
        }
        return pending;
      },
      .unique_key = true,
      .answer_complete =
          [](const http::Response& response) {
            return ParseInvitation(
                       Unwrap(Unwrap(http::JsonBodyOrNull(response), "invitation"), "invite"))
                .ok();
          }};
  ASSIGN_OR_RETURN(http::CreateOutcome outcome, client_.Create(spec));
  if (!outcome.response.has_value()) {
    http::Client::FinishingSentWork finishing;
    return GetInvitation(outcome.recovered.front().id);
  }
  ASSIGN_OR_RETURN(json created, Answer(*outcome.response, "POST /v2/invitation"));
  return ParseInvitation(Unwrap(Unwrap(created, "invitation"), "invite"));
}

absl::StatusOr<Invitation> VultrApi::GetInvitation(const std::string& id) {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(id, "Vultr invitation id"));
  ASSIGN_OR_RETURN(json body, Call("GET", "/v2/invitation/" + segment));
  ASSIGN_OR_RETURN(Invitation invitation,
                   ParseInvitation(Unwrap(Unwrap(body, "invitation"), "invite")));
  if (!absl::EqualsIgnoreCase(invitation.id, id)) {
    return absl::InternalError(
        "Vultr API: GET /v2/invitation/{id} answered with another invitation's id");
  }
  return invitation;
}

absl::StatusOr<std::vector<Invitation>> VultrApi::ListInvitations() {
  ASSIGN_OR_RETURN(std::vector<json> items, ListAll("/v2/invitation", "invites"));
  std::vector<Invitation> out;
  for (const json& item : items) {
    ASSIGN_OR_RETURN(Invitation invitation, ParseInvitation(item));
    out.push_back(std::move(invitation));
  }
  return out;
}

absl::StatusOr<Invitation> VultrApi::ResendInvitation(const std::string& id) {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(id, "Vultr invitation id"));
  ASSIGN_OR_RETURN(json body, Call("POST", "/v2/invitation/" + segment + "/resend"));
  const json& object = Unwrap(Unwrap(body, "invitation"), "invite");
  if (!absl::EqualsIgnoreCase(http::JsonString(object, "id"), id)) return GetInvitation(id);
  return ParseInvitation(object);
}

absl::StatusOr<ApiKey> VultrApi::CreateApiKey(const std::string& user_id, const std::string& name,
                                              const std::optional<std::string>& date_expire) {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(user_id, "Vultr user id"));
  json body = {{"name", name}, {"expire", date_expire.has_value()}};
  if (date_expire) body["date_expire"] = *date_expire;
  const std::string path = "/v2/users/" + segment + "/apikeys";
  http::CreateSpec spec{.post = {.method = "POST", .path = path, .body = body.dump()},
                        .find = [this, &user_id, &name]() -> absl::StatusOr<http::ExistingObjects> {
                          ASSIGN_OR_RETURN(std::vector<ApiKey> keys, ListApiKeys(user_id));
                          return http::ExistingNamed(keys, name, "API key", "user " + user_id);
                        },
                        // Key names may repeat: keys named so before the POST are only left alone.
                        .unique_key = false,
                        .answer_complete =
                            [](const http::Response& response) {
                              absl::StatusOr<ApiKey> key =
                                  ParseApiKey(Unwrap(http::JsonBodyOrNull(response), "api_key"));
                              return key.ok() && !key->api_key.empty();
                            }};
  ASSIGN_OR_RETURN(http::Response response,
                   http::CreateCapturingSecret(client_, spec,
                                               [this, &user_id](const http::ExistingObject& made) {
                                                 return DeleteApiKey(user_id, made.id);
                                               }));
  const std::string what = "POST /v2/users/{id}/apikeys";
  ASSIGN_OR_RETURN(json created, Answer(response, what));
  return ParseApiKey(Unwrap(created, "api_key"));
}

absl::StatusOr<std::vector<ApiKey>> VultrApi::ListApiKeys(const std::string& user_id) {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(user_id, "Vultr user id"));
  ASSIGN_OR_RETURN(std::vector<json> items,
                   ListAll("/v2/users/" + segment + "/apikeys", "api_keys"));
  std::vector<ApiKey> keys;
  for (const json& item : items) {
    ASSIGN_OR_RETURN(ApiKey key, ParseApiKey(item));
    keys.push_back(std::move(key));
  }
  return keys;
}

absl::StatusOr<ApiKey> VultrApi::GetApiKey(const std::string& user_id, const std::string& key_id) {
  ASSIGN_OR_RETURN(const std::string user, http::PathSegment(user_id, "Vultr user id"));
  ASSIGN_OR_RETURN(const std::string key, http::PathSegment(key_id, "Vultr API key id"));
  ASSIGN_OR_RETURN(json body, Call("GET", "/v2/users/" + user + "/apikeys/" + key));
  ASSIGN_OR_RETURN(ApiKey parsed, ParseApiKey(Unwrap(body, "api_key")));
  if (!absl::EqualsIgnoreCase(parsed.id, key_id)) {
    return absl::InternalError(
        "Vultr API: GET /v2/users/{id}/apikeys/{apikey-id} answered with another key's id");
  }
  return parsed;
}

absl::Status VultrApi::DeleteApiKey(const std::string& user_id, const std::string& key_id) {
  ASSIGN_OR_RETURN(const std::string user, http::PathSegment(user_id, "Vultr user id"));
  ASSIGN_OR_RETURN(const std::string key, http::PathSegment(key_id, "Vultr API key id"));
  absl::Status status = Call("DELETE", "/v2/users/" + user + "/apikeys/" + key).status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

}  // namespace orgiam::vultr
