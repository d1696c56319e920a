#include "vultr_users.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
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
  std::optional<std::string> name;  // the deprecated full name
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> password;
  std::optional<bool> api_enabled;
  std::optional<bool> service_user;
  std::optional<std::vector<std::string>> acls;
};

bool IsBlank(const std::string& text) { return text.find_first_not_of(" \t") == std::string::npos; }

// One of name, first_name, last_name: a string of at most 255 characters.
std::string ReadNamePart(const Json& body, const char* key, std::optional<std::string>* out) {
  const Json* value = Member(body, key);
  if (value == nullptr) return "";
  if (!value->is_string()) return std::string("Invalid ") + key + ".";
  const auto decoded = DecodeUtf8(value->get<std::string>());
  if (!decoded) return std::string("Invalid ") + key + ".";
  if (decoded->size() > kMaxNameLength) return "Name must be 255 characters or fewer.";
  *out = value->get<std::string>();
  return "";
}

// Reads and checks the fields that are present. Returns an error message, or ""
// when the body is acceptable.
std::string ReadUserFields(const Json& body, UserFields* fields) {
  if (const Json* email = Member(body, "email")) {
    if (!email->is_string() || email->get<std::string>().empty()) return "Email is required.";
    if (!IsValidEmail(email->get<std::string>())) return "Invalid email address.";
    fields->email = email->get<std::string>();
  }
  for (const auto& [key, out] :
       {std::pair{"name", &fields->name}, std::pair{"first_name", &fields->first_name},
        std::pair{"last_name", &fields->last_name}}) {
    if (std::string error = ReadNamePart(body, key, out); !error.empty()) return error;
  }
  if (fields->name && IsBlank(*fields->name)) return "Name is required.";
  if (fields->first_name && IsBlank(*fields->first_name)) return "First name is required.";
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

// Keeps the full name and its two parts consistent. A `name` (deprecated) is
// split at its first space (Assumption: no source says how the API splits it);
// first_name/last_name, the current fields, then win and make the full name.
void ApplyNames(const UserFields& fields, VultrUser* user) {
  if (fields.name) {
    user->name = *fields.name;
    std::tie(user->first_name, user->last_name) = SplitVultrName(user->name);
  }
  if (fields.first_name) user->first_name = *fields.first_name;
  if (fields.last_name) user->last_name = *fields.last_name;
  if (fields.first_name || fields.last_name) {
    user->name =
        user->last_name.empty() ? user->first_name : user->first_name + " " + user->last_name;
  }
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
  if (!fields.name && !fields.first_name && !fields.last_name) {
    VultrError(res, 400, "Name is required.");
    return;
  }
  if (!fields.name && (!fields.first_name || !fields.last_name)) {
    VultrError(res, 400, "Both first_name and last_name are required.");
    return;
  }
  // Every user needs a password, service users included (govultr user.go
  // sends one; the API reference marks it required).
  if (!fields.password) {
    VultrError(res, 400, "Password is required.");
    return;
  }
  const bool service_user = fields.service_user.value_or(false);
  auto tx = app.store.Begin();
  State& state = tx.state();
  if (EmailTaken(state, *fields.email, "")) {
    VultrError(res, 400, "A user with that email already exists.");
    return;
  }
  VultrUser user;
  user.id = NewUuid();
  user.email = *fields.email;
  ApplyNames(fields, &user);
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
  ApplyNames(fields, user);
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

std::pair<std::string, std::string> SplitVultrName(const std::string& name) {
  const std::size_t begin = name.find_first_not_of(' ');
  if (begin == std::string::npos) return {"", ""};
  const std::size_t space = name.find(' ', begin);
  if (space == std::string::npos) return {name.substr(begin), ""};
  const std::size_t rest = name.find_first_not_of(' ', space);
  std::string last = rest == std::string::npos ? "" : name.substr(rest);
  while (!last.empty() && last.back() == ' ') last.pop_back();
  return {name.substr(begin, space - begin), last};
}

Json VultrUserJson(const VultrUser& user) {
  // Records saved before first/last names were kept have only the full name.
  auto [first, last] = std::pair{user.first_name, user.last_name};
  if (first.empty() && last.empty()) std::tie(first, last) = SplitVultrName(user.name);
  return {{"id", user.id},
          {"name", user.name},
          {"first_name", first},
          {"last_name", last},
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
