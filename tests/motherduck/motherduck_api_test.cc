// MotherduckApi against a scripted server playing MotherDuck: token lists that cannot be
// trusted, foreign tokens with the same name, and token creates whose answers are lost.

#include "motherduck/motherduck_api.h"

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "test_server.h"

namespace orgiam::motherduck {
namespace {

using http::testing::Action;
using http::testing::ReceivedRequest;
using http::testing::TestServer;
using nlohmann::json;

http::ClientOptions Options(const std::string& url) {
  http::ClientOptions options = http::testing::TestClientOptions("motherduck", url);
  options.max_retries = 2;
  return options;
}

TEST(MotherduckApiTest, AMalformedTokenListIsAnErrorNeverAnEmptyList) {
  for (const char* body : {"{}", "null", "[]", R"({"tokens":{}})", R"({"tokens":[{"name":1}]})"}) {
    TestServer server([&](const ReceivedRequest&) { return Action::Respond(200, body); });
    absl::StatusOr<std::vector<Token>> tokens =
        MotherduckApi(Options(server.url())).ListTokens("svc");
    EXPECT_EQ(tokens.status().code(), absl::StatusCode::kInternal) << body;
  }
}

// Tokens of one user; each create's answer is lost while `lost_answers` lasts; every POST
// can instead be refused with a 503 that is not carried out.
class FakeMotherduck {
 public:
  Action Handle(const ReceivedRequest& request) {
    std::lock_guard<std::mutex> lock(mu_);
    const std::string tokens = "/v1/users/svc/tokens";
    if (request.method == "GET" && request.target == tokens) {
      json list = json::array();
      for (const auto& [id, name] : tokens_) list.push_back({{"id", id}, {"name", name}});
      return Action::Respond(200, json{{"tokens", list}}.dump());
    }
    if (request.method == "POST" && request.target == tokens) {
      if (refuse_all) return Action::Respond(503, R"({"message":"busy","code":"UNAVAILABLE"})");
      const std::string id = "t" + std::to_string(++created_);
      tokens_.emplace_back(id, json::parse(request.body)["name"].get<std::string>());
      if (lost_answers > 0) {
        --lost_answers;
        return Action::Close();
      }
      return Action::Respond(200, json{{"id", id}, {"name", "n"}, {"token", "SECRET"}}.dump());
    }
    if (request.method == "DELETE" && request.target.starts_with(tokens + "/")) {
      const std::string id = request.target.substr(tokens.size() + 1);
      std::erase_if(tokens_, [&](const auto& token) { return token.first == id; });
      revoked_.push_back(id);
      return Action::Respond(200, "{}");
    }
    return Action::Respond(404, "Not Found");
  }
  void AddForeign(std::string id, std::string name) {
    std::lock_guard<std::mutex> lock(mu_);
    tokens_.emplace_back(std::move(id), std::move(name));
  }
  std::vector<std::string> revoked() const {
    std::lock_guard<std::mutex> lock(mu_);
    return revoked_;
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return tokens_.size();
  }

  int lost_answers = 0;
  bool refuse_all = false;

 private:
  mutable std::mutex mu_;
  int created_ = 0;
  std::vector<std::pair<std::string, std::string>> tokens_;
  std::vector<std::string> revoked_;
};

TEST(MotherduckApiTest, AForeignTokenWithTheSameNameIsNeverRevoked) {
  FakeMotherduck motherduck;
  motherduck.AddForeign("foreign", "deploy");
  motherduck.refuse_all = true;
  TestServer server([&](const ReceivedRequest& request) { return motherduck.Handle(request); });
  absl::StatusOr<Token> token =
      MotherduckApi(Options(server.url())).CreateToken("svc", NewToken{.name = "deploy"});
  EXPECT_FALSE(token.ok());
  EXPECT_TRUE(motherduck.revoked().empty());
  EXPECT_EQ(motherduck.size(), 1u);
}

TEST(MotherduckApiTest, ATokenWhoseAnswerWasLostIsRevokedAndMintedAgain) {
  FakeMotherduck motherduck;
  motherduck.AddForeign("foreign", "deploy");
  motherduck.lost_answers = 1;
  TestServer server([&](const ReceivedRequest& request) { return motherduck.Handle(request); });
  absl::StatusOr<Token> token =
      MotherduckApi(Options(server.url())).CreateToken("svc", NewToken{.name = "deploy"});
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(token->id, "t2");
  EXPECT_EQ(token->token, "SECRET");
  EXPECT_EQ(motherduck.revoked(), std::vector<std::string>{"t1"});
  EXPECT_EQ(motherduck.size(), 2u);  // the foreign token and the new one
}

TEST(MotherduckApiTest, OnlyMotherducksOwnNotFoundMeansGone) {
  TestServer plain([](const ReceivedRequest&) { return Action::Respond(404, "404 page"); });
  absl::StatusOr<bool> exists = MotherduckApi(Options(plain.url())).ServiceAccountExists("svc");
  EXPECT_FALSE(exists.ok());
  TestServer own([](const ReceivedRequest&) {
    return Action::Respond(404, R"({"message":"User not found","code":"NOT_FOUND"})");
  });
  exists = MotherduckApi(Options(own.url())).ServiceAccountExists("svc");
  ASSERT_TRUE(exists.ok()) << exists.status();
  EXPECT_FALSE(*exists);
}

}  // namespace
}  // namespace orgiam::motherduck
