#include "motherduck_tokens.h"

#include <string>
#include <vector>

#include "clock.h"
#include "ids.h"
#include "motherduck_common.h"
#include "text.h"

namespace orgiam::sandbox {
namespace {

constexpr std::int64_t kMinTtl = 300;
constexpr std::int64_t kMaxTtl = 31536000;

// A JWT-shaped opaque secret, like MotherDuck's tokens.
std::string NewTokenSecret(const std::string& token_id, const std::string& username) {
  const std::string header = Base64UrlEncode(R"({"alg":"HS256","typ":"JWT"})");
  const std::string payload =
      Base64UrlEncode(Dump({{"session", username + ".sandbox"}, {"tokenId", token_id}}));
  return header + "." + payload + "." + RandomString(43, kAlnum);
}

void CreateToken(App& app, const httplib::Request& req, httplib::Response& res) {
  const auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    MotherDuckBadRequest(res, {"Expected a JSON object body"});
    return;
  }
  std::vector<std::string> issues;
  std::string name;
  if (const Json* value = Member(*body, "name"); value == nullptr || !value->is_string()) {
    issues.push_back("name: Required");
  } else {
    name = value->get<std::string>();
    const auto decoded = DecodeUtf8(name);
    if (!decoded || decoded->empty()) {
      issues.push_back("name: String must contain at least 1 character(s)");
    } else if (Utf16Length(*decoded) > 255) {
      issues.push_back("name: String must contain at most 255 character(s)");
    } else if (name == "MotherDuck Extension" || name == "MotherDuck Flights") {
      issues.push_back("name: '" + name + "' is reserved");
    }
  }
  std::string description;
  if (const Json* value = Member(*body, "description")) {
    const auto decoded = value->is_string() ? DecodeUtf8(value->get<std::string>()) : std::nullopt;
    if (!decoded) {
      issues.push_back("description: Expected string");
    } else if (Utf16Length(*decoded) > 1000) {
      issues.push_back("description: String must contain at most 1000 character(s)");
    } else {
      description = value->get<std::string>();
    }
  }
  std::int64_t ttl = 0;
  if (const Json* value = Member(*body, "ttl")) {
    if (!value->is_number_integer() &&
        !(value->is_number_float() && value->get<double>() == std::floor(value->get<double>()) &&
          std::abs(value->get<double>()) < 1e15)) {
      issues.push_back("ttl: Expected integer");
    } else {
      ttl = value->is_number_integer() ? value->get<std::int64_t>()
                                       : static_cast<std::int64_t>(value->get<double>());
      if (ttl < kMinTtl) issues.push_back("ttl: Number must be greater than or equal to 300");
      if (ttl > kMaxTtl) {
        issues.push_back("ttl: Number must be less than or equal to 31536000");
      }
    }
  }
  std::string token_type = "read_write";
  if (const Json* value = Member(*body, "token_type")) {
    if (!value->is_string() || (*value != "read_write" && *value != "read_scaling")) {
      issues.push_back("token_type: Expected 'read_write' | 'read_scaling'");
    } else {
      token_type = value->get<std::string>();
    }
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  const std::string username = req.matches[1].str();
  if (FindMotherDuckUser(state, username) == nullptr) {
    MotherDuckNotFound(res, "User not found");
    return;
  }
  if (!issues.empty()) {
    MotherDuckBadRequest(res, issues);
    return;
  }
  const std::int64_t now = app.clock.NowMicros();
  MotherDuckToken token;
  token.id = NewUuid();
  token.username = username;
  token.name = name;
  token.description = description;
  token.token_type = token_type;
  token.token = NewTokenSecret(token.id, username);
  token.created_us = now;
  token.expires_us = ttl > 0 ? now + ttl * kMicrosPerSecond : 0;
  token.seq = state.NextSeq();
  Json view = MotherDuckTokenJson(token);
  view["token"] = token.token;  // returned once
  state.motherduck_tokens.push_back(std::move(token));
  tx.MarkDirty();
  SendJson(res, 200, view);
}

void ListTokens(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  const std::string username = req.matches[1].str();
  if (FindMotherDuckUser(state, username) == nullptr) {
    MotherDuckNotFound(res, "User not found");
    return;
  }
  const std::int64_t now = app.clock.NowMicros();
  Json tokens = Json::array();
  for (const MotherDuckToken& token : state.motherduck_tokens) {
    // Expired tokens are no longer listed.
    if (token.username != username || (token.expires_us != 0 && token.expires_us <= now)) {
      continue;
    }
    tokens.push_back(MotherDuckTokenJson(token));
  }
  SendJson(res, 200, {{"tokens", tokens}});
}

void DeleteToken(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  const std::string username = req.matches[1].str();
  const std::string token_id = req.matches[2].str();
  if (FindMotherDuckUser(state, username) == nullptr) {
    MotherDuckNotFound(res, "User not found");
    return;
  }
  const auto erased = std::erase_if(state.motherduck_tokens, [&](const MotherDuckToken& token) {
    return token.username == username && token.id == token_id;
  });
  if (erased == 0) {
    MotherDuckNotFound(res, "Token not found");
    return;
  }
  tx.MarkDirty();
  SendJson(res, 200, Json::object());
}

}  // namespace

Json MotherDuckTokenJson(const MotherDuckToken& token) {
  Json out = {{"id", token.id}, {"name", token.name}};
  if (!token.description.empty()) out["description"] = token.description;
  out["expire_at"] = token.expires_us != 0 ? Json(FormatRfc3339Millis(token.expires_us)) : Json();
  out["created_ts"] = FormatRfc3339Millis(token.created_us);
  out["read_only"] = token.token_type == "read_scaling";
  out["token_type"] = token.token_type;
  return out;
}

void RegisterMotherDuckTokens(Router& router, App& app) {
  router.Route(Vendor::kMotherDuck, "GET", "/v1/users/{username}/tokens", Bind(app, ListTokens));
  router.Route(Vendor::kMotherDuck, "POST", "/v1/users/{username}/tokens", Bind(app, CreateToken));
  router.Route(Vendor::kMotherDuck, "DELETE", "/v1/users/{username}/tokens/{token_id}",
               Bind(app, DeleteToken));
}

}  // namespace orgiam::sandbox
