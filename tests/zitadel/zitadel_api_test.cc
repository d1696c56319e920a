// ZitadelApi against a scripted server playing ZITADEL: which 404 means a deleted user, what a
// refused create says, what a foreign page may show, and how personal access tokens are
// listed, read, created exactly once and removed.

#include "zitadel/zitadel_api.h"

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <utility>
#include <vector>

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

// ---------------------------------------------------------------- personal access tokens

nlohmann::json PatJson(const std::string& id, const std::string& expires) {
  return {{"id", id},
          {"details", {{"creationDate", "2026-11-23T13:40:00.5Z"}, {"resourceOwner", "org1"}}},
          {"expirationDate", expires}};
}

TEST(ZitadelPatTest, ListFollowsOffsetsUntilAShortPage) {
  TestServer server([](const ReceivedRequest& request) {
    const nlohmann::json query = nlohmann::json::parse(request.body)["query"];
    const int offset = std::stoi(query["offset"].get<std::string>());
    nlohmann::json result = nlohmann::json::array();
    const int count = offset == 0 ? query["limit"].get<int>() : 1;
    for (int i = 0; i < count; ++i) {
      result.push_back(PatJson(std::to_string(offset + i + 1), "2030-01-01T00:00:00Z"));
    }
    return Action::Respond(200, nlohmann::json{{"result", result}}.dump());
  });
  absl::StatusOr<std::vector<PersonalAccessToken>> tokens =
      ZitadelApi(Options(server.url()), "").ListPersonalAccessTokens("org1", "77");
  ASSERT_TRUE(tokens.ok()) << tokens.status();
  ASSERT_EQ(tokens->size(), 101u);
  EXPECT_EQ(tokens->back().id, "101");
  EXPECT_EQ(tokens->front().creation_date, "2026-11-23T13:40:00.5Z");
  EXPECT_EQ(tokens->front().org_id, "org1");
  const std::vector<ReceivedRequest> requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].target, "/management/v1/users/77/pats/_search");
  EXPECT_EQ(requests[0].headers.at("x-zitadel-orgid"), "org1");
  EXPECT_EQ(nlohmann::json::parse(requests[1].body)["query"]["offset"], "100");
}

TEST(ZitadelPatTest, ListRefusesWhatIsNotAList) {
  for (const std::string body : {R"j({})j", R"j({"result":[]})j"}) {
    TestServer server([&body](const ReceivedRequest&) { return Action::Respond(200, body); });
    absl::StatusOr<std::vector<PersonalAccessToken>> tokens =
        ZitadelApi(Options(server.url()), "").ListPersonalAccessTokens("", "77");
    ASSERT_TRUE(tokens.ok()) << body << ": " << tokens.status();
    EXPECT_TRUE(tokens->empty()) << body;
  }
  for (const std::string body : {R"j({"result":"x"})j", R"j([])j", R"j({"result":[{"id":5}]})j"}) {
    TestServer server([&body](const ReceivedRequest&) { return Action::Respond(200, body); });
    absl::StatusOr<std::vector<PersonalAccessToken>> tokens =
        ZitadelApi(Options(server.url()), "").ListPersonalAccessTokens("", "77");
    EXPECT_EQ(tokens.status().code(), absl::StatusCode::kInternal) << body;
  }
}

TEST(ZitadelPatTest, GetIsGoneOnlyOnZitadelsOwnNotFoundAndNeverAnswersForAnotherToken) {
  const std::pair<std::string, absl::StatusCode> cases[] = {
      {R"j({"token":{"id":"9","expirationDate":"2030-01-01T00:00:00Z"}})j", absl::StatusCode::kOk},
      {R"j({"token":{"id":"8"}})j", absl::StatusCode::kInternal},
      {R"j({})j", absl::StatusCode::kInternal},
      {R"j(null)j", absl::StatusCode::kInternal},
  };
  for (const auto& [body, code] : cases) {
    TestServer server([&body](const ReceivedRequest&) { return Action::Respond(200, body); });
    absl::StatusOr<PersonalAccessToken> token =
        ZitadelApi(Options(server.url()), "").GetPersonalAccessToken("", "77", "9");
    EXPECT_EQ(token.status().code(), code) << body << ": " << token.status();
  }
  TestServer gone([](const ReceivedRequest&) {
    return Action::Respond(
        404, R"j({"code":5,"message":"Errors.PersonalAccessToken.NotFound (QUERY-fRunu)"})j");
  });
  EXPECT_TRUE(absl::IsNotFound(
      ZitadelApi(Options(gone.url()), "").GetPersonalAccessToken("", "77", "9").status()));
  // The gateway's own 404 (no route) is not "gone", and the message names the route, not ids.
  TestServer unrouted([](const ReceivedRequest&) {
    return Action::Respond(404, R"j({"code":5,"message":"Not Found"})j");
  });
  const absl::Status status =
      ZitadelApi(Options(unrouted.url()), "").GetPersonalAccessToken("", "77", "9").status();
  EXPECT_FALSE(absl::IsNotFound(status)) << status;
  EXPECT_NE(status.message().find("GET /management/v1/users/{id}/pats/{token_id}"),
            std::string::npos)
      << status;
}

// The answer to the POST is lost after the token was made. The lookup before the POST saw one
// token with the same expiry (somebody else's); the one that appears after it is this
// call's: it is removed (nobody holds its secret) and the call is sent once more. The other
// token is never touched.
TEST(ZitadelPatTest, ALostAnswerRemovesOnlyTheTokenItMadeAndCreatesOnceMore) {
  std::mutex mu;
  std::vector<std::string> held = {"1"};  // somebody else's, same expiry
  int posts = 0;
  TestServer server([&](const ReceivedRequest& request) {
    std::lock_guard<std::mutex> lock(mu);
    if (request.target.ends_with("/pats/_search")) {
      nlohmann::json result = nlohmann::json::array();
      for (const std::string& id : held) result.push_back(PatJson(id, "2030-01-01T00:00:00Z"));
      // A token of another expiry is never a candidate.
      result.push_back(PatJson("50", "2031-01-01T00:00:00Z"));
      return Action::Respond(200, nlohmann::json{{"result", result}}.dump());
    }
    if (request.method == "POST") {
      ++posts;
      const std::string id = std::to_string(100 + posts);
      held.push_back(id);
      if (posts == 1) return Action::Close();  // carried out, answer lost
      return Action::Respond(
          200, nlohmann::json{{"tokenId", id}, {"token", "secret-" + id}, {"details", {}}}.dump());
    }
    if (request.method == "DELETE") {
      const std::string id = request.target.substr(request.target.rfind('/') + 1);
      std::erase(held, id);
      return Action::Respond(200, R"j({"details":{}})j");
    }
    return Action::Respond(500);
  });
  http::ClientOptions options = Options(server.url());
  absl::StatusOr<PersonalAccessToken> token =
      ZitadelApi(options, "").AddPersonalAccessToken("", "77", "2030-01-01T00:00:00+00:00");
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(token->id, "102");
  EXPECT_EQ(token->token, "secret-102");
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(held, (std::vector<std::string>{"1", "102"}));
  std::vector<std::string> deletes;
  for (const ReceivedRequest& request : server.requests()) {
    if (request.method == "DELETE") deletes.push_back(request.target);
    if (request.method == "POST" && !request.target.ends_with("_search")) {
      EXPECT_EQ(nlohmann::json::parse(request.body)["expirationDate"], "2030-01-01T00:00:00+00:00");
    }
  }
  EXPECT_EQ(deletes, (std::vector<std::string>{"/management/v1/users/77/pats/101"}));
}

TEST(ZitadelPatTest, RemoveCountsAGoneTokenAsRemovedButNotAnUnroutedPath) {
  TestServer gone([](const ReceivedRequest&) {
    return Action::Respond(
        404, R"j({"code":5,"message":"Personal Access Token not found (COMMAND-4m77G)"})j");
  });
  EXPECT_TRUE(ZitadelApi(Options(gone.url()), "").RemovePersonalAccessToken("", "77", "9").ok());
  TestServer unrouted([](const ReceivedRequest&) {
    return Action::Respond(404, R"j({"code":5,"message":"Not Found"})j");
  });
  EXPECT_FALSE(
      ZitadelApi(Options(unrouted.url()), "").RemovePersonalAccessToken("", "77", "9").ok());
}

}  // namespace
}  // namespace orgiam::zitadel
