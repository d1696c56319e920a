// VultrApi against a scripted server playing Vultr: answers that cannot be trusted, pagination
// that never ends, ids that are not ids, and creates whose answers are lost.

#include "vultr/vultr_api.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "http/exactly_once.h"
#include "nlohmann/json.hpp"
#include "test_server.h"

namespace orgiam::vultr {
namespace {

using http::testing::Action;
using http::testing::ReceivedRequest;
using http::testing::TestServer;
using nlohmann::json;

http::ClientOptions Options(const std::string& url) {
  http::ClientOptions options = http::testing::TestClientOptions("vultr", url);
  options.max_retries = 2;
  return options;
}

TEST(VultrApiTest, ReadsThatCannotBeTrustedAreErrorsNotUsers) {
  for (const char* body :
       {"{}", "null", "[]", R"({"user":{"id":5}})", R"({"user":{}})", R"({"user":{"id":""}})",
        R"({"user":{"id":"someone-else"}})", "not json"}) {
    TestServer server([&](const ReceivedRequest&) { return Action::Respond(200, body); });
    VultrApi api(Options(server.url()));
    absl::StatusOr<User> user = api.GetUser("u1");
    EXPECT_FALSE(user.ok()) << body;
    EXPECT_FALSE(absl::IsNotFound(user.status())) << body;
  }
}

TEST(VultrApiTest, OnlyVultrsOwnNotFoundMeansGone) {
  TestServer vultr([](const ReceivedRequest&) {
    return Action::Respond(404, R"({"error":"Invalid user","status":404})");
  });
  EXPECT_TRUE(absl::IsNotFound(VultrApi(Options(vultr.url())).GetUser("u1").status()));
  TestServer proxy([](const ReceivedRequest&) { return Action::Respond(404, "Not Found"); });
  absl::Status status = VultrApi(Options(proxy.url())).GetUser("u1").status();
  EXPECT_FALSE(absl::IsNotFound(status)) << status;
}

TEST(VultrApiTest, IdsThatAreNotIdsSendNothing) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(200, "{}"); });
  VultrApi api(Options(server.url()));
  for (const char* id : {"", ".", ".."}) {
    EXPECT_EQ(api.GetUser(id).status().code(), absl::StatusCode::kInvalidArgument) << id;
    EXPECT_EQ(api.DeleteUser(id).code(), absl::StatusCode::kInvalidArgument) << id;
    EXPECT_EQ(api.DeleteApiKey("u1", id).code(), absl::StatusCode::kInvalidArgument) << id;
    EXPECT_EQ(api.GetInvitation(id).status().code(), absl::StatusCode::kInvalidArgument) << id;
  }
  EXPECT_EQ(server.request_count(), 0);
}

TEST(VultrApiTest, AListWithoutItsArrayIsAnError) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(200, R"({"meta":{}})"); });
  EXPECT_EQ(VultrApi(Options(server.url())).ListUsers().status().code(),
            absl::StatusCode::kInternal);
}

TEST(VultrApiTest, EndlessPaginationStopsWithAClearError) {
  std::atomic<int> pages{0};
  TestServer server([&](const ReceivedRequest&) {
    const std::string next = "c" + std::to_string(++pages);
    return Action::Respond(200, R"({"users":[],"meta":{"links":{"next":")" + next + R"("}}})");
  });
  absl::StatusOr<std::vector<User>> users = VultrApi(Options(server.url())).ListUsers();
  EXPECT_EQ(users.status().code(), absl::StatusCode::kDataLoss) << users.status();
  EXPECT_NE(users.status().message().find("empty pages in a row"), std::string::npos);
  EXPECT_EQ(pages, 3);
}

// A small Vultr: users by email, with the create's answer lost a given number of times.
class FakeVultr {
 public:
  explicit FakeVultr(int lost_answers) : lost_answers_(lost_answers) {}

  Action Handle(const ReceivedRequest& request) {
    std::lock_guard<std::mutex> lock(mu_);
    if (request.method == "GET" && request.target.starts_with("/v2/users?")) {
      json users = json::array();
      for (const auto& [id, email] : users_) users.push_back({{"id", id}, {"email", email}});
      return Action::Respond(200,
                             json{{"users", users}, {"meta", {{"links", {{"next", ""}}}}}}.dump());
    }
    if (request.method == "POST" && request.target == "/v2/users") {
      const json body = json::parse(request.body);
      const std::string id = "u" + std::to_string(++created_);
      users_.emplace_back(id, body["email"].get<std::string>());
      if (lost_answers_ > 0) {
        --lost_answers_;
        return Action::Close();
      }
      return Action::Respond(
          201,
          json{{"user", {{"id", id}, {"email", body["email"]}, {"api_key", "KEY-" + id}}}}.dump());
    }
    if (request.method == "DELETE" && request.target.starts_with("/v2/users/")) {
      const std::string id = request.target.substr(std::string("/v2/users/").size());
      std::erase_if(users_, [&](const auto& user) { return user.first == id; });
      deleted_.push_back(id);
      return Action::Respond(204, "");
    }
    return Action::Respond(404, "Not Found");
  }

  std::vector<std::pair<std::string, std::string>> users() const {
    std::lock_guard<std::mutex> lock(mu_);
    return users_;
  }
  std::vector<std::string> deleted() const {
    std::lock_guard<std::mutex> lock(mu_);
    return deleted_;
  }
  void AddForeign(std::string id, std::string email) {
    std::lock_guard<std::mutex> lock(mu_);
    users_.emplace_back(std::move(id), std::move(email));
  }

 private:
  mutable std::mutex mu_;
  int lost_answers_;
  int created_ = 0;
  std::vector<std::pair<std::string, std::string>> users_;
  std::vector<std::string> deleted_;
};

NewUser Robot() {
  NewUser user;
  user.name = "robot";
  user.email = "robot@example.com";
  user.password = "pw";
  return user;
}

TEST(VultrApiTest, AUserThatExistsAlreadyIsNeverAdoptedOrDeleted) {
  FakeVultr vultr(/*lost_answers=*/0);
  vultr.AddForeign("foreign", "Robot@Example.com");
  TestServer server([&](const ReceivedRequest& request) { return vultr.Handle(request); });
  absl::StatusOr<User> user = VultrApi(Options(server.url())).CreateUser(Robot());
  ASSERT_EQ(user.status().code(), absl::StatusCode::kAlreadyExists) << user.status();
  ASSERT_TRUE(http::ExistingObjectOf(user.status()).has_value());
  EXPECT_EQ(http::ExistingObjectOf(user.status())->id, "foreign");
  EXPECT_TRUE(vultr.deleted().empty());
  EXPECT_EQ(vultr.users().size(), 1u);
}

TEST(VultrApiTest, AUserWhoseKeyWasLostIsMadeAgainWithItsKey) {
  FakeVultr vultr(/*lost_answers=*/1);
  TestServer server([&](const ReceivedRequest& request) { return vultr.Handle(request); });
  absl::StatusOr<User> user = VultrApi(Options(server.url())).CreateUser(Robot());
  ASSERT_TRUE(user.ok()) << user.status();
  EXPECT_EQ(user->id, "u2");
  EXPECT_EQ(user->api_key, "KEY-u2");
  EXPECT_EQ(vultr.deleted(), std::vector<std::string>{"u1"});
  ASSERT_EQ(vultr.users().size(), 1u);
  EXPECT_EQ(vultr.users()[0].first, "u2");
}

TEST(VultrApiTest, FourLostAnswersLeaveNoUserAndNoId) {
  FakeVultr vultr(/*lost_answers=*/4);
  TestServer server([&](const ReceivedRequest& request) { return vultr.Handle(request); });
  absl::StatusOr<User> user = VultrApi(Options(server.url())).CreateUser(Robot());
  EXPECT_FALSE(user.ok());
  EXPECT_TRUE(vultr.users().empty());
  EXPECT_EQ(vultr.deleted().size(), 4u);
}

TEST(VultrApiTest, ErrorsCarryVultrsMessage) {
  http::Response response{.status = 400,
                          .body = R"({"error":"Invalid email address.","status":400})"};
  absl::Status status = VultrError(response, "POST /v2/users");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("Invalid email address."), std::string::npos);
}

TEST(VultrApiTest, AUserWithoutPasswordIsSentAFreshRandomOne) {
  std::mutex mu;
  std::vector<json> posted;
  TestServer server([&](const ReceivedRequest& request) {
    if (request.method == "GET") {
      return Action::Respond(200, R"({"users":[],"meta":{"links":{"next":""}}})");
    }
    std::lock_guard<std::mutex> lock(mu);
    posted.push_back(json::parse(request.body));
    const std::string id = "u" + std::to_string(posted.size());
    return Action::Respond(201, json{{"user", {{"id", id}, {"api_key", "K" + id}}}}.dump());
  });
  VultrApi api(Options(server.url()));
  NewUser user = Robot();
  user.password.reset();
  ASSERT_TRUE(api.CreateUser(user).ok());
  user.email = "second@example.com";
  ASSERT_TRUE(api.CreateUser(user).ok());
  ASSERT_EQ(posted.size(), 2u);
  for (const json& body : posted) {
    ASSERT_TRUE(body.contains("password")) << body;
    EXPECT_EQ(body["password"].get<std::string>().size(), 40u);
    EXPECT_EQ(body["name"], "robot");
  }
  EXPECT_NE(posted[0]["password"], posted[1]["password"]);
}

TEST(VultrApiTest, AKeyCreateAnsweredWithoutABodyLeavesNoKeyBehind) {
  std::mutex mu;
  std::vector<std::string> keys;
  int posts = 0;
  std::vector<std::string> deleted;
  TestServer server([&](const ReceivedRequest& request) {
    std::lock_guard<std::mutex> lock(mu);
    if (request.method == "GET") {
      json list = json::array();
      for (const std::string& id : keys) list.push_back({{"id", id}, {"name", "ci"}});
      return Action::Respond(
          200, json{{"api_keys", list}, {"meta", {{"links", {{"next", ""}}}}}}.dump());
    }
    if (request.method == "POST") {
      keys.push_back("k" + std::to_string(++posts));
      return Action::Respond(201, "");  // documented as "void"
    }
    const std::string id = request.target.substr(request.target.rfind('/') + 1);
    std::erase(keys, id);
    deleted.push_back(id);
    return Action::Respond(204, "");
  });
  absl::StatusOr<ApiKey> key = VultrApi(Options(server.url())).CreateApiKey("u1", "ci", {});
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.status().message().find("without the created object's secret"), std::string::npos)
      << key.status();
  EXPECT_NE(key.status().message().find("deleted"), std::string::npos) << key.status();
  EXPECT_EQ(posts, 1);
  EXPECT_EQ(deleted, std::vector<std::string>{"k1"});
  EXPECT_TRUE(keys.empty());
}

TEST(VultrApiTest, EmailRegisteredReadsBoolsAndTheirSpellings) {
  for (const auto& [value, expected] : std::vector<std::pair<json, bool>>{{true, true},
                                                                          {false, false},
                                                                          {"yes", true},
                                                                          {"Yes", true},
                                                                          {"true", true},
                                                                          {"no", false},
                                                                          {"false", false},
                                                                          {"", false},
                                                                          {1, false}}) {
    absl::StatusOr<Invitation> invitation =
        ParseInvitation({{"id", "i1"}, {"email_registered", value}});
    ASSERT_TRUE(invitation.ok());
    EXPECT_EQ(invitation->email_registered, expected) << value;
  }
}

TEST(VultrApiTest, AForeignErrorPageShowsNoTokenItEchoes) {
  constexpr char kKey[] = "ZX81QW72ER63TY54UI45OP36AS27DF18GH09";
  TestServer server([&](const ReceivedRequest& request) {
    Action action = Action::Respond(
        502, "<html><pre>Authorization: " + request.headers.at("authorization") + "</pre></html>");
    action.headers.emplace_back("Content-Type", "text/html");
    return action;
  });
  http::ClientOptions options = Options(server.url());
  options.bearer_token = kKey;
  options.max_retries = 0;
  absl::Status status = VultrApi(options).GetUser("u1").status();
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(std::string(status.message()).find(kKey), std::string::npos) << status;
  EXPECT_NE(status.message().find("not a Vultr error body (HTTP 502, "), std::string::npos)
      << status;
  EXPECT_NE(status.message().find("text/html"), std::string::npos) << status;
}

}  // namespace
}  // namespace orgiam::vultr
