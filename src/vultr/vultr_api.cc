#include "vultr/vultr_api.h"

#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "http/encoding.h"
#include "http/status_code.h"
#include "util/status_macros.h"

namespace orgiam::vultr {
namespace {

using nlohmann::json;

constexpr int kPageSize = 500;

bool Flag(const json& object, const char* key) {
  if (!object.is_object()) return false;
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (it->is_boolean()) return it->get<bool>();
  // Some Vultr endpoints document "yes"/"no" strings for booleans.
  if (it->is_string()) return absl::AsciiStrToLower(it->get<std::string>()) == "yes";
  return false;
}

User ParseUser(const json& object) {
  User user;
  user.id = http::JsonString(object, "id");
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
  if (object.contains("acls") && object["acls"].is_array()) {
    for (const json& acl : object["acls"]) {
      if (acl.is_string()) user.acls.push_back(acl.get<std::string>());
    }
  }
  return user;
}

Invitation ParseInvitation(const json& object) {
  Invitation invitation;
  invitation.id = http::JsonString(object, "id");
  invitation.email = http::JsonString(object, "email_invited");
  invitation.invite_status = http::JsonString(object, "invite_status");
  invitation.email_registered = Flag(object, "email_registered");
  invitation.date_created = http::JsonString(object, "date_created");
  invitation.date_responded = http::JsonString(object, "date_responded");
  invitation.expiration_date = http::JsonString(object, "expiration_date");
  if (object.contains("permissions")) {
    invitation.api_enabled = Flag(object["permissions"], "api_enabled");
  }
  return invitation;
}

ApiKey ParseApiKey(const json& object) {
  ApiKey key;
  key.id = http::JsonString(object, "id");
  key.name = http::JsonString(object, "name");
  key.api_key = http::JsonString(object, "api_key");
  key.date_created = http::JsonString(object, "date_created");
  key.date_expire = http::JsonString(object, "date_expire");
  return key;
}

// Unwraps {"user": {...}} style envelopes; tolerates unwrapped objects.
const json& Unwrap(const json& body, const char* key) {
  if (body.is_object() && body.contains(key) && body[key].is_object()) return body[key];
  return body;
}

absl::StatusOr<json> ParseBody(const http::Response& response, const std::string& what) {
  if (response.body.empty()) return json::object();
  json parsed = json::parse(response.body, nullptr, false);
  if (parsed.is_discarded()) {
    return absl::InternalError(absl::StrCat("Vultr API: ", what, " returned HTTP ", response.status,
                                            " with a body that is not JSON"));
  }
  return parsed;
}

}  // namespace

absl::Status VultrError(const http::Response& response, const std::string& what) {
  json body = json::parse(response.body, nullptr, false);
  std::string message = http::JsonString(body, "error");
  if (message.empty()) message = http::JsonString(body, "message");
  if (message.empty()) message = response.body.substr(0, 200);
  const std::string text =
      absl::StrCat("Vultr API: ", what, " failed (HTTP ", response.status, "): ", message);
  if (response.status == 404 && body.is_object() && body.contains("error")) {
    return absl::NotFoundError(text);  // Vultr's own answer: the object is gone
  }
  if (response.status == 404) {
    return absl::FailedPreconditionError(text + " (is the endpoint right?)");
  }
  return absl::Status(http::StatusCodeForHttp(response.status), text);
}

VultrApi::VultrApi(http::ClientOptions options) : client_(std::move(options)) {}

absl::StatusOr<json> VultrApi::Call(const std::string& method, const std::string& path,
                                    const json* body) {
  http::Request request{.method = method, .path = path, .body = body ? body->dump() : ""};
  ASSIGN_OR_RETURN(http::Response response, client_.Send(request));
  const std::string what = absl::StrCat(method, " ", path.substr(0, path.find('?')));
  if (response.status < 200 || response.status > 299) return VultrError(response, what);
  return ParseBody(response, what);
}

absl::StatusOr<std::vector<json>> VultrApi::ListAll(const std::string& path,
                                                    const std::string& key) {
  std::vector<json> items;
  std::string cursor;
  std::set<std::string> seen_cursors;
  while (true) {
    std::string url = absl::StrCat(path, "?per_page=", kPageSize);
    if (!cursor.empty()) absl::StrAppend(&url, "&cursor=", http::PercentEncode(cursor));
    ASSIGN_OR_RETURN(json page, Call("GET", url));
    if (page.contains(key) && page[key].is_array()) {
      for (json& item : page[key]) items.push_back(std::move(item));
    }
    cursor.clear();
    if (page.contains("meta") && page["meta"].contains("links")) {
      cursor = http::JsonString(page["meta"]["links"], "next");
    }
    // A cursor seen before would loop forever; the list is complete as far as we can tell.
    if (cursor.empty() || !seen_cursors.insert(cursor).second) break;
  }
  return items;
}

absl::StatusOr<User> VultrApi::GetUser(const std::string& id) {
  ASSIGN_OR_RETURN(json body, Call("GET", "/v2/users/" + http::PercentEncode(id)));
  return ParseUser(Unwrap(body, "user"));
}

absl::StatusOr<std::vector<User>> VultrApi::ListUsers() {
  ASSIGN_OR_RETURN(std::vector<json> items, ListAll("/v2/users", "users"));
  std::vector<User> users;
  users.reserve(items.size());
  for (const json& item : items) users.push_back(ParseUser(item));
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

absl::StatusOr<User> VultrApi::CreateUser(const NewUser& user, bool* recovered) {
  json body = {{"name", user.name},
               {"email", user.email},
               {"api_enabled", user.api_enabled},
               {"service_user", true},
               {"acls", user.acls}};
  if (user.password) body["password"] = *user.password;
  http::Request request{.method = "POST", .path = "/v2/users", .body = body.dump()};
  auto find_existing = [this, &user]() -> absl::StatusOr<std::optional<std::string>> {
    ASSIGN_OR_RETURN(std::optional<User> found, FindUserByEmail(user.email));
    if (!found) return std::optional<std::string>();
    return std::optional<std::string>(json{{"user", {{"id", found->id}}}}.dump());
  };
  ASSIGN_OR_RETURN(http::Client::CreateResult result, client_.Create(request, find_existing));
  *recovered = result.found_by_lookup;
  if (result.found_by_lookup) {
    ASSIGN_OR_RETURN(json found, ParseBody(result.response, "POST /v2/users"));
    return GetUser(http::JsonString(Unwrap(found, "user"), "id"));
  }
  if (result.response.status < 200 || result.response.status > 299) {
    return VultrError(result.response, "POST /v2/users");
  }
  ASSIGN_OR_RETURN(json created, ParseBody(result.response, "POST /v2/users"));
  User parsed = ParseUser(Unwrap(created, "user"));
  if (parsed.id.empty()) {
    return absl::InternalError("Vultr API: POST /v2/users answered without a user id");
  }
  return parsed;
}

absl::Status VultrApi::UpdateUser(const std::string& id, const UserChanges& changes) {
  if (changes.empty()) return absl::OkStatus();
  json body = json::object();
  if (changes.name) body["name"] = *changes.name;
  if (changes.email) body["email"] = *changes.email;
  if (changes.password) body["password"] = *changes.password;
  if (changes.api_enabled) body["api_enabled"] = *changes.api_enabled;
  if (changes.acls) body["acls"] = *changes.acls;
  return Call("PATCH", "/v2/users/" + http::PercentEncode(id), &body).status();
}

absl::Status VultrApi::DeleteUser(const std::string& id) {
  absl::Status status = Call("DELETE", "/v2/users/" + http::PercentEncode(id)).status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

absl::StatusOr<Invitation> VultrApi::CreateInvitation(const std::string& email, bool api_enabled) {
  json body = {{"email_invited", email}, {"permissions", {{"api_enabled", api_enabled}}}};
  http::Request request{.method = "POST", .path = "/v2/invitation", .body = body.dump()};
  auto find_existing = [this, &email]() -> absl::StatusOr<std::optional<std::string>> {
    ASSIGN_OR_RETURN(std::vector<Invitation> all, ListInvitations());
    const std::string wanted = absl::AsciiStrToLower(email);
    for (const Invitation& invitation : all) {
      if (absl::AsciiStrToLower(invitation.email) == wanted &&
          invitation.invite_status == "Pending") {
        return std::optional<std::string>(json{{"id", invitation.id}}.dump());
      }
    }
    return std::optional<std::string>();
  };
  ASSIGN_OR_RETURN(http::Client::CreateResult result, client_.Create(request, find_existing));
  if (!result.found_by_lookup && (result.response.status < 200 || result.response.status > 299)) {
    return VultrError(result.response, "POST /v2/invitation");
  }
  ASSIGN_OR_RETURN(json created, ParseBody(result.response, "POST /v2/invitation"));
  const json& object = Unwrap(Unwrap(created, "invitation"), "invite");
  if (result.found_by_lookup) return GetInvitation(http::JsonString(object, "id"));
  return ParseInvitation(object);
}

absl::StatusOr<Invitation> VultrApi::GetInvitation(const std::string& id) {
  ASSIGN_OR_RETURN(json body, Call("GET", "/v2/invitation/" + http::PercentEncode(id)));
  return ParseInvitation(Unwrap(Unwrap(body, "invitation"), "invite"));
}

absl::StatusOr<std::vector<Invitation>> VultrApi::ListInvitations() {
  ASSIGN_OR_RETURN(std::vector<json> items, ListAll("/v2/invitation", "invites"));
  std::vector<Invitation> out;
  for (const json& item : items) out.push_back(ParseInvitation(item));
  return out;
}

absl::StatusOr<Invitation> VultrApi::ResendInvitation(const std::string& id) {
  ASSIGN_OR_RETURN(json body,
                   Call("POST", "/v2/invitation/" + http::PercentEncode(id) + "/resend"));
  const json& object = Unwrap(Unwrap(body, "invitation"), "invite");
  if (http::JsonString(object, "id").empty()) return GetInvitation(id);
  return ParseInvitation(object);
}

absl::Status VultrApi::RevokeInvitation(const std::string& id) {
  absl::Status status = Call("DELETE", "/v2/invitation/" + http::PercentEncode(id)).status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

absl::StatusOr<ApiKey> VultrApi::CreateApiKey(const std::string& user_id, const std::string& name,
                                              const std::optional<std::string>& date_expire) {
  json body = {{"name", name}, {"expire", date_expire.has_value()}};
  if (date_expire) body["date_expire"] = *date_expire;
  const std::string path = "/v2/users/" + http::PercentEncode(user_id) + "/apikeys";
  ASSIGN_OR_RETURN(json created, Call("POST", path, &body));
  ApiKey key = ParseApiKey(Unwrap(created, "api_key"));
  if (key.id.empty()) return absl::InternalError("Vultr API: POST " + path + " gave no key id");
  return key;
}

absl::StatusOr<ApiKey> VultrApi::GetApiKey(const std::string& user_id, const std::string& key_id) {
  ASSIGN_OR_RETURN(json body, Call("GET", "/v2/users/" + http::PercentEncode(user_id) +
                                              "/apikeys/" + http::PercentEncode(key_id)));
  return ParseApiKey(Unwrap(body, "api_key"));
}

absl::Status VultrApi::DeleteApiKey(const std::string& user_id, const std::string& key_id) {
  absl::Status status = Call("DELETE", "/v2/users/" + http::PercentEncode(user_id) + "/apikeys/" +
                                           http::PercentEncode(key_id))
                            .status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

}  // namespace orgiam::vultr
