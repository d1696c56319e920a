// Admin endpoints: state, stats (route templates), clock, reset; process
// behaviour.

#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

TEST(SandboxProcessTest, PrintsUrlFirstAndExitsCleanlyOnSignals) {
  for (int signal_number : {SIGTERM, SIGINT}) {
    SandboxServer sandbox;
    ASSERT_TRUE(sandbox.started());
    EXPECT_TRUE(sandbox.url().starts_with("http://127.0.0.1:")) << sandbox.url();
    EXPECT_EQ(sandbox.Admin("GET", "/_sandbox/health").status, 200);
    EXPECT_EQ(sandbox.Stop(signal_number), 0);
  }
}

TEST(SandboxProcessTest, BadFlags) {
  std::string output;
  EXPECT_EQ(RunSandboxToExit({"--bogus"}, &output), 2);
  EXPECT_NE(output.find("usage"), std::string::npos);
  output.clear();
  EXPECT_EQ(RunSandboxToExit({"--port", "x"}, &output), 2);
  output.clear();
  EXPECT_EQ(RunSandboxToExit({"--token="}, &output), 2);
  output.clear();
  EXPECT_EQ(RunSandboxToExit({"--help"}, &output), 0);
}

TEST(SandboxProcessTest, CustomToken) {
  SandboxServer sandbox({"--token", "s3cret"});
  ASSERT_TRUE(sandbox.started());
  EXPECT_EQ(sandbox.CallWithToken("s3cret", "GET", "/v2/users", "").status, 200);
  EXPECT_EQ(sandbox.CallWithToken(kToken, "GET", "/v2/users", "").status, 401);
}

class AdminTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(sandbox_.started()); }
  SandboxServer sandbox_;
};

TEST_F(AdminTest, EmptyStateShape) {
  EXPECT_EQ(sandbox_.State(), Json::parse(R"({"vultr":{"users":[],"invitations":[],"api_keys":[]},
                            "zitadel":{"users":[],"pats":[]},"motherduck":{"users":[],"tokens":[]}})"));
}

TEST_F(AdminTest, StatsCountRouteTemplatesAndStatuses) {
  const Reply created = sandbox_.Call("POST", "/v2/users",
                                      {{"email", "s@example.com"},
                                       {"name", "s"},
                                       {"service_user", true},
                                       {"password", "correct-horse-1"}});
  const std::string id = created.json["user"]["id"];
  sandbox_.Call("GET", "/v2/users/" + id);
  sandbox_.Call("GET", "/v2/users/" + id);
  sandbox_.Call("GET", "/v2/users/missing");
  sandbox_.CallWithToken("bad", "GET", "/v2/users", "");
  sandbox_.Call("GET", "/nowhere");
  sandbox_.Admin("GET", "/_sandbox/state");  // not counted

  const Json stats = sandbox_.Stats();
  EXPECT_EQ(stats["requests"], Json({{"POST /v2/users", 1},
                                     {"GET /v2/users/{id}", 3},
                                     {"GET /v2/users", 1},
                                     {"GET (unmatched)", 1}}));
  EXPECT_EQ(stats["status"]["201"], 1);
  EXPECT_EQ(stats["status"]["200"], 2);
  EXPECT_EQ(stats["status"]["404"], 2);
  EXPECT_EQ(stats["status"]["401"], 1);
  EXPECT_EQ(stats["status"]["429"], 0);  // always present
  EXPECT_EQ(stats["faults_injected"], 0);

  for (const auto& [method, path] :
       {std::pair{"DELETE", "/_sandbox/stats"}, std::pair{"POST", "/_sandbox/stats/reset"}}) {
    sandbox_.Call("GET", "/v2/users");
    const Reply reset = sandbox_.Admin(method, path);
    EXPECT_EQ(reset.status, 200);
    const Json after = sandbox_.Stats();
    EXPECT_TRUE(after["requests"].empty());
    EXPECT_EQ(after["status"]["200"], 0);
  }
}

TEST_F(AdminTest, ClockMovesAndCanBeSet) {
  const Json before = sandbox_.Admin("GET", "/_sandbox/clock").json;
  EXPECT_EQ(before["offset_s"], 0);
  const Reply moved = sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", 86400}});
  ASSERT_EQ(moved.status, 200);
  EXPECT_EQ(moved.json["offset_s"], 86400);
  EXPECT_NEAR(moved.json["now_unix"].get<double>(), before["now_unix"].get<double>() + 86400, 5);
  EXPECT_EQ(sandbox_.Admin("POST", "/_sandbox/clock", {{"offset_s", 0}}).json["offset_s"], 0);
  EXPECT_EQ(sandbox_.Admin("POST", "/_sandbox/clock", Json::object()).status, 400);
  EXPECT_EQ(sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", "soon"}}).status, 400);
}

TEST_F(AdminTest, ResetClearsEveryObject) {
  sandbox_.Call("POST", "/v2/users",
                {{"email", "r@example.com"},
                 {"name", "r"},
                 {"service_user", true},
                 {"password", "correct-horse-1"}});
  sandbox_.Call("POST", "/v2/invitation", {{"email_invited", "i@example.com"}});
  const Reply machine =
      sandbox_.Call("POST", "/management/v1/users/machine", {{"userName", "m"}, {"name", "m"}});
  ASSERT_EQ(sandbox_
                .Call("POST", "/management/v1/users/" + machine.json.value("userId", "") + "/pats",
                      Json::object())
                .status,
            200);
  sandbox_.Call("POST", "/v1/users", {{"username", "md"}});
  ASSERT_EQ(sandbox_.Admin("POST", "/_sandbox/reset").status, 200);
  EXPECT_EQ(sandbox_.State(), Json::parse(R"({"vultr":{"users":[],"invitations":[],"api_keys":[]},
                            "zitadel":{"users":[],"pats":[]},"motherduck":{"users":[],"tokens":[]}})"));
}

TEST_F(AdminTest, ConcurrentCreatesAreAllKept) {
  constexpr int kThreads = 8;
  constexpr int kEach = 15;
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string email =
            "c" + std::to_string(t) + "-" + std::to_string(i) + "@example.com";
        if (sandbox_
                .Call("POST", "/v2/users",
                      {{"email", email},
                       {"name", "c"},
                       {"service_user", true},
                       {"password", "correct-horse-1"}})
                .status == 201) {
          ++created;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(created.load(), kThreads * kEach);
  const Json users = sandbox_.State()["vultr"]["users"];
  EXPECT_EQ(users.size(), static_cast<size_t>(kThreads * kEach));
  std::set<std::string> ids;
  for (const Json& user : users) ids.insert(user["id"].get<std::string>());
  EXPECT_EQ(ids.size(), users.size());
  EXPECT_EQ(sandbox_.Stats()["requests"]["POST /v2/users"], kThreads * kEach);
}

TEST_F(AdminTest, GarbageNeverCrashesTheServer) {
  const std::vector<std::string> bodies = {
      "",
      "null",
      "[]",
      "\"str\"",
      "123",
      "{",
      "{\"email\":",
      std::string(5000, '['),
      "{\"email\":[],\"name\":{},\"password\":1,\"acls\":[1,2],\"api_enabled\":"
      "\"x\"}",
      "{\"username\":\"\\ud800\"}",
      std::string("\xff\xfe\x00\x01", 4),
      "{\"userName\":\"a\",\"name\":\"b\",\"description\":null,"
      "\"accessTokenType\":2.5}",
      "{\"queries\":[{}],\"query\":{\"limit\":-1}}",
      "{\"config\":{\"read_write\":[]}}",
      "{\"name\":\"x\",\"ttl\":1e308}",
      "{\"permissions\":[1]}"};
  const std::vector<std::pair<std::string, std::string>> routes = {
      {"POST", "/v2/users"},
      {"PATCH", "/v2/users/x"},
      {"POST", "/v2/users/x/apikeys"},
      {"POST", "/v2/invitation"},
      {"POST", "/management/v1/users/machine"},
      {"POST", "/management/v1/users/_search"},
      {"PUT", "/management/v1/users/1/machine"},
      {"PUT", "/management/v1/users/1/username"},
      {"POST", "/v1/users"},
      {"PUT", "/v1/users/x/instances"},
      {"POST", "/v1/users/x/tokens"},
      {"PUT", "/_sandbox/faults"},
      {"POST", "/_sandbox/clock"}};
  sandbox_.Call("POST", "/v1/users", {{"username", "x"}});
  for (const auto& [method, path] : routes) {
    for (const std::string& body : bodies) {
      const Reply reply = path.starts_with("/_sandbox")
                              ? sandbox_.CallWithToken("", method, path, body)
                              : sandbox_.CallWithToken(kToken, method, path, body);
      ASSERT_NE(reply.status, 0) << method << " " << path << " " << body;
      EXPECT_LT(reply.status, 500) << method << " " << path << " " << body << " -> " << reply.body;
    }
  }
  // Odd paths: percent-encoded bytes, invalid UTF-8.
  EXPECT_EQ(sandbox_.Call("GET", "/v1/users/%FF%FE/tokens").status, 404);
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users/%00").status, 404);
  EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/health").status, 200);
}

}  // namespace
}  // namespace orgiam::sandbox::testing
