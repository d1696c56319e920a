// /v2/invitation: create, list, get, resend (no revoke route), expiry by the
// sandbox clock, acceptance.

#include <gtest/gtest.h>

#include <string>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

constexpr int kThreeDays = 3 * 24 * 3600;

class VultrInvitationsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(sandbox_.started()); }

  Reply Invite(const std::string& email, const Json& api_enabled = true) {
    return sandbox_.Call(
        "POST", "/v2/invitation",
        {{"email_invited", email}, {"permissions", {{"api_enabled", api_enabled}}}});
  }

  void Advance(int seconds) {
    ASSERT_EQ(sandbox_.Admin("POST", "/_sandbox/clock", {{"advance_s", seconds}}).status, 200);
  }

  SandboxServer sandbox_;
};

TEST_F(VultrInvitationsTest, CreateIsPendingForThreeDays) {
  const Reply created = Invite("new@example.com", "yes");  // the docs' curl sends "yes"
  ASSERT_EQ(created.status, 201) << created.body;
  const Json& inv = created.json;  // not wrapped, as govultr decodes it
  EXPECT_EQ(inv["email_invited"], "new@example.com");
  EXPECT_EQ(inv["invite_status"], "Pending");
  EXPECT_EQ(inv["status"], "pending");
  EXPECT_EQ(inv["status_full"], "Invite Pending");
  EXPECT_EQ(inv["permissions"], Json({{"api_enabled", true}}));
  EXPECT_EQ(inv["email_registered"], false);
  EXPECT_EQ(inv["date_responded"], "");
  for (const char* field : {"id", "inviter_name", "inviter_email", "org_id", "org_name",
                            "date_created", "expiration_date"}) {
    EXPECT_TRUE(inv.contains(field)) << field;
  }
  // expiration_date = date_created + 3 days (same time of day, three days
  // later).
  const std::string created_at = inv["date_created"];
  const std::string expires_at = inv["expiration_date"];
  EXPECT_EQ(created_at.substr(10), expires_at.substr(10));
  EXPECT_NE(created_at.substr(0, 10), expires_at.substr(0, 10));

  const Reply got = sandbox_.Call("GET", "/v2/invitation/" + inv["id"].get<std::string>());
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json, inv);
}

TEST_F(VultrInvitationsTest, ApiEnabledAcceptsBoolsAndYesNo) {
  EXPECT_EQ(Invite("a@example.com", false).json["permissions"]["api_enabled"], false);
  EXPECT_EQ(Invite("b@example.com", "no").json["permissions"]["api_enabled"], false);
  EXPECT_EQ(Invite("c@example.com", true).json["permissions"]["api_enabled"], true);
  const Reply bad = Invite("d@example.com", 7);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json["status"], 400);
}

TEST_F(VultrInvitationsTest, Validation) {
  Reply reply = sandbox_.Call("POST", "/v2/invitation", Json::object());
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.json, Json({{"error", "email_invited is required."}, {"status", 400}}));
  reply = Invite("bad");
  EXPECT_EQ(reply.json["error"], "Invalid email address.");
  ASSERT_EQ(Invite("twice@example.com").status, 201);
  reply = Invite("TWICE@example.com");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.json["error"], "An invitation for that email is already pending.");
}

TEST_F(VultrInvitationsTest, EmailRegisteredWhenTheUserExists) {
  ASSERT_EQ(sandbox_
                .Call("POST", "/v2/users",
                      {{"email", "known@example.com"},
                       {"name", "k"},
                       {"service_user", true},
                       {"password", "correct-horse-1"}})
                .status,
            201);
  EXPECT_EQ(Invite("known@example.com").json["email_registered"], true);
}

TEST_F(VultrInvitationsTest, NotFound) {
  for (const char* method : {"GET"}) {
    const Reply reply = sandbox_.Call(method, "/v2/invitation/nope");
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.json, Json({{"error", "Invite not found."}, {"status", 404}}));
  }
  EXPECT_EQ(sandbox_.Call("POST", "/v2/invitation/nope/resend").status, 404);
}

TEST_F(VultrInvitationsTest, ExpiresByTheSandboxClockAndResendRenews) {
  const std::string id = Invite("late@example.com").json["id"];
  Advance(kThreeDays - 60);
  EXPECT_EQ(sandbox_.Call("GET", "/v2/invitation/" + id).json["invite_status"], "Pending");
  Advance(120);
  // Past expiration_date it still reads Pending (only Pending invitations can
  // be resent, and resending renews an expired one).
  const Json expired = sandbox_.Call("GET", "/v2/invitation/" + id).json;
  EXPECT_EQ(expired["invite_status"], "Pending");
  EXPECT_EQ(expired["status"], "pending");
  EXPECT_EQ(expired["status_full"], "Invite Pending");
  // An expired invitation no longer blocks a new one for the same email.
  const Reply another = Invite("late@example.com");
  EXPECT_EQ(another.status, 201);

  const Reply resent = sandbox_.Call("POST", "/v2/invitation/" + id + "/resend");
  ASSERT_EQ(resent.status, 200) << resent.body;
  EXPECT_EQ(resent.json["invite_status"], "Pending");
  EXPECT_GT(resent.json["expiration_date"].get<std::string>(),
            expired["expiration_date"].get<std::string>());
  Advance(kThreeDays - 60);
  EXPECT_EQ(sandbox_.Call("GET", "/v2/invitation/" + id).json["invite_status"], "Pending");
}

TEST_F(VultrInvitationsTest, AcceptMakesAMemberUser) {
  const std::string id = Invite("member@example.com", true).json["id"];
  const Reply accepted = sandbox_.Admin("POST", "/_sandbox/accept/" + id);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  const Json inv = sandbox_.Call("GET", "/v2/invitation/" + id).json;
  EXPECT_EQ(inv["invite_status"], "Accepted");
  EXPECT_EQ(inv["status_full"], "Invite Accepted");
  EXPECT_NE(inv["date_responded"], "");
  // Accepted invitations never expire.
  Advance(10 * kThreeDays);
  EXPECT_EQ(sandbox_.Call("GET", "/v2/invitation/" + id).json["invite_status"], "Accepted");

  const Json users = sandbox_.Call("GET", "/v2/users").json["users"];
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["email"], "member@example.com");
  EXPECT_EQ(users[0]["service_user"], false);
  EXPECT_EQ(users[0]["api_enabled"], true);

  // Accepted: no resend (only Pending ones), no second acceptance.
  const Reply reply = sandbox_.Call("POST", "/v2/invitation/" + id + "/resend");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.json,
            Json({{"error", "This invitation has already been accepted."}, {"status", 400}}));
  EXPECT_EQ(sandbox_.Admin("POST", "/_sandbox/accept/" + id).status, 409);
  EXPECT_EQ(sandbox_.Admin("POST", "/_sandbox/accept/nope").status, 404);
}

TEST_F(VultrInvitationsTest, ExpiredCannotBeAccepted) {
  const std::string id = Invite("slow@example.com").json["id"];
  Advance(kThreeDays + 1);
  EXPECT_EQ(sandbox_.Admin("POST", "/_sandbox/accept/" + id).status, 400);
  EXPECT_TRUE(sandbox_.State()["vultr"]["users"].empty());
}

TEST_F(VultrInvitationsTest, ThereIsNoRevokeRoute) {
  // govultr organization.go has Create/Get/List/Resend only: DELETE is an
  // unrouted path, answered like any other (plain text), and changes nothing.
  const std::string id = Invite("revoke@example.com").json["id"];
  const Reply reply = sandbox_.Call("DELETE", "/v2/invitation/" + id);
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.body, "Not Found\n");
  EXPECT_EQ(reply.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(sandbox_.Call("GET", "/v2/invitation/" + id).status, 200);
  EXPECT_EQ(sandbox_.Stats()["requests"]["DELETE (unmatched)"], 1);
}

TEST_F(VultrInvitationsTest, ResendWithoutABodyOrContentLength) {
  // curl -X POST URL sends neither a body nor Content-Length.
  const std::string id = Invite("bare@example.com").json["id"];
  const std::string answer =
      sandbox_.SendRaw("POST /v2/invitation/" + id +
                       "/resend HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(sandbox_.port()) +
                       "\r\nAuthorization: Bearer sandbox-token\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 ")) << answer;
  EXPECT_NE(answer.find("\"invite_status\":\"Pending\""), std::string::npos) << answer;
}

TEST_F(VultrInvitationsTest, ListIsPaginated) {
  for (int i = 0; i < 5; ++i)
    ASSERT_EQ(Invite("i" + std::to_string(i) + "@example.com").status, 201);
  const Reply first = sandbox_.Call("GET", "/v2/invitation?per_page=2");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.json["invites"].size(), 2u);
  EXPECT_EQ(first.json["meta"]["total"], 5);
  int seen = 2;
  std::string cursor = first.json["meta"]["links"]["next"];
  while (!cursor.empty()) {
    const Reply page = sandbox_.Call("GET", "/v2/invitation?per_page=2&cursor=" + cursor);
    seen += static_cast<int>(page.json["invites"].size());
    cursor = page.json["meta"]["links"]["next"];
  }
  EXPECT_EQ(seen, 5);
}

}  // namespace
}  // namespace orgiam::sandbox::testing
