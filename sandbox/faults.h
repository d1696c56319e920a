#ifndef ORGIAM_SANDBOX_FAULTS_H_
#define ORGIAM_SANDBOX_FAULTS_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "httplib_wrap.h"
#include "nlohmann/json.hpp"

namespace orgiam::sandbox {

// PUT /_sandbox/faults. Zero everywhere (the default) means no faults.
struct FaultConfig {
  double rate_limit_per_s = 0;        // per client IP and vendor; 0 = unlimited
  double error_rate = 0;              // fraction answered 500/502/503 (not carried out)
  double drop_after_commit_rate = 0;  // fraction carried out, then the connection is closed
  std::int64_t latency_ms = 0;        // added before every vendor request
};

nlohmann::json ToJson(const FaultConfig& config);

class Faults {
 public:
  FaultConfig Get() const;
  // Applies the members present in `patch`. On an unknown member or a value out
  // of range it changes nothing and returns false with `error` set.
  bool Update(const nlohmann::json& patch, std::string* error);
  void Reset();

  // Token bucket (capacity max(1, rate), refilled at `rate` per second) per
  // `client`. False when the request is over the limit; `retry_after_s` is then
  // when a token is available.
  bool Admit(const std::string& client, int* retry_after_s);
  // 0, or the 5xx status to answer with.
  int PickServerError();
  bool PickDrop();

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point refilled;
  };

  mutable std::mutex mu_;
  FaultConfig config_;
  std::map<std::string, Bucket> buckets_;
};

// Closes the TCP connection that carries `req` without a response: it finds the
// socket whose local and peer addresses match the request's, and shuts it down
// in both directions. httplib's later write fails (SIGPIPE must be ignored) and
// the client reads EOF before any byte of a response. False when the socket was
// not found.
bool DropConnection(const httplib::Request& req);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_FAULTS_H_
