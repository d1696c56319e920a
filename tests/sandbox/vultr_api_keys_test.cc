// /v2/users/{id}/apikeys: a key's secret is shown once, masked afterwards.

#include <gtest/gtest.h>

#include <string>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

class VultrApiKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(sandbox_.started());
    const Reply created = sandbox_.Call("POST", "/v2/users",
                                        {{"email", "keys@example.com"},
                                         {"name", "k"},
                                         {"service_user", true},
                                         {"password", "correct-horse-1"}});
    ASSERT_EQ(created.status, 201);
    user_id_ = created.json["user"]["id"];
  }

  std::string Keys() { return "/v2/users/" + user_id_ + "/apikeys"; }

  SandboxServer sandbox_;
  std::string user_id_;
};

TEST_F(VultrApiKeysTest, CreateListGetDelete) {
  const Reply created = sandbox_.Call("POST", Keys(), {{"name", "ci"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const Json key = created.json["api_key"];
  const std::string secret = key["api_key"];
  EXPECT_EQ(secret.size(), 36u);
  EXPECT_EQ(key["name"], "ci");
  EXPECT_EQ(key["expire"], false);
  EXPECT_EQ(key["date_expire"], "");
  EXPECT_EQ(key["date_created"].get<std::string>().size(),
            25u);  // 2026-...T..:..:..+00:00
  const std::string id = key["id"];

  const Reply list = sandbox_.Call("GET", Keys());
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json["api_keys"].size(), 1u);
  EXPECT_EQ(list.json["meta"]["total"], 1);
  const std::string masked = list.json["api_keys"][0]["api_key"];
  EXPECT_NE(masked, secret);
  EXPECT_EQ(masked.substr(32), secret.substr(32));
  EXPECT_EQ(masked.substr(0, 32), std::string(32, '*'));

  const Reply got = sandbox_.Call("GET", Keys() + "/" + id);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json["api_key"]["api_key"], masked);

  const Json state = sandbox_.State()["vultr"]["api_keys"];
  ASSERT_EQ(state.size(), 1u);
  EXPECT_EQ(state[0]["api_key"], secret);
  EXPECT_EQ(state[0]["user_id"], user_id_);

  EXPECT_EQ(sandbox_.Call("DELETE", Keys() + "/" + id).status, 204);
  const Reply gone = sandbox_.Call("GET", Keys() + "/" + id);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.json, Json({{"error", "Invalid API key."}, {"status", 404}}));
  EXPECT_TRUE(sandbox_.State()["vultr"]["api_keys"].empty());
}

TEST_F(VultrApiKeysTest, ExpiringKey) {
  const Reply created =
      sandbox_.Call("POST", Keys(),
                    {{"name", "short"}, {"expire", true}, {"date_expire", "2099-01-02T03:04:05Z"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["api_key"]["date_expire"], "2099-01-02T03:04:05+00:00");
  EXPECT_EQ(created.json["api_key"]["expire"], true);
}

TEST_F(VultrApiKeysTest, Validation) {
  Reply reply = sandbox_.Call("POST", Keys(), Json::object());
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.json["error"], "Name is required.");
  reply = sandbox_.Call("POST", Keys(), {{"name", "x"}, {"expire", true}});
  EXPECT_EQ(reply.status, 400);
  reply = sandbox_.Call("POST", Keys(),
                        {{"name", "x"}, {"expire", true}, {"date_expire", "2001-01-01T00:00:00Z"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.json["error"], "date_expire must be in the future.");
  reply =
      sandbox_.Call("POST", Keys(), {{"name", "x"}, {"expire", true}, {"date_expire", "tomorrow"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_TRUE(sandbox_.State()["vultr"]["api_keys"].empty());
}

TEST_F(VultrApiKeysTest, UnknownUserAndKey) {
  const Reply reply = sandbox_.Call("POST", "/v2/users/nobody/apikeys", {{"name", "x"}});
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.json, Json({{"error", "Invalid user."}, {"status", 404}}));
  EXPECT_EQ(sandbox_.Call("GET", "/v2/users/nobody/apikeys").status, 404);
  EXPECT_EQ(sandbox_.Call("DELETE", Keys() + "/nokey").json["error"], "Invalid API key.");
}

TEST_F(VultrApiKeysTest, DeletingTheUserDeletesItsKeys) {
  ASSERT_EQ(sandbox_.Call("POST", Keys(), {{"name", "a"}}).status, 201);
  ASSERT_EQ(sandbox_.Call("DELETE", "/v2/users/" + user_id_).status, 204);
  EXPECT_TRUE(sandbox_.State()["vultr"]["api_keys"].empty());
}

}  // namespace
}  // namespace orgiam::sandbox::testing
