// Client against the real orgiam-sandbox with its fault injection.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "http/client.h"
#include "http/json_body.h"
#include "nlohmann/json.hpp"
#include "sandbox_server.h"

namespace orgiam::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

class SandboxClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::SandboxServer::BinaryPath().empty()) {
      FAIL() << "orgiam-sandbox is not built (" << ORGIAM_SANDBOX_BINARY << ")";
    }
    sandbox_ = std::make_unique<testing::SandboxServer>();
    ASSERT_FALSE(sandbox_->url().empty()) << "orgiam-sandbox did not start";
  }

  ClientOptions Options() const {
    ClientOptions options;
    options.vendor = "vultr";
    options.base_url = sandbox_->url();
    options.bearer_token = "sandbox-token";
    options.max_retries = 10;
    options.initial_backoff = milliseconds(5);
    options.max_backoff = milliseconds(3000);
    options.request_timeout = milliseconds(5000);
    return options;
  }

  int StatusCount(const std::string& status) {
    const nlohmann::json stats = sandbox_->Stats();
    if (!stats.is_object() || !stats.contains("status")) return -1;
    const auto& counts = stats.value("status", nlohmann::json::object());
    return counts.value(status, 0);
  }

  std::unique_ptr<testing::SandboxServer> sandbox_;
};

Request ListUsers() { return Request{.method = "GET", .path = "/v2/users?per_page=500"}; }

TEST_F(SandboxClientTest, RateLimited429sAreRetriedAfterRetryAfter) {
  ASSERT_TRUE(sandbox_->SetFaults({{"rate_limit_per_s", 5}}));
  Client client(Options());
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 3; ++i) {
        auto response = client.Send(ListUsers());
        ok += response.ok() && response->status == 200;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok, 12);
  EXPECT_GT(StatusCount("429"), 0);
}

TEST_F(SandboxClientTest, TheClientSideLimiterKeepsUnderTheServerLimit) {
  ASSERT_TRUE(sandbox_->SetFaults({{"rate_limit_per_s", 10}}));
  ClientOptions options = Options();
  options.rate_limit_per_s = 8;
  Client client(options);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        auto response = client.Send(ListUsers());
        ok += response.ok() && response->status == 200;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok, 20);
  EXPECT_EQ(StatusCount("429"), 0);
}

// Three 5xx answers in a row, injected exactly (a random error rate let all eleven attempts of
// one read fail now and then): the first read is retried through them, the rest pass.
TEST_F(SandboxClientTest, ServerErrorsOnReadsAreRetried) {
  ASSERT_TRUE(sandbox_->SetFaults(
      {{"script",
        {{{"route", "GET /v2/users"}, {"action", "error"}, {"status", 503}, {"count", 3}}}}}));
  Client client(Options());
  for (int i = 0; i < 10; ++i) {
    auto response = client.Send(ListUsers());
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ(response->status, 200);
  }
  EXPECT_EQ(sandbox_->Stats().value("faults_injected", 0), 3);
}

TEST_F(SandboxClientTest, CreateNeverDuplicatesWhenAnswersAreLostAfterCommit) {
  ASSERT_TRUE(sandbox_->SetFaults({{"drop_after_commit_rate", 0.5}}));
  Client client(Options());
  constexpr int kUsers = 6;
  int found_by_lookup = 0;
  for (int i = 0; i < kUsers; ++i) {
    const std::string email = "robot" + std::to_string(i) + "@example.com";
    const nlohmann::json body = {{"email", email},
                                 {"name", "Robot " + std::to_string(i)},
                                 {"password", "correct-horse-battery"},
                                 {"api_enabled", true}};
    auto find = [&]() -> absl::StatusOr<std::vector<ExistingObject>> {
      auto listed = client.Send(ListUsers());
      if (!listed.ok()) return listed.status();
      auto parsed = ParseJsonBody(*listed, "vultr GET /v2/users");
      if (!parsed.ok()) return parsed.status();
      std::vector<ExistingObject> found;
      for (const auto& user : parsed->value("users", nlohmann::json::array())) {
        if (user.value("email", "") == email) {
          found.push_back({.id = user.value("id", ""), .label = email});
        }
      }
      return found;
    };
    auto created = client.Create(CreateSpec{
        .post = {.method = "POST", .path = "/v2/users", .body = body.dump()}, .find = find});
    ASSERT_TRUE(created.ok()) << created.status();
    if (created->response.has_value()) {
      EXPECT_EQ(created->response->status / 100, 2) << created->response->body;
      auto parsed = ParseJsonBody(*created->response);
      ASSERT_TRUE(parsed.ok());
      EXPECT_EQ((*parsed)["user"]["email"], email);
    } else {
      ASSERT_EQ(created->recovered.size(), 1u);
      ++found_by_lookup;
    }
  }
  const nlohmann::json users = sandbox_->State()["vultr"]["users"];
  ASSERT_EQ(users.size(), static_cast<size_t>(kUsers)) << users.dump();
  std::set<std::string> emails;
  for (const auto& user : users) emails.insert(user.value("email", ""));
  EXPECT_EQ(emails.size(), static_cast<size_t>(kUsers));
  // Each create was sent exactly once: lost answers were recovered by the
  // lookup.
  EXPECT_EQ(sandbox_->Stats()["requests"].value("POST /v2/users", 0), kUsers);
  std::printf("creates recovered by lookup: %d of %d\n", found_by_lookup, kUsers);
}

TEST_F(SandboxClientTest, CancelAllInterruptsASlowServer) {
  ASSERT_TRUE(sandbox_->SetFaults({{"latency_ms", 1000}}));
  Client client(Options());
  absl::Status status;
  steady_clock::time_point returned;
  std::thread caller([&] {
    status = client.Send(ListUsers()).status();
    returned = steady_clock::now();
  });
  std::this_thread::sleep_for(milliseconds(300));
  const auto cancelled_at = steady_clock::now();
  client.CancelAll();
  caller.join();
  EXPECT_EQ(status.code(), absl::StatusCode::kCancelled) << status;
  EXPECT_LT(std::chrono::duration<double>(returned - cancelled_at).count(), 0.2);
}

TEST_F(SandboxClientTest, RequestTimeoutAppliesToSlowAnswers) {
  ASSERT_TRUE(sandbox_->SetFaults({{"latency_ms", 700}}));
  ClientOptions options = Options();
  options.request_timeout = milliseconds(200);
  options.max_retries = 0;
  Client client(options);
  const auto start = steady_clock::now();
  auto response = client.Send(ListUsers());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded) << response.status();
  EXPECT_LT(std::chrono::duration<double>(steady_clock::now() - start).count(), 0.6);
}

TEST_F(SandboxClientTest, AWrongTokenIsAnAnswerNotARetry) {
  ClientOptions options = Options();
  options.bearer_token = "not-the-token";
  Client client(options);
  auto response = client.Send(ListUsers());
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 401);
  EXPECT_EQ(sandbox_->Stats()["requests"].value("GET /v2/users", 0), 1);
}

}  // namespace
}  // namespace orgiam::http
