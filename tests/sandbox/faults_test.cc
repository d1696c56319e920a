// Fault injection: rate limit (429 + Retry-After), injected 5xx, dropped
// connections after the request was carried out, added latency.

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

class FaultsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(sandbox_.started()); }

  void SetFaults(const Json& faults) {
    const Reply reply = sandbox_.Admin("PUT", "/_sandbox/faults", faults);
    ASSERT_EQ(reply.status, 200) << reply.body;
  }

  SandboxServer sandbox_;
};

TEST_F(FaultsTest, DefaultsAreOffAndPutIsPartial) {
  EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/faults").json, Json({{"rate_limit_per_s", 0.0},
                                                                  {"error_rate", 0.0},
                                                                  {"drop_after_commit_rate", 0.0},
                                                                  {"latency_ms", 0}}));
  SetFaults({{"error_rate", 0.25}});
  SetFaults({{"latency_ms", 5}});
  const Json now = sandbox_.Admin("GET", "/_sandbox/faults").json;
  EXPECT_EQ(now["error_rate"], 0.25);
  EXPECT_EQ(now["latency_ms"], 5);
  EXPECT_EQ(sandbox_.Admin("PUT", "/_sandbox/faults", {{"error_rate", 2}}).status, 400);
  EXPECT_EQ(sandbox_.Admin("PUT", "/_sandbox/faults", {{"bogus", 1}}).status, 400);
  EXPECT_EQ(sandbox_.Admin("PUT", "/_sandbox/faults", {{"latency_ms", "x"}}).status, 400);
  EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/faults").json,
            now);  // nothing applied
  EXPECT_EQ(sandbox_.Admin("DELETE", "/_sandbox/faults").json["error_rate"], 0.0);
}

TEST_F(FaultsTest, RateLimitAnswers429WithRetryAfterAndTheVendorBody) {
  SetFaults({{"rate_limit_per_s", 2}});
  int limited = 0;
  Reply last;
  for (int i = 0; i < 6; ++i) {
    const Reply reply = sandbox_.Call("GET", "/v2/users");
    if (reply.status == 429) {
      ++limited;
      last = reply;
    } else {
      EXPECT_EQ(reply.status, 200);
    }
  }
  ASSERT_GE(limited, 3);
  EXPECT_EQ(last.json, Json({{"error", "rate limit exceeded"}, {"status", 429}}));
  const std::string retry_after =
      httplib::detail::get_header_value(last.headers, "Retry-After", 0, "");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_GE(std::stoi(retry_after), 1);

  // Each vendor answers in its own shape (and has its own bucket).
  const Reply zitadel = [&] {
    Reply r;
    for (int i = 0; i < 5; ++i) r = sandbox_.Call("GET", "/management/v1/users/1");
    return r;
  }();
  EXPECT_EQ(zitadel.status, 429);
  EXPECT_EQ(zitadel.json["code"], 8);
  const Reply motherduck = [&] {
    Reply r;
    for (int i = 0; i < 5; ++i) r = sandbox_.Call("GET", "/v1/users/x/tokens");
    return r;
  }();
  EXPECT_EQ(motherduck.status, 429);
  EXPECT_EQ(motherduck.json["code"], "TOO_MANY_REQUESTS");

  // Admin endpoints are never limited.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/state").status, 200);

  // Waiting as told lets requests through again.
  std::this_thread::sleep_for(std::chrono::seconds(std::stoi(retry_after)));
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users").status, 200);
  EXPECT_GE(sandbox_.Stats()["status"]["429"].get<int>(), limited + 2);
}

TEST_F(FaultsTest, ErrorRateOneFailsEverythingWithoutSideEffects) {
  SetFaults({{"error_rate", 1.0}});
  for (int i = 0; i < 10; ++i) {
    const Reply reply = sandbox_.Call("POST", "/v2/users",
                                      {{"email", "e" + std::to_string(i) + "@example.com"},
                                       {"name", "e"},
                                       {"service_user", true}});
    EXPECT_TRUE(reply.status == 500 || reply.status == 502 || reply.status == 503) << reply.status;
    EXPECT_EQ(reply.json["status"], reply.status);
  }
  const Reply zitadel =
      sandbox_.Call("POST", "/management/v1/users/machine", {{"userName", "u"}, {"name", "n"}});
  EXPECT_GE(zitadel.status, 500);
  EXPECT_TRUE(zitadel.json["code"].is_number());
  const Reply motherduck = sandbox_.Call("POST", "/v1/users", {{"username", "u"}});
  EXPECT_GE(motherduck.status, 500);
  EXPECT_EQ(motherduck.json["code"], "INTERNAL_SERVER_ERROR");

  const Json state = sandbox_.State();
  EXPECT_TRUE(state["vultr"]["users"].empty());
  EXPECT_TRUE(state["zitadel"]["users"].empty());
  EXPECT_TRUE(state["motherduck"]["users"].empty());
  EXPECT_EQ(sandbox_.Stats()["faults_injected"], 12);
}

TEST_F(FaultsTest, DropAfterCommitLosesTheAnswerButKeepsTheObject) {
  SetFaults({{"drop_after_commit_rate", 1.0}});
  const Reply reply =
      sandbox_.Call("POST", "/v2/users",
                    {{"email", "dropped@example.com"}, {"name", "d"}, {"service_user", true}});
  EXPECT_EQ(reply.status, 0) << "expected a connection error, got " << reply.status << " "
                             << reply.body;
  const Reply zitadel = sandbox_.Call("POST", "/management/v1/users/machine",
                                      {{"userName", "dropped"}, {"name", "n"}});
  EXPECT_EQ(zitadel.status, 0);
  const Reply motherduck = sandbox_.Call("POST", "/v1/users", {{"username", "dropped"}});
  EXPECT_EQ(motherduck.status, 0);

  const Json state = sandbox_.State();
  ASSERT_EQ(state["vultr"]["users"].size(), 1u);
  EXPECT_EQ(state["vultr"]["users"][0]["email"], "dropped@example.com");
  EXPECT_FALSE(state["vultr"]["users"][0]["api_key"].get<std::string>().empty());
  EXPECT_EQ(state["zitadel"]["users"].size(), 1u);
  EXPECT_EQ(state["motherduck"]["users"].size(), 1u);
  const Json stats = sandbox_.Stats();
  EXPECT_EQ(stats["faults_injected"], 3);
  EXPECT_EQ(stats["status"]["201"], 1);  // carried out

  // The server is still healthy, and a retry now sees the duplicate.
  SetFaults({{"drop_after_commit_rate", 0.0}});
  const Reply retry =
      sandbox_.Call("POST", "/v2/users",
                    {{"email", "dropped@example.com"}, {"name", "d"}, {"service_user", true}});
  EXPECT_EQ(retry.status, 400);
  EXPECT_EQ(retry.json["error"], "A user with that email already exists.");
}

TEST_F(FaultsTest, DroppedGetsAndDeletesToo) {
  const Reply created = sandbox_.Call(
      "POST", "/v2/users", {{"email", "del@example.com"}, {"name", "d"}, {"service_user", true}});
  const std::string id = created.json["user"]["id"];
  SetFaults({{"drop_after_commit_rate", 1.0}});
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users/" + id).status, 0);
  EXPECT_EQ(sandbox_.Call("DELETE", "/v2/users/" + id).status, 0);
  EXPECT_TRUE(sandbox_.State()["vultr"]["users"].empty());
}

TEST_F(FaultsTest, LatencyIsAdded) {
  SetFaults({{"latency_ms", 300}});
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users").status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(300));
  // Admin calls are not slowed down.
  const auto admin_start = std::chrono::steady_clock::now();
  sandbox_.Admin("GET", "/_sandbox/state");
  EXPECT_LT(std::chrono::steady_clock::now() - admin_start, std::chrono::milliseconds(250));
}

}  // namespace
}  // namespace orgiam::sandbox::testing
