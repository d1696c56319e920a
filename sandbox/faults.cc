#include "faults.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "ids.h"

namespace orgiam::sandbox {
namespace {

bool ReadNumber(const nlohmann::json& value, double min, double max, double* out) {
  if (!value.is_number()) return false;
  const double v = value.get<double>();
  if (!std::isfinite(v) || v < min || v > max) return false;
  *out = v;
  return true;
}

constexpr std::size_t kMaxRules = 1000;
constexpr std::int64_t kMaxHoldMs = 600000;
constexpr std::int64_t kMaxRepeat = 1000000000;  // skip and count
constexpr std::string_view kFresh = "{fresh}";

// An integral JSON number (1, 1.0 or 1e3) in [min, max].
bool ReadInteger(const nlohmann::json& value, std::int64_t min, std::int64_t max,
                 std::int64_t* out) {
  double v = 0;
  if (!ReadNumber(value, static_cast<double>(min), static_cast<double>(max), &v) ||
      v != std::floor(v)) {
    return false;
  }
  *out = static_cast<std::int64_t>(v);
  return true;
}

const char* ActionName(ScriptAction action) {
  switch (action) {
    case ScriptAction::kError:
      return "error";
    case ScriptAction::kDropAfterCommit:
      return "drop_after_commit";
    case ScriptAction::kHold:
      return "hold";
    case ScriptAction::kBody:
      return "body";
    case ScriptAction::kNone:
      break;
  }
  return "";
}

bool ReadAction(const nlohmann::json& value, ScriptAction* out) {
  if (!value.is_string()) return false;
  for (const ScriptAction action : {ScriptAction::kError, ScriptAction::kDropAfterCommit,
                                    ScriptAction::kHold, ScriptAction::kBody}) {
    if (value.get_ref<const std::string&>() == ActionName(action)) {
      *out = action;
      return true;
    }
  }
  return false;
}

// One rule of a script. `where` ("script[2]") prefixes the error.
bool ReadRule(const nlohmann::json& json, const std::set<std::string>& routes,
              const std::string& where, ScriptRule* rule, std::string* error) {
  if (!json.is_object()) {
    *error = where + ": a rule must be a JSON object";
    return false;
  }
  const auto action = json.find("action");
  if (action == json.end()) {
    *error = where + ": action is required";
    return false;
  }
  if (!ReadAction(*action, &rule->action)) {
    *error = where + ": action must be one of error, drop_after_commit, hold, body";
    return false;
  }
  const bool has_status =
      rule->action == ScriptAction::kError || rule->action == ScriptAction::kBody;
  rule->status = rule->action == ScriptAction::kError ? 500 : 200;
  bool has_route = false;
  bool has_hold = false;
  bool has_body = false;
  for (const auto& [key, value] : json.items()) {
    bool ok = true;
    if (key == "action") {
      continue;
    } else if (key == "route") {
      ok = value.is_string() && routes.contains(value.get_ref<const std::string&>());
      if (!ok) {
        *error = where +
                 ": route must be a vendor route template as /_sandbox/stats writes it, "
                 "e.g. \"GET /v2/users/{id}\"";
        return false;
      }
      rule->route = value.get<std::string>();
      has_route = true;
    } else if (key == "status" && has_status) {
      std::int64_t status = 0;
      ok = rule->action == ScriptAction::kError ? ReadInteger(value, 400, 599, &status)
                                                : ReadInteger(value, 200, 599, &status);
      rule->status = static_cast<int>(status);
    } else if (key == "hold_ms" && rule->action == ScriptAction::kHold) {
      ok = ReadInteger(value, 0, kMaxHoldMs, &rule->hold_ms);
      has_hold = true;
    } else if (key == "body" && rule->action == ScriptAction::kBody) {
      ok = value.is_string();
      if (ok) rule->body = value.get<std::string>();
      has_body = true;
    } else if (key == "skip") {
      ok = ReadInteger(value, 0, kMaxRepeat, &rule->skip);
    } else if (key == "count") {
      ok = ReadInteger(value, 0, kMaxRepeat, &rule->count);
    } else {
      *error = where + ": unknown member for action " + ActionName(rule->action) + ": " + key;
      return false;
    }
    if (!ok) {
      *error = where + ": invalid value for " + key;
      return false;
    }
  }
  if (!has_route) {
    *error = where + ": route is required";
  } else if (rule->action == ScriptAction::kHold && !has_hold) {
    *error = where + ": hold_ms is required for action hold";
  } else if (rule->action == ScriptAction::kBody && !has_body) {
    *error = where + ": body is required for action body";
  } else {
    return true;
  }
  return false;
}

nlohmann::json RuleJson(const ScriptRule& rule) {
  nlohmann::json out = {{"route", rule.route}, {"action", ActionName(rule.action)}};
  switch (rule.action) {
    case ScriptAction::kError:
      out["status"] = rule.status;
      break;
    case ScriptAction::kHold:
      out["hold_ms"] = rule.hold_ms;
      break;
    case ScriptAction::kBody:
      out["status"] = rule.status;
      out["body"] = rule.body;
      break;
    case ScriptAction::kDropAfterCommit:
    case ScriptAction::kNone:
      break;
  }
  out["skip"] = rule.skip;
  out["count"] = rule.count;
  return out;
}

// `body` with every "{fresh}" replaced by its own new random token.
std::string Freshen(const std::string& body) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t hit; (hit = body.find(kFresh, from)) != std::string::npos;
       from = hit + kFresh.size()) {
    out.append(body, from, hit - from);
    out += RandomString(24, kAlnum);
  }
  out.append(body, from);
  return out;
}

// The address and port of a socket, as strings httplib would report them.
bool Endpoint(const sockaddr_storage& addr, std::string* ip, int* port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
    if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) return false;
    *port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    if (!inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text)) return false;
    *port = ntohs(in6->sin6_port);
  } else {
    return false;
  }
  *ip = text;
  return true;
}

bool IsRequestSocket(int fd, const httplib::Request& req) {
  sockaddr_storage local{};
  socklen_t len = sizeof local;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) != 0) return false;
  std::string ip;
  int port = -1;
  if (!Endpoint(local, &ip, &port) || port != req.local_port) return false;
  sockaddr_storage peer{};
  len = sizeof peer;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0) return false;
  if (!Endpoint(peer, &ip, &port)) return false;
  return port == req.remote_port && ip == req.remote_addr;
}

}  // namespace

nlohmann::json ToJson(const FaultConfig& config) {
  nlohmann::json script = nlohmann::json::array();
  for (const ScriptRule& rule : config.script) script.push_back(RuleJson(rule));
  return {{"rate_limit_per_s", config.rate_limit_per_s},
          {"error_rate", config.error_rate},
          {"drop_after_commit_rate", config.drop_after_commit_rate},
          {"latency_ms", config.latency_ms},
          {"script", script}};
}

FaultConfig Faults::Get() const {
  std::lock_guard<std::mutex> lock(mu_);
  return config_;
}

bool Faults::Update(const nlohmann::json& patch, std::string* error) {
  if (!patch.is_object()) {
    *error = "the body must be a JSON object";
    return false;
  }
  std::lock_guard<std::mutex> lock(mu_);
  FaultConfig next = config_;
  for (const auto& [key, value] : patch.items()) {
    bool ok = false;
    if (key == "rate_limit_per_s") {
      ok = ReadNumber(value, 0, 1e9, &next.rate_limit_per_s);
    } else if (key == "error_rate") {
      ok = ReadNumber(value, 0, 1, &next.error_rate);
    } else if (key == "drop_after_commit_rate") {
      ok = ReadNumber(value, 0, 1, &next.drop_after_commit_rate);
    } else if (key == "latency_ms") {
      double ms = 0;
      ok = ReadNumber(value, 0, 600000, &ms);
      next.latency_ms = static_cast<std::int64_t>(ms);
    } else if (key == "script") {
      ok = value.is_array() && value.size() <= kMaxRules;
      if (!ok) {
        *error = "script must be an array of at most " + std::to_string(kMaxRules) + " rules";
        return false;
      }
      next.script.clear();
      for (std::size_t i = 0; i < value.size(); ++i) {
        ScriptRule rule;
        if (!ReadRule(value[i], routes_, "script[" + std::to_string(i) + "]", &rule, error)) {
          return false;
        }
        next.script.push_back(std::move(rule));
      }
    } else {
      *error = "unknown fault: " + key;
      return false;
    }
    if (!ok) {
      *error = "invalid value for " + key;
      return false;
    }
  }
  if (next.rate_limit_per_s != config_.rate_limit_per_s) buckets_.clear();
  config_ = next;
  return true;
}

void Faults::Reset() {
  std::lock_guard<std::mutex> lock(mu_);
  config_ = FaultConfig{};
  buckets_.clear();
}

void Faults::ClearScript() {
  std::lock_guard<std::mutex> lock(mu_);
  config_.script.clear();
}

void Faults::AddRoute(const std::string& route) {
  std::lock_guard<std::mutex> lock(mu_);
  routes_.insert(route);
}

ScriptedFault Faults::TakeScripted(const std::string& route, bool authenticated) {
  ScriptedFault fault;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto& script = config_.script;
    const auto rule = std::find_if(script.begin(), script.end(),
                                   [&](const ScriptRule& r) { return r.route == route; });
    if (rule == script.end()) return fault;
    if (rule->action != ScriptAction::kError && !authenticated) return fault;
    if (rule->skip > 0) {
      --rule->skip;
      return fault;
    }
    fault.action = rule->action;
    fault.status = rule->status;
    fault.hold_ms = rule->hold_ms;
    fault.body = rule->body;
    if (rule->count > 0 && --rule->count == 0) script.erase(rule);
  }
  if (fault.action == ScriptAction::kBody) fault.body = Freshen(fault.body);
  return fault;
}

void Faults::Wait(std::chrono::milliseconds duration) {
  std::unique_lock<std::mutex> lock(mu_);
  shutdown_cv_.wait_for(lock, duration, [this] { return shutting_down_; });
}

void Faults::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    shutting_down_ = true;
  }
  shutdown_cv_.notify_all();
}

bool Faults::Admit(const std::string& client, int* retry_after_s) {
  std::lock_guard<std::mutex> lock(mu_);
  const double rate = config_.rate_limit_per_s;
  if (rate <= 0) return true;
  const double capacity = std::max(1.0, rate);
  const auto now = std::chrono::steady_clock::now();
  auto [it, inserted] = buckets_.try_emplace(client);
  Bucket& bucket = it->second;
  if (inserted) {
    bucket.tokens = capacity;
  } else {
    const double elapsed = std::chrono::duration<double>(now - bucket.refilled).count();
    bucket.tokens = std::min(capacity, bucket.tokens + elapsed * rate);
  }
  bucket.refilled = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return true;
  }
  *retry_after_s = std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / rate)));
  return false;
}

int Faults::PickServerError() {
  double rate;
  {
    std::lock_guard<std::mutex> lock(mu_);
    rate = config_.error_rate;
  }
  if (rate <= 0 || RandomUnit() >= rate) return 0;
  static constexpr int kStatuses[] = {500, 502, 503};
  return kStatuses[RandomUint64() % 3];
}

bool Faults::PickDrop() {
  double rate;
  {
    std::lock_guard<std::mutex> lock(mu_);
    rate = config_.drop_after_commit_rate;
  }
  return rate > 0 && RandomUnit() < rate;
}

bool DropConnection(const httplib::Request& req) {
  // The socket stays open (httplib owns it and closes it after this handler
  // returns), so the descriptor found here cannot be reused by another
  // connection meanwhile.
  DIR* dir = ::opendir("/proc/self/fd");
  if (dir == nullptr) return false;
  bool dropped = false;
  while (const dirent* entry = ::readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == ::dirfd(dir)) continue;
    if (IsRequestSocket(static_cast<int>(fd), req)) {
      ::shutdown(static_cast<int>(fd), SHUT_RDWR);
      dropped = true;
      break;
    }
  }
  ::closedir(dir);
  return dropped;
}

}  // namespace orgiam::sandbox
