// Who may talk to the sandbox: the sandbox token on admin routes (from --token
// or ORGIAM_SANDBOX_TOKEN), the Host check (no DNS rebinding), the Origin check
// on admin routes (no cross-site browser requests).

#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

constexpr const char* kAdminRoutes[][2] = {
    {"GET", "/_sandbox/health"},       {"GET", "/_sandbox/state"},
    {"GET", "/_sandbox/stats"},        {"DELETE", "/_sandbox/stats"},
    {"POST", "/_sandbox/stats/reset"}, {"GET", "/_sandbox/faults"},
    {"PUT", "/_sandbox/faults"},       {"DELETE", "/_sandbox/faults"},
    {"GET", "/_sandbox/clock"},        {"POST", "/_sandbox/clock"},
    {"POST", "/_sandbox/reset"},       {"POST", "/_sandbox/accept/x"},
};

void ExpectGuardError(const Reply& reply, int status) {
  EXPECT_EQ(reply.status, status) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json");
  EXPECT_EQ(reply.json["status"], status) << reply.body;
  EXPECT_TRUE(reply.json["error"].is_string()) << reply.body;
}

class RequestGuardTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(sandbox_.started()); }

  std::string Authority(const std::string& host) {
    return host + ":" + std::to_string(sandbox_.port());
  }

  SandboxServer sandbox_;
};

TEST_F(RequestGuardTest, AdminRoutesNeedTheSandboxToken) {
  sandbox_.Call("POST", "/v1/users", {{"username", "kept"}});
  for (const auto& [method, path] : kAdminRoutes) {
    for (const std::string& token : {std::string(), std::string("wrong")}) {
      const Reply reply = sandbox_.Admin(method, path, nullptr, token);
      ExpectGuardError(reply, 401);
      EXPECT_NE(reply.headers.find("WWW-Authenticate"), reply.headers.end()) << path;
    }
  }
  // Nothing was reset by the refused requests.
  EXPECT_EQ(sandbox_.State()["motherduck"]["users"].size(), 1u);
  EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/health").json, Json({{"ok", true}}));
}

TEST(RequestGuardTokenTest, CustomTokenAppliesToAdminRoutes) {
  SandboxServer sandbox({"--token", "s3cret"});
  ASSERT_TRUE(sandbox.started());
  EXPECT_EQ(sandbox.Admin("GET", "/_sandbox/state", nullptr, "s3cret").status, 200);
  ExpectGuardError(sandbox.Admin("GET", "/_sandbox/state"), 401);  // the default token
}

TEST(RequestGuardTokenTest, TokenFromTheEnvironment) {
  ASSERT_EQ(::setenv("ORGIAM_SANDBOX_TOKEN", "from-env", 1), 0);
  {
    SandboxServer sandbox;
    ASSERT_TRUE(sandbox.started());
    EXPECT_EQ(sandbox.CallWithToken("from-env", "GET", "/v2/users", "").status, 200);
    EXPECT_EQ(sandbox.CallWithToken(kToken, "GET", "/v2/users", "").status, 401);
    EXPECT_EQ(sandbox.Admin("GET", "/_sandbox/health", nullptr, "from-env").status, 200);
  }
  {
    // --token wins over the environment.
    SandboxServer sandbox({"--token", "from-flag"});
    ASSERT_TRUE(sandbox.started());
    EXPECT_EQ(sandbox.CallWithToken("from-flag", "GET", "/v2/users", "").status, 200);
    EXPECT_EQ(sandbox.CallWithToken("from-env", "GET", "/v2/users", "").status, 401);
  }
  // An empty variable counts as unset.
  ASSERT_EQ(::setenv("ORGIAM_SANDBOX_TOKEN", "", 1), 0);
  {
    SandboxServer sandbox;
    ASSERT_TRUE(sandbox.started());
    EXPECT_EQ(sandbox.Call("GET", "/v2/users").status, 200);
  }
  ::unsetenv("ORGIAM_SANDBOX_TOKEN");
  std::string usage;
  EXPECT_EQ(RunSandboxToExit({"--help"}, &usage), 0);
  EXPECT_NE(usage.find("ORGIAM_SANDBOX_TOKEN"), std::string::npos) << usage;
}

TEST_F(RequestGuardTest, HostMustBeTheBoundAddress) {
  for (const char* host : {"127.0.0.1", "localhost", "LOCALHOST", "[::1]"}) {
    EXPECT_EQ(sandbox_
                  .Raw("GET", "/v2/users",
                       {{"Host", Authority(host)}, {"Authorization", "Bearer sandbox-token"}})
                  .status,
              200)
        << host;
  }
  const std::string wrong_port = "127.0.0.1:" + std::to_string(sandbox_.port() == 1 ? 2 : 1);
  for (const std::string& host : {Authority("evil.example"), Authority("127.0.0.2"), wrong_port,
                                  std::string("127.0.0.1"), std::string("localhost")}) {
    for (const auto& [method, path] :
         {std::pair{"GET", "/v2/users"}, std::pair{"POST", "/management/v1/users/machine"},
          std::pair{"GET", "/_sandbox/state"}, std::pair{"GET", "/nowhere"},
          std::pair{"GET", "/management/v1/nonexistent"}}) {
      ExpectGuardError(
          sandbox_.Raw(method, path, {{"Host", host}, {"Authorization", "Bearer sandbox-token"}},
                       method == std::string("POST") ? "{}" : ""),
          421);
    }
  }
  // No Host at all (HTTP/1.0 allows leaving it out).
  const std::string answer = sandbox_.SendRaw(
      "GET /_sandbox/health HTTP/1.0\r\nAuthorization: Bearer sandbox-token\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 421 ")) << answer;
  // Misdirected requests did nothing and are not counted.
  EXPECT_TRUE(sandbox_.State()["zitadel"]["users"].empty());
  EXPECT_TRUE(sandbox_.Stats()["requests"].contains("GET /v2/users"));
  EXPECT_EQ(sandbox_.Stats()["requests"]["GET /v2/users"], 4);
}

TEST_F(RequestGuardTest, AdminRoutesRefuseOtherOrigins) {
  for (const std::string& origin :
       {std::string("http://evil.example"), "https://" + Authority("127.0.0.1"),
        "http://" + Authority("evil.example"), std::string("null")}) {
    ExpectGuardError(sandbox_.Raw("POST", "/_sandbox/reset",
                                  {{"Origin", origin}, {"Authorization", "Bearer sandbox-token"}}),
                     403);
  }
  for (const char* host : {"127.0.0.1", "localhost", "[::1]"}) {
    EXPECT_EQ(sandbox_
                  .Raw("GET", "/_sandbox/health",
                       {{"Origin", "http://" + Authority(host)},
                        {"Authorization", "Bearer sandbox-token"}})
                  .status,
              200)
        << host;
  }
  // Vendor routes are not browser-facing admin routes: an Origin is ignored
  // there (the bearer token is what they check).
  EXPECT_EQ(sandbox_
                .Raw("GET", "/v2/users",
                     {{"Origin", "http://evil.example"}, {"Authorization", "Bearer sandbox-token"}})
                .status,
            200);
}

TEST_F(RequestGuardTest, PostPutAndPatchWithoutABody) {
  // No Content-Length, no Transfer-Encoding: an empty body, answered at once
  // (not a 400 after a read timeout).
  const std::string host = "Host: " + Authority("127.0.0.1") + "\r\n";
  const std::string auth = "Authorization: Bearer sandbox-token\r\n";
  std::string answer = sandbox_.SendRaw("POST /_sandbox/reset HTTP/1.1\r\n" + host + auth +
                                        "Connection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 ")) << answer;
  const std::string id =
      sandbox_
          .Call("POST", "/management/v1/users/machine", {{"userName", "bare"}, {"name", "Bare"}})
          .json["userId"];
  answer = sandbox_.SendRaw("PUT /management/v1/users/" + id + "/secret HTTP/1.1\r\n" + host +
                            auth + "Connection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 ")) << answer;
  EXPECT_NE(answer.find("clientSecret"), std::string::npos) << answer;
  const std::string user =
      sandbox_
          .Call("POST", "/v2/users",
                {{"email", "p@example.com"}, {"name", "p"}, {"password", "correct-horse-1"}})
          .json["user"]["id"];
  answer = sandbox_.SendRaw("PATCH /v2/users/" + user + " HTTP/1.1\r\n" + host + auth +
                            "Connection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 204 ")) << answer;
  // A body that is framed is still read, chunked included.
  answer = sandbox_.SendRaw("POST /v1/users HTTP/1.1\r\n" + host + auth +
                            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            "14\r\n{\"username\":\"chunk\"}\r\n0\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 ")) << answer;
  EXPECT_EQ(sandbox_.State()["motherduck"]["users"][0]["username"], "chunk");
}

}  // namespace
}  // namespace orgiam::sandbox::testing
