// Client::Create and CreateCapturingSecret against a scripted server: what counts as this
// create's own object, what is refused, and what a stop lets finish.

#include "http/exactly_once.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/client.h"
#include "test_server.h"

namespace orgiam::http {
namespace {

using std::chrono::milliseconds;
using testing::Action;
using testing::ReceivedRequest;
using testing::TestServer;

ClientOptions Options(const std::string& url) {
  ClientOptions options = testing::TestClientOptions("vultr", url);
  options.initial_backoff = milliseconds(5);
  options.max_backoff = milliseconds(50);
  return options;
}

// The objects a fake vendor holds, as the lookup sees them.
class Objects {
 public:
  void Add(std::string id) {
    std::lock_guard<std::mutex> lock(mu_);
    ids_.push_back(std::move(id));
  }
  void Remove(const std::string& id) {
    std::lock_guard<std::mutex> lock(mu_);
    std::erase(ids_, id);
  }
  std::vector<std::string> ids() const {
    std::lock_guard<std::mutex> lock(mu_);
    return ids_;
  }
  int lookups() const { return lookups_; }
  absl::StatusOr<std::vector<ExistingObject>> Find() {
    ++lookups_;
    std::vector<ExistingObject> found;
    for (const std::string& id : ids()) found.push_back({.id = id, .label = "user " + id});
    return found;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> ids_;
  std::atomic<int> lookups_{0};
};

CreateSpec Spec(Objects* objects, bool unique_key) {
  return CreateSpec{.post = {.method = "POST", .path = "/v2/users", .body = R"({"a":1})"},
                    .find = [objects] { return objects->Find(); },
                    .unique_key = unique_key};
}

TEST(CreateTest, ATakenUniqueKeyIsRefusedBeforeAnythingIsSent) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(201, R"({"id":"x"})"); });
  Client client(Options(server.url()));
  Objects objects;
  objects.Add("foreign");
  absl::StatusOr<CreateOutcome> outcome = client.Create(Spec(&objects, /*unique_key=*/true));
  ASSERT_EQ(outcome.status().code(), absl::StatusCode::kAlreadyExists) << outcome.status();
  const std::optional<ExistingObject> existing = ExistingObjectOf(outcome.status());
  ASSERT_TRUE(existing.has_value());
  EXPECT_EQ(existing->id, "foreign");
  EXPECT_NE(outcome.status().message().find("user foreign"), std::string::npos);
  EXPECT_EQ(server.request_count(), 0);
}

TEST(CreateTest, AForeignMatchIsNeverTakenAfterAFailureThatWasNotCarriedOut) {
  // The object with the key exists already (non-unique names), and every POST gets a 503
  // without being carried out: the create fails and claims nothing.
  TestServer server([](const ReceivedRequest&) { return Action::Respond(503, "{}"); });
  ClientOptions options = Options(server.url());
  options.max_retries = 2;
  Client client(options);
  Objects objects;
  objects.Add("foreign");
  absl::StatusOr<CreateOutcome> outcome = client.Create(Spec(&objects, /*unique_key=*/false));
  EXPECT_TRUE(IsOutcomeUnknown(outcome.status())) << outcome.status();
  EXPECT_EQ(server.request_count(), 3);
  EXPECT_EQ(objects.lookups(), 4);  // once before, once after each failed attempt
}

TEST(CreateTest, AnObjectMadeByALostPostIsRecovered) {
  Objects objects;
  objects.Add("older-same-name");
  TestServer server([&](const ReceivedRequest&) {
    objects.Add("mine");
    return Action::Close();  // carried out, answer lost
  });
  Client client(Options(server.url()));
  absl::StatusOr<CreateOutcome> outcome = client.Create(Spec(&objects, /*unique_key=*/false));
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_FALSE(outcome->response.has_value());
  ASSERT_EQ(outcome->recovered.size(), 1u);
  EXPECT_EQ(outcome->recovered[0].id, "mine");
  EXPECT_EQ(server.request_count(), 1);
}

TEST(CreateTest, AnIncompleteAnswerIsResolvedByLookup) {
  Objects objects;
  TestServer server([&](const ReceivedRequest&) {
    objects.Add("made");
    return Action::Respond(201, "{}");
  });
  Client client(Options(server.url()));
  CreateSpec spec = Spec(&objects, /*unique_key=*/true);
  spec.answer_complete = [](const Response& response) { return response.body != "{}"; };
  absl::StatusOr<CreateOutcome> outcome = client.Create(spec);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_EQ(outcome->recovered.size(), 1u);
  EXPECT_EQ(outcome->recovered[0].id, "made");
}

TEST(CreateTest, AnIncompleteAnswerWithNothingFoundIsAnError) {
  Objects objects;
  TestServer server([](const ReceivedRequest&) { return Action::Respond(201, "{}"); });
  Client client(Options(server.url()));
  CreateSpec spec = Spec(&objects, /*unique_key=*/true);
  spec.answer_complete = [](const Response&) { return false; };
  absl::StatusOr<CreateOutcome> outcome = client.Create(spec);
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kInternal) << outcome.status();
  EXPECT_EQ(server.request_count(), 1);
}

TEST(CreateTest, ResendsWhenTheLookupFindsNothing) {
  std::atomic<int> posts{0};
  TestServer server([&](const ReceivedRequest&) {
    return ++posts == 1 ? Action::Respond(500, "{}") : Action::Respond(201, R"({"id":"new"})");
  });
  Client client(Options(server.url()));
  Objects objects;
  absl::StatusOr<CreateOutcome> outcome = client.Create(Spec(&objects, /*unique_key=*/true));
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_TRUE(outcome->response.has_value());
  EXPECT_EQ(outcome->response->status, 201);
  EXPECT_EQ(posts, 2);
}

TEST(CreateTest, ARefusedResendIsCheckedForAnEarlierAttemptThatLandedLate) {
  // The first attempt times out on our side but lands; the resend is refused as a duplicate.
  Objects objects;
  std::atomic<int> posts{0};
  TestServer server([&](const ReceivedRequest&) {
    if (++posts == 1) return Action::Respond(502, "{}");
    objects.Add("late");
    return Action::Respond(400, R"({"error":"A user with that email already exists."})");
  });
  Client client(Options(server.url()));
  absl::StatusOr<CreateOutcome> outcome = client.Create(Spec(&objects, /*unique_key=*/true));
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_EQ(outcome->recovered.size(), 1u);
  EXPECT_EQ(outcome->recovered[0].id, "late");
}

TEST(CreateTest, DefiniteRefusalsAreReturnedAsIs) {
  TestServer server([](const ReceivedRequest&) {
    return Action::Respond(400, R"({"error":"Invalid email address."})");
  });
  Client client(Options(server.url()));
  Objects objects;
  absl::StatusOr<CreateOutcome> outcome = client.Create(Spec(&objects, /*unique_key=*/true));
  ASSERT_TRUE(outcome.ok());
  ASSERT_TRUE(outcome->response.has_value());
  EXPECT_EQ(outcome->response->status, 400);
  EXPECT_EQ(objects.lookups(), 1);  // only the one before the POST
}

TEST(CreateTest, AStopLetsASentCreateFinish) {
  Objects objects;
  TestServer server([&](const ReceivedRequest&) {
    Action action = Action::Respond(201, R"({"id":"made"})");
    action.delay = milliseconds(400);  // the vendor is still working when the stop comes
    objects.Add("made");
    return action;
  });
  Client client(Options(server.url()));
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds(100));
    client.CancelAll();
  });
  absl::StatusOr<CreateOutcome> outcome = client.Create(Spec(&objects, /*unique_key=*/true));
  stopper.join();
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_TRUE(outcome->response.has_value());
  EXPECT_EQ(outcome->response->status, 201);
  // Nothing new starts after the stop.
  EXPECT_EQ(client.Create(Spec(&objects, /*unique_key=*/false)).status().code(),
            absl::StatusCode::kCancelled);
}

TEST(CreateTest, AStopStillFindsWhatALostCreateMade) {
  Objects objects;
  Client* client_ptr = nullptr;
  TestServer server([&](const ReceivedRequest& request) {
    if (request.method == "POST") {
      objects.Add("made");
      client_ptr->CancelAll();  // the stop arrives while the answer is being lost
      return Action::Close();
    }
    return Action::Respond(200, "{}");
  });
  Client client(Options(server.url()));
  client_ptr = &client;
  CreateSpec spec = Spec(&objects, /*unique_key=*/true);
  // The lookup goes through the client, as the vendors' lookups do.
  spec.find = [&]() -> absl::StatusOr<std::vector<ExistingObject>> {
    absl::StatusOr<Response> listed = client.Send(Request{.method = "GET", .path = "/v2/users"});
    if (!listed.ok()) return listed.status();
    return objects.Find();
  };
  absl::StatusOr<CreateOutcome> outcome = client.Create(spec);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_EQ(outcome->recovered.size(), 1u);
  EXPECT_EQ(outcome->recovered[0].id, "made");
}

TEST(CreateCapturingSecretTest, DeletesWhatALostAnswerMadeAndCreatesAgain) {
  Objects objects;
  std::atomic<int> posts{0};
  TestServer server([&](const ReceivedRequest&) {
    const std::string id = "key" + std::to_string(++posts);
    objects.Add(id);
    if (posts == 1) return Action::Close();
    return Action::Respond(201, R"({"id":")" + id + R"(","api_key":"secret"})");
  });
  Client client(Options(server.url()));
  std::vector<std::string> removed;
  absl::StatusOr<Response> response = CreateCapturingSecret(
      client, Spec(&objects, /*unique_key=*/false), [&](const ExistingObject& made) {
        removed.push_back(made.id);
        objects.Remove(made.id);
        return absl::OkStatus();
      });
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(removed, std::vector<std::string>{"key1"});
  EXPECT_EQ(objects.ids(), std::vector<std::string>{"key2"});
}

TEST(CreateCapturingSecretTest, GivesUpWithNothingLeftBehind) {
  Objects objects;
  std::atomic<int> posts{0};
  TestServer server([&](const ReceivedRequest&) {
    objects.Add("key" + std::to_string(++posts));
    return Action::Close();
  });
  Client client(Options(server.url()));
  absl::StatusOr<Response> response = CreateCapturingSecret(
      client, Spec(&objects, /*unique_key=*/false),
      [&](const ExistingObject& made) {
        objects.Remove(made.id);
        return absl::OkStatus();
      },
      /*attempts=*/3);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable) << response.status();
  EXPECT_EQ(posts, 3);
  EXPECT_TRUE(objects.ids().empty());
}

TEST(ClientBudgetTest, ARetryAfterBeyondTheBudgetIsNotWaitedFor) {
  TestServer server([](const ReceivedRequest&) {
    Action action = Action::Respond(429, R"({"error":"rate limit exceeded"})");
    action.headers.push_back({"Retry-After", "20"});
    return action;
  });
  ClientOptions options = Options(server.url());
  options.max_backoff = milliseconds(30000);
  options.operation_budget = milliseconds(1000);
  Client client(options);
  const auto started = std::chrono::steady_clock::now();
  absl::StatusOr<Response> response = client.Send(Request{.method = "GET", .path = "/v2/users"});
  const auto waited = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 429);
  EXPECT_LT(waited, std::chrono::seconds(10));
}

}  // namespace
}  // namespace orgiam::http
