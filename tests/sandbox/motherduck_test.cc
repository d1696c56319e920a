// MotherDuck /v1/users, Duckling configuration and access tokens.

#include <gtest/gtest.h>

#include <string>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

class MotherDuckTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(sandbox_.started()); }

  Reply CreateUser(const std::string& username) {
    return sandbox_.Call("POST", "/v1/users", {{"username", username}});
  }

  std::string Tokens(const std::string& username) { return "/v1/users/" + username + "/tokens"; }

  void ExpectError(const Reply& reply, int status, const std::string& code) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.json["code"], code) << reply.body;
    EXPECT_TRUE(reply.json["message"].is_string()) << reply.body;
    EXPECT_TRUE(reply.json["issues"].is_array()) << reply.body;
  }

  SandboxServer sandbox_;
};

TEST_F(MotherDuckTest, CreateServiceAccount) {
  const Reply created = CreateUser("svc_account_1");
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.json, Json({{"username", "svc_account_1"}}));
  EXPECT_EQ(sandbox_.State()["motherduck"]["users"][0]["username"], "svc_account_1");
}

TEST_F(MotherDuckTest, UsernamesAllowUnicodeLetters) {
  for (const char* name : {"Zoë", "東京_2024", "Ωmega_9", "ĳssel", "x", "Ǆungla", "ʰmodifier"}) {
    EXPECT_EQ(CreateUser(name).status, 200) << name;
  }
  // Found again by its exact name, through a percent-encoded path.
  EXPECT_EQ(sandbox_.Call("GET", Tokens("東京_2024")).status, 200);
}

TEST_F(MotherDuckTest, UsernameValidation) {
  const char* const kBad[] = {
      "",             // empty
      "1abc",         // starts with a digit
      "_abc",         // starts with an underscore
      "a-b",          // hyphen
      "a b",          // space
      "a.b",          // dot
      "a\u0663",      // ARABIC-INDIC DIGIT THREE: a digit, but not an ASCII one
      "a\u00B2",      // SUPERSCRIPT TWO (No)
      "e\u0301",      // combining acute accent (Mn) is not a letter
      "\u2163x",      // ROMAN NUMERAL FOUR (Nl)
      "a\U0001F600",  // emoji
  };
  for (const char* name : kBad) {
    const Reply reply = CreateUser(name);
    ExpectError(reply, 400, "BAD_REQUEST");
    EXPECT_FALSE(reply.json["issues"].empty()) << name;
  }
  EXPECT_EQ(CreateUser(std::string(255, 'a')).status, 200);
  ExpectError(CreateUser(std::string(256, 'b')), 400, "BAD_REQUEST");
  ExpectError(sandbox_.Call("POST", "/v1/users", Json::object()), 400, "BAD_REQUEST");
  ExpectError(sandbox_.Call("POST", "/v1/users", {{"username", 12}}), 400, "BAD_REQUEST");
  ExpectError(sandbox_.CallWithToken(kToken, "POST", "/v1/users", "not json"), 400, "BAD_REQUEST");
  EXPECT_EQ(sandbox_.State()["motherduck"]["users"].size(), 1u);
}

TEST_F(MotherDuckTest, DuplicateIs400) {
  ASSERT_EQ(CreateUser("dup").status, 200);
  ExpectError(CreateUser("dup"), 400, "BAD_REQUEST");
}

TEST_F(MotherDuckTest, InstancesAndDelete) {
  ASSERT_EQ(CreateUser("ducky").status, 200);
  const Reply config = sandbox_.Call("GET", "/v1/users/ducky/instances");
  ASSERT_EQ(config.status, 200);
  EXPECT_EQ(config.json["read_write"]["instance_size"], "pulse");
  EXPECT_EQ(config.json["read_scaling"]["flock_size"], 0);

  const Json wanted = {{"read_write", {{"instance_size", "jumbo"}, {"cooldown_seconds", 300}}},
                       {"read_scaling", {{"instance_size", "standard"}, {"flock_size", 4}}}};
  const Reply set = sandbox_.Call("PUT", "/v1/users/ducky/instances", {{"config", wanted}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json, wanted);
  EXPECT_EQ(sandbox_.Call("GET", "/v1/users/ducky/instances").json, wanted);
  ExpectError(sandbox_.Call("PUT", "/v1/users/ducky/instances",
                            {{"config", {{"read_write", {{"instance_size", "huge"}}}}}}),
              400, "BAD_REQUEST");

  const Reply deleted = sandbox_.Call("DELETE", "/v1/users/ducky");
  ASSERT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.json, Json({{"username", "ducky"}}));
  ExpectError(sandbox_.Call("GET", "/v1/users/ducky/instances"), 404, "NOT_FOUND");
  ExpectError(sandbox_.Call("DELETE", "/v1/users/ducky"), 404, "NOT_FOUND");
}

TEST_F(MotherDuckTest, TokenLifecycle) {
  ASSERT_EQ(CreateUser("tok").status, 200);
  const Reply forever = sandbox_.Call("POST", Tokens("tok"), {{"name", "ci"}});
  ASSERT_EQ(forever.status, 200) << forever.body;
  EXPECT_TRUE(forever.json["expire_at"].is_null());
  EXPECT_EQ(forever.json["token_type"], "read_write");
  EXPECT_EQ(forever.json["read_only"], false);
  EXPECT_EQ(forever.json["name"], "ci");
  EXPECT_EQ(forever.json["id"].get<std::string>().size(), 36u);
  EXPECT_FALSE(forever.json["token"].get<std::string>().empty());
  EXPECT_TRUE(forever.json["created_ts"].get<std::string>().ends_with("Z"));

  const Reply scaling = sandbox_.Call("POST", Tokens("tok"),
                                      {{"name", "reader"},
                                       {"ttl", 3600},
                                       {"token_type", "read_scaling"},
                                       {"description", "for dashboards"}});
  ASSERT_EQ(scaling.status, 200) << scaling.body;
  EXPECT_TRUE(scaling.json["expire_at"].is_string());
  EXPECT_EQ(scaling.json["read_only"], true);
  EXPECT_EQ(scaling.json["description"], "for dashboards");

  const Reply list = sandbox_.Call("GET", Tokens("tok"));
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json["tokens"].size(), 2u);
  for (const Json& token : list.json["tokens"]) EXPECT_FALSE(token.contains("token"));
  EXPECT_EQ(list.json["tokens"][1]["description"], "for dashboards");

  const Json state = sandbox_.State()["motherduck"]["tokens"];
  ASSERT_EQ(state.size(), 2u);
  EXPECT_EQ(state[0]["token"], forever.json["token"]);
  EXPECT_EQ(state[0]["username"], "tok");

  const std::string id = forever.json["id"];
  const Reply deleted = sandbox_.Call("DELETE", Tokens("tok") + "/" + id);
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.json, Json::object());
  ExpectError(sandbox_.Call("DELETE", Tokens("tok") + "/" + id), 404, "NOT_FOUND");
  EXPECT_EQ(sandbox_.Call("GET", Tokens("tok")).json["tokens"].size(), 1u);
}

TEST_F(MotherDuckTest, ExpiredTokensAreNotListed) {
  ASSERT_EQ(CreateUser("ttl").status, 200);
  ASSERT_EQ(sandbox_.Call("POST", Tokens("ttl"), {{"name", "short"}, {"ttl", 300}}).status, 200);
  ASSERT_EQ(sandbox_.Call("POST", Tokens("ttl"), {{"name", "long"}}).status, 200);
  ASSERT_EQ(sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", 301}}).status, 200);
  const Json tokens = sandbox_.Call("GET", Tokens("ttl")).json["tokens"];
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0]["name"], "long");
}

TEST_F(MotherDuckTest, TokenValidation) {
  ASSERT_EQ(CreateUser("val").status, 200);
  const Json kBad[] = {
      Json::object(),
      {{"name", ""}},
      {{"name", "MotherDuck Extension"}},
      {{"name", "MotherDuck Flights"}},
      {{"name", "x"}, {"ttl", 299}},
      {{"name", "x"}, {"ttl", 31536001}},
      {{"name", "x"}, {"ttl", "600"}},
      {{"name", "x"}, {"ttl", 600.5}},
      {{"name", "x"}, {"token_type", "admin"}},
      {{"name", "x"}, {"description", std::string(1001, 'd')}},
  };
  for (const Json& body : kBad) {
    const Reply reply = sandbox_.Call("POST", Tokens("val"), body);
    ExpectError(reply, 400, "BAD_REQUEST");
    EXPECT_FALSE(reply.json["issues"].empty()) << body.dump();
  }
  // Several problems are reported together.
  const Reply many = sandbox_.Call("POST", Tokens("val"), {{"ttl", 1}, {"token_type", "z"}});
  EXPECT_EQ(many.json["issues"].size(), 3u) << many.body;
  EXPECT_EQ(sandbox_.Call("POST", Tokens("val"), {{"name", "x"}, {"ttl", 31536000}}).status, 200);
  EXPECT_EQ(sandbox_.State()["motherduck"]["tokens"].size(), 1u);
}

TEST_F(MotherDuckTest, UnknownUserIsJsonNotFoundButUnknownRouteIsPlainText) {
  const Reply user = sandbox_.Call("GET", Tokens("ghost"));
  ExpectError(user, 404, "NOT_FOUND");
  ExpectError(sandbox_.Call("POST", Tokens("ghost"), {{"name", "x"}}), 404, "NOT_FOUND");
  ExpectError(sandbox_.Call("DELETE", Tokens("ghost") + "/abc"), 404, "NOT_FOUND");

  const Reply route = sandbox_.Call("GET", "/v1/users/ghost/tokenz");
  EXPECT_EQ(route.status, 404);
  EXPECT_TRUE(route.json.is_discarded()) << route.body;
  EXPECT_EQ(sandbox_.Call("GET", "/v1/users/ghost").status,
            404);  // no GET user in the API
  EXPECT_TRUE(sandbox_.Call("GET", "/v1/users/ghost").json.is_discarded());
}

TEST_F(MotherDuckTest, DeletingTheUserDeletesItsTokens) {
  ASSERT_EQ(CreateUser("owner").status, 200);
  ASSERT_EQ(sandbox_.Call("POST", Tokens("owner"), {{"name", "a"}}).status, 200);
  ASSERT_EQ(sandbox_.Call("DELETE", "/v1/users/owner").status, 200);
  EXPECT_TRUE(sandbox_.State()["motherduck"]["tokens"].empty());
  // Re-created, it starts with no tokens.
  ASSERT_EQ(CreateUser("owner").status, 200);
  EXPECT_TRUE(sandbox_.Call("GET", Tokens("owner")).json["tokens"].empty());
}

TEST_F(MotherDuckTest, Unauthorized) {
  const Reply reply = sandbox_.CallWithToken("nope", "POST", "/v1/users", R"({"username":"a"})");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.json, Json({{"message", "Invalid Credentials"},
                              {"code", "UNAUTHORIZED"},
                              {"issues", Json::array()}}));
}

}  // namespace
}  // namespace orgiam::sandbox::testing
