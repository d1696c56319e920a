// ZitadelApi against a scripted server playing ZITADEL: which 404 means a deleted user, what a
// refused create says, and what a foreign page may show.

#include "zitadel/zitadel_api.h"

#include <gtest/gtest.h>

#include <string>

#include "test_server.h"
#include "zitadel/zitadel_error.h"

namespace orgiam::zitadel {
namespace {

using http::testing::Action;
using http::testing::ReceivedRequest;
using http::testing::TestServer;

http::ClientOptions Options(const std::string& url) {
  http::ClientOptions options = http::testing::TestClientOptions("zitadel", url);
  options.max_retries = 0;
  return options;
}

absl::Status ErrorFor(int status, const std::string& body) {
  return ZitadelError(http::Response{.status = status, .body = body},
                      "GET /management/v1/users/{id}");
}

TEST(ZitadelErrorTest, GoneOnlyWithZitadelsOwnErrorId) {
  // The ids ZITADEL puts into its errors: in the message, in details[] and in the Connect detail.
  const std::string gone[] = {
      R"j({"code":5,"message":"User could not be found (QUERY-Dfbg2)"})j",
      R"j({"code":5,"message":"User not found","details":[{"id":"QUERY-Dfbg2"}]})j",
      R"j({"code":"not_found","message":"x","detail":{"id":"QUERY-Dfbg2"}})j",
  };
  for (const std::string& body : gone) EXPECT_TRUE(absl::IsNotFound(ErrorFor(404, body))) << body;
  // What the gateway answers for a route it does not have, and other 404s that are not ZITADEL's.
  const std::string not_gone[] = {
      R"j({"code":5,"message":"Not Found"})j",
      R"j({"code":5})j",
      R"j({"code":5,"message":"Not Found (x)"})j",
      "404 page not found",
      "<html>Not Found</html>",
      "",
  };
  for (const std::string& body : not_gone) {
    const absl::Status status = ErrorFor(404, body);
    EXPECT_FALSE(absl::IsNotFound(status)) << body;
    EXPECT_FALSE(status.ok()) << body;
  }
}

TEST(ZitadelApiTest, AnUnroutedPathKeepsTheUser) {
  TestServer server([](const ReceivedRequest&) {
    return Action::Respond(404, R"j({"code":5,"message":"Not Found"})j");
  });
  absl::Status status = ZitadelApi(Options(server.url()), "").GetUser("", "123").status();
  EXPECT_FALSE(absl::IsNotFound(status)) << status;
  EXPECT_NE(status.message().find("no ZITADEL error id"), std::string::npos) << status;
  // Deleting through a route that does not exist is a failure, not "already gone".
  EXPECT_FALSE(ZitadelApi(Options(server.url()), "").DeleteUser("", "123").ok());
}

TEST(ZitadelApiTest, ATakenUserNameSaysNamesAreUniqueInTheInstance) {
  TestServer server([](const ReceivedRequest& request) {
    if (request.target.ends_with("/_search")) return Action::Respond(200, R"j({"result":[]})j");
    return Action::Respond(409, R"j({"code":6,"message":"User already exists (V3-DKcYh)"})j");
  });
  NewMachineUser user;
  user.user_name = "ci-bot";
  user.name = "CI bot";
  absl::StatusOr<CreatedUser> created =
      ZitadelApi(Options(server.url()), "org1").CreateMachineUser("org1", user);
  ASSERT_EQ(created.status().code(), absl::StatusCode::kAlreadyExists) << created.status();
  const std::string message(created.status().message());
  EXPECT_NE(message.find("User already exists (V3-DKcYh)"), std::string::npos) << message;
  EXPECT_NE(message.find("unique in the whole instance"), std::string::npos) << message;
  EXPECT_NE(message.find("\"ci-bot\""), std::string::npos) << message;
}

TEST(ZitadelApiTest, AForeignPageIsDescribedNotQuoted) {
  TestServer server([](const ReceivedRequest& request) {
    Action action = Action::Respond(
        401, "<html>login required; you sent " + request.headers.at("authorization") + "</html>");
    action.headers.emplace_back("Content-Type", "text/html");
    return action;
  });
  http::ClientOptions options = Options(server.url());
  options.bearer_token = "pat-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  absl::Status status = ZitadelApi(options, "").GetUser("", "123").status();
  EXPECT_EQ(std::string(status.message()).find("9f8e7d6c"), std::string::npos) << status;
  EXPECT_NE(status.message().find("HTTP 401, "), std::string::npos) << status;
  EXPECT_NE(status.message().find("text/html"), std::string::npos) << status;
}

// The user object's kind is its `type` oneof: a human is never read as a machine user, and
// GetUser refuses it saying what it is.
TEST(ZitadelApiTest, AHumanUserIsRefusedAsAPersonsAccount) {
  const nlohmann::json human = {
      {"id", "123"},
      {"userName", "alice"},
      {"human", {{"profile", {{"firstName", "Alice"}}}, {"email", {{"email", "a@example.com"}}}}}};
  const MachineUser parsed = ParseUser(human);
  EXPECT_TRUE(parsed.is_human);
  EXPECT_FALSE(parsed.is_machine);
  EXPECT_FALSE(parsed.has_secret.has_value());

  TestServer server([&human](const ReceivedRequest&) {
    return Action::Respond(200, nlohmann::json{{"user", human}}.dump());
  });
  absl::Status status = ZitadelApi(Options(server.url()), "").GetUser("", "123").status();
  EXPECT_TRUE(absl::IsFailedPrecondition(status)) << status;
  EXPECT_NE(status.message().find("is a human user (a person's account), not a machine user"),
            std::string::npos)
      << status;

  const MachineUser neither = ParseUser({{"id", "124"}, {"userName", "odd"}});
  EXPECT_FALSE(neither.is_human || neither.is_machine);
  EXPECT_NE(NotAMachineUser(neither).message().find("has no machine part"), std::string::npos);
}

}  // namespace
}  // namespace orgiam::zitadel
