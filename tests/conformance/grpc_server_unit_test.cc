// StartGrpcServer with a CallTracker: the tracker must see every call in
// progress, so that the shutdown path (CallTracker::WaitUntilIdle, then
// grpc::Server::Shutdown) waits for work in flight instead of cutting it off.

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpc_clients.h"
#include "gtest/gtest.h"
#include "plugin/call_tracker.h"
#include "plugin/grpc_server.h"
#include "plugin_process.h"
#include "proto/health.grpc.pb.h"

namespace orgiam::conformance {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

// A health service whose Check holds the call until the test releases it.
class BlockingHealth final : public Health::Service {
 public:
  grpc::Status Check(grpc::ServerContext*, const HealthCheckRequest*,
                     HealthCheckResponse* response) override {
    entered_.Notify();
    // Bounded, so that a failing test cannot hang the suite.
    release_.WaitForNotificationWithTimeout(absl::Seconds(10));
    response->set_status(HealthCheckResponse::SERVING);
    return grpc::Status::OK;
  }

  absl::Notification& entered() { return entered_; }
  absl::Notification& release() { return release_; }

 private:
  absl::Notification entered_;
  absl::Notification release_;
};

grpc::Status CallCheck(const std::shared_ptr<grpc::Channel>& channel) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  HealthCheckResponse response;
  return Health::NewStub(channel)->Check(&context, HealthCheckRequest(), &response);
}

TEST(GrpcServerTest, CallTrackerCountsCallsInFlight) {
  plugin::GrpcRuntime runtime;
  TempDir dir;
  const std::string socket = dir.path() + "/s.sock";
  BlockingHealth service;
  plugin::CallTracker tracker;
  plugin::GrpcServerConfig config;
  config.listen_address = "unix:" + socket;
  config.services = {&service};
  config.call_tracker = &tracker;
  auto server = plugin::StartGrpcServer(config);
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_EQ(tracker.active(), 0);

  auto channel = InsecureChannel(socket);
  grpc::Status status;
  std::thread client([&] { status = CallCheck(channel); });
  ASSERT_TRUE(service.entered().WaitForNotificationWithTimeout(absl::Seconds(10)));

  // The handler is running: shutdown must wait for it.
  EXPECT_EQ(tracker.active(), 1);
  EXPECT_FALSE(tracker.WaitUntilIdle(absl::Now() + absl::Milliseconds(50)));

  service.release().Notify();
  client.join();
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(tracker.WaitUntilIdle(absl::Now() + absl::Seconds(5)));
  EXPECT_EQ(tracker.active(), 0);
  (*server)->Shutdown(std::chrono::system_clock::now());
  (*server)->Wait();
}

TEST(GrpcServerTest, ShutdownAfterIdleWaitLetsTheCallInFlightFinish) {
  // The order run_plugin.cc uses: wait until idle, then a short Shutdown.
  plugin::GrpcRuntime runtime;
  TempDir dir;
  const std::string socket = dir.path() + "/s.sock";
  BlockingHealth service;
  plugin::CallTracker tracker;
  plugin::GrpcServerConfig config;
  config.listen_address = "unix:" + socket;
  config.services = {&service};
  config.call_tracker = &tracker;
  auto server = plugin::StartGrpcServer(config);
  ASSERT_TRUE(server.ok()) << server.status();

  auto channel = InsecureChannel(socket);
  grpc::Status status;
  std::thread client([&] { status = CallCheck(channel); });
  ASSERT_TRUE(service.entered().WaitForNotificationWithTimeout(absl::Seconds(10)));

  // The call finishes on its own a little later, while shutdown is waiting.
  std::thread releaser([&] {
    absl::SleepFor(absl::Milliseconds(200));
    service.release().Notify();
  });
  EXPECT_TRUE(tracker.WaitUntilIdle(absl::Now() + absl::Seconds(5)));
  // With the call already done, a zero grace cancels nothing.
  (*server)->Shutdown(std::chrono::system_clock::now());
  (*server)->Wait();
  releaser.join();
  client.join();
  EXPECT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
}

TEST(GrpcServerTest, NoTrackerStillServes) {
  plugin::GrpcRuntime runtime;
  TempDir dir;
  const std::string socket = dir.path() + "/s.sock";
  BlockingHealth service;
  service.release().Notify();
  plugin::GrpcServerConfig config;
  config.listen_address = "unix:" + socket;
  config.services = {&service};
  auto server = plugin::StartGrpcServer(config);
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_TRUE(CallCheck(InsecureChannel(socket)).ok());
  (*server)->Shutdown(std::chrono::system_clock::now());
  (*server)->Wait();
}

}  // namespace
}  // namespace orgiam::conformance
