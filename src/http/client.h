#ifndef ORGIAM_HTTP_CLIENT_H_
#define ORGIAM_HTTP_CLIENT_H_

// The one HTTP client every vendor API client uses: keep-alive connections,
// timeouts, a client-side rate limiter, retries that never duplicate a create,
// and redacted logging.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "http/message.h"
#include "http/outcome.h"

namespace orgiam::http {

namespace internal {
class Cancellation;
class RateLimiter;
class TransferPool;
}  // namespace internal

struct ClientOptions {
  // "vultr", "zitadel", "motherduck": for logs and errors.
  std::string vendor;
  // "https://api.vultr.com" (a trailing slash is ignored).
  std::string base_url;
  // Sent as Authorization: Bearer <token>; never logged.
  std::string bearer_token;
  // Token bucket shared by all threads using this client (burst max(1, rate));
  // 0 = off.
  double rate_limit_per_s = 0;
  int max_retries = 5;
  std::chrono::milliseconds request_timeout{30000};
  // The effective connect timeout is min(connect_timeout, request_timeout).
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds initial_backoff{250};
  std::chrono::milliseconds max_backoff{30000};
};

class Client {
 public:
  explicit Client(ClientOptions options);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const ClientOptions& options() const { return options_; }

  // Sends a request and returns the HTTP response whatever its status (a 404 is
  // a Response, not an error).
  //
  // GET, PUT, PATCH and DELETE are retried on 429, 500, 502, 503, 504 and on
  // connection errors and timeouts, with exponential back-off and full jitter;
  // Retry-After (seconds or HTTP date) is honoured, capped at max_backoff.
  // After max_retries the last response is returned, or for transport errors
  // UNAVAILABLE / DEADLINE_EXCEEDED naming the vendor, method, path (query
  // values redacted) and curl's error.
  //
  // A POST is retried only when it certainly was not processed: on a 429, or
  // when the connection failed before the request could be sent. Any other
  // failure (connection closed or timed out after sending, a 5xx other than
  // 501/505) gives a status for which IsOutcomeUnknown() is true;
  // HttpStatusOf() then tells the HTTP status, if there was one.
  //
  // A 2xx body over 16 MiB gives RESOURCE_EXHAUSTED (outcome unknown for a
  // POST); other bodies are cut at 1 MiB. After CancelAll: CANCELLED.
  absl::StatusOr<Response> Send(const Request& request);

  // Creates an object with a POST without ever creating it twice. When the
  // outcome of an attempt is unknown, waits a back-off and calls
  // `find_existing` (which usually looks the object up by its natural key with
  // GETs through this client): a body means the create happened, and {.response
  // = {200, that body}, .found_by_lookup = true} is returned; nullopt sends the
  // POST again, up to max_retries times. A failing lookup returns its error,
  // still marked outcome-unknown. Any response to the POST itself is returned
  // as is.
  struct CreateResult {
    Response response = {};
    bool found_by_lookup = false;
  };
  absl::StatusOr<CreateResult> Create(
      const Request& post,
      const std::function<absl::StatusOr<std::optional<std::string>>()>& find_existing);

  // StopProvider: aborts transfers in flight and wakes back-off and limiter
  // waits (they return CANCELLED); later calls fail at once with CANCELLED.
  // Thread-safe; irreversible.
  void CancelAll();

 private:
  absl::Status CheckRequest(const Request& request) const;
  absl::Status Cancelled(const Request& request) const;

  const ClientOptions options_;
  const std::string base_url_;  // without a trailing slash
  std::unique_ptr<internal::Cancellation> cancellation_;
  std::unique_ptr<internal::RateLimiter> limiter_;
  std::unique_ptr<internal::TransferPool> pool_;
};

// "terraform-provider-orgiam/<version> (+https://github.com/orgiam/orgiam)".
std::string UserAgent();

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_CLIENT_H_
