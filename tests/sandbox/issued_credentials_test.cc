// --accept-issued-credentials: the vendor APIs also accept the Vultr API keys and MotherDuck
// access tokens the sandbox issued, while they are valid, so that a credential minted by one
// provider configuration can configure another. Without the flag only --token is accepted.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

constexpr char kFlag[] = "--accept-issued-credentials";

const Json kVultrUnauthorized = {{"error", "Invalid API token."}, {"status", 401}};
const Json kMotherDuckUnauthorized = {
    {"message", "Invalid Credentials"}, {"code", "UNAUTHORIZED"}, {"issues", Json::array()}};

// A Vultr service user with its own key and one extra API key, and a MotherDuck service account
// with one access token, all issued by the sandbox.
struct Issued {
  std::string user_id;
  std::string user_key;  // issued with the user
  std::string key_id;
  std::string api_key;  // from POST /v2/users/{id}/apikeys
  std::string token_id;
  std::string token;  // a MotherDuck access token of "svc"
};

Issued IssueCredentials(SandboxServer& sandbox, const Json& key_body = {{"name", "minted"}},
                        const Json& token_body = {{"name", "minted"}}) {
  Issued issued;
  const Reply user = sandbox.Call("POST", "/v2/users",
                                  {{"email", "svc@example.com"},
                                   {"name", "svc"},
                                   {"service_user", true},
                                   {"password", "correct-horse-1"}});
  EXPECT_EQ(user.status, 201) << user.body;
  issued.user_id = user.json["user"].value("id", "");
  issued.user_key = user.json["user"].value("api_key", "");
  const Reply key = sandbox.Call("POST", "/v2/users/" + issued.user_id + "/apikeys", key_body);
  EXPECT_EQ(key.status, 201) << key.body;
  issued.key_id = key.json["api_key"].value("id", "");
  issued.api_key = key.json["api_key"].value("api_key", "");
  EXPECT_EQ(sandbox.Call("POST", "/v1/users", {{"username", "svc"}}).status, 200);
  const Reply token = sandbox.Call("POST", "/v1/users/svc/tokens", token_body);
  EXPECT_EQ(token.status, 200) << token.body;
  issued.token_id = token.json.value("id", "");
  issued.token = token.json.value("token", "");
  return issued;
}

int VultrStatus(SandboxServer& sandbox, const std::string& credential) {
  return sandbox.CallWithToken(credential, "GET", "/v2/users", "").status;
}

int MotherDuckStatus(SandboxServer& sandbox, const std::string& credential) {
  return sandbox.CallWithToken(credential, "GET", "/v1/users/svc/tokens", "").status;
}

TEST(IssuedCredentialsTest, RefusedWithoutTheFlag) {
  SandboxServer sandbox;
  ASSERT_TRUE(sandbox.started());
  const Issued issued = IssueCredentials(sandbox);
  for (const std::string& key : {issued.user_key, issued.api_key}) {
    const Reply reply = sandbox.CallWithToken(key, "GET", "/v2/users", "");
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(reply.json, kVultrUnauthorized) << reply.body;
  }
  const Reply reply = sandbox.CallWithToken(issued.token, "GET", "/v1/users/svc/tokens", "");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.json, kMotherDuckUnauthorized) << reply.body;
}

TEST(IssuedCredentialsTest, FlagIsDocumentedAndTakesNoValue) {
  std::string output;
  EXPECT_EQ(RunSandboxToExit({"--help"}, &output), 0);
  EXPECT_NE(output.find(kFlag), std::string::npos) << output;
  output.clear();
  EXPECT_EQ(RunSandboxToExit({std::string(kFlag) + "=yes"}, &output), 2);
}

class AcceptIssuedCredentialsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(sandbox_.started()); }
  SandboxServer sandbox_{std::vector<std::string>{kFlag}};
};

TEST_F(AcceptIssuedCredentialsTest, IssuedCredentialsAuthenticate) {
  const Issued issued = IssueCredentials(sandbox_);
  EXPECT_EQ(VultrStatus(sandbox_, issued.user_key), 200);
  EXPECT_EQ(VultrStatus(sandbox_, issued.api_key), 200);
  EXPECT_EQ(MotherDuckStatus(sandbox_, issued.token), 200);
  // A write, not only reads: the credential can do what the sandbox token can.
  const Reply created = sandbox_.CallWithToken(
      issued.api_key, "POST", "/v2/users",
      R"({"email":"made-by-key@example.com","name":"m","service_user":true,"password":"correct-horse-1"})");
  EXPECT_EQ(created.status, 201) << created.body;
  // The sandbox token keeps working.
  EXPECT_EQ(VultrStatus(sandbox_, kToken), 200);
  EXPECT_EQ(MotherDuckStatus(sandbox_, kToken), 200);
}

TEST_F(AcceptIssuedCredentialsTest, OnlyByTheVendorThatIssuedThem) {
  const Issued issued = IssueCredentials(sandbox_);
  const Reply md_with_vultr_key =
      sandbox_.CallWithToken(issued.api_key, "GET", "/v1/users/svc/tokens", "");
  EXPECT_EQ(md_with_vultr_key.status, 401);
  EXPECT_EQ(md_with_vultr_key.json, kMotherDuckUnauthorized);
  const Reply vultr_with_md_token = sandbox_.CallWithToken(issued.token, "GET", "/v2/users", "");
  EXPECT_EQ(vultr_with_md_token.status, 401);
  EXPECT_EQ(vultr_with_md_token.json, kVultrUnauthorized);
  // ZITADEL client secrets are exchanged for tokens, never sent as bearer tokens.
  const Reply machine = sandbox_.Call("POST", "/management/v1/users/machine",
                                      {{"userName", "robot"}, {"name", "Robot"}});
  ASSERT_EQ(machine.status, 200) << machine.body;
  const std::string user_id = machine.json["userId"];
  const Reply secret = sandbox_.Call("PUT", "/management/v1/users/" + user_id + "/secret");
  ASSERT_EQ(secret.status, 200) << secret.body;
  for (const std::string& credential :
       {secret.json["clientSecret"].get<std::string>(), issued.api_key, issued.token}) {
    const Reply reply =
        sandbox_.CallWithToken(credential, "GET", "/management/v1/users/" + user_id, "");
    EXPECT_EQ(reply.status, 401) << reply.body;
    EXPECT_EQ(reply.json["code"], 16) << reply.body;
  }
}

// A ZITADEL personal access token is a bearer token of ZITADEL's, until it is removed or
// expires.
TEST_F(AcceptIssuedCredentialsTest, ZitadelPersonalAccessTokensAuthenticateUntilRemovedOrExpired) {
  const Reply machine = sandbox_.Call("POST", "/management/v1/users/machine",
                                      {{"userName", "pat-owner"}, {"name", "Owner"}});
  ASSERT_EQ(machine.status, 200) << machine.body;
  const std::string user = "/management/v1/users/" + machine.json["userId"].get<std::string>();
  const Reply lasting = sandbox_.Call("POST", user + "/pats", Json::object());
  const Reply brief =
      sandbox_.Call("POST", user + "/pats", {{"expirationDate", "2099-01-01T00:00:00Z"}});
  ASSERT_EQ(lasting.status, 200) << lasting.body;
  ASSERT_EQ(brief.status, 200) << brief.body;
  const auto status_with = [&](const Json& token) {
    return sandbox_.CallWithToken(token.get<std::string>(), "GET", user, "").status;
  };
  EXPECT_EQ(status_with(lasting.json["token"]), 200);
  EXPECT_EQ(status_with(brief.json["token"]), 200);
  // Not for another vendor.
  EXPECT_EQ(sandbox_.CallWithToken(lasting.json["token"].get<std::string>(), "GET", "/v2/users", "")
                .status,
            401);
  ASSERT_EQ(
      sandbox_.Call("DELETE", user + "/pats/" + lasting.json["tokenId"].get<std::string>()).status,
      200);
  EXPECT_EQ(status_with(lasting.json["token"]), 401);
  ASSERT_EQ(
      sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", 100LL * 365 * 24 * 3600}}).status,
      200);
  EXPECT_EQ(status_with(brief.json["token"]), 401);
}

TEST_F(AcceptIssuedCredentialsTest, UnknownAndMissingTokensAreStillRefused) {
  // A user without API access has an empty key; an empty bearer must not match it.
  ASSERT_EQ(sandbox_
                .Call("POST", "/v2/users",
                      {{"email", "noapi@example.com"},
                       {"name", "n"},
                       {"service_user", true},
                       {"password", "correct-horse-1"},
                       {"api_enabled", false}})
                .status,
            201);
  EXPECT_EQ(VultrStatus(sandbox_, "not-issued"), 401);
  EXPECT_EQ(VultrStatus(sandbox_, ""), 401);
  EXPECT_EQ(
      sandbox_.CallWithToken("", "GET", "/v2/users", "", {{"Authorization", "Bearer "}}).status,
      401);
  EXPECT_EQ(MotherDuckStatus(sandbox_, "not-issued"), 401);
}

TEST_F(AcceptIssuedCredentialsTest, DeletedVultrKeyIsRefused) {
  const Issued issued = IssueCredentials(sandbox_);
  ASSERT_EQ(VultrStatus(sandbox_, issued.api_key), 200);
  ASSERT_EQ(
      sandbox_.Call("DELETE", "/v2/users/" + issued.user_id + "/apikeys/" + issued.key_id).status,
      204);
  const Reply reply = sandbox_.CallWithToken(issued.api_key, "GET", "/v2/users", "");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.json, kVultrUnauthorized);
  EXPECT_EQ(VultrStatus(sandbox_, issued.user_key), 200);  // the user's own key is unaffected
}

TEST_F(AcceptIssuedCredentialsTest, KeysOfADeletedOrDisabledUserAreRefused) {
  Issued issued = IssueCredentials(sandbox_);
  ASSERT_EQ(sandbox_.Call("PATCH", "/v2/users/" + issued.user_id, {{"api_enabled", false}}).status,
            204);
  EXPECT_EQ(VultrStatus(sandbox_, issued.user_key), 401);
  EXPECT_EQ(VultrStatus(sandbox_, issued.api_key), 401);
  ASSERT_EQ(sandbox_.Call("PATCH", "/v2/users/" + issued.user_id, {{"api_enabled", true}}).status,
            204);
  EXPECT_EQ(VultrStatus(sandbox_, issued.api_key), 200);
  ASSERT_EQ(sandbox_.Call("DELETE", "/v2/users/" + issued.user_id).status, 204);
  EXPECT_EQ(VultrStatus(sandbox_, issued.user_key), 401);
  EXPECT_EQ(VultrStatus(sandbox_, issued.api_key), 401);
}

TEST_F(AcceptIssuedCredentialsTest, ExpiredVultrKeyIsRefused) {
  const Reply clock = sandbox_.Admin("GET", "/_sandbox/clock");
  ASSERT_EQ(clock.status, 200);
  // An hour from now on the sandbox clock, as the ephemeral resource asks for.
  const Reply later = sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", 3600}});
  const std::string in_an_hour = later.json["now"];
  ASSERT_EQ(sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", -3600}}).status, 200);
  const Issued issued = IssueCredentials(
      sandbox_, {{"name", "short"}, {"expire", true}, {"date_expire", in_an_hour}});
  EXPECT_EQ(VultrStatus(sandbox_, issued.api_key), 200);
  sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", 3601}});
  EXPECT_EQ(VultrStatus(sandbox_, issued.api_key), 401);
}

TEST_F(AcceptIssuedCredentialsTest, RevokedMotherDuckTokenIsRefused) {
  const Issued issued = IssueCredentials(sandbox_);
  ASSERT_EQ(MotherDuckStatus(sandbox_, issued.token), 200);
  // A token may revoke itself; afterwards it is refused.
  const Reply revoked =
      sandbox_.CallWithToken(issued.token, "DELETE", "/v1/users/svc/tokens/" + issued.token_id, "");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  const Reply reply = sandbox_.CallWithToken(issued.token, "GET", "/v1/users/svc/tokens", "");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.json, kMotherDuckUnauthorized);
}

TEST_F(AcceptIssuedCredentialsTest, TokensOfADeletedAccountAreRefused) {
  const Issued issued = IssueCredentials(sandbox_);
  ASSERT_EQ(sandbox_.Call("DELETE", "/v1/users/svc").status, 200);
  EXPECT_EQ(sandbox_.CallWithToken(issued.token, "POST", "/v1/users", R"({"username":"x"})").status,
            401);
}

TEST_F(AcceptIssuedCredentialsTest, ExpiredMotherDuckTokenIsRefused) {
  const Issued issued =
      IssueCredentials(sandbox_, {{"name", "minted"}}, {{"name", "short"}, {"ttl", 300}});
  EXPECT_EQ(MotherDuckStatus(sandbox_, issued.token), 200);
  sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", 301}});
  EXPECT_EQ(MotherDuckStatus(sandbox_, issued.token), 401);
  EXPECT_EQ(MotherDuckStatus(sandbox_, kToken), 200);
}

}  // namespace
}  // namespace orgiam::sandbox::testing
