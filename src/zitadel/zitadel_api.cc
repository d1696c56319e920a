#include "zitadel/zitadel_api.h"

#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "http/encoding.h"
#include "http/exactly_once.h"
#include "http/json_body.h"
#include "http/outcome.h"
#include "http/pagination.h"
#include "nlohmann/json.hpp"
#include "util/rfc3339_time.h"
#include "util/status_macros.h"
#include "zitadel/zitadel_error.h"

namespace orgiam::zitadel {
namespace {

using nlohmann::json;

constexpr char kLabel[] = "ZITADEL API";
constexpr char kUsers[] = "/management/v1/users";
constexpr char kOrgHeader[] = "x-zitadel-orgid";
// ZITADEL's answers when nothing would change; sent only for real changes, they mean an
// earlier attempt whose response was lost already made the change.
constexpr char kUserNotChanged[] = "COMMAND-2n8vs";
constexpr char kUserNameSame[] = "COMMAND-6m9gs";
// AddPersonalAccessToken for a user that is not a machine user (Errors.User.WrongType).
constexpr char kWrongUserType[] = "COMMAND-Df2f1";

const json& Member(const json& object, const char* key) {
  static const json* const kNull = new json(nullptr);
  if (!object.is_object()) return *kNull;
  auto it = object.find(key);
  return it == object.end() ? *kNull : *it;
}

}  // namespace

MachineUser ParseUser(const json& object) {
  MachineUser user;
  user.id = http::JsonString(object, "id");
  if (user.id.empty()) user.id = http::JsonString(object, "userId");
  user.org_id = http::JsonString(Member(object, "details"), "resourceOwner");
  user.state = http::JsonString(object, "state");
  user.user_name = http::JsonString(object, "userName");
  user.preferred_login_name = http::JsonString(object, "preferredLoginName");
  for (const json& name : Member(object, "loginNames")) {
    if (name.is_string()) user.login_names.push_back(name.get<std::string>());
  }
  const json& machine = Member(object, "machine");
  user.is_machine = machine.is_object();
  user.is_human = Member(object, "human").is_object();
  user.name = http::JsonString(machine, "name");
  user.description = http::JsonString(machine, "description");
  user.access_token_type = http::JsonString(machine, "accessTokenType");
  // proto3 JSON leaves enum zero values out; for this enum zero is "bearer".
  if (user.access_token_type.empty()) user.access_token_type = kBearerTokenType;
  const json& has_secret = Member(machine, "hasSecret");
  if (has_secret.is_boolean()) {
    user.has_secret = has_secret.get<bool>();
  } else if (user.is_machine) {
    user.has_secret = false;  // proto3 JSON omits false booleans
  }
  return user;
}

absl::Status NotAMachineUser(const MachineUser& user) {
  const std::string what = user.is_human
                               ? "is a human user (a person's account), not a machine user"
                               : "is not a machine user (ZITADEL's answer has no machine part)";
  return absl::FailedPreconditionError(absl::StrCat(
      "ZITADEL user ", user.id, " (user name \"", user.user_name, "\") ", what,
      ". orgiam_zitadel_machine_user manages machine users only, so that no apply or destroy "
      "changes or deletes a person's account: leave this user unmanaged (remove it from the "
      "configuration and, if it is in the state, run terraform state rm on its address), and "
      "manage people in ZITADEL itself."));
}

namespace {

absl::StatusOr<std::string> UserPath(const std::string& user_id, const std::string& suffix = "") {
  ASSIGN_OR_RETURN(const std::string segment, http::PathSegment(user_id, "ZITADEL user id"));
  return absl::StrCat(kUsers, "/", segment, suffix);
}

// The route template for messages (ids left out: they add nothing and may be long).
std::string What(const std::string& method, const std::string& route) {
  return absl::StrCat(method, " ", kUsers, route);
}

// A 2xx answer's body as JSON ({} when empty).
absl::StatusOr<json> Parse(const http::Response& response, const std::string& what) {
  return http::ParseJsonBodyOrEmpty(response, absl::StrCat(kLabel, ": ", what));
}

// The route of `path` without its ids, for messages: "/123/secret" → "/{id}/secret",
// "/123/pats/456" → "/{id}/pats/{token_id}"; searches ("/_search") stay as they are.
std::string RouteTemplate(const std::string& path) {
  std::vector<std::string> segments =
      absl::StrSplit(path.substr(std::string(kUsers).size()), '/', absl::SkipEmpty());
  if (!segments.empty() && segments[0][0] != '_') segments[0] = "{id}";
  if (segments.size() > 2 && segments[1] == "pats" && segments[2][0] != '_') {
    segments[2] = "{token_id}";
  }
  return segments.empty() ? "" : absl::StrCat("/", absl::StrJoin(segments, "/"));
}

// A search answer's `result`. proto3 JSON leaves an empty list out (then null); anything else
// where the list belongs is garbage.
absl::StatusOr<const json*> ResultList(const json& parsed, const std::string& what) {
  const json& result = Member(parsed, "result");
  if (!parsed.is_object() || !(result.is_null() || result.is_array())) {
    return absl::InternalError(absl::StrCat(kLabel, ": ", what, " answered without a result list"));
  }
  return &result;
}

http::Request MakeRequest(const std::string& method, const std::string& org_id,
                          const std::string& path, const std::string& body) {
  http::Request request{.method = method, .path = path, .body = body};
  if (!org_id.empty()) request.headers.emplace_back(kOrgHeader, org_id);
  return request;
}

}  // namespace

ZitadelApi::ZitadelApi(http::ClientOptions options, std::string default_org_id)
    : client_(std::move(options)), default_org_id_(std::move(default_org_id)) {}

absl::StatusOr<http::Response> ZitadelApi::Call(const std::string& method,
                                                const std::string& org_id, const std::string& path,
                                                const std::string& body, bool read_only) {
  http::Request request = MakeRequest(method, org_id, path, body);
  request.read_only = read_only;
  ASSIGN_OR_RETURN(http::Response response, client_.Send(request));
  if (!response.ok()) return ZitadelError(response, What(method, RouteTemplate(path)));
  return response;
}

absl::StatusOr<MachineUser> ZitadelApi::GetUser(const std::string& org_id,
                                                const std::string& user_id) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id));
  ASSIGN_OR_RETURN(const http::Response response, Call("GET", org_id, path, ""));
  ASSIGN_OR_RETURN(json parsed, Parse(response, What("GET", "/{id}")));
  MachineUser user = ParseUser(Member(parsed, "user"));
  if (user.id.empty()) {
    return absl::InternalError("ZITADEL API: GET /management/v1/users/{id} returned no user");
  }
  if (user.id != user_id) {
    return absl::InternalError(
        "ZITADEL API: GET /management/v1/users/{id} answered with another user's id");
  }
  if (!user.is_machine) return NotAMachineUser(user);
  return user;
}

absl::StatusOr<std::optional<MachineUser>> ZitadelApi::FindUserByName(
    const std::string& org_id, const std::string& user_name) {
  const json query = {
      {"query", {{"limit", 10}}},
      {"queries",
       json::array({{{"userNameQuery",
                      {{"userName", user_name}, {"method", "TEXT_QUERY_METHOD_EQUALS"}}}}})}};
  const std::string path = absl::StrCat(kUsers, "/_search");
  // A search changes nothing: the client retries it like a GET.
  ASSIGN_OR_RETURN(const http::Response response,
                   Call("POST", org_id, path, query.dump(), /*read_only=*/true));
  ASSIGN_OR_RETURN(json parsed, Parse(response, What("POST", "/_search")));
  ASSIGN_OR_RETURN(const json* result, ResultList(parsed, What("POST", "/_search")));
  for (const json& item : *result) {
    MachineUser user = ParseUser(item);
    // EQUALS may be case-insensitive on some versions; the user name must match exactly.
    if (user.user_name == user_name) return std::optional<MachineUser>(std::move(user));
  }
  return std::optional<MachineUser>();
}

absl::StatusOr<CreatedUser> ZitadelApi::CreateMachineUser(const std::string& org_id,
                                                          const NewMachineUser& user) {
  const json body = {{"userName", user.user_name},
                     {"name", user.name},
                     {"description", user.description},
                     {"accessTokenType", user.access_token_type}};
  const std::string what = What("POST", "/machine");
  http::CreateSpec spec{
      .post = MakeRequest("POST", org_id, absl::StrCat(kUsers, "/machine"), body.dump()),
      .find = [this, &org_id, &user]() -> absl::StatusOr<http::ExistingObjects> {
        ASSIGN_OR_RETURN(std::optional<MachineUser> found, FindUserByName(org_id, user.user_name));
        return http::ExistingIf(found, [](const MachineUser& u) {
          return absl::StrCat(u.is_machine ? "machine user " : "user ", u.id, " (", u.user_name,
                              ")");
        });
      },
      .unique_key = true,
      .answer_complete =
          [](const http::Response& response) {
            return !http::JsonString(http::JsonBodyOrNull(response), "userId").empty();
          }};
  ASSIGN_OR_RETURN(http::CreateOutcome outcome, client_.Create(spec));
  if (!outcome.response.has_value()) {
    // Its answer was lost, but the user is provably this create's: adopt it.
    return CreatedUser{.id = outcome.recovered.front().id, .org_id = org_id};
  }
  if (!outcome.response->ok()) {
    absl::Status refused = ZitadelError(*outcome.response, what);
    if (!absl::IsAlreadyExists(refused)) return refused;
    // The lookup before the POST searched this organization only.
    return absl::AlreadyExistsError(absl::StrCat(
        refused.message(),
        ". ZITADEL user names are unique in the whole instance, not per "
        "organization (unless the instance turned on organization-scoped user names), so \"",
        user.user_name,
        "\" may belong to a user of another organization: choose another "
        "user_name, or import that user if it is the one meant."));
  }
  ASSIGN_OR_RETURN(json created, Parse(*outcome.response, what));
  CreatedUser out{.id = http::JsonString(created, "userId"),
                  .org_id = http::JsonString(Member(created, "details"), "resourceOwner")};
  if (out.id.empty()) {
    return absl::InternalError(absl::StrCat("ZITADEL API: ", what, " answered without a userId"));
  }
  if (out.org_id.empty()) out.org_id = org_id;
  return out;
}

absl::Status ZitadelApi::UpdateMachine(const std::string& org_id, const std::string& user_id,
                                       const std::string& name, const std::string& description,
                                       const std::string& access_token_type) {
  const json body = {
      {"name", name}, {"description", description}, {"accessTokenType", access_token_type}};
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id, "/machine"));
  absl::Status status = Call("PUT", org_id, path, body.dump()).status();
  return HasErrorId(status, kUserNotChanged) ? absl::OkStatus() : status;
}

absl::Status ZitadelApi::UpdateUserName(const std::string& org_id, const std::string& user_id,
                                        const std::string& user_name) {
  const json body = {{"userName", user_name}};
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id, "/username"));
  absl::Status status = Call("PUT", org_id, path, body.dump()).status();
  return HasErrorId(status, kUserNameSame) ? absl::OkStatus() : status;
}

absl::Status ZitadelApi::DeleteUser(const std::string& org_id, const std::string& user_id) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id));
  absl::Status status = Call("DELETE", org_id, path, "").status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

absl::StatusOr<MachineSecret> ZitadelApi::GenerateSecret(const std::string& org_id,
                                                         const std::string& user_id) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id, "/secret"));
  ASSIGN_OR_RETURN(const http::Response response, Call("PUT", org_id, path, "{}"));
  ASSIGN_OR_RETURN(json parsed, Parse(response, What("PUT", "/{id}/secret")));
  MachineSecret secret{.client_id = http::JsonString(parsed, "clientId"),
                       .client_secret = http::JsonString(parsed, "clientSecret")};
  if (secret.client_secret.empty()) {
    return absl::InternalError(
        "ZITADEL API: PUT /management/v1/users/{id}/secret answered without a clientSecret");
  }
  return secret;
}

absl::Status ZitadelApi::RemoveSecret(const std::string& org_id, const std::string& user_id) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id, "/secret"));
  absl::Status status = Call("DELETE", org_id, path, "").status();
  // FailedPrecondition (code 9) is ZITADEL's "the user has no secret".
  return absl::IsFailedPrecondition(status) ? absl::OkStatus() : status;
}

namespace {

PersonalAccessToken ParsePersonalAccessToken(const json& object) {
  return PersonalAccessToken{
      .id = http::JsonString(object, "id"),
      .expiration_date = http::JsonString(object, "expirationDate"),
      .creation_date = http::JsonString(Member(object, "details"), "creationDate"),
      .org_id = http::JsonString(Member(object, "details"), "resourceOwner"),
      .token = ""};
}

// ListPersonalAccessTokens' page size. Assumption: ZITADEL caps a page at its configured
// maximum (1000 by default), so 100 is always honoured.
constexpr int kPatPageSize = 100;

}  // namespace

absl::StatusOr<std::vector<PersonalAccessToken>> ZitadelApi::ListPersonalAccessTokens(
    const std::string& org_id, const std::string& user_id) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id, "/pats/_search"));
  const std::string what = What("POST", "/{id}/pats/_search");
  std::vector<PersonalAccessToken> tokens;
  http::PageWalk walk(absl::StrCat(kLabel, ": ", what));
  for (int offset = 0;;) {
    RETURN_IF_ERROR(walk.BeforePage());
    const json query = {{"query", {{"offset", std::to_string(offset)}, {"limit", kPatPageSize}}}};
    // A search changes nothing: the client retries it like a GET.
    ASSIGN_OR_RETURN(const http::Response response,
                     Call("POST", org_id, path, query.dump(), /*read_only=*/true));
    ASSIGN_OR_RETURN(json parsed, Parse(response, what));
    ASSIGN_OR_RETURN(const json* result, ResultList(parsed, what));
    for (const json& item : *result) {
      PersonalAccessToken token = ParsePersonalAccessToken(item);
      if (token.id.empty()) {
        return absl::InternalError(
            absl::StrCat(kLabel, ": ", what, " listed a token without an id"));
      }
      tokens.push_back(std::move(token));
    }
    const int page = static_cast<int>(result->size());
    offset += page;
    // A short page is the last one.
    const std::string next = page < kPatPageSize ? "" : std::to_string(offset);
    ASSIGN_OR_RETURN(const bool more, walk.AfterPage(result->size(), next));
    if (!more) return tokens;
  }
}

absl::StatusOr<PersonalAccessToken> ZitadelApi::GetPersonalAccessToken(
    const std::string& org_id, const std::string& user_id, const std::string& token_id) {
  ASSIGN_OR_RETURN(const std::string segment,
                   http::PathSegment(token_id, "ZITADEL personal access token id"));
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id, "/pats/" + segment));
  const std::string what = What("GET", "/{id}/pats/{token_id}");
  ASSIGN_OR_RETURN(const http::Response response, Call("GET", org_id, path, ""));
  ASSIGN_OR_RETURN(json parsed, Parse(response, what));
  PersonalAccessToken token = ParsePersonalAccessToken(Member(parsed, "token"));
  if (token.id != token_id) {
    return absl::InternalError(
        absl::StrCat(kLabel, ": ", what,
                     token.id.empty() ? " returned no token" : " answered for another token"));
  }
  return token;
}

absl::StatusOr<PersonalAccessToken> ZitadelApi::AddPersonalAccessToken(
    const std::string& org_id, const std::string& user_id,
    const std::optional<std::string>& expiration_date) {
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id, "/pats"));
  json body = json::object();
  if (expiration_date) body["expirationDate"] = *expiration_date;
  const std::string what = What("POST", "/{id}/pats");
  const std::string expires = expiration_date.value_or(kNeverExpires);
  http::CreateSpec spec{
      .post = MakeRequest("POST", org_id, path, body.dump()),
      .find = [this, &org_id, &user_id, &expires]() -> absl::StatusOr<http::ExistingObjects> {
        ASSIGN_OR_RETURN(std::vector<PersonalAccessToken> tokens,
                         ListPersonalAccessTokens(org_id, user_id));
        http::ExistingObjects matching;
        for (const PersonalAccessToken& token : tokens) {
          if (!util::SameInstant(token.expiration_date, expires, kZitadelTimePrecision)) continue;
          matching.push_back(
              {.id = token.id,
               .label = absl::StrCat("personal access token ", token.id, " of user ", user_id,
                                     " (expires ", token.expiration_date, ")")});
        }
        return matching;
      },
      // Tokens have no name: those listed before the POST are only left alone.
      .unique_key = false,
      .answer_complete =
          [](const http::Response& response) {
            const json answer = http::JsonBodyOrNull(response);
            return !http::JsonString(answer, "tokenId").empty() &&
                   !http::JsonString(answer, "token").empty();
          }};
  ASSIGN_OR_RETURN(const http::Response response,
                   http::CreateCapturingSecret(
                       client_, spec, [this, &org_id, &user_id](const http::ExistingObject& made) {
                         return RemovePersonalAccessToken(org_id, user_id, made.id);
                       }));
  if (!response.ok()) {
    const absl::Status refused = ZitadelError(response, what);
    if (!HasErrorId(refused, kWrongUserType)) return refused;
    return absl::FailedPreconditionError(absl::StrCat(
        refused.message(), ". ZITADEL issues personal access tokens to machine users only: user ",
        user_id, " is not one (a person's account); name an orgiam_zitadel_machine_user."));
  }
  ASSIGN_OR_RETURN(json created, Parse(response, what));
  PersonalAccessToken token{
      .id = http::JsonString(created, "tokenId"),
      .expiration_date = expires,
      .creation_date = http::JsonString(Member(created, "details"), "creationDate"),
      .org_id = http::JsonString(Member(created, "details"), "resourceOwner"),
      .token = http::JsonString(created, "token")};
  if (token.org_id.empty()) token.org_id = org_id;
  return token;
}

absl::Status ZitadelApi::RemovePersonalAccessToken(const std::string& org_id,
                                                   const std::string& user_id,
                                                   const std::string& token_id) {
  ASSIGN_OR_RETURN(const std::string segment,
                   http::PathSegment(token_id, "ZITADEL personal access token id"));
  ASSIGN_OR_RETURN(const std::string path, UserPath(user_id, "/pats/" + segment));
  absl::Status status = Call("DELETE", org_id, path, "").status();
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

}  // namespace orgiam::zitadel
