#include "stats.h"

namespace orgiam::sandbox {

void Stats::Record(const std::string& route, int status, bool fault) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[route];
  ++status_[std::to_string(status)];
  if (fault) ++faults_injected_;
}

void Stats::Reset() {
  std::lock_guard<std::mutex> lock(mu_);
  requests_.clear();
  status_.clear();
  // The statuses tests look at most are always present, so reading a zero never
  // fails.
  for (const char* status :
       {"200", "201", "204", "400", "401", "404", "409", "429", "500", "502", "503"}) {
    status_[status] = 0;
  }
  faults_injected_ = 0;
}

nlohmann::json Stats::ToJson() const {
  std::lock_guard<std::mutex> lock(mu_);
  nlohmann::json out;
  out["requests"] = nlohmann::json::object();
  for (const auto& [route, n] : requests_) out["requests"][route] = n;
  out["status"] = nlohmann::json::object();
  for (const auto& [status, n] : status_) out["status"][status] = n;
  out["faults_injected"] = faults_injected_;
  return out;
}

}  // namespace orgiam::sandbox
