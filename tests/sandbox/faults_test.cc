// Fault injection: rate limit (429 + Retry-After), injected 5xx, dropped
// connections after the request was carried out, added latency, and the
// scripted (deterministic) faults.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

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

  void SetScript(const Json& script) { SetFaults({{"script", script}}); }
  Json Script() { return sandbox_.Admin("GET", "/_sandbox/faults").json["script"]; }

  Reply CreateVultrUser(const std::string& email) {
    return sandbox_.Call(
        "POST", "/v2/users",
        {{"email", email}, {"name", "n"}, {"service_user", true}, {"password", "correct-horse-1"}});
  }

  SandboxServer sandbox_;
};

using Clock = std::chrono::steady_clock;

TEST_F(FaultsTest, DefaultsAreOffAndPutIsPartial) {
  EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/faults").json, Json({{"rate_limit_per_s", 0.0},
                                                                  {"error_rate", 0.0},
                                                                  {"drop_after_commit_rate", 0.0},
                                                                  {"latency_ms", 0},
                                                                  {"script", Json::array()}}));
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
                                       {"service_user", true},
                                       {"password", "correct-horse-1"}});
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
  const Reply reply = sandbox_.Call("POST", "/v2/users",
                                    {{"email", "dropped@example.com"},
                                     {"name", "d"},
                                     {"service_user", true},
                                     {"password", "correct-horse-1"}});
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
  const Reply retry = sandbox_.Call("POST", "/v2/users",
                                    {{"email", "dropped@example.com"},
                                     {"name", "d"},
                                     {"service_user", true},
                                     {"password", "correct-horse-1"}});
  EXPECT_EQ(retry.status, 400);
  EXPECT_EQ(retry.json["error"], "A user with that email already exists.");
}

TEST_F(FaultsTest, DroppedGetsAndDeletesToo) {
  const Reply created = sandbox_.Call("POST", "/v2/users",
                                      {{"email", "del@example.com"},
                                       {"name", "d"},
                                       {"service_user", true},
                                       {"password", "correct-horse-1"}});
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

TEST_F(FaultsTest, ScriptIsShownWithItsDefaultsAndLeavesTheRatesAlone) {
  SetFaults({{"error_rate", 0.25}});
  SetScript({{{"route", "POST /v2/users"}, {"action", "error"}},
             {{"route", "GET /v2/users/{id}"}, {"action", "hold"}, {"hold_ms", 300}},
             {{"route", "POST /v1/users/{username}/tokens"}, {"action", "drop_after_commit"}},
             {{"route", "GET /v2/users"}, {"action", "body"}, {"body", "{}"}, {"count", 0}}});
  const Json faults = sandbox_.Admin("GET", "/_sandbox/faults").json;
  EXPECT_EQ(faults["error_rate"], 0.25);
  EXPECT_EQ(faults["script"], Json::parse(R"([
        {"route":"POST /v2/users","action":"error","status":500,"skip":0,"count":1},
        {"route":"GET /v2/users/{id}","action":"hold","hold_ms":300,"skip":0,"count":1},
        {"route":"POST /v1/users/{username}/tokens","action":"drop_after_commit","skip":0,"count":1},
        {"route":"GET /v2/users","action":"body","status":200,"body":"{}","skip":0,"count":0}])"));
  // A PUT without "script" keeps it; the answer is the whole configuration.
  const Reply put = sandbox_.Admin("PUT", "/_sandbox/faults", {{"latency_ms", 0}});
  EXPECT_EQ(put.json["script"], faults["script"]);
  // An empty script clears it, and so does DELETE.
  SetScript(Json::array());
  EXPECT_EQ(Script(), Json::array());
  EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/faults").json["error_rate"], 0.25);
  SetScript({{{"route", "POST /v2/users"}, {"action", "error"}}});
  EXPECT_EQ(sandbox_.Admin("DELETE", "/_sandbox/faults").json["script"], Json::array());
  EXPECT_EQ(Script(), Json::array());
  EXPECT_EQ(CreateVultrUser("after-delete@example.com").status, 201);
}

TEST_F(FaultsTest, ScriptedErrorAnswersTheVendorBodyAndDoesNotCarryOut) {
  SetScript({{{"route", "POST /v2/users"}, {"action", "error"}, {"status", 503}},
             {{"route", "POST /management/v1/users/machine"}, {"action", "error"}},
             {{"route", "POST /v1/users"}, {"action", "error"}, {"status", 429}}});
  const Reply vultr = CreateVultrUser("error@example.com");
  EXPECT_EQ(vultr.status, 503);
  EXPECT_EQ(vultr.json, Json({{"error", "Service temporarily unavailable."}, {"status", 503}}));
  const Reply zitadel =
      sandbox_.Call("POST", "/management/v1/users/machine", {{"userName", "u"}, {"name", "n"}});
  EXPECT_EQ(zitadel.status, 500);
  EXPECT_EQ(zitadel.json["code"], 13);
  const Reply motherduck = sandbox_.Call("POST", "/v1/users", {{"username", "u"}});
  EXPECT_EQ(motherduck.status, 429);
  EXPECT_EQ(motherduck.json["code"], "TOO_MANY_REQUESTS");
  EXPECT_EQ(
      std::string(httplib::detail::get_header_value(motherduck.headers, "Retry-After", 0, "")),
      "1");

  Json state = sandbox_.State();
  EXPECT_TRUE(state["vultr"]["users"].empty());
  EXPECT_TRUE(state["zitadel"]["users"].empty());
  EXPECT_TRUE(state["motherduck"]["users"].empty());
  EXPECT_EQ(Script(), Json::array());  // each rule was used once

  // The next requests are served normally.
  EXPECT_EQ(CreateVultrUser("error@example.com").status, 201);
  EXPECT_EQ(sandbox_.Call("POST", "/v1/users", {{"username", "u"}}).status, 200);
  state = sandbox_.State();
  EXPECT_EQ(state["vultr"]["users"].size(), 1u);
  EXPECT_EQ(state["motherduck"]["users"].size(), 1u);
  const Json stats = sandbox_.Stats();
  EXPECT_EQ(stats["faults_injected"], 3);
  EXPECT_EQ(stats["requests"]["POST /v2/users"], 2);
  EXPECT_EQ(stats["status"]["503"], 1);
}

TEST_F(FaultsTest, ScriptedDropAfterCommitCarriesOutThenLosesTheAnswer) {
  SetScript({{{"route", "POST /v2/users"}, {"action", "drop_after_commit"}}});
  const Reply dropped = CreateVultrUser("drop@example.com");
  EXPECT_EQ(dropped.status, 0) << dropped.status << " " << dropped.body;
  const Json state = sandbox_.State();
  ASSERT_EQ(state["vultr"]["users"].size(), 1u);
  EXPECT_EQ(state["vultr"]["users"][0]["email"], "drop@example.com");
  // Only one request was dropped: the retry answers, and sees the duplicate.
  const Reply retry = CreateVultrUser("drop@example.com");
  EXPECT_EQ(retry.status, 400);
  EXPECT_EQ(retry.json["error"], "A user with that email already exists.");
  const Json stats = sandbox_.Stats();
  EXPECT_EQ(stats["faults_injected"], 1);
  EXPECT_EQ(stats["status"]["201"], 1);
  EXPECT_EQ(stats["requests"]["POST /v2/users"], 2);
}

TEST_F(FaultsTest, ScriptedHoldCarriesOutThenAnswersLate) {
  SetScript(
      {{{"route", "POST /management/v1/users/machine"}, {"action", "hold"}, {"hold_ms", 300}}});
  const auto start = Clock::now();
  const Reply held =
      sandbox_.Call("POST", "/management/v1/users/machine", {{"userName", "held"}, {"name", "n"}});
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(300));
  EXPECT_EQ(held.status, 200);
  EXPECT_TRUE(held.json["userId"].is_string());
  const Json state = sandbox_.State();
  ASSERT_EQ(state["zitadel"]["users"].size(), 1u);
  EXPECT_EQ(state["zitadel"]["users"][0]["userName"], "held");
  EXPECT_EQ(Script(), Json::array());
  EXPECT_EQ(sandbox_.Stats()["faults_injected"], 1);
}

TEST_F(FaultsTest, HeldRequestDoesNotBlockOthersNorShutdown) {
  SetScript({{{"route", "POST /v1/users"}, {"action", "hold"}, {"hold_ms", 600000}}});
  std::thread held([this] { sandbox_.Call("POST", "/v1/users", {{"username", "held"}}); });
  // The hold starts once the user is created.
  bool created = false;
  for (int i = 0; i < 500 && !created; ++i) {
    created = !sandbox_.State()["motherduck"]["users"].empty();
    if (!created) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(created);
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users").status, 200);
  const auto start = Clock::now();
  EXPECT_EQ(sandbox_.Stop(SIGTERM), 0);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
  held.join();
}

TEST_F(FaultsTest, ScriptedBodyReplacesTheAnswerAfterCarryingOut) {
  SetScript({{{"route", "POST /v2/users"},
              {"action", "body"},
              {"status", 202},
              {"body", "not json {fresh}"}}});
  const Reply reply = CreateVultrUser("body@example.com");
  EXPECT_EQ(reply.status, 202);
  EXPECT_EQ(reply.content_type, "application/json");
  EXPECT_TRUE(reply.body.starts_with("not json ")) << reply.body;
  EXPECT_EQ(reply.body.find("{fresh}"), std::string::npos);
  EXPECT_EQ(sandbox_.State()["vultr"]["users"].size(), 1u);
  const Json stats = sandbox_.Stats();
  EXPECT_EQ(stats["faults_injected"], 1);
  EXPECT_EQ(stats["status"]["202"], 1);
}

TEST_F(FaultsTest, ScriptedBodyWithFreshCursorPaginatesForever) {
  SetScript({{{"route", "GET /v2/users"},
              {"action", "body"},
              {"body", R"({"users":[],"meta":{"links":{"next":"{fresh}","prev":"{fresh}"}}})"},
              {"count", 0}}});
  std::set<std::string> cursors;
  std::string cursor;
  for (int i = 0; i < 5; ++i) {
    const Reply page = sandbox_.Call("GET", "/v2/users?per_page=1&cursor=" + cursor);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json["users"], Json::array());
    cursor = page.json["meta"]["links"]["next"].get<std::string>();
    const std::string prev = page.json["meta"]["links"]["prev"].get<std::string>();
    EXPECT_FALSE(cursor.empty());
    EXPECT_NE(cursor, "{fresh}");
    EXPECT_NE(cursor, prev);  // every occurrence gets its own token
    cursors.insert(cursor);
  }
  EXPECT_EQ(cursors.size(), 5u);
  EXPECT_EQ(Script()[0]["count"], 0);  // still there
  SetScript(Json::array());
  const Reply real = sandbox_.Call("GET", "/v2/users");
  EXPECT_EQ(real.json["meta"]["links"]["next"], "");
  EXPECT_EQ(sandbox_.Stats()["faults_injected"], 5);
}

TEST_F(FaultsTest, SkipAndCountPickTheRequestsAndTheFirstRuleWins) {
  SetScript({{{"route", "GET /v2/users"}, {"action", "error"}, {"skip", 2}, {"count", 2}},
             {{"route", "GET /v2/users"}, {"action", "error"}, {"status", 502}},
             {{"route", "GET /v2/invitation"}, {"action", "error"}, {"count", 0}}});
  std::vector<int> statuses;
  for (int i = 0; i < 3; ++i) statuses.push_back(sandbox_.Call("GET", "/v2/users").status);
  // After two skips and one use, the first rule has one use left.
  EXPECT_EQ(Script()[0], Json::parse(R"({"route":"GET /v2/users","action":"error",
                                          "status":500,"skip":0,"count":1})"));
  for (int i = 0; i < 3; ++i) statuses.push_back(sandbox_.Call("GET", "/v2/users").status);
  EXPECT_EQ(statuses, std::vector<int>({200, 200, 500, 500, 502, 200}));
  // Another route's rule is untouched; count 0 applies until the script changes.
  EXPECT_EQ(Script().size(), 1u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(sandbox_.Call("GET", "/v2/invitation").status, 500);
  SetScript(Json::array());
  EXPECT_EQ(sandbox_.Call("GET", "/v2/invitation").status, 200);
  const Json stats = sandbox_.Stats();
  EXPECT_EQ(stats["faults_injected"], 7);
  EXPECT_EQ(stats["requests"]["GET /v2/users"], 6);
  EXPECT_EQ(stats["requests"]["GET /v2/invitation"], 5);
}

TEST_F(FaultsTest, UnauthenticatedRequestsDoNotUseNonErrorRules) {
  SetScript({{{"route", "GET /v2/users"}, {"action", "body"}, {"body", "{\"scripted\":true}"}},
             {{"route", "GET /v1/users/{username}/tokens"}, {"action", "error"}}});
  const Reply denied = sandbox_.CallWithToken("wrong", "GET", "/v2/users", "");
  EXPECT_EQ(denied.status, 401);
  EXPECT_EQ(denied.json, Json({{"error", "Invalid API token."}, {"status", 401}}));
  EXPECT_EQ(Script().size(), 2u);
  const Reply scripted = sandbox_.Call("GET", "/v2/users");
  EXPECT_EQ(scripted.status, 200);
  EXPECT_EQ(scripted.body, "{\"scripted\":true}");
  // An error comes before authentication, as injected 5xx do.
  EXPECT_EQ(sandbox_.CallWithToken("", "GET", "/v1/users/x/tokens", "").status, 500);
  EXPECT_EQ(Script(), Json::array());
  EXPECT_EQ(sandbox_.Stats()["faults_injected"], 2);
}

TEST_F(FaultsTest, ScriptedRulesComeBeforeTheRandomFaults) {
  SetFaults({{"error_rate", 1.0},
             {"script", {{{"route", "POST /v2/users"}, {"action", "body"}, {"body", "{}"}}}}});
  const Reply scripted = CreateVultrUser("first@example.com");
  EXPECT_EQ(scripted.status, 200);
  EXPECT_EQ(scripted.body, "{}");
  EXPECT_GE(CreateVultrUser("second@example.com").status, 500);
  EXPECT_EQ(sandbox_.State()["vultr"]["users"].size(), 1u);
}

TEST_F(FaultsTest, InvalidScriptsAreRefusedAndChangeNothing) {
  SetFaults({{"error_rate", 0.5},
             {"script", {{{"route", "GET /v2/users"}, {"action", "error"}, {"count", 3}}}}});
  const Json before = sandbox_.Admin("GET", "/_sandbox/faults").json;
  const Json error_rule = {{"route", "POST /v2/users"}, {"action", "error"}};
  const auto with = [&](const char* key, const Json& value) {
    Json rule = error_rule;
    rule[key] = value;
    return Json::array({rule});
  };
  const std::vector<Json> scripts = {
      "nope",
      Json::object(),
      nullptr,
      Json::array({1}),
      Json::array({Json::object()}),
      Json::array({{{"route", "POST /v2/users"}}}),
      with("action", "explode"),
      with("action", 1),
      with("colour", "red"),
      with("hold_ms", 100),  // belongs to hold
      with("body", "{}"),    // belongs to body
      with("route", "POST /v2/user"),
      with("route", "POST /v2/users/x"),
      with("route", "post /v2/users"),
      with("route", 7),
      with("status", 200),
      with("status", 600),
      with("status", "503"),
      with("status", 503.5),
      with("skip", -1),
      with("skip", 1.5),
      with("count", "1"),
      with("count", -1),
      with("count", true),
      Json::array({{{"action", "error"}}}),
      Json::array({{{"route", "GET /v2/users"}, {"action", "hold"}}}),
      Json::array({{{"route", "GET /v2/users"}, {"action", "hold"}, {"hold_ms", -1}}}),
      Json::array({{{"route", "GET /v2/users"}, {"action", "hold"}, {"hold_ms", 600001}}}),
      Json::array({{{"route", "GET /v2/users"}, {"action", "hold"}, {"hold_ms", "300"}}}),
      Json::array(
          {{{"route", "GET /v2/users"}, {"action", "hold"}, {"hold_ms", 1}, {"status", 500}}}),
      Json::array({{{"route", "GET /v2/users"}, {"action", "body"}}}),
      Json::array({{{"route", "GET /v2/users"}, {"action", "body"}, {"body", Json::object()}}}),
      Json::array({{{"route", "GET /v2/users"}, {"action", "body"}, {"body", ""}, {"status", 99}}}),
      Json::array({{{"route", "GET /v2/users"}, {"action", "drop_after_commit"}, {"status", 500}}}),
      Json::array({error_rule, {{"route", "POST /v2/users"}, {"action", "nope"}}}),
  };
  for (const Json& script : scripts) {
    const Reply reply = sandbox_.Admin("PUT", "/_sandbox/faults", {{"script", script}});
    EXPECT_EQ(reply.status, 400) << script.dump() << " -> " << reply.body;
    EXPECT_EQ(reply.json["status"], 400);
    EXPECT_TRUE(reply.json["error"].is_string());
  }
  // A valid member next to an invalid script is not applied either.
  EXPECT_EQ(
      sandbox_.Admin("PUT", "/_sandbox/faults", {{"error_rate", 0.0}, {"script", "x"}}).status,
      400);
  EXPECT_EQ(
      sandbox_.Admin("PUT", "/_sandbox/faults", {{"error_rate", 2.0}, {"script", Json::array()}})
          .status,
      400);
  EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/faults").json, before);
  // The edges of the ranges are accepted.
  SetScript({{{"route", "GET /v2/users"}, {"action", "hold"}, {"hold_ms", 600000}, {"skip", 0}},
             {{"route", "GET /v2/users"}, {"action", "hold"}, {"hold_ms", 0}, {"count", 0}},
             {{"route", "GET /v2/users"}, {"action", "error"}, {"status", 400}},
             {{"route", "GET /v2/users"}, {"action", "error"}, {"status", 599.0}},
             {{"route", "GET /v2/users"}, {"action", "body"}, {"body", ""}, {"status", 599}}});
  EXPECT_EQ(Script().size(), 5u);
}

// Answers real clients must survive, scripted with "body" rules: the request is
// carried out, only its answer is replaced.

TEST_F(FaultsTest, ScriptedEmptyBodyForAnApiKeyCreateStillCreatesTheKey) {
  // The OpenAPI spec documents POST /v2/users/{id}/apikeys as "void".
  const std::string id = CreateVultrUser("void@example.com").json["user"]["id"];
  SetScript({{{"route", "POST /v2/users/{id}/apikeys"},
              {"action", "body"},
              {"status", 201},
              {"body", ""}}});
  const Reply reply = sandbox_.Call("POST", "/v2/users/" + id + "/apikeys", {{"name", "ci"}});
  EXPECT_EQ(reply.status, 201);
  EXPECT_TRUE(reply.body.empty()) << reply.body;
  ASSERT_NE(reply.headers.find("Content-Length"), reply.headers.end());
  EXPECT_EQ(reply.headers.find("Content-Length")->second, "0");
  const Json keys = sandbox_.State()["vultr"]["api_keys"];
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0]["name"], "ci");
  EXPECT_EQ(keys[0]["user_id"], id);
  EXPECT_EQ(keys[0]["api_key"].get<std::string>().size(), 36u);
}

TEST_F(FaultsTest, ScriptedEmailRegisteredAsAString) {
  // govultr organization.go decodes email_registered into a Go string.
  const Reply created =
      sandbox_.Call("POST", "/v2/invitation", {{"email_invited", "s@example.com"}});
  ASSERT_EQ(created.status, 201);
  for (const char* value : {"yes", "no", "true", "false"}) {
    Json shown = created.json;
    shown["email_registered"] = value;
    SetScript({{{"route", "GET /v2/invitation/{id}"}, {"action", "body"}, {"body", shown.dump()}}});
    const Reply got =
        sandbox_.Call("GET", "/v2/invitation/" + created.json["id"].get<std::string>());
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(got.json["email_registered"], value);
    EXPECT_EQ(got.json["id"], created.json["id"]);
  }
}

TEST_F(FaultsTest, ScriptedMotherDuckTokensWithoutDescription) {
  // Regions without description support answer without the member.
  ASSERT_EQ(sandbox_.Call("POST", "/v1/users", {{"username", "svc"}}).status, 200);
  SetScript({{{"route", "POST /v1/users/{username}/tokens"},
              {"action", "body"},
              {"body", R"({"id":"{fresh}","name":"ci","expire_at":null,)"
                       R"("created_ts":"2026-01-01T00:00:00.000Z","read_only":false,)"
                       R"("token_type":"read_write","token":"{fresh}"})"}},
             {{"route", "GET /v1/users/{username}/tokens"},
              {"action", "body"},
              {"body", R"({"tokens":[{"id":"x","name":"ci","expire_at":null,)"
                       R"("created_ts":"2026-01-01T00:00:00.000Z","read_only":false,)"
                       R"("token_type":"read_write"}]})"}}});
  const Reply created = sandbox_.Call("POST", "/v1/users/svc/tokens",
                                      {{"name", "ci"}, {"description", "kept by the sandbox"}});
  EXPECT_EQ(created.status, 200);
  EXPECT_FALSE(created.json.contains("description"));
  const Reply listed = sandbox_.Call("GET", "/v1/users/svc/tokens");
  EXPECT_FALSE(listed.json["tokens"][0].contains("description"));
  // The token was created, with the description it was given.
  const Json tokens = sandbox_.State()["motherduck"]["tokens"];
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0]["description"], "kept by the sandbox");
}

TEST_F(FaultsTest, ResetClearsTheScriptButNotTheRates) {
  SetFaults({{"latency_ms", 1},
             {"script", {{{"route", "GET /v2/users"}, {"action", "error"}, {"count", 0}}}}});
  ASSERT_EQ(sandbox_.Admin("POST", "/_sandbox/reset").status, 200);
  EXPECT_EQ(Script(), Json::array());
  EXPECT_EQ(sandbox_.Admin("GET", "/_sandbox/faults").json["latency_ms"], 1);
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users").status, 200);
}

}  // namespace
}  // namespace orgiam::sandbox::testing
