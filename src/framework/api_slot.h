#ifndef ORGIAM_FRAMEWORK_API_SLOT_H_
#define ORGIAM_FRAMEWORK_API_SLOT_H_

// Holds one vendor's API client once ConfigureProvider has built it. Resources are created
// before configuration, so they keep a pointer to the slot and fetch the client per call.
//
// The slot also remembers what the configuration said about the vendor's block, so that a
// plan can fail where the apply would (VendorSlot::CheckPlannable): a block that is absent
// fails the plan, one whose values are only known after apply (a credential computed by
// another resource) plans, and fails only if an API call is needed before it is known.

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "framework/diagnostics.h"

namespace orgiam::framework {

// The vendor half of ApiSlot, independent of the client's type: the provider keeps one per
// vendor and asks it, per resource type, whether a plan may go on.
class VendorSlot {
 public:
  // `block` is the provider block's name ("vultr"); `missing_help` is the error detail shown
  // when a resource needs the vendor but the configuration has no such block.
  VendorSlot(std::string block, std::string missing_help)
      : block_(std::move(block)), missing_help_(std::move(missing_help)) {}
  virtual ~VendorSlot() = default;

  // ConfigureProvider found a value of the block (a credential, the domain) unknown: it will
  // be known at apply, when the provider is configured again. `attribute` names it, e.g.
  // "vultr.api_key".
  void MarkUnknown(std::string attribute) {
    absl::MutexLock lock(&mutex_);
    state_ = State::kUnknown;
    unknown_attribute_ = std::move(attribute);
  }

  // ConfigureProvider ran and did not set the vendor up (no block, no environment variable).
  void MarkAbsent() {
    absl::MutexLock lock(&mutex_);
    if (state_ == State::kUnconfigured) state_ = State::kAbsent;
  }

  // The plan-time check: an error (the same one the apply would give) when the configuration
  // lacks the block. Nothing before ConfigureProvider, or when the block's values are merely
  // unknown.
  void CheckPlannable(Diagnostics* diagnostics) const {
    absl::MutexLock lock(&mutex_);
    if (state_ == State::kAbsent) AddMissingError(diagnostics);
  }

 protected:
  enum class State { kUnconfigured, kAbsent, kUnknown, kPresent };

  void MarkPresent() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) { state_ = State::kPresent; }

  // Explains why there is no client to call.
  void AddNoClientError(Diagnostics* diagnostics) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    if (state_ == State::kUnknown) {
      diagnostics->AddError(
          "Provider configuration not yet known",
          absl::StrCat(unknown_attribute_,
                       " depends on a value that is only known after apply, and this step "
                       "(e.g. a data source read during the plan) needs the ",
                       block_,
                       " API now. Set it from a variable, or apply the dependency first "
                       "(-target)."));
      return;
    }
    AddMissingError(diagnostics);
  }

  mutable absl::Mutex mutex_;

 private:
  void AddMissingError(Diagnostics* diagnostics) const {
    diagnostics->AddError("Provider not configured", missing_help_);
  }

  const std::string block_;
  const std::string missing_help_;
  State state_ ABSL_GUARDED_BY(mutex_) = State::kUnconfigured;
  std::string unknown_attribute_ ABSL_GUARDED_BY(mutex_);
};

template <typename Api>
class ApiSlot : public VendorSlot {
 public:
  using VendorSlot::VendorSlot;

  void Set(std::shared_ptr<Api> api) {
    absl::MutexLock lock(&mutex_);
    api_ = std::move(api);
    MarkPresent();
  }

  // The client, or nullptr after adding an error diagnostic that says what to configure.
  std::shared_ptr<Api> Get(Diagnostics* diagnostics) const {
    absl::MutexLock lock(&mutex_);
    if (api_ == nullptr) AddNoClientError(diagnostics);
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
  std::shared_ptr<Api> api_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_API_SLOT_H_
