#include "motherduck_users.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "motherduck_common.h"

namespace orgiam::sandbox {
namespace {

// A new service account's Duckling configuration.
Json DefaultInstances() {
  return {{"read_write", {{"instance_size", "pulse"}}},
          {"read_scaling", {{"instance_size", "pulse"}, {"flock_size", 0}}}};
}

bool IsInstanceSize(const Json& value) {
  static constexpr const char* kSizes[] = {"pulse", "standard", "jumbo", "mega", "giga"};
  return value.is_string() && std::any_of(std::begin(kSizes), std::end(kSizes),
                                          [&](const char* size) { return value == size; });
}

// Checks one of read_write / read_scaling; appends issues and returns the
// cleaned value.
Json CheckInstance(const Json* spec, const std::string& path, bool scaling,
                   std::vector<std::string>* issues) {
  if (spec == nullptr || !spec->is_object()) {
    issues->push_back(path + ": Required");
    return nullptr;
  }
  Json out = Json::object();
  const Json* size = Member(*spec, "instance_size");
  if (size == nullptr || !IsInstanceSize(*size)) {
    issues->push_back(path +
                      ".instance_size: Expected 'pulse' | 'standard' | 'jumbo' "
                      "| 'mega' | 'giga'");
  } else {
    out["instance_size"] = *size;
  }
  if (scaling) {
    const Json* flock = Member(*spec, "flock_size");
    if (flock == nullptr || !flock->is_number() || !std::isfinite(flock->get<double>()) ||
        flock->get<double>() < 0 || flock->get<double>() > 64) {
      issues->push_back(path + ".flock_size: Expected a number between 0 and 64");
    } else {
      out["flock_size"] = *flock;
    }
  }
  if (const Json* cooldown = Member(*spec, "cooldown_seconds")) {
    if (!cooldown->is_number_integer() || cooldown->get<std::int64_t>() < 60 ||
        cooldown->get<std::int64_t>() > 86400) {
      issues->push_back(path + ".cooldown_seconds: Expected an integer between 60 and 86400");
    } else {
      out["cooldown_seconds"] = *cooldown;
    }
  }
  return out;
}

void CreateUser(App& app, const httplib::Request& req, httplib::Response& res) {
  const auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    MotherDuckBadRequest(res, {"Expected a JSON object body"});
    return;
  }
  const Json* username = Member(*body, "username");
  if (username == nullptr || !username->is_string()) {
    MotherDuckBadRequest(res, {"username: Required"});
    return;
  }
  const std::string name = username->get<std::string>();
  if (const auto issues = MotherDuckUsernameIssues(name); !issues.empty()) {
    MotherDuckBadRequest(res, issues);
    return;
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  if (FindMotherDuckUser(state, name) != nullptr) {
    MotherDuckError(res, 400, "BAD_REQUEST", "User already exists",
                    {"username: a user named '" + name + "' already exists in this organization"});
    return;
  }
  MotherDuckUser user;
  user.username = name;
  user.instances = DefaultInstances();
  user.created_us = app.clock.NowMicros();
  user.seq = state.NextSeq();
  state.motherduck_users.push_back(std::move(user));
  tx.MarkDirty();
  SendJson(res, 200, {{"username", name}});
}

void DeleteUser(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  const std::string name = req.matches[1].str();
  if (FindMotherDuckUser(state, name) == nullptr) {
    MotherDuckNotFound(res, "User not found");
    return;
  }
  // Deleting a user deletes everything it owns, its tokens included.
  std::erase_if(state.motherduck_users,
                [&](const MotherDuckUser& user) { return user.username == name; });
  std::erase_if(state.motherduck_tokens,
                [&](const MotherDuckToken& token) { return token.username == name; });
  tx.MarkDirty();
  SendJson(res, 200, {{"username", name}});
}

void GetInstances(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  const MotherDuckUser* user = FindMotherDuckUser(tx.state(), req.matches[1].str());
  if (user == nullptr) {
    MotherDuckNotFound(res, "User not found");
    return;
  }
  SendJson(res, 200, user->instances);
}

void SetInstances(App& app, const httplib::Request& req, httplib::Response& res) {
  const auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    MotherDuckBadRequest(res, {"Expected a JSON object body"});
    return;
  }
  const Json* config = Member(*body, "config");
  std::vector<std::string> issues;
  Json instances;
  if (config == nullptr || !config->is_object()) {
    issues.push_back("config: Required");
  } else {
    instances = {{"read_write", CheckInstance(Member(*config, "read_write"), "config.read_write",
                                              false, &issues)},
                 {"read_scaling", CheckInstance(Member(*config, "read_scaling"),
                                                "config.read_scaling", true, &issues)}};
  }
  if (!issues.empty()) {
    MotherDuckBadRequest(res, issues);
    return;
  }
  auto tx = app.store.Begin();
  MotherDuckUser* user = FindMotherDuckUser(tx.state(), req.matches[1].str());
  if (user == nullptr) {
    MotherDuckNotFound(res, "User not found");
    return;
  }
  user->instances = instances;
  tx.MarkDirty();
  SendJson(res, 200, instances);
}

}  // namespace

void RegisterMotherDuckUsers(Router& router, App& app) {
  router.Route(Vendor::kMotherDuck, "POST", "/v1/users", Bind(app, CreateUser));
  router.Route(Vendor::kMotherDuck, "DELETE", "/v1/users/{username}", Bind(app, DeleteUser));
  router.Route(Vendor::kMotherDuck, "GET", "/v1/users/{username}/instances",
               Bind(app, GetInstances));
  router.Route(Vendor::kMotherDuck, "PUT", "/v1/users/{username}/instances",
               Bind(app, SetInstances));
}

}  // namespace orgiam::sandbox
