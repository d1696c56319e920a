#include "credentials.h"

#include <cstdint>

#include "store.h"

namespace orgiam::sandbox {
namespace {

// A Vultr user's own key (issued with the user) or one of its API keys that
// still exists and has not expired. Either works only while the user may use
// the API. Deleting a user deletes its keys, so an orphan key cannot match.
bool IsIssuedVultrKey(const State& state, std::string_view token, std::int64_t now_us) {
  const auto api_enabled = [&](std::string_view user_id) {
    for (const VultrUser& user : state.vultr_users) {
      if (user.id == user_id) return user.api_enabled;
    }
    return false;
  };
  for (const VultrUser& user : state.vultr_users) {
    if (user.api_key == token) return user.api_enabled;
  }
  for (const VultrApiKey& key : state.vultr_api_keys) {
    if (key.api_key != token) continue;
    if (key.expire && key.expires_us <= now_us) return false;
    return api_enabled(key.user_id);
  }
  return false;
}

// A MotherDuck access token that has been neither revoked (deleted, also with
// its user) nor outlived its ttl.
bool IsIssuedMotherDuckToken(const State& state, std::string_view token, std::int64_t now_us) {
  for (const MotherDuckToken& issued : state.motherduck_tokens) {
    if (issued.token == token) return issued.expires_us == 0 || issued.expires_us > now_us;
  }
  return false;
}

// A personal access token of a ZITADEL machine user that has been neither
// removed (also with its user) nor outlived its expiration date.
bool IsIssuedZitadelPat(const State& state, std::string_view token, std::int64_t now_us) {
  for (const ZitadelPat& pat : state.zitadel_pats) {
    if (pat.token == token) return pat.expires_us > now_us;
  }
  return false;
}

}  // namespace

bool AcceptsBearerToken(App& app, Vendor vendor, std::string_view token) {
  if (token == app.token) return true;
  // An empty token must never match a record whose secret is unset.
  if (!app.accept_issued_credentials || token.empty()) return false;
  const std::int64_t now_us = app.clock.NowMicros();
  auto tx = app.store.Begin();
  switch (vendor) {
    case Vendor::kVultr:
      return IsIssuedVultrKey(tx.state(), token, now_us);
    case Vendor::kMotherDuck:
      return IsIssuedMotherDuckToken(tx.state(), token, now_us);
    case Vendor::kZitadel:
      // A personal access token is a bearer token itself. A machine user's
      // client secret is not: it is exchanged for a token at ZITADEL's OAuth
      // endpoint, which the sandbox does not have.
      return IsIssuedZitadelPat(tx.state(), token, now_us);
  }
  return false;
}

}  // namespace orgiam::sandbox
