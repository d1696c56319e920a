// /v2/users: create, read, list (cursor pagination), update, delete,
// validation, 401 and 404.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

class VultrUsersTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(sandbox_.started()); }

  Reply CreateUser(const std::string& email, Json extra = Json::object()) {
    Json body = {{"email", email}, {"name", "user " + email}, {"password", "correct-horse-1"}};
    body.update(extra);
    return sandbox_.Call("POST", "/v2/users", body);
  }

  void ExpectVultrError(const Reply& reply, int status, const std::string& message) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.json, Json({{"error", message}, {"status", status}})) << reply.body;
  }

  SandboxServer sandbox_;
};

TEST_F(VultrUsersTest, CreateShowsTheApiKeyOnlyOnce) {
  const Reply created = CreateUser(
      "robot@example.com",
      {{"acls", {"dns", "billing"}}, {"service_user", true}, {"password", "correct-horse-1"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.content_type, "application/json");
  const Json& user = created.json["user"];
  EXPECT_EQ(user["email"], "robot@example.com");
  EXPECT_EQ(user["name"], "user robot@example.com");
  EXPECT_EQ(user["api_enabled"], true);
  EXPECT_EQ(user["service_user"], true);
  EXPECT_EQ(user["acls"], Json({"billing", "dns"}));  // sorted, as the API returns sets
  const std::string key = user["api_key"];
  EXPECT_EQ(key.size(), 36u);
  const std::string id = user["id"];
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(id[14], '4');  // UUID v4

  const Reply got = sandbox_.Call("GET", "/v2/users/" + id);
  ASSERT_EQ(got.status, 200);
  EXPECT_FALSE(got.json["user"].contains("api_key"));
  EXPECT_FALSE(got.json["user"].contains("password"));
  Json expected = user;
  expected.erase("api_key");
  EXPECT_EQ(got.json["user"], expected);

  // The admin state has the secrets.
  const Json state = sandbox_.State();
  ASSERT_EQ(state["vultr"]["users"].size(), 1u);
  EXPECT_EQ(state["vultr"]["users"][0]["api_key"], key);
  EXPECT_EQ(state["vultr"]["users"][0]["password"], "correct-horse-1");
}

TEST_F(VultrUsersTest, NoKeyWhenApiDisabled) {
  const Reply created = CreateUser("noapi@example.com", {{"api_enabled", false}});
  ASSERT_EQ(created.status, 201);
  EXPECT_FALSE(created.json["user"].contains("api_key"));
  EXPECT_EQ(created.json["user"]["api_enabled"], false);
}

TEST_F(VultrUsersTest, FirstAndLastNameMakeTheName) {
  const Reply created = sandbox_.Call("POST", "/v2/users",
                                      {{"email", "fl@example.com"},
                                       {"first_name", "Ada"},
                                       {"last_name", "Lovelace"},
                                       {"service_user", true},
                                       {"password", "correct-horse-1"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["user"]["name"], "Ada Lovelace");
  EXPECT_EQ(created.json["user"]["first_name"], "Ada");
  EXPECT_EQ(created.json["user"]["last_name"], "Lovelace");
  const std::string id = created.json["user"]["id"];
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users/" + id).json["user"]["last_name"], "Lovelace");

  // Changing one part changes the full name; changing the name changes both.
  ASSERT_EQ(sandbox_.Call("PATCH", "/v2/users/" + id, {{"last_name", "King"}}).status, 204);
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users/" + id).json["user"]["name"], "Ada King");
  ASSERT_EQ(sandbox_.Call("PATCH", "/v2/users/" + id, {{"name", "Grace Brewster Hopper"}}).status,
            204);
  const Json renamed = sandbox_.Call("GET", "/v2/users/" + id).json["user"];
  EXPECT_EQ(renamed["first_name"], "Grace");
  EXPECT_EQ(renamed["last_name"], "Brewster Hopper");

  ExpectVultrError(
      sandbox_.Call(
          "POST", "/v2/users",
          {{"email", "half@example.com"}, {"first_name", "Ada"}, {"password", "correct-horse-1"}}),
      400, "Both first_name and last_name are required.");
}

TEST_F(VultrUsersTest, NameAloneGivesFirstAndLastName) {
  const Reply created = CreateUser("one@example.com", {{"name", "ci"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["user"]["name"], "ci");
  EXPECT_EQ(created.json["user"]["first_name"], "ci");
  EXPECT_EQ(created.json["user"]["last_name"], "");
}

TEST_F(VultrUsersTest, ActivityLogsIsAnAcl) {
  const Reply created = CreateUser("logs@example.com", {{"acls", {"activity_logs"}}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["user"]["acls"], Json({"activity_logs"}));
}

TEST_F(VultrUsersTest, CreateValidation) {
  ExpectVultrError(sandbox_.Call("POST", "/v2/users", {{"name", "x"}, {"password", "0123456789"}}),
                   400, "Email is required.");
  ExpectVultrError(CreateUser("not-an-email"), 400, "Invalid email address.");
  ExpectVultrError(CreateUser("a@b"), 400, "Invalid email address.");
  ExpectVultrError(
      sandbox_.Call("POST", "/v2/users", {{"email", "x@example.com"}, {"password", "0123456789"}}),
      400, "Name is required.");
  ExpectVultrError(CreateUser("x@example.com", {{"password", "short"}}), 400,
                   "Password must be at least 10 characters long.");
  ExpectVultrError(sandbox_.Call("POST", "/v2/users", {{"email", "x@example.com"}, {"name", "x"}}),
                   400, "Password is required.");
  ExpectVultrError(CreateUser("x@example.com", {{"acls", {"dns", "root"}}}), 400,
                   "Invalid ACL: root.");
  ExpectVultrError(CreateUser("x@example.com", {{"acls", "dns"}}), 400,
                   "acls must be an array of ACL names.");
  ExpectVultrError(CreateUser("x@example.com", {{"api_enabled", "maybe"}}), 400,
                   "Invalid value for api_enabled.");
  ExpectVultrError(sandbox_.CallWithToken(kToken, "POST", "/v2/users", "{not json"), 400,
                   "Invalid JSON in request body.");
  ExpectVultrError(sandbox_.CallWithToken(kToken, "POST", "/v2/users", "[1,2]"), 400,
                   "Invalid JSON in request body.");
  // A service user needs a password too (govultr user.go; the API reference
  // marks it required).
  ExpectVultrError(
      sandbox_.Call("POST", "/v2/users",
                    {{"email", "svc@example.com"}, {"name", "svc"}, {"service_user", true}}),
      400, "Password is required.");
  EXPECT_EQ(CreateUser("svc@example.com", {{"service_user", true}}).status, 201);
  // Nothing was created by the failures.
  EXPECT_EQ(sandbox_.State()["vultr"]["users"].size(), 1u);
}

TEST_F(VultrUsersTest, EmailIsUniqueIgnoringCase) {
  ASSERT_EQ(CreateUser("dup@example.com").status, 201);
  ExpectVultrError(CreateUser("DUP@example.com"), 400, "A user with that email already exists.");
}

TEST_F(VultrUsersTest, EveryAclNameIsAccepted) {
  const Json all = {"abuse",    "activity_logs", "alerts",        "billing",
                    "dns",      "firewall",      "loadbalancer",  "manage_users",
                    "objstore", "provisioning",  "subscriptions", "subscriptions_view",
                    "support",  "upgrade"};
  const Reply created = CreateUser("acl@example.com", {{"acls", all}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["user"]["acls"].size(), all.size());
}

TEST_F(VultrUsersTest, PatchIsPartialAndAnswers204) {
  const Reply created = CreateUser("patch@example.com", {{"acls", {"dns"}}});
  const std::string id = created.json["user"]["id"];
  const Reply patched =
      sandbox_.Call("PATCH", "/v2/users/" + id, {{"name", "renamed"}, {"acls", {"billing"}}});
  EXPECT_EQ(patched.status, 204);
  EXPECT_TRUE(patched.body.empty());
  const Json user = sandbox_.Call("GET", "/v2/users/" + id).json["user"];
  EXPECT_EQ(user["name"], "renamed");
  EXPECT_EQ(user["email"], "patch@example.com");
  EXPECT_EQ(user["acls"], Json({"billing"}));

  EXPECT_EQ(sandbox_.Call("PATCH", "/v2/users/" + id, {{"password", "a-new-password"}}).status,
            204);
  EXPECT_EQ(sandbox_.State()["vultr"]["users"][0]["password"], "a-new-password");
  EXPECT_EQ(sandbox_.Call("PATCH", "/v2/users/" + id, {{"api_enabled", false}}).status, 204);
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users/" + id).json["user"]["api_enabled"], false);
}

TEST_F(VultrUsersTest, PatchValidation) {
  const std::string id = CreateUser("p1@example.com").json["user"]["id"];
  ASSERT_EQ(CreateUser("p2@example.com").status, 201);
  ExpectVultrError(sandbox_.Call("PATCH", "/v2/users/" + id, {{"email", "p2@example.com"}}), 400,
                   "A user with that email already exists.");
  ExpectVultrError(sandbox_.Call("PATCH", "/v2/users/" + id, {{"acls", {"nope"}}}), 400,
                   "Invalid ACL: nope.");
  ExpectVultrError(sandbox_.Call("PATCH", "/v2/users/" + id, {{"password", "123"}}), 400,
                   "Password must be at least 10 characters long.");
  ExpectVultrError(sandbox_.Call("PATCH", "/v2/users/" + id,
                                 {{"service_user", true}, {"password", "correct-horse-1"}}),
                   400, "service_user cannot be changed after the user is created.");
  ExpectVultrError(sandbox_.Call("PATCH", "/v2/users/no-such-id", {{"name", "x"}}), 404,
                   "Invalid user.");
  // Its own email again is fine.
  EXPECT_EQ(sandbox_.Call("PATCH", "/v2/users/" + id, {{"email", "P1@example.com"}}).status, 204);
}

TEST_F(VultrUsersTest, DeleteThenNotFound) {
  const std::string id = CreateUser("gone@example.com").json["user"]["id"];
  const Reply deleted = sandbox_.Call("DELETE", "/v2/users/" + id);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  ExpectVultrError(sandbox_.Call("GET", "/v2/users/" + id), 404, "Invalid user.");
  ExpectVultrError(sandbox_.Call("DELETE", "/v2/users/" + id), 404, "Invalid user.");
  EXPECT_TRUE(sandbox_.State()["vultr"]["users"].empty());
}

TEST_F(VultrUsersTest, ListFollowsCursorsAcrossPages) {
  for (int i = 0; i < 7; ++i) {
    ASSERT_EQ(CreateUser("u" + std::to_string(i) + "@example.com").status, 201);
  }
  std::vector<std::string> emails;
  std::string cursor;
  int pages = 0;
  do {
    std::string path = "/v2/users?per_page=3";
    if (!cursor.empty()) path += "&cursor=" + cursor;
    const Reply page = sandbox_.Call("GET", path);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json["meta"]["total"], 7);
    EXPECT_EQ(page.json["meta"]["links"]["prev"], "");
    for (const Json& user : page.json["users"]) {
      emails.push_back(user["email"]);
      EXPECT_FALSE(user.contains("api_key"));
    }
    cursor = page.json["meta"]["links"]["next"];
    ++pages;
    ASSERT_LT(pages, 10);
  } while (!cursor.empty());
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(emails.size(), 7u);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(emails[i], "u" + std::to_string(i) + "@example.com");

  // Default page size 100 returns everything with no next cursor.
  const Reply all = sandbox_.Call("GET", "/v2/users");
  EXPECT_EQ(all.json["users"].size(), 7u);
  EXPECT_EQ(all.json["meta"]["links"]["next"], "");
  // per_page above 500 is capped, not rejected.
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users?per_page=1000").status, 200);
}

TEST_F(VultrUsersTest, CursorSurvivesDeletes) {
  std::vector<std::string> ids;
  for (int i = 0; i < 4; ++i) {
    ids.push_back(CreateUser("d" + std::to_string(i) + "@example.com").json["user"]["id"]);
  }
  const Reply first = sandbox_.Call("GET", "/v2/users?per_page=2");
  const std::string next = first.json["meta"]["links"]["next"];
  ASSERT_FALSE(next.empty());
  // The first item of the next page is deleted meanwhile: nothing else is
  // skipped.
  ASSERT_EQ(sandbox_.Call("DELETE", "/v2/users/" + ids[2]).status, 204);
  const Reply second = sandbox_.Call("GET", "/v2/users?per_page=2&cursor=" + next);
  ASSERT_EQ(second.json["users"].size(), 1u);
  EXPECT_EQ(second.json["users"][0]["id"], ids[3]);
}

TEST_F(VultrUsersTest, BadPaginationParameters) {
  ExpectVultrError(sandbox_.Call("GET", "/v2/users?per_page=0"), 400,
                   "Invalid per_page value. It must be between 1 and 500.");
  ExpectVultrError(sandbox_.Call("GET", "/v2/users?per_page=ten"), 400,
                   "Invalid per_page value. It must be between 1 and 500.");
  ExpectVultrError(sandbox_.Call("GET", "/v2/users?cursor=***"), 400, "Invalid cursor.");
  ExpectVultrError(sandbox_.Call("GET", "/v2/users?cursor=bm9wZQ"), 400, "Invalid cursor.");
}

TEST_F(VultrUsersTest, WrongOrMissingTokenIs401) {
  for (const char* token : {"wrong-token", ""}) {
    const Reply reply = sandbox_.CallWithToken(token, "GET", "/v2/users", "");
    ExpectVultrError(reply, 401, "Invalid API token.");
  }
  const Reply create = sandbox_.CallWithToken(
      "wrong", "POST", "/v2/users", R"({"email":"a@example.com","name":"a","service_user":true})");
  EXPECT_EQ(create.status, 401);
  EXPECT_TRUE(sandbox_.State()["vultr"]["users"].empty());
}

TEST_F(VultrUsersTest, UnknownRouteIsPlainText404) {
  const Reply reply = sandbox_.Call("GET", "/v2/userz");
  EXPECT_EQ(reply.status, 404);
  EXPECT_TRUE(reply.json.is_discarded()) << reply.body;
  EXPECT_NE(reply.content_type.find("text/plain"), std::string::npos);
  // Same for a known prefix with an extra segment, and other methods.
  EXPECT_TRUE(sandbox_.Call("POST", "/v2/users/a/b/c", Json::object()).json.is_discarded());
  EXPECT_EQ(sandbox_.Call("PUT", "/v2/users", Json::object()).status, 404);
}

}  // namespace
}  // namespace orgiam::sandbox::testing
