#include "zitadel_pats.h"

#include <algorithm>
#include <string>

#include "clock.h"
#include "ids.h"
#include "zitadel_common.h"
#include "zitadel_users.h"

namespace orgiam::sandbox {
namespace {

// internal/domain/expiration.go: a token added without an expiration date gets
// 9999-12-31T23:59:59Z.
constexpr std::int64_t kDefaultExpirationUs = 253402300799LL * 1000000;

// internal/query/user_personal_access_token.go PersonalAccessTokenByID's miss.
void PatNotFound(httplib::Response& res) {
  ZitadelError(res, kGrpcNotFound, "Personal Access Token not found", "QUERY-ASfe2");
}

// A google.protobuf.Timestamp as protojson writes it: UTC, "Z", and 0, 3 or 6 digits of
// fraction (the sandbox keeps microseconds).
std::string FormatTimestamp(std::int64_t micros) {
  std::string text = FormatRfc3339Micros(micros);  // "...:SS.ffffffZ"
  if (text.ends_with(".000000Z")) return text.substr(0, text.size() - 8) + "Z";
  if (text.ends_with("000Z")) return text.substr(0, text.size() - 4) + "Z";
  return text;
}

ZitadelPat* FindPat(State& state, const ZitadelUser& user, const std::string& token_id) {
  for (ZitadelPat& pat : state.zitadel_pats) {
    if (pat.id == token_id && pat.user_id == user.id) return &pat;
  }
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
    // internal/domain/expiration.go EnsureValidExpirationDate.
    if (*parsed < now) {
      ZitadelError(res, kGrpcInvalidArgument, "The expiration date is in the past", "DOMAIN-dv3t5");
      return;
    }
    expires_us = *parsed;
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  ZitadelUser* user = FindRequestedMachine(state, *org, req, res);
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
  State& state = tx.state();
  ZitadelUser* user = FindRequestedMachine(state, *org, req, res);
  if (user == nullptr) return;
  const ZitadelPat* pat = FindPat(state, *user, req.matches[2].str());
  if (pat == nullptr) {
    PatNotFound(res);
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
  if (!ReadZitadelBody(req, res)) return;
  auto tx = app.store.Begin();
  const State& state = tx.state();
  const std::string user_id = req.matches[1].str();
  Json result = Json::array();
  for (const ZitadelPat& pat : state.zitadel_pats) {
    if (pat.user_id == user_id && pat.org_id == org->id) result.push_back(ZitadelPatJson(pat));
  }
  SendJson(res, 200,
           {{"details",
             {{"totalResult", std::to_string(result.size())},
              {"processedSequence", std::to_string(state.zitadel_sequence)},
              {"viewTimestamp", FormatRfc3339Micros(app.clock.NowMicros())}}},
            {"result", result}});
}

// RemovePersonalAccessToken (DELETE /management/v1/users/{user_id}/pats/{token_id}) →
// {details}; an unknown token is internal/command/user_personal_access_token.go's NotFound.
void RemovePat(App& app, const httplib::Request& req, httplib::Response& res) {
  const ZitadelOrg* org = ResolveZitadelOrg(req, res);
  if (org == nullptr) return;
  auto tx = app.store.Begin();
  State& state = tx.state();
  ZitadelUser* user = FindRequestedMachine(state, *org, req, res);
  if (user == nullptr) return;
  const ZitadelPat* pat = FindPat(state, *user, req.matches[2].str());
  if (pat == nullptr) {
    ZitadelError(res, kGrpcNotFound, "Personal Access Token not found", "COMMAND-4m77G");
    return;
  }
  const std::string id = pat->id;
  const std::uint64_t sequence = ++state.zitadel_sequence;
  std::erase_if(state.zitadel_pats, [&](const ZitadelPat& p) { return p.id == id; });
  tx.MarkDirty();
  SendJson(res, 200,
           {{"details", ZitadelDetails(sequence, 0, app.clock.NowMicros(), user->org_id)}});
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
