#include "zitadel_pats.h"

#include <algorithm>
#include <string>

#include "clock.h"
#include "ids.h"
#include "zitadel_common.h"
#include "zitadel_users.h"

namespace orgiam::sandbox {
namespace {

// internal/domain ValidateExpirationDate: a token added without an expiration date gets
// defaultExpDate, 9999-12-31T23:59:59Z (the command tests of AddPersonalAccessToken).
constexpr std::int64_t kDefaultExpirationUs = 253402300799LL * 1000000;

// A google.protobuf.Timestamp as protojson writes it: UTC, "Z", and 0, 3 or 6 digits of
// fraction (the sandbox keeps microseconds).
std::string FormatTimestamp(std::int64_t micros) {
  std::string text = FormatRfc3339Micros(micros);  // "...:SS.ffffffZ"
  if (text.ends_with(".000000Z")) return text.substr(0, text.size() - 8) + "Z";
  if (text.ends_with("000Z")) return text.substr(0, text.size() - 4) + "Z";
  return text;
}

// The token of the route ({user_id}, {token_id}) in `org`. The query and the remove command
// look a token up by user id, token id and resource owner; neither checks the user.
ZitadelPat* FindPat(State& state, const ZitadelOrg& org, const httplib::Request& req) {
  for (ZitadelPat& pat : state.zitadel_pats) {
    if (pat.id == req.matches[2].str() && pat.user_id == req.matches[1].str() &&
        pat.org_id == org.id) {
      return &pat;
    }
  }
  return nullptr;
}

// internal/command/user_personal_access_token.go checkAggregate: the user must exist in `org`
// ("COMMAND-Dggw2", Errors.User.NotFound) and be a machine user ("COMMAND-Df2f1",
// Errors.User.WrongType), both PreconditionFailed; texts from en.yaml.
ZitadelUser* FindPatOwner(State& state, const ZitadelOrg& org, const httplib::Request& req,
                          httplib::Response& res) {
  for (ZitadelUser& user : state.zitadel_users) {
    if (user.id != req.matches[1].str() || user.org_id != org.id) continue;
    if (user.human) {
      ZitadelError(res, kGrpcFailedPrecondition, "Not allowed for this user type", "COMMAND-Df2f1");
      return nullptr;
    }
    return &user;
  }
  ZitadelError(res, kGrpcFailedPrecondition, "User could not be found", "COMMAND-Dggw2");
  return nullptr;
}

// AddPersonalAccessToken (management.proto, POST /management/v1/users/{user_id}/pats, body
// "*"): AddPersonalAccessTokenRequest {user_id, expiration_date (google.protobuf.Timestamp)}
// → {token_id, token, details}. The token is shown only here.
void AddPat(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  const auto body = ReadZitadelBody(req, res);
  if (!body) return;
  const std::int64_t now = app.clock.NowMicros();
  std::int64_t expires_us = kDefaultExpirationUs;
  if (const Json* value = Member(*body, "expirationDate"); value != nullptr && !value->is_null()) {
    const std::optional<std::int64_t> parsed =
        value->is_string() ? ParseRfc3339(value->get<std::string>()) : std::nullopt;
    if (!parsed) {
      ZitadelError(res, kGrpcInvalidArgument,
                   "proto: invalid value for google.protobuf.Timestamp field expirationDate", "");
      return;
    }
    // internal/domain ValidateExpirationDate, checked before the user. The key has no entry
    // in en.yaml, so it stays as it is.
    if (*parsed < now) {
      ZitadelError(res, kGrpcInvalidArgument, "Errors.AuthNKey.ExpireBeforeNow", "DOMAIN-dv3t5");
      return;
    }
    expires_us = *parsed;
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  ZitadelUser* user = FindPatOwner(state, *org, req, res);
  if (user == nullptr) return;
  ZitadelPat pat;
  pat.id = NewZitadelId(state);
  pat.user_id = user->id;
  pat.org_id = user->org_id;
  pat.token = RandomString(64, kAlnum);
  pat.expires_us = expires_us;
  pat.created_us = now;
  pat.sequence = ++state.zitadel_sequence;
  pat.seq = state.NextSeq();
  const Json response = {{"tokenId", pat.id},
                         {"token", pat.token},
                         {"details", ZitadelDetails(pat.sequence, now, now, pat.org_id)}};
  state.zitadel_pats.push_back(std::move(pat));
  tx.MarkDirty();
  SendJson(res, 200, response);
}

// GetPersonalAccessTokenByIDs (GET /management/v1/users/{user_id}/pats/{token_id}) →
// {token: PersonalAccessToken}.
void GetPat(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  auto tx = app.store.Begin();
  const ZitadelPat* pat = FindPat(tx.state(), *org, req);
  if (pat == nullptr) {
    // PersonalAccessTokenByID's miss (internal/query/user_personal_access_token.go); the key
    // has no entry in en.yaml.
    ZitadelError(res, kGrpcNotFound, "Errors.PersonalAccessToken.NotFound", "QUERY-fRunu");
    return;
  }
  SendJson(res, 200, {{"token", ZitadelPatJson(*pat)}});
}

// ListPersonalAccessTokens (POST /management/v1/users/{user_id}/pats/_search, body "*":
// {query: ListQuery}) → {details: ListDetails, result: [PersonalAccessToken]}, oldest first.
// Assumption: an unknown user lists no tokens (the query filters by user id and checks no
// user), like ZITADEL's SearchPersonalAccessTokens.
void ListPats(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  const auto body = ReadZitadelBody(req, res);
  if (!body) return;
  const std::optional<ListPage> page = ReadListQuery(*body, res);
  if (!page) return;
  auto tx = app.store.Begin();
  const State& state = tx.state();
  const std::string user_id = req.matches[1].str();
  Json result = Json::array();
  std::uint64_t total = 0;
  for (const ZitadelPat& pat : state.zitadel_pats) {
    if (pat.user_id != user_id || pat.org_id != org->id) continue;
    if (page->Holds(total, result.size())) result.push_back(ZitadelPatJson(pat));
    ++total;
  }
  SendJson(res, 200,
           ZitadelListAnswer(total, state.zitadel_sequence, app.clock.NowMicros(), result));
}

// RemovePersonalAccessToken (DELETE /management/v1/users/{user_id}/pats/{token_id}) →
// {details}; an unknown token is internal/command/user_personal_access_token.go's NotFound.
void RemovePat(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  auto tx = app.store.Begin();
  State& state = tx.state();
  const ZitadelPat* pat = FindPat(state, *org, req);
  if (pat == nullptr) {
    // Errors.User.PAT.NotFound, translated by en.yaml.
    ZitadelError(res, kGrpcNotFound, "Personal Access Token not found", "COMMAND-4m77G");
    return;
  }
  const std::string id = pat->id;
  const std::uint64_t sequence = ++state.zitadel_sequence;
  std::erase_if(state.zitadel_pats, [&](const ZitadelPat& p) { return p.id == id; });
  tx.MarkDirty();
  SendJson(res, 200, {{"details", ZitadelDetails(sequence, 0, app.clock.NowMicros(), org->id)}});
}

}  // namespace

Json ZitadelPatJson(const ZitadelPat& pat) {
  return {{"id", pat.id},
          {"details", ZitadelDetails(pat.sequence, pat.created_us, pat.created_us, pat.org_id)},
          {"expirationDate", FormatTimestamp(pat.expires_us)}};
}

void RegisterZitadelPats(Router& router, App& app) {
  const std::string base = "/management/v1/users/{id}/pats";
  router.Route(Vendor::kZitadel, "POST", base, Bind(app, AddPat));
  router.Route(Vendor::kZitadel, "POST", base + "/_search", Bind(app, ListPats));
  router.Route(Vendor::kZitadel, "GET", base + "/{token_id}", Bind(app, GetPat));
  router.Route(Vendor::kZitadel, "DELETE", base + "/{token_id}", Bind(app, RemovePat));
}

}  // namespace orgiam::sandbox
