#include "plugin/call_tracker.h"

namespace orgiam::plugin {
namespace {

class CountingInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit CountingInterceptor(CallTracker* tracker) : tracker_(tracker) {
    tracker_->CallStarted();
  }
  ~CountingInterceptor() override { tracker_->CallEnded(); }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    methods->Proceed();
  }

 private:
  CallTracker* tracker_;
};

class CountingFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit CountingFactory(CallTracker* tracker) : tracker_(tracker) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* /*info*/) override {
    return new CountingInterceptor(tracker_);
  }

 private:
  CallTracker* tracker_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> CallTracker::MakeFactory() {
  return std::make_unique<CountingFactory>(this);
}

bool CallTracker::WaitUntilIdle(absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  return mu_.AwaitWithDeadline(absl::Condition(
                                   +[](int* active) { return *active == 0; }, &active_),
                               deadline);
}

int CallTracker::active() const {
  absl::MutexLock lock(&mu_);
  return active_;
}

void CallTracker::CallStarted() {
  absl::MutexLock lock(&mu_);
  ++active_;
}

void CallTracker::CallEnded() {
  absl::MutexLock lock(&mu_);
  --active_;
}

}  // namespace orgiam::plugin
