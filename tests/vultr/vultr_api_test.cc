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

}  // namespace
}  // namespace orgiam::vultr
