#ifndef ORGIAM_FRAMEWORK_API_SLOT_H_
#define ORGIAM_FRAMEWORK_API_SLOT_H_

// Holds one vendor's API client once ConfigureProvider has built it. Resources are created
// before configuration, so they keep a pointer to the slot and fetch the client per call.

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "framework/diagnostics.h"

namespace orgiam::framework {

template <typename Api>
class ApiSlot {
 public:
  // `missing_help` is the error detail shown when a resource needs the vendor but the
  // provider configuration did not set it up (which block to add).
  explicit ApiSlot(std::string missing_help) : missing_help_(std::move(missing_help)) {}

  void Set(std::shared_ptr<Api> api) {
    absl::MutexLock lock(&mutex_);
    api_ = std::move(api);
  }

  // The client, or nullptr after adding an error diagnostic that says what to configure.
  std::shared_ptr<Api> Get(Diagnostics* diagnostics) const {
    absl::MutexLock lock(&mutex_);
    if (api_ == nullptr) diagnostics->AddError("Provider not configured", missing_help_);
    return api_;
  }

  // Runs `call(api)` (an absl::Status) with the client, adding its failure as an error with
  // `summary`; without a client only the not-configured error. For calls whose only result is
  // success, such as a Delete.
  template <typename Call>
  void Run(Diagnostics* diagnostics, const std::string& summary, Call&& call) const {
    const std::shared_ptr<Api> api = Get(diagnostics);
    if (api == nullptr) return;
    if (const absl::Status status = call(*api); !status.ok()) {
      diagnostics->AddStatus(status, summary);
    }
  }

  // The client if configured, without diagnostics (for cancellation).
  std::shared_ptr<Api> Peek() const {
    absl::MutexLock lock(&mutex_);
    return api_;
  }

 private:
  const std::string missing_help_;
  mutable absl::Mutex mutex_;
  std::shared_ptr<Api> api_;
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_API_SLOT_H_
