#ifndef ORGIAM_SANDBOX_FAULTS_H_
#define ORGIAM_SANDBOX_FAULTS_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "httplib_wrap.h"
#include "nlohmann/json.hpp"

namespace orgiam::sandbox {

// What a scripted rule does to the request it applies to.
enum class ScriptAction {
  kNone,             // no rule applies (or the request is one of a rule's skips)
  kError,            // answer `status` in the vendor's shape; not carried out
  kDropAfterCommit,  // carry out, then close the connection without an answer
  kHold,             // carry out, wait `hold_ms`, then answer normally
  kBody,             // carry out, then answer `status` with `body` instead
};

// One rule of the "script" member of PUT /_sandbox/faults: a deterministic
// fault for requests to one route template ("POST /v2/users").
struct ScriptRule {
  std::string route;
  ScriptAction action = ScriptAction::kError;
  int status = 0;            // kError (default 500) and kBody (default 200)
  std::int64_t hold_ms = 0;  // kHold
  std::string body;          // kBody; "{fresh}" is replaced on each use
  std::int64_t skip = 0;     // matching requests still to let through first
  std::int64_t count = 1;    // uses left; 0 = every matching request
};

// PUT /_sandbox/faults. Zero everywhere (the default) means no faults.
struct FaultConfig {
  double rate_limit_per_s = 0;        // per client IP and vendor; 0 = unlimited
  double error_rate = 0;              // fraction answered 500/502/503 (not carried out)
  double drop_after_commit_rate = 0;  // fraction carried out, then the connection is closed
  std::int64_t latency_ms = 0;        // added before every vendor request
  std::vector<ScriptRule> script;     // applied before the random faults above
};

nlohmann::json ToJson(const FaultConfig& config);

// The fault a scripted rule injects into one request.
struct ScriptedFault {
  ScriptAction action = ScriptAction::kNone;
  int status = 0;
  std::int64_t hold_ms = 0;
  std::string body;  // with every "{fresh}" replaced by a new random token
};

class Faults {
 public:
  FaultConfig Get() const;
  // Applies the members present in `patch`; "script" replaces the whole
  // script. On an unknown member or a value out of range it changes nothing
  // and returns false with `error` set.
  bool Update(const nlohmann::json& patch, std::string* error);
  void Reset();
  // Removes every scripted rule; the rates and latency stay.
  void ClearScript();

  // Declares a route template ("POST /v2/users") that script rules may name.
  // Called by the router while routes are registered.
  void AddRoute(const std::string& route);

  // The first rule of the script for `route` decides. A rule other than
  // "error" ignores an unauthenticated request (it gets its 401 and the rule
  // is not used). Otherwise the request uses one of the rule's skips (and
  // gets kNone) or one of its uses; a rule without uses left is removed.
  ScriptedFault TakeScripted(const std::string& route, bool authenticated);

  // Token bucket (capacity max(1, rate), refilled at `rate` per second) per
  // `client`. False when the request is over the limit; `retry_after_s` is then
  // when a token is available.
  bool Admit(const std::string& client, int* retry_after_s);
  // 0, or the 5xx status to answer with.
  int PickServerError();
  bool PickDrop();

  // Sleeps for `duration`, or until Shutdown() is called.
  void Wait(std::chrono::milliseconds duration);
  // Ends every Wait(), now and later (the server is stopping).
  void Shutdown();

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point refilled;
  };

  mutable std::mutex mu_;
  FaultConfig config_;
  std::map<std::string, Bucket> buckets_;
  std::set<std::string> routes_;
  bool shutting_down_ = false;
  std::condition_variable shutdown_cv_;
};

// Closes the TCP connection that carries `req` without a response: it finds the
// socket whose local and peer addresses match the request's, and shuts it down
// in both directions. httplib's later write fails (SIGPIPE must be ignored) and
// the client reads EOF before any byte of a response. False when the socket was
// not found.
bool DropConnection(const httplib::Request& req);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_FAULTS_H_
