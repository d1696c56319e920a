// Client against real sockets: a scripted local server (test_server.h) plays
// the vendor.

#include "http/client.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_server.h"
#include "util/log.h"

namespace orgiam::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;
using testing::Action;
using testing::ReceivedRequest;
using testing::TestServer;

constexpr char kToken[] = "s3cr3t-token-value";

ClientOptions Options(const std::string& url) {
  ClientOptions options;
  options.vendor = "vultr";
  options.base_url = url;
  options.bearer_token = kToken;
  options.max_retries = 3;
  options.initial_backoff = milliseconds(5);
  options.max_backoff = milliseconds(50);
  options.request_timeout = milliseconds(5000);
  return options;
}

Request Get(std::string path) { return Request{.method = "GET", .path = std::move(path)}; }

Request Post(std::string path, std::string body = R"({"email":"a@example.com"})") {
  return Request{.method = "POST", .path = std::move(path), .body = std::move(body)};
}

double SecondsSince(steady_clock::time_point start) {
  return std::chrono::duration<double>(steady_clock::now() - start).count();
}

TEST(ClientTest, GetRetriedOn503ThenSucceeds) {
  std::atomic<int> calls{0};
  TestServer server([&](const ReceivedRequest&) {
    return ++calls <= 2 ? Action::Respond(503, R"({"error":"busy"})")
                        : Action::Respond(200, R"({"ok":true})");
  });
  Client client(Options(server.url()));
  auto response = client.Send(Get("/v2/users"));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"ok":true})");
  EXPECT_EQ(response->headers.at("content-type"), "application/json");
  EXPECT_EQ(server.request_count(), 3);
}

TEST(ClientTest, IdempotentMethodsGiveUpAfterMaxRetriesWithTheLastResponse) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(502, "bad gateway"); });
  Client client(Options(server.url()));
  for (const char* method : {"GET", "PUT", "PATCH", "DELETE"}) {
    const int before = server.request_count();
    auto response = client.Send(Request{.method = method, .path = "/v2/users/1", .body = "{}"});
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ(response->status, 502);
    EXPECT_EQ(response->body, "bad gateway");
    EXPECT_EQ(server.request_count() - before, 4) << method;  // 1 + max_retries
  }
}

TEST(ClientTest, NotFoundIsAResponseAndNotRetried) {
  TestServer server([](const ReceivedRequest&) {
    return Action::Respond(404, R"({"error":"Invalid user.","status":404})");
  });
  Client client(Options(server.url()));
  auto response = client.Send(Get("/v2/users/nope"));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(server.request_count(), 1);
}

TEST(ClientTest, PostIsNotRetriedOn500AndItsOutcomeIsUnknown) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(500, "{}"); });
  Client client(Options(server.url()));
  auto response = client.Send(Post("/v2/users"));
  ASSERT_FALSE(response.ok());
  EXPECT_TRUE(IsOutcomeUnknown(response.status())) << response.status();
  EXPECT_EQ(HttpStatusOf(response.status()), 500);
  EXPECT_NE(response.status().message().find("vultr"), std::string::npos);
  EXPECT_NE(response.status().message().find("POST /v2/users"), std::string::npos);
  EXPECT_EQ(server.request_count(), 1);
}

TEST(ClientTest, PostRetriedOn429) {
  std::atomic<int> calls{0};
  TestServer server([&](const ReceivedRequest&) {
    return ++calls == 1 ? Action::Respond(429, R"({"error":"slow down"})")
                        : Action::Respond(201, R"({"user":{"id":"u1"}})");
  });
  Client client(Options(server.url()));
  auto response = client.Send(Post("/v2/users"));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(server.request_count(), 2);
}

TEST(ClientTest, PostClosedAfterSendingIsNotResentEvenOnAWarmConnection) {
  // curl resends a request by itself when a reused connection closes without an
  // answer; a POST must not ride on a reused connection, or this would create
  // the object twice.
  TestServer server([](const ReceivedRequest& request) {
    return request.method == "POST" ? Action::Close() : Action::Respond(200, "{}");
  });
  Client client(Options(server.url()));
  ASSERT_TRUE(client.Send(Get("/v2/users")).ok());
  auto response = client.Send(Post("/v2/users"));
  ASSERT_FALSE(response.ok());
  EXPECT_TRUE(IsOutcomeUnknown(response.status())) << response.status();
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  int posts = 0;
  for (const auto& request : server.requests()) posts += request.method == "POST";
  EXPECT_EQ(posts, 1);
}

TEST(ClientTest, GetClosedWithoutAnswerIsRetried) {
  std::atomic<int> calls{0};
  TestServer server([&](const ReceivedRequest&) {
    return ++calls == 1 ? Action::Close() : Action::Respond(200, "{}");
  });
  Client client(Options(server.url()));
  auto response = client.Send(Get("/v2/users"));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 200);
}

TEST(ClientTest, PostRetriedWhileTheServerRefusesConnections) {
  const int port = testing::UnusedPort();
  ClientOptions options = Options("http://127.0.0.1:" + std::to_string(port));
  options.max_retries = 20;
  options.initial_backoff = milliseconds(20);
  options.max_backoff = milliseconds(100);
  std::unique_ptr<TestServer> server;
  std::thread starter([&] {
    std::this_thread::sleep_for(milliseconds(300));
    server = std::make_unique<TestServer>(
        [](const ReceivedRequest&) { return Action::Respond(201, R"({"id":"1"})"); }, port);
  });
  Client client(options);
  auto response = client.Send(Post("/v2/users"));
  starter.join();
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(server->request_count(), 1);
}

TEST(ClientTest, ConnectionRefusedGivesUnavailableNamingTheRequest) {
  ClientOptions options = Options("http://127.0.0.1:" + std::to_string(testing::UnusedPort()));
  options.max_retries = 1;
  Client client(options);
  auto response = client.Send(Get("/v2/users?per_page=10&cursor=c2VjcmV0"));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  const std::string message(response.status().message());
  EXPECT_NE(message.find("vultr: GET /v2/users?per_page=10&cursor=***"), std::string::npos)
      << message;
  EXPECT_EQ(message.find("c2VjcmV0"), std::string::npos);
  EXPECT_NE(message.find("curl error 7"), std::string::npos) << message;
  EXPECT_NE(message.find("2 attempts"), std::string::npos) << message;
  EXPECT_FALSE(IsOutcomeUnknown(response.status()));

  // A POST that never reached the server is not "outcome unknown" either.
  auto post = client.Send(Post("/v2/users"));
  ASSERT_FALSE(post.ok());
  EXPECT_FALSE(IsOutcomeUnknown(post.status())) << post.status();
}

// Sends one GET to a server that answers `status` with Retry-After
// `retry_after()` once and 200 afterwards; returns the seconds until the
// final response, which must be that 200.
double SecondsUntilRetried(int status, const std::function<std::string()>& retry_after,
                           milliseconds max_backoff) {
  std::atomic<int> calls{0};
  TestServer server([&](const ReceivedRequest&) {
    if (++calls > 1) return Action::Respond(200, "{}");
    Action action = Action::Respond(status, "{}");
    action.headers.emplace_back("Retry-After", retry_after());
    return action;
  });
  ClientOptions options = Options(server.url());
  options.max_backoff = max_backoff;
  Client client(options);
  const auto start = steady_clock::now();
  auto response = client.Send(Get("/v2/users"));
  const double seconds = SecondsSince(start);
  EXPECT_TRUE(response.ok()) << response.status();
  if (response.ok()) {
    EXPECT_EQ(response->status, 200);
  }
  return seconds;
}

TEST(ClientTest, RetryAfterSecondsIsHonoured) {
  const double seconds = SecondsUntilRetried(
      429, [] { return "1"; }, milliseconds(5000));
  EXPECT_GE(seconds, 0.99);
  EXPECT_LT(seconds, 3.0);
}

TEST(ClientTest, RetryAfterHttpDateIsHonoured) {
  const double seconds = SecondsUntilRetried(
      503,
      [] {
        // Two seconds ahead, at whole-second precision: at least one second
        // from now.
        const std::time_t when = std::time(nullptr) + 2;
        std::tm utc{};
        gmtime_r(&when, &utc);
        char date[64];
        std::strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &utc);
        return std::string(date);
      },
      milliseconds(5000));
  EXPECT_GE(seconds, 0.95);
  EXPECT_LT(seconds, 3.5);
}

TEST(ClientTest, RetryAfterIsCappedAtMaxBackoff) {
  EXPECT_LT(SecondsUntilRetried(
                429, [] { return "3600"; }, milliseconds(100)),
            2.0);
}

TEST(ClientTest, A429PausesEveryCallerOfTheClient) {
  std::atomic<bool> limited{false};
  TestServer server([&](const ReceivedRequest& request) {
    if (request.target == "/first" && !limited.exchange(true)) {
      Action action = Action::Respond(429, "{}");
      action.headers.emplace_back("Retry-After", "1");
      return action;
    }
    return Action::Respond(200, "{}");
  });
  ClientOptions options = Options(server.url());
  options.max_backoff = milliseconds(5000);
  Client client(options);
  std::thread first([&] { ASSERT_TRUE(client.Send(Get("/first")).ok()); });
  while (!limited) std::this_thread::sleep_for(milliseconds(5));
  std::this_thread::sleep_for(milliseconds(100));
  const auto start = steady_clock::now();
  auto second = client.Send(Get("/second"));
  const double waited = SecondsSince(start);
  first.join();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->status, 200);
  // The 429 came ~0.1 s before; the other caller waited for the rest of its
  // second.
  EXPECT_GE(waited, 0.8);
}

TEST(ClientTest, TokenBucketThrottlesSequentialCalls) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(200, "{}"); });
  ClientOptions options = Options(server.url());
  options.rate_limit_per_s = 20;  // burst 20
  Client client(options);
  const auto start = steady_clock::now();
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(client.Send(Get("/v2/users")).ok());
  const double elapsed = SecondsSince(start);
  EXPECT_GE(elapsed, (30 - 20) / 20.0 - 0.02);
  EXPECT_LT(elapsed, 2.0);
}

TEST(ClientTest, TokenBucketIsSharedByEightThreads) {
  TestServer server([](const ReceivedRequest& request) {
    return Action::Respond(200, "\"" + request.target + "\"");
  });
  ClientOptions options = Options(server.url());
  options.rate_limit_per_s = 40;  // burst 40
  Client client(options);
  std::atomic<int> ok{0};
  const auto start = steady_clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const std::string path = "/t" + std::to_string(t) + "/" + std::to_string(i);
        auto response = client.Send(Get(path));
        if (response.ok() && response->status == 200 && response->body == "\"" + path + "\"") {
          ++ok;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const double elapsed = SecondsSince(start);
  EXPECT_EQ(ok, 80);
  EXPECT_GE(elapsed, (80 - 40) / 40.0 - 0.02);
  EXPECT_LT(elapsed, 3.0);
  // Handles (and their connections) are pooled: at most one connection per
  // thread.
  EXPECT_LE(server.connections(), 8);
}

TEST(ClientTest, ConcurrentCallsFromEightThreadsGetTheirOwnAnswers) {
  TestServer server([](const ReceivedRequest& request) {
    Action action = Action::Respond(200, "\"" + request.target + "\"");
    action.delay = milliseconds(request.target.size() % 3);
    return action;
  });
  Client client(Options(server.url()));
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        const std::string path = "/thread" + std::to_string(t) + "/call" + std::to_string(i);
        auto response = client.Send(Request{.method = i % 2 ? "PUT" : "GET", .path = path});
        if (response.ok() && response->body == "\"" + path + "\"") ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok, 320);
  EXPECT_LE(server.connections(), 8);
}

TEST(ClientTest, SequentialCallsReuseOneConnection) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(200, "{}"); });
  Client client(Options(server.url()));
  for (const char* method : {"GET", "GET", "PUT", "PATCH", "DELETE", "GET"}) {
    auto response = client.Send(Request{.method = method, .path = "/v2/users/1"});
    ASSERT_TRUE(response.ok()) << response.status();
  }
  EXPECT_EQ(server.request_count(), 6);
  EXPECT_EQ(server.connections(), 1);
}

TEST(ClientTest, CancelAllAbortsALongRequestPromptly) {
  TestServer server([](const ReceivedRequest&) { return Action::Hang(); });
  Client client(Options(server.url()));
  absl::StatusOr<Response> result;
  steady_clock::time_point returned;
  std::thread caller([&] {
    result = client.Send(Get("/v2/users"));
    returned = steady_clock::now();
  });
  while (server.request_count() == 0) std::this_thread::sleep_for(milliseconds(5));
  std::this_thread::sleep_for(milliseconds(100));
  const auto cancelled_at = steady_clock::now();
  client.CancelAll();
  caller.join();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled) << result.status();
  EXPECT_LT(std::chrono::duration<double>(returned - cancelled_at).count(), 0.2);

  // Later calls fail at once, without touching the network.
  const auto start = steady_clock::now();
  auto later = client.Send(Get("/v2/users"));
  EXPECT_EQ(later.status().code(), absl::StatusCode::kCancelled);
  EXPECT_LT(SecondsSince(start), 0.05);
  EXPECT_EQ(server.request_count(), 1);
}

TEST(ClientTest, CancelAllWakesBackoffAndLimiterWaits) {
  TestServer server([](const ReceivedRequest& request) {
    return request.target == "/busy" ? Action::Respond(503, "{}") : Action::Respond(200, "{}");
  });
  ClientOptions options = Options(server.url());
  options.initial_backoff = milliseconds(20000);
  options.max_backoff = milliseconds(20000);
  options.rate_limit_per_s = 0.2;  // one token, then one every 5 s
  Client client(options);
  absl::Status backoff_status;
  absl::Status limiter_status;
  std::thread backoff([&] { backoff_status = client.Send(Get("/busy")).status(); });
  while (server.request_count() == 0) std::this_thread::sleep_for(milliseconds(5));
  std::thread limited([&] { limiter_status = client.Send(Get("/other")).status(); });
  std::this_thread::sleep_for(milliseconds(100));
  const auto start = steady_clock::now();
  client.CancelAll();
  backoff.join();
  limited.join();
  EXPECT_LT(SecondsSince(start), 0.2);
  EXPECT_EQ(backoff_status.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(limiter_status.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(server.request_count(), 1);
}

TEST(ClientTest, RequestTimeoutGivesDeadlineExceeded) {
  TestServer server([](const ReceivedRequest&) { return Action::Hang(); });
  ClientOptions options = Options(server.url());
  options.request_timeout = milliseconds(200);
  options.max_retries = 1;
  Client client(options);
  const auto start = steady_clock::now();
  auto response = client.Send(Get("/v2/users"));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded) << response.status();
  EXPECT_NE(response.status().message().find("vultr: GET /v2/users"), std::string::npos);
  EXPECT_FALSE(IsOutcomeUnknown(response.status()));
  EXPECT_EQ(server.request_count(), 2);
  EXPECT_LT(SecondsSince(start), 2.0);

  // A POST that timed out after being sent: outcome unknown, sent once.
  auto post = client.Send(Post("/v2/users"));
  EXPECT_EQ(post.status().code(), absl::StatusCode::kDeadlineExceeded) << post.status();
  EXPECT_TRUE(IsOutcomeUnknown(post.status()));
  EXPECT_EQ(server.request_count(), 3);
}

TEST(ClientTest, SendsTheExpectedHeaders) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(200, "{}"); });
  Client client(Options(server.url() + "/"));
  Request with_body = Post("/v2/users");
  with_body.headers.emplace_back("x-zitadel-orgid", "org-1");
  ASSERT_TRUE(client.Send(with_body).ok());
  ASSERT_TRUE(client.Send(Request{.method = "POST", .path = "/v2/empty"}).ok());
  ASSERT_TRUE(client.Send(Get("v2/no-slash")).ok());
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 3u);

  const auto& post = requests[0];
  EXPECT_EQ(post.method, "POST");
  EXPECT_EQ(post.target, "/v2/users");
  EXPECT_EQ(post.body, R"({"email":"a@example.com"})");
  EXPECT_EQ(post.headers.at("authorization"), std::string("Bearer ") + kToken);
  EXPECT_EQ(post.headers.at("user-agent"), UserAgent());
  EXPECT_EQ(post.headers.at("accept"), "application/json");
  EXPECT_EQ(post.headers.at("content-type"), "application/json");
  EXPECT_EQ(post.headers.at("x-zitadel-orgid"), "org-1");
  EXPECT_EQ(post.headers.count("expect"), 0u);

  const auto& empty = requests[1];
  EXPECT_EQ(empty.headers.at("content-length"), "0");
  EXPECT_EQ(empty.headers.count("content-type"), 0u);

  EXPECT_EQ(requests[2].target, "/v2/no-slash");
  EXPECT_EQ(requests[2].headers.count("content-type"), 0u);
  EXPECT_NE(UserAgent().find("terraform-provider-orgiam/"), std::string::npos);
}

TEST(ClientTest, LargeRequestBodyIsSentWithoutExpectContinue) {
  TestServer server([](const ReceivedRequest& request) {
    return Action::Respond(200, std::to_string(request.body.size()));
  });
  Client client(Options(server.url()));
  const std::string body = "\"" + std::string(2 << 20, 'x') + "\"";
  auto response = client.Send(Request{.method = "PUT", .path = "/big", .body = body});
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->body, std::to_string(body.size()));
  EXPECT_EQ(server.requests()[0].headers.count("expect"), 0u);
}

TEST(ClientTest, RejectsInvalidRequests) {
  TestServer server([](const ReceivedRequest&) { return Action::Respond(200, "{}"); });
  Client client(Options(server.url()));
  EXPECT_EQ(client.Send(Request{.method = "TRACE", .path = "/"}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(client.Send(Get("/a b")).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(client.Send(Get("/a\r\nX-Injected: 1")).status().code(),
            absl::StatusCode::kInvalidArgument);
  Request injected = Get("/");
  injected.headers.emplace_back("x-org", "1\r\nX-Injected: 1");
  EXPECT_EQ(client.Send(injected).status().code(), absl::StatusCode::kInvalidArgument);
  Request bad_name = Get("/");
  bad_name.headers.emplace_back("bad name", "1");
  EXPECT_EQ(client.Send(bad_name).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(server.request_count(), 0);

  ClientOptions no_endpoint = Options("");
  EXPECT_EQ(Client(no_endpoint).Send(Get("/")).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(ClientTest, OversizedSuccessBodyIsAnErrorAndErrorBodiesAreCut) {
  TestServer server([](const ReceivedRequest& request) {
    if (request.target == "/huge") return Action::Respond(200, std::string(17 << 20, 'a'));
    return Action::Respond(404, std::string(2 << 20, 'e'));
  });
  Client client(Options(server.url()));
  auto huge = client.Send(Get("/huge"));
  EXPECT_EQ(huge.status().code(), absl::StatusCode::kResourceExhausted) << huge.status();
  EXPECT_EQ(server.request_count(), 1);
  auto huge_post = client.Send(Post("/huge"));
  EXPECT_EQ(huge_post.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(IsOutcomeUnknown(huge_post.status()));

  auto error = client.Send(Get("/error"));
  ASSERT_TRUE(error.ok()) << error.status();
  EXPECT_EQ(error->status, 404);
  EXPECT_EQ(error->body.size(), 1u << 20);
}

TEST(ClientTest, SurvivesHostileResponses) {
  const std::vector<std::string> answers = {
      "garbage\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort",
      "HTTP/1.1 999 Whatever\r\nContent-Length: 2\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nX-Big: " + std::string(90 << 10, 'h') +
          "\r\nX-Big: " + std::string(90 << 10, 'h') + "\r\nX-Big: " + std::string(90 << 10, 'h') +
          "\r\nContent-Length: 2\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
      "4\r\n\r\nnope",
      "HTTP/1.1 200 OK\r\n:\r\nno-colon-line\r\nContent-Length: 2\r\n\r\n{}",
      std::string("HTTP/1.1 200 OK\r\nX-Nul: a\0b\r\nContent-Length: 2\r\n\r\n{}", 50),
  };
  std::atomic<size_t> index{0};
  TestServer server([&](const ReceivedRequest&) { return Action::Raw(answers[index]); });
  ClientOptions options = Options(server.url());
  options.max_retries = 0;
  Client client(options);
  for (size_t i = 0; i < answers.size(); ++i) {
    index = i;
    auto response = client.Send(Get("/v2/users"));
    if (response.ok()) {
      EXPECT_NE(response->status, 0) << i;
    } else {
      EXPECT_FALSE(response.status().message().empty()) << i;
    }
  }
}

// Captures what the process writes to stderr (where the logger writes) while
// `body` runs.
template <typename Body>
std::string CaptureStderr(Body body) {
  std::fflush(stderr);
  char path[] = "/tmp/orgiam-http-log-XXXXXX";
  const int file = mkstemp(path);
  const int saved = dup(STDERR_FILENO);
  dup2(file, STDERR_FILENO);
  body();
  std::fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  close(file);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  unlink(path);
  return text.str();
}

TEST(ClientTest, LogsEveryAttemptAtTraceButNeverSecrets) {
  std::atomic<int> calls{0};
  TestServer server([&](const ReceivedRequest& request) {
    if (request.target.starts_with("/flaky") && ++calls == 1) {
      return Action::Respond(503, R"({"error":"response-body-secret"})");
    }
    return Action::Respond(200, R"({"api_key":"response-body-secret"})");
  });
  Client client(Options(server.url()));
  log::SetLevel(log::Level::kTrace);
  const std::string captured = CaptureStderr([&] {
    ASSERT_TRUE(client.Send(Get("/flaky?per_page=100&cursor=cursor-secret")).ok());
    ASSERT_TRUE(client.Send(Post("/v2/users", R"({"password":"request-body-secret"})")).ok());
    Client unreachable(Options("http://127.0.0.1:" + std::to_string(testing::UnusedPort())));
    EXPECT_FALSE(unreachable.Send(Get("/v2/users?email=someone%40example.com")).ok());
  });
  log::SetLevel(log::Level::kOff);
  // The server saw the token, so it was sent.
  EXPECT_EQ(server.requests()[0].headers.at("authorization"), std::string("Bearer ") + kToken);

  EXPECT_NE(captured.find("[DEBUG] HTTP request: @module=http method=GET "
                          "path=\"/flaky?per_page=100&cursor=***\" status=503 duration_ms="),
            std::string::npos)
      << captured;
  EXPECT_NE(captured.find(" attempt=2"), std::string::npos) << captured;
  EXPECT_NE(captured.find(" vendor=vultr"), std::string::npos) << captured;
  for (const char* secret : {kToken, "Bearer", "cursor-secret", "response-body-secret",
                             "request-body-secret", "someone", "uthorization"}) {
    EXPECT_EQ(captured.find(secret), std::string::npos) << secret << " leaked:\n" << captured;
  }
}

}  // namespace
}  // namespace orgiam::http
