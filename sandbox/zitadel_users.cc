#include "zitadel_users.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ids.h"
#include "text.h"
#include "vultr_common.h"  // IsValidEmail: one address check for the whole sandbox
#include "zitadel_common.h"

namespace orgiam::sandbox {
namespace {

constexpr char kBearer[] = "ACCESS_TOKEN_TYPE_BEARER";
constexpr char kJwt[] = "ACCESS_TOKEN_TYPE_JWT";
constexpr char kBase[] = "/management/v1/users";

void InvalidArgument(httplib::Response& res, const std::string& message) {
  ZitadelError(res, kGrpcInvalidArgument, message, "");
}

// GetUserByID's miss: internal/query/user.go throws NotFound "QUERY-Dfbg2",
// "Errors.User.NotFound", which the gRPC translation interceptor turns into the
// i18n text (internal/static/i18n/en.yaml: "User could not be found").
void UserNotFound(httplib::Response& res) {
  ZitadelError(res, kGrpcNotFound, "User could not be found", "QUERY-Dfbg2");
}

// A string field checked like protoc-gen-validate does (lengths in runes).
// `message` and `field` name it in errors ("AddMachineUserRequest",
// "UserName").
bool ReadText(const Json& body, const char* json_name, const char* message, const char* field,
              std::size_t min, std::size_t max, std::string* out, httplib::Response& res) {
  const Json* value = Member(body, json_name);
  std::string text;
  if (value != nullptr) {
    if (!value->is_string()) {
      InvalidArgument(res, std::string("proto: invalid value for string field ") + json_name);
      return false;
    }
    text = value->get<std::string>();
  }
  const auto runes = DecodeUtf8(text);
  if (!runes) {
    InvalidArgument(res, std::string("proto: invalid UTF-8 in string field ") + json_name);
    return false;
  }
  if (runes->size() < min || runes->size() > max) {
    const std::string prefix = std::string("invalid ") + message + "." + field + ": ";
    if (min == 0) {
      InvalidArgument(res,
                      prefix + "value length must be at most " + std::to_string(max) + " runes");
    } else {
      InvalidArgument(res, prefix + "value length must be between " + std::to_string(min) +
                               " and " + std::to_string(max) + " runes, inclusive");
    }
    return false;
  }
  *out = std::move(text);
  return true;
}

// accessTokenType as an enum name or number; absent or 0 is BEARER.
bool ReadTokenType(const Json& body, std::string* out, httplib::Response& res) {
  const Json* value = Member(body, "accessTokenType");
  if (value == nullptr) {
    *out = kBearer;
    return true;
  }
  if (value->is_string()) {
    const std::string text = value->get<std::string>();
    if (text == kBearer || text == kJwt) {
      *out = text;
      return true;
    }
  } else if (value->is_number_integer()) {
    const auto number = value->get<std::int64_t>();
    if (number == 0 || number == 1) {
      *out = number == 0 ? kBearer : kJwt;
      return true;
    }
  }
  InvalidArgument(res, "proto: invalid value for enum field accessTokenType: " + Dump(*value));
  return false;
}

ZitadelUser* FindUser(State& state, const std::string& org_id, const std::string& id) {
  for (ZitadelUser& user : state.zitadel_users) {
    if (user.id == id && user.org_id == org_id) return &user;
  }
  return nullptr;
}

// User names are unique in the whole instance: the "usernames" unique
// constraint is the bare name unless the organization's domain policy sets
// userLoginMustBeDomain (then name + organization), and ZITADEL's default
// policy does not (internal/repository/user/user.go
// NewAddUsernameUniqueConstraint). The sandbox models only the default.
// Assumption: the comparison ignores case, as the sandbox always did.
bool UserNameTaken(const State& state, const std::string& user_name, const std::string& except_id) {
  const std::string wanted = AsciiLower(user_name);
  return std::any_of(
      state.zitadel_users.begin(), state.zitadel_users.end(),
      [&](const ZitadelUser& u) { return u.id != except_id && AsciiLower(u.user_name) == wanted; });
}

// A violated unique constraint: eventstore v3 answers AlreadyExists with the
// constraint's message (internal/eventstore/v3/unique_constraints.go,
// "V3-DKcYh"), translated by the i18n catalogue ("User already exists").
void UserNameTakenError(httplib::Response& res) {
  ZitadelError(res, kGrpcAlreadyExists, "User already exists", "V3-DKcYh");
}

// Records an event on the user: a new sequence and change date.
void Touch(State& state, ZitadelUser& user, std::int64_t now) {
  user.sequence = ++state.zitadel_sequence;
  user.changed_us = now;
}

Json ChangeDetails(const ZitadelUser& user) {
  return ZitadelDetails(user.sequence, 0, user.changed_us, user.org_id);
}

// The user named by the route in the caller's organization; else answers 404.
ZitadelUser* FindRequestedUser(State& state, const ZitadelOrg& org, const httplib::Request& req,
                               httplib::Response& res) {
  ZitadelUser* user = FindUser(state, org.id, req.matches[1].str());
  if (user == nullptr) UserNotFound(res);
  return user;
}

// The machine user named by the route. The machine commands load a machine write model
// (internal/command/user_machine.go ChangeMachine, user_machine_secret.go), which finds no
// machine behind a human's id: "Errors.User.NotFound". Assumption: the same NotFound answer
// as GetUserByID's miss.
ZitadelUser* FindRequestedMachine(State& state, const ZitadelOrg& org, const httplib::Request& req,
                                  httplib::Response& res) {
  ZitadelUser* user = FindRequestedUser(state, org, req, res);
  if (user != nullptr && user->human) {
    UserNotFound(res);
    return nullptr;
  }
  return user;
}

// Records a change to the user and answers with its details.
void CommitChange(App& app, Store::Tx& tx, ZitadelUser& user, httplib::Response& res) {
  Touch(tx.state(), user, app.clock.NowMicros());
  tx.MarkDirty();
  SendJson(res, 200, {{"details", ChangeDetails(user)}});
}

// Stores a new user (machine or human) of `org` under `id` and answers with its id and
// details, unless its user name is taken.
void StoreNewUser(App& app, Store::Tx& tx, const ZitadelOrg& org, const std::string& id,
                  ZitadelUser user, httplib::Response& res) {
  State& state = tx.state();
  if (UserNameTaken(state, user.user_name, "")) {
    UserNameTakenError(res);
    return;
  }
  const std::int64_t now = app.clock.NowMicros();
  user.id = id;
  user.org_id = org.id;
  user.created_us = now;
  Touch(state, user, now);
  user.seq = state.NextSeq();
  const Json response = {{"userId", user.id},
                         {"details", ZitadelDetails(user.sequence, now, now, user.org_id)}};
  state.zitadel_users.push_back(std::move(user));
  tx.MarkDirty();
  SendJson(res, 200, response);
}

void AddMachineUser(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  const auto body = ReadZitadelBody(req, res);
  if (!body) return;
  ZitadelUser user;
  if (!ReadText(*body, "userName", "AddMachineUserRequest", "UserName", 1, 200, &user.user_name,
                res) ||
      !ReadText(*body, "name", "AddMachineUserRequest", "Name", 1, 200, &user.name, res) ||
      !ReadText(*body, "description", "AddMachineUserRequest", "Description", 0, 500,
                &user.description, res) ||
      !ReadTokenType(*body, &user.access_token_type, res)) {
    return;
  }
  std::string custom_id;
  if (!ReadText(*body, "userId", "AddMachineUserRequest", "UserId", 0, 200, &custom_id, res)) {
    return;
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  const bool id_taken =
      !custom_id.empty() && std::any_of(state.zitadel_users.begin(), state.zitadel_users.end(),
                                        [&](const ZitadelUser& u) { return u.id == custom_id; });
  if (id_taken) {
    // internal/command/user_machine.go prepareAddUserMachine: a user with that
    // id exists. "Errors.User.AlreadyExisting" has no entry in the i18n
    // catalogue, so the key itself is the message. Assumption: an id taken in
    // another organization is refused the same way.
    ZitadelError(res, kGrpcFailedPrecondition, "Errors.User.AlreadyExisting", "COMMAND-k2una");
    return;
  }
  if (custom_id.empty()) custom_id = NewZitadelId(state);
  StoreNewUser(app, tx, *org, custom_id, std::move(user), res);
}

// AddHumanUser (management.proto, POST /management/v1/users/human; docs/docs/apis/proto/
// management.md): user_name 1-200 runes, a required profile (first_name, last_name 1-200) and
// a required email (string.email). The sandbox keeps only what the user object shows; phone,
// initial_password and the verification mails are left out.
void AddHumanUser(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  const auto body = ReadZitadelBody(req, res);
  if (!body) return;
  ZitadelUser user;
  user.human = true;
  if (!ReadText(*body, "userName", "AddHumanUserRequest", "UserName", 1, 200, &user.user_name,
                res)) {
    return;
  }
  const Json* profile = Member(*body, "profile");
  const Json* email = Member(*body, "email");
  if (profile == nullptr || !profile->is_object()) {
    InvalidArgument(res, "invalid AddHumanUserRequest.Profile: value is required");
    return;
  }
  if (email == nullptr || !email->is_object()) {
    InvalidArgument(res, "invalid AddHumanUserRequest.Email: value is required");
    return;
  }
  std::string display_name;
  if (!ReadText(*profile, "firstName", "AddHumanUserRequest_Profile", "FirstName", 1, 200,
                &user.first_name, res) ||
      !ReadText(*profile, "lastName", "AddHumanUserRequest_Profile", "LastName", 1, 200,
                &user.last_name, res) ||
      !ReadText(*profile, "displayName", "AddHumanUserRequest_Profile", "DisplayName", 0, 200,
                &display_name, res) ||
      !ReadText(*email, "email", "AddHumanUserRequest_Email", "Email", 1, 200, &user.email, res)) {
    return;
  }
  if (!IsValidEmail(user.email)) {
    InvalidArgument(res,
                    "invalid AddHumanUserRequest_Email.Email: value must be a valid email address");
    return;
  }
  // The command fills an empty display name from first and last name (internal/command/
  // user_human.go AddHuman: "Profile.DisplayName = FirstName + ' ' + LastName").
  user.name = display_name.empty() ? user.first_name + " " + user.last_name : display_name;
  auto tx = app.store.Begin();
  const std::string id = NewZitadelId(tx.state());
  StoreNewUser(app, tx, *org, id, std::move(user), res);
}

void GetUser(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  auto tx = app.store.Begin();
  const ZitadelUser* user = FindUser(tx.state(), org->id, req.matches[1].str());
  if (user == nullptr) {
    UserNotFound(res);
    return;
  }
  SendJson(res, 200, {{"user", ZitadelUserJson(*user)}});
}

void UpdateMachine(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  const auto body = ReadZitadelBody(req, res);
  if (!body) return;
  std::string name, description, token_type;
  if (!ReadText(*body, "name", "UpdateMachineRequest", "Name", 1, 200, &name, res) ||
      !ReadText(*body, "description", "UpdateMachineRequest", "Description", 0, 500, &description,
                res) ||
      !ReadTokenType(*body, &token_type, res)) {
    return;
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  ZitadelUser* user = FindRequestedMachine(state, *org, req, res);
  if (user == nullptr) return;
  if (user->name == name && user->description == description &&
      user->access_token_type == token_type) {
    // internal/command/user_machine.go: "Errors.User.NotChanged", a key the
    // i18n catalogue (en.yaml) lacks, so it is the message itself.
    ZitadelError(res, kGrpcFailedPrecondition, "Errors.User.NotChanged", "COMMAND-2n8vs");
    return;
  }
  user->name = name;
  user->description = description;
  user->access_token_type = token_type;
  CommitChange(app, tx, *user, res);
}

void UpdateUserName(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  const auto body = ReadZitadelBody(req, res);
  if (!body) return;
  std::string user_name;
  if (!ReadText(*body, "userName", "UpdateUserNameRequest", "UserName", 1, 200, &user_name, res)) {
    return;
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  ZitadelUser* user = FindRequestedUser(state, *org, req, res);
  if (user == nullptr) return;
  if (user->user_name == user_name) {
    // internal/command/user.go ChangeUsername: "Errors.User.UsernameNotChanged".
    ZitadelError(res, kGrpcFailedPrecondition, "Username not changed", "COMMAND-6m9gs");
    return;
  }
  if (UserNameTaken(state, user_name, user->id)) {
    UserNameTakenError(res);
    return;
  }
  user->user_name = user_name;
  CommitChange(app, tx, *user, res);
}

void RemoveUser(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  auto tx = app.store.Begin();
  State& state = tx.state();
  ZitadelUser* user = FindRequestedUser(state, *org, req, res);
  if (user == nullptr) return;
  Touch(state, *user, app.clock.NowMicros());
  const Json details = ChangeDetails(*user);
  const std::string id = user->id;
  std::erase_if(state.zitadel_users, [&](const ZitadelUser& u) { return u.id == id; });
  // A removed user's tokens no longer authenticate or list.
  std::erase_if(state.zitadel_pats, [&](const ZitadelPat& p) { return p.user_id == id; });
  tx.MarkDirty();
  SendJson(res, 200, {{"details", details}});
}

void GenerateSecret(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  if (!ReadZitadelBody(req, res)) return;
  auto tx = app.store.Begin();
  State& state = tx.state();
  ZitadelUser* user = FindRequestedMachine(state, *org, req, res);
  if (user == nullptr) return;
  user->client_secret = RandomString(64, kAlnum);  // replaces any previous secret
  Touch(state, *user, app.clock.NowMicros());
  tx.MarkDirty();
  SendJson(res, 200,
           {{"clientId", user->user_name},
            {"clientSecret", user->client_secret},
            {"details", ChangeDetails(*user)}});
}

void RemoveSecret(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  auto tx = app.store.Begin();
  State& state = tx.state();
  ZitadelUser* user = FindRequestedMachine(state, *org, req, res);
  if (user == nullptr) return;
  if (user->client_secret.empty()) {
    ZitadelError(res, kGrpcFailedPrecondition, "Secret doesn't exist", "COMMAND-coi82n");
    return;
  }
  user->client_secret.clear();
  CommitChange(app, tx, *user, res);
}

// uint64 fields arrive as JSON numbers or as decimal strings.
bool ReadUint64(const Json& object, const char* key, std::uint64_t* out) {
  const Json* value = Member(object, key);
  if (value == nullptr) return true;
  if (value->is_number_unsigned()) {
    *out = value->get<std::uint64_t>();
    return true;
  }
  if (value->is_string()) {
    const std::string text = value->get<std::string>();
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return ec == std::errc() && ptr == text.data() + text.size();
  }
  return value->is_number_integer() && value->get<std::int64_t>() == 0;
}

// A TextQueryMethod applied to `value`.
bool TextMatches(const std::string& method, std::string value, std::string wanted) {
  const bool ignore_case = method.ends_with("_IGNORE_CASE");
  if (ignore_case) {
    value = AsciiLower(value);
    wanted = AsciiLower(wanted);
  }
  const std::string base =
      ignore_case ? method.substr(0, method.size() - std::string("_IGNORE_CASE").size()) : method;
  if (base == "TEXT_QUERY_METHOD_EQUALS") return value == wanted;
  if (base == "TEXT_QUERY_METHOD_STARTS_WITH") return value.starts_with(wanted);
  if (base == "TEXT_QUERY_METHOD_CONTAINS") return value.find(wanted) != std::string::npos;
  if (base == "TEXT_QUERY_METHOD_ENDS_WITH") return value.ends_with(wanted);
  return false;
}

bool IsTextMethod(const std::string& method) {
  static constexpr const char* kMethods[] = {
      "TEXT_QUERY_METHOD_EQUALS",      "TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE",
      "TEXT_QUERY_METHOD_STARTS_WITH", "TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE",
      "TEXT_QUERY_METHOD_CONTAINS",    "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE",
      "TEXT_QUERY_METHOD_ENDS_WITH",   "TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE"};
  return std::any_of(std::begin(kMethods), std::end(kMethods),
                     [&](const char* m) { return method == m; });
}

std::string LoginName(const ZitadelUser& user) {
  const ZitadelOrg* org = FindZitadelOrg(user.org_id);
  return user.user_name + "@" + (org != nullptr ? org->domain : "unknown.localhost");
}

// One search filter; returns false (with the answer written) when it is
// malformed.
using Filter = std::function<bool(const ZitadelUser&)>;
bool ReadFilter(const Json& query, std::vector<Filter>* filters, httplib::Response& res) {
  if (!query.is_object() || query.size() != 1) {
    InvalidArgument(res,
                    "invalid ListUsersRequest.Queries: each query must set exactly one "
                    "of its fields");
    return false;
  }
  const auto first = query.begin();
  const std::string kind = first.key();
  const Json& spec = first.value();
  const auto text_query = [&](const char* field, auto getter) {
    const Json* wanted = Member(spec, field);
    const Json* method_json = Member(spec, "method");
    std::string method = "TEXT_QUERY_METHOD_EQUALS";
    if (method_json != nullptr) {
      if (!method_json->is_string() || !IsTextMethod(method_json->get<std::string>())) {
        InvalidArgument(res, "proto: invalid value for enum field method");
        return false;
      }
      method = method_json->get<std::string>();
    }
    if (wanted == nullptr || !wanted->is_string()) {
      InvalidArgument(
          res, std::string("invalid query: ") + kind + "." + field + " must be a non-empty string");
      return false;
    }
    filters->push_back([method, value = wanted->get<std::string>(), getter](const ZitadelUser& u) {
      return TextMatches(method, getter(u), value);
    });
    return true;
  };
  if (kind == "userNameQuery") {
    return text_query("userName", [](const ZitadelUser& u) { return u.user_name; });
  }
  if (kind == "loginNameQuery") {
    return text_query("loginName", [](const ZitadelUser& u) { return LoginName(u); });
  }
  if (kind == "displayNameQuery") {
    return text_query("displayName", [](const ZitadelUser& u) { return u.name; });
  }
  if (kind == "typeQuery") {
    const Json* type = Member(spec, "type");
    if (type == nullptr || !type->is_string() ||
        (*type != "TYPE_MACHINE" && *type != "TYPE_HUMAN" && *type != "TYPE_UNSPECIFIED")) {
      InvalidArgument(res, "proto: invalid value for enum field type");
      return false;
    }
    const std::string wanted = *type;
    filters->push_back([wanted](const ZitadelUser& u) {
      return wanted == "TYPE_UNSPECIFIED" || (wanted == "TYPE_HUMAN") == u.human;
    });
    return true;
  }
  InvalidArgument(res, "invalid ListUsersRequest.Queries: unsupported query " + kind);
  return false;
}

void ListUsers(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  const auto body = ReadZitadelBody(req, res);
  if (!body) return;
  const std::optional<ListPage> page = ReadListQuery(*body, res);
  if (!page) return;
  std::vector<Filter> filters;
  if (const Json* queries = Member(*body, "queries")) {
    if (!queries->is_array()) {
      InvalidArgument(res, "proto: invalid value for repeated field queries");
      return;
    }
    for (const Json& query : *queries) {
      if (!ReadFilter(query, &filters, res)) return;
    }
  }
  auto tx = app.store.Begin();
  const State& state = tx.state();
  Json result = Json::array();
  std::uint64_t total = 0;
  for (const ZitadelUser& user : state.zitadel_users) {
    if (user.org_id != org->id) continue;
    if (!std::all_of(filters.begin(), filters.end(), [&](const Filter& f) { return f(user); })) {
      continue;
    }
    if (page->Holds(total, result.size())) result.push_back(ZitadelUserJson(user));
    ++total;
  }
  SendJson(res, 200,
           ZitadelListAnswer(total, state.zitadel_sequence, app.clock.NowMicros(), result));
}

}  // namespace

std::optional<Json> ReadZitadelBody(const httplib::Request& req, httplib::Response& res) {
  auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    InvalidArgument(res, "proto: syntax error: the request body is not a JSON object");
    return std::nullopt;
  }
  return body;
}

std::optional<ListPage> ReadListQuery(const Json& body, httplib::Response& res) {
  ListPage page;
  std::uint64_t limit = 0;
  if (const Json* query = Member(body, "query")) {
    if (!query->is_object() || !ReadUint64(*query, "offset", &page.offset) ||
        !ReadUint64(*query, "limit", &limit)) {
      InvalidArgument(res, "proto: invalid value for ListQuery");
      return std::nullopt;
    }
  }
  if (limit != 0) page.limit = std::min<std::uint64_t>(limit, 1000);
  return page;
}

std::string NewZitadelId(const State& state) {
  while (true) {
    const std::string id =
        std::to_string(200000000000000000ULL + RandomUint64() % 100000000000000000ULL);
    const bool taken = std::any_of(state.zitadel_users.begin(), state.zitadel_users.end(),
                                   [&](const ZitadelUser& u) { return u.id == id; }) ||
                       std::any_of(state.zitadel_pats.begin(), state.zitadel_pats.end(),
                                   [&](const ZitadelPat& p) { return p.id == id; });
    if (!taken) return id;
  }
}

// zitadel.user.v1.User (proto/zitadel/user.proto): the kind is the `type` oneof, `human`
// (Human: profile, email) or `machine` (Machine: name, description, has_secret,
// access_token_type); exactly one of them is present.
Json ZitadelUserJson(const ZitadelUser& user) {
  const std::string login_name = LoginName(user);
  Json json = {
      {"id", user.id},
      {"details", ZitadelDetails(user.sequence, user.created_us, user.changed_us, user.org_id)},
      {"state", "USER_STATE_ACTIVE"},
      {"userName", user.user_name},
      {"loginNames", {login_name}},
      {"preferredLoginName", login_name}};
  if (user.human) {
    json["human"] = {{"profile",
                      {{"firstName", user.first_name},
                       {"lastName", user.last_name},
                       {"displayName", user.name}}},
                     {"email", {{"email", user.email}}}};
  } else {
    json["machine"] = {{"name", user.name},
                       {"description", user.description},
                       {"hasSecret", !user.client_secret.empty()},
                       {"accessTokenType", user.access_token_type}};
  }
  return json;
}

void RegisterZitadelUsers(Router& router, App& app) {
  const std::string base = kBase;
  router.Route(Vendor::kZitadel, "POST", base + "/machine", Bind(app, AddMachineUser));
  router.Route(Vendor::kZitadel, "POST", base + "/human", Bind(app, AddHumanUser));
  router.Route(Vendor::kZitadel, "POST", base + "/_search", Bind(app, ListUsers));
  router.Route(Vendor::kZitadel, "GET", base + "/{id}", Bind(app, GetUser));
  router.Route(Vendor::kZitadel, "DELETE", base + "/{id}", Bind(app, RemoveUser));
  router.Route(Vendor::kZitadel, "PUT", base + "/{id}/machine", Bind(app, UpdateMachine));
  router.Route(Vendor::kZitadel, "PUT", base + "/{id}/username", Bind(app, UpdateUserName));
  router.Route(Vendor::kZitadel, "PUT", base + "/{id}/secret", Bind(app, GenerateSecret));
  router.Route(Vendor::kZitadel, "DELETE", base + "/{id}/secret", Bind(app, RemoveSecret));
}

}  // namespace orgiam::sandbox
