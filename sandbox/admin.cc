#include "admin.h"

#include <cmath>
#include <string>

#include "clock.h"
#include "http_util.h"
#include "motherduck_tokens.h"
#include "vultr_api_keys.h"
#include "vultr_invitations.h"
#include "vultr_users.h"
#include "zitadel_pats.h"
#include "zitadel_users.h"

namespace orgiam::sandbox {
namespace {

void AdminError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, {{"error", message}, {"status", status}});
}

// Every object with the fields its API shows plus the secrets it issued or
// received.
Json StateJson(App& app) {
  auto tx = app.store.Begin();
  const State& state = tx.state();
  const std::int64_t now = app.clock.NowMicros();
  Json vultr_users = Json::array();
  for (const VultrUser& user : state.vultr_users) {
    Json item = VultrUserJson(user);
    item["password"] = user.password;
    item["api_key"] = user.api_key;
    item["date_created"] = FormatVultrTime(user.created_us);
    vultr_users.push_back(std::move(item));
  }
  Json invitations = Json::array();
  for (const VultrInvitation& invitation : state.vultr_invitations) {
    invitations.push_back(VultrInvitationJson(invitation, now));
  }
  Json api_keys = Json::array();
  for (const VultrApiKey& key : state.vultr_api_keys) {
    Json item = VultrApiKeyJson(key);
    item["api_key"] = key.api_key;
    item["user_id"] = key.user_id;
    api_keys.push_back(std::move(item));
  }
  Json zitadel_users = Json::array();
  for (const ZitadelUser& user : state.zitadel_users) {
    Json item = ZitadelUserJson(user);
    item["org_id"] = user.org_id;
    item["client_id"] = user.user_name;
    item["client_secret"] = user.client_secret;
    zitadel_users.push_back(std::move(item));
  }
  Json zitadel_pats = Json::array();
  for (const ZitadelPat& pat : state.zitadel_pats) {
    Json item = ZitadelPatJson(pat);
    item["user_id"] = pat.user_id;
    item["token"] = pat.token;
    zitadel_pats.push_back(std::move(item));
  }
  Json motherduck_users = Json::array();
  for (const MotherDuckUser& user : state.motherduck_users) {
    motherduck_users.push_back({{"username", user.username},
                                {"instances", user.instances},
                                {"created_ts", FormatRfc3339Millis(user.created_us)}});
  }
  Json tokens = Json::array();
  for (const MotherDuckToken& token : state.motherduck_tokens) {
    Json item = MotherDuckTokenJson(token);
    item["username"] = token.username;
    item["token"] = token.token;
    tokens.push_back(std::move(item));
  }
  return {{"vultr", {{"users", vultr_users}, {"invitations", invitations}, {"api_keys", api_keys}}},
          {"zitadel", {{"users", zitadel_users}, {"pats", zitadel_pats}}},
          {"motherduck", {{"users", motherduck_users}, {"tokens", tokens}}}};
}

Json ClockJson(const Clock& clock) {
  const std::int64_t now = clock.NowMicros();
  return {{"now", FormatRfc3339Micros(now)},
          {"now_unix", now / kMicrosPerSecond},
          {"offset_s", clock.OffsetSeconds()}};
}

// An integral number of seconds (fractions are truncated).
bool ReadSeconds(const Json& value, std::int64_t* out) {
  if (value.is_number_integer()) {
    *out = value.get<std::int64_t>();
    return true;
  }
  if (value.is_number_float() && std::isfinite(value.get<double>()) &&
      std::abs(value.get<double>()) < 1e12) {
    *out = static_cast<std::int64_t>(value.get<double>());
    return true;
  }
  return false;
}

void SetClock(App& app, const httplib::Request& req, httplib::Response& res) {
  const auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    AdminError(res, 400, "the body must be a JSON object like {\"advance_s\": 3600}");
    return;
  }
  std::int64_t advance = 0;
  std::int64_t offset = 0;
  const Json* advance_json = Member(*body, "advance_s");
  const Json* offset_json = Member(*body, "offset_s");
  if ((advance_json == nullptr) == (offset_json == nullptr) ||
      (advance_json != nullptr && !ReadSeconds(*advance_json, &advance)) ||
      (offset_json != nullptr && !ReadSeconds(*offset_json, &offset))) {
    AdminError(res, 400, "give exactly one of advance_s or offset_s, in seconds");
    return;
  }
  auto tx = app.store.Begin();  // the offset is part of the persisted state
  if (advance_json != nullptr) {
    app.clock.Advance(advance);
  } else {
    app.clock.SetOffsetSeconds(offset);
  }
  tx.MarkDirty();
  SendJson(res, 200, ClockJson(app.clock));
}

void SetFaults(App& app, const httplib::Request& req, httplib::Response& res) {
  const auto body = ParseBody(req.body);
  std::string error;
  if (!body) {
    AdminError(res, 400, "the body is not valid JSON");
  } else if (!app.faults.Update(*body, &error)) {
    AdminError(res, 400, error);
  } else {
    SendJson(res, 200, ToJson(app.faults.Get()));
  }
}

void ResetStats(App& app, httplib::Response& res) {
  app.stats.Reset();
  SendJson(res, 200, app.stats.ToJson());
}

}  // namespace

void RegisterAdmin(Router& router, App& app) {
  router.Admin("GET", "/_sandbox/health", [](const httplib::Request&, httplib::Response& res) {
    SendJson(res, 200, {{"ok", true}});
  });
  router.Admin("GET", "/_sandbox/state", [&app](const httplib::Request&, httplib::Response& res) {
    SendJson(res, 200, StateJson(app));
  });
  router.Admin("POST", "/_sandbox/reset", [&app](const httplib::Request&, httplib::Response& res) {
    auto tx = app.store.Begin();
    tx.state().ClearObjects();
    tx.MarkDirty();
    // A script names requests to objects that no longer exist; the rates,
    // latency, clock and stats stay.
    app.faults.ClearScript();
    SendJson(res, 200, {{"ok", true}});
  });
  router.Admin("GET", "/_sandbox/stats", [&app](const httplib::Request&, httplib::Response& res) {
    SendJson(res, 200, app.stats.ToJson());
  });
  router.Admin("DELETE", "/_sandbox/stats",
               [&app](const httplib::Request&, httplib::Response& res) { ResetStats(app, res); });
  router.Admin("POST", "/_sandbox/stats/reset",
               [&app](const httplib::Request&, httplib::Response& res) { ResetStats(app, res); });
  router.Admin("GET", "/_sandbox/faults", [&app](const httplib::Request&, httplib::Response& res) {
    SendJson(res, 200, ToJson(app.faults.Get()));
  });
  router.Admin("PUT", "/_sandbox/faults", Bind(app, SetFaults));
  router.Admin("DELETE", "/_sandbox/faults",
               [&app](const httplib::Request&, httplib::Response& res) {
                 app.faults.Reset();
                 SendJson(res, 200, ToJson(app.faults.Get()));
               });
  router.Admin("GET", "/_sandbox/clock", [&app](const httplib::Request&, httplib::Response& res) {
    SendJson(res, 200, ClockJson(app.clock));
  });
  router.Admin("POST", "/_sandbox/clock", Bind(app, SetClock));
  router.Admin("POST", "/_sandbox/accept/{invitation_id}", Bind(app, AcceptVultrInvitation));
}

}  // namespace orgiam::sandbox
