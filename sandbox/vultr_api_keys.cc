#include "vultr_api_keys.h"

#include <algorithm>
#include <string>
#include <vector>

#include "clock.h"
#include "ids.h"
#include "text.h"
#include "vultr_common.h"
#include "vultr_users.h"

namespace orgiam::sandbox {
namespace {

constexpr std::size_t kMaxKeyNameLength = 255;

// Everything but the last four characters is hidden.
std::string Mask(const std::string& secret) {
  if (secret.size() <= 4) return std::string(secret.size(), '*');
  return std::string(secret.size() - 4, '*') + secret.substr(secret.size() - 4);
}

Json KeyJson(const VultrApiKey& key, bool reveal) {
  return {{"id", key.id},
          {"name", key.name},
          {"api_key", reveal ? key.api_key : Mask(key.api_key)},
          {"expire", key.expire},
          {"date_created", FormatVultrTime(key.created_us)},
          {"date_expire", key.expire ? FormatVultrTime(key.expires_us) : ""}};
}

void CreateKey(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  const VultrUser* user = FindRequestedVultrUser(state, req, res);
  if (user == nullptr) return;
  const auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    VultrError(res, 400, "Invalid JSON in request body.");
    return;
  }
  const Json* name = Member(*body, "name");
  if (name == nullptr || !name->is_string() || name->get<std::string>().empty()) {
    VultrError(res, 400, "Name is required.");
    return;
  }
  const auto decoded = DecodeUtf8(name->get<std::string>());
  if (!decoded || decoded->size() > kMaxKeyNameLength) {
    VultrError(res, 400, "Name must be 255 characters or fewer.");
    return;
  }
  bool expire = false;
  if (const Json* value = Member(*body, "expire"); value && !ReadVultrBool(*value, &expire)) {
    VultrError(res, 400, "Invalid value for expire.");
    return;
  }
  const std::int64_t now = app.clock.NowMicros();
  std::int64_t expires_us = 0;
  if (expire) {
    const Json* date = Member(*body, "date_expire");
    const auto parsed = date != nullptr && date->is_string()
                            ? ParseRfc3339(date->get<std::string>())
                            : std::nullopt;
    if (!parsed) {
      VultrError(res, 400, "date_expire must be an RFC 3339 date when expire is true.");
      return;
    }
    if (*parsed <= now) {
      VultrError(res, 400, "date_expire must be in the future.");
      return;
    }
    expires_us = *parsed;
  }
  VultrApiKey key;
  key.id = NewUuid();
  key.user_id = user->id;
  key.name = name->get<std::string>();
  key.api_key = NewVultrApiKey();
  key.expire = expire;
  key.created_us = now;
  key.expires_us = expires_us;
  key.seq = state.NextSeq();
  const Json view = KeyJson(key, /*reveal=*/true);
  state.vultr_api_keys.push_back(std::move(key));
  tx.MarkDirty();
  SendJson(res, 201, {{"api_key", view}});
}

void ListKeys(App& app, const httplib::Request& req, httplib::Response& res) {
  PageRequest page;
  if (!ReadPageRequest(req, res, &page)) return;
  auto tx = app.store.Begin();
  State& state = tx.state();
  const VultrUser* user = FindRequestedVultrUser(state, req, res);
  if (user == nullptr) return;
  std::vector<VultrApiKey> keys;
  for (const VultrApiKey& key : state.vultr_api_keys) {
    if (key.user_id == user->id) keys.push_back(key);
  }
  SendJson(res, 200, PageJson("api_keys", keys, page, VultrApiKeyJson));
}

VultrApiKey* FindKey(State& state, const std::string& user_id, const std::string& key_id) {
  for (VultrApiKey& key : state.vultr_api_keys) {
    if (key.user_id == user_id && key.id == key_id) return &key;
  }
  return nullptr;
}

// The key the route names (user id, key id); else answers Vultr's 404 for
// whichever is missing and returns null.
VultrApiKey* FindRequestedKey(State& state, const httplib::Request& req, httplib::Response& res) {
  if (FindRequestedVultrUser(state, req, res) == nullptr) return nullptr;
  VultrApiKey* key = FindKey(state, req.matches[1].str(), req.matches[2].str());
  if (key == nullptr) VultrError(res, 404, "Invalid API key.");
  return key;
}

void GetKey(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  const VultrApiKey* key = FindRequestedKey(state, req, res);
  if (key == nullptr) return;
  SendJson(res, 200, {{"api_key", VultrApiKeyJson(*key)}});
}

void DeleteKey(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  const VultrApiKey* key = FindRequestedKey(state, req, res);
  if (key == nullptr) return;
  const std::string id = key->id;
  std::erase_if(state.vultr_api_keys, [&](const VultrApiKey& k) { return k.id == id; });
  tx.MarkDirty();
  SendNoContent(res, 204);
}

}  // namespace

Json VultrApiKeyJson(const VultrApiKey& key) { return KeyJson(key, /*reveal=*/false); }

void RegisterVultrApiKeys(Router& router, App& app) {
  router.Route(Vendor::kVultr, "GET", "/v2/users/{id}/apikeys", Bind(app, ListKeys));
  router.Route(Vendor::kVultr, "POST", "/v2/users/{id}/apikeys", Bind(app, CreateKey));
  router.Route(Vendor::kVultr, "GET", "/v2/users/{id}/apikeys/{apikey_id}", Bind(app, GetKey));
  router.Route(Vendor::kVultr, "DELETE", "/v2/users/{id}/apikeys/{apikey_id}",
               Bind(app, DeleteKey));
}

}  // namespace orgiam::sandbox
