#include "vultr_users.h"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "ids.h"
#include "text.h"
#include "vultr_common.h"

namespace orgiam::sandbox {
namespace {

constexpr std::size_t kMinPasswordLength = 10;
constexpr std::size_t kMaxNameLength = 255;

// The fields of a create or update body, each present only when the body had
// it.
struct UserFields {
  std::optional<std::string> email;
  std::optional<std::string> name;
  std::optional<std::string> password;
  std::optional<bool> api_enabled;
  std::optional<bool> service_user;
  std::optional<std::vector<std::string>> acls;
};

// Reads and checks the fields that are present. Returns an error message, or ""
// when the body is acceptable.
std::string ReadUserFields(const Json& body, UserFields* fields) {
  if (const Json* email = Member(body, "email")) {
    if (!email->is_string() || email->get<std::string>().empty()) return "Email is required.";
    if (!IsValidEmail(email->get<std::string>())) return "Invalid email address.";
    fields->email = email->get<std::string>();
  }
  const Json* name = Member(body, "name");
  const Json* first = Member(body, "first_name");
  const Json* last = Member(body, "last_name");
  if (name != nullptr) {
    if (!name->is_string()) return "Invalid name.";
    fields->name = name->get<std::string>();
  } else if (first != nullptr || last != nullptr) {
    if (first == nullptr || last == nullptr || !first->is_string() || !last->is_string()) {
      return "Both first_name and last_name are required.";
    }
    fields->name = first->get<std::string>() + " " + last->get<std::string>();
  }
  if (fields->name) {
    const std::string& value = *fields->name;
    if (value.find_first_not_of(" \t") == std::string::npos) return "Name is required.";
    const auto decoded = DecodeUtf8(value);
    if (!decoded) return "Invalid name.";
    if (decoded->size() > kMaxNameLength) return "Name must be 255 characters or fewer.";
  }
  if (const Json* password = Member(body, "password")) {
    if (!password->is_string()) return "Invalid password.";
    const auto decoded = DecodeUtf8(password->get<std::string>());
    if (!decoded || decoded->size() < kMinPasswordLength) {
      return "Password must be at least 10 characters long.";
    }
    fields->password = password->get<std::string>();
  }
  if (const Json* api_enabled = Member(body, "api_enabled")) {
    bool value = false;
    if (!ReadVultrBool(*api_enabled, &value)) return "Invalid value for api_enabled.";
    fields->api_enabled = value;
  }
  if (const Json* service_user = Member(body, "service_user")) {
    bool value = false;
    if (!ReadVultrBool(*service_user, &value)) return "Invalid value for service_user.";
    fields->service_user = value;
  }
  if (const Json* acls = Member(body, "acls")) {
    if (!acls->is_array()) return "acls must be an array of ACL names.";
    std::set<std::string> unique;
    const auto& known = VultrAclNames();
    for (const Json& acl : *acls) {
      if (!acl.is_string()) return "acls must be an array of ACL names.";
      const std::string value = acl.get<std::string>();
      if (std::find(known.begin(), known.end(), value) == known.end()) {
        return "Invalid ACL: " + value + ".";
      }
      unique.insert(value);
    }
    // Sorted: the API does not keep the order it was given.
    fields->acls = std::vector<std::string>(unique.begin(), unique.end());
  }
  return "";
}

bool EmailTaken(State& state, const std::string& email, const std::string& except_id) {
  const VultrUser* other = FindVultrUserByEmail(state, email);
  return other != nullptr && other->id != except_id;
}

void CreateUser(App& app, const httplib::Request& req, httplib::Response& res) {
  const auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    VultrError(res, 400, "Invalid JSON in request body.");
    return;
  }
  UserFields fields;
  if (const std::string error = ReadUserFields(*body, &fields); !error.empty()) {
    VultrError(res, 400, error);
    return;
  }
  if (!fields.email) {
    VultrError(res, 400, "Email is required.");
    return;
  }
  if (!fields.name) {
    VultrError(res, 400, "Name is required.");
    return;
  }
  const bool service_user = fields.service_user.value_or(false);
  if (!fields.password && !service_user) {
    VultrError(res, 400, "Password is required.");
    return;
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  if (EmailTaken(state, *fields.email, "")) {
    VultrError(res, 400, "A user with that email already exists.");
    return;
  }
  VultrUser user;
  user.id = NewUuid();
  user.email = *fields.email;
  user.name = *fields.name;
  user.password = fields.password.value_or("");
  user.api_enabled = fields.api_enabled.value_or(true);
  user.service_user = service_user;
  user.acls = fields.acls.value_or(std::vector<std::string>{});
  if (user.api_enabled) user.api_key = NewVultrApiKey();
  user.created_us = app.clock.NowMicros();
  user.seq = state.NextSeq();
  Json view = VultrUserJson(user);
  if (!user.api_key.empty()) view["api_key"] = user.api_key;  // shown only here
  state.vultr_users.push_back(std::move(user));
  tx.MarkDirty();
  SendJson(res, 201, {{"user", view}});
}

void ListUsers(App& app, const httplib::Request& req, httplib::Response& res) {
  PageRequest page;
  if (!ReadPageRequest(req, res, &page)) return;
  auto tx = app.store.Begin();
  SendJson(res, 200, PageJson("users", tx.state().vultr_users, page, VultrUserJson));
}

void GetUser(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  const VultrUser* user = FindRequestedVultrUser(tx.state(), req, res);
  if (user == nullptr) return;
  SendJson(res, 200, {{"user", VultrUserJson(*user)}});
}

void UpdateUser(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  VultrUser* user = FindRequestedVultrUser(state, req, res);
  if (user == nullptr) return;
  const auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    VultrError(res, 400, "Invalid JSON in request body.");
    return;
  }
  UserFields fields;
  if (const std::string error = ReadUserFields(*body, &fields); !error.empty()) {
    VultrError(res, 400, error);
    return;
  }
  if (fields.service_user && *fields.service_user != user->service_user) {
    VultrError(res, 400, "service_user cannot be changed after the user is created.");
    return;
  }
  if (fields.email && EmailTaken(state, *fields.email, user->id)) {
    VultrError(res, 400, "A user with that email already exists.");
    return;
  }
  if (fields.email) user->email = *fields.email;
  if (fields.name) user->name = *fields.name;
  if (fields.password) user->password = *fields.password;
  if (fields.acls) user->acls = *fields.acls;
  if (fields.api_enabled) {
    user->api_enabled = *fields.api_enabled;
    // Enabling the API gives the user a key; like any key it is never shown
    // again here.
    if (user->api_enabled && user->api_key.empty()) user->api_key = NewVultrApiKey();
  }
  tx.MarkDirty();
  SendNoContent(res, 204);
}

void DeleteUser(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  const std::string id = req.matches[1].str();
  auto& users = state.vultr_users;
  const auto it = std::find_if(users.begin(), users.end(),
                               [&](const VultrUser& user) { return user.id == id; });
  if (it == users.end()) {
    VultrError(res, 404, "Invalid user.");
    return;
  }
  users.erase(it);
  std::erase_if(state.vultr_api_keys, [&](const VultrApiKey& key) { return key.user_id == id; });
  tx.MarkDirty();
  SendNoContent(res, 204);
}

}  // namespace

Json VultrUserJson(const VultrUser& user) {
  return {{"id", user.id},
          {"name", user.name},
          {"email", user.email},
          {"api_enabled", user.api_enabled},
          {"service_user", user.service_user},
          {"acls", user.acls}};
}

VultrUser* FindVultrUser(State& state, std::string_view id) {
  for (VultrUser& user : state.vultr_users) {
    if (user.id == id) return &user;
  }
  return nullptr;
}

VultrUser* FindRequestedVultrUser(State& state, const httplib::Request& req,
                                  httplib::Response& res) {
  VultrUser* user = FindVultrUser(state, req.matches[1].str());
  if (user == nullptr) VultrError(res, 404, "Invalid user.");
  return user;
}

VultrUser* FindVultrUserByEmail(State& state, std::string_view email) {
  const std::string wanted = AsciiLower(email);
  for (VultrUser& user : state.vultr_users) {
    if (AsciiLower(user.email) == wanted) return &user;
  }
  return nullptr;
}

std::string NewVultrApiKey() { return RandomString(36, kUpperAlnum); }

void RegisterVultrUsers(Router& router, App& app) {
  router.Route(Vendor::kVultr, "GET", "/v2/users", Bind(app, ListUsers));
  router.Route(Vendor::kVultr, "POST", "/v2/users", Bind(app, CreateUser));
  router.Route(Vendor::kVultr, "GET", "/v2/users/{id}", Bind(app, GetUser));
  router.Route(Vendor::kVultr, "PATCH", "/v2/users/{id}", Bind(app, UpdateUser));
  router.Route(Vendor::kVultr, "DELETE", "/v2/users/{id}", Bind(app, DeleteUser));
}

}  // namespace orgiam::sandbox
