#ifndef ORGIAM_SANDBOX_STATS_H_
#define ORGIAM_SANDBOX_STATS_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "nlohmann/json.hpp"

namespace orgiam::sandbox {

// Counters behind GET /_sandbox/stats. Vendor requests only; admin routes are
// not counted.
class Stats {
 public:
  Stats() { Reset(); }

  // `route` is "METHOD /path/{template}"; `fault` marks a request answered (or
  // dropped) by fault injection.
  void Record(const std::string& route, int status, bool fault);
  void Reset();
  // {"requests": {route: n}, "status": {"201": n}, "faults_injected": n}
  nlohmann::json ToJson() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::int64_t> requests_;
  std::map<std::string, std::int64_t> status_;
  std::int64_t faults_injected_ = 0;
};

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_STATS_H_
