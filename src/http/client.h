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
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "http/exactly_once.h"
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
  // "https://api.vultr.com" (a trailing slash is ignored). It must pass util::ParseEndpoint:
  // https://, or http:// to a loopback host only; otherwise every request fails with
  // FAILED_PRECONDITION before anything is sent. libcurl is told the same (only https, or
  // http to loopback; redirects are never followed) and always verifies the peer and host.
  std::string base_url;
  // PEM bundle of CA certificates for verifying the server (CURLOPT_CAINFO); empty = the
  // system's store.
  std::string ca_file;
  // Tests only: CURLOPT_RESOLVE entries ("host:port:address") that pin a name to an address,
  // so that TLS with a real host name can be tried against a local server.
  std::vector<std::string> resolve;
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
  // The longest one Send may take, waits for the limiter, back-offs and Retry-After included;
  // a wait that would end later is not started. 0: request_timeout * (max_retries + 2).
  std::chrono::milliseconds operation_budget{0};
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
  // A POST (unless marked read_only) is retried only when it certainly was not processed: on a 429,
  // or when the connection failed before the request could be sent. Any other failure (connection
  // closed or timed out after sending, a 5xx other than 501/505) gives a status for which
  // IsOutcomeUnknown() is true; HttpStatusOf() then tells the HTTP status, if there was one.
  //
  // A 2xx body over 16 MiB gives RESOURCE_EXHAUSTED (outcome unknown for a
  // POST); other bodies are cut at 1 MiB. After CancelAll: CANCELLED.
  absl::StatusOr<Response> Send(const Request& request);

  // Creates an object with a POST, at most once, taking nothing that is not its own (see
  // exactly_once.h). In order:
  //  1. spec.find lists the objects with the natural key. An error ends the create (nothing
  //     was sent); with a unique key, a match ends it with AlreadyExistsError.
  //  2. The POST is sent. A complete 2xx or any refusal is returned as `response`.
  //  3. After an unknown outcome (or an incomplete 2xx) it waits a back-off and runs
  //     spec.find again: objects not seen in step 1 are returned as `recovered`. None: the
  //     POST is sent again, up to max_retries times; a refusal of a resend (e.g. "already
  //     exists") is checked the same way, since an earlier attempt may have landed late.
  //  4. Otherwise the last error, still marked outcome-unknown.
  // After CancelAll a POST that has been sent is not aborted and its recovery lookups still
  // run (bounded by request_timeout), so the caller gets what the vendor made; only new
  // attempts are not started.
  absl::StatusOr<CreateOutcome> Create(const CreateSpec& spec);

  // True once CancelAll has been called.
  bool stopping() const;

  // StopProvider: aborts GET, PUT, PATCH and DELETE transfers in flight and wakes back-off
  // and limiter waits (they return CANCELLED); later calls fail at once with CANCELLED. A POST
  // already sent finishes. Thread-safe; irreversible.
  void CancelAll();

  // While one lives on a thread, that thread's requests ignore CancelAll: for finishing what
  // a sent create started (finding what it made, deleting an object of its own whose secret
  // was lost). Every request stays bounded by request_timeout and the operation budget.
  class FinishingSentWork {
   public:
    FinishingSentWork();
    ~FinishingSentWork();
    FinishingSentWork(const FinishingSentWork&) = delete;
    FinishingSentWork& operator=(const FinishingSentWork&) = delete;

   private:
    bool previous_;
  };

 private:
  absl::Status CheckRequest(const Request& request) const;
  absl::Status Cancelled(const Request& request) const;
  // Whether this thread's requests obey CancelAll now.
  bool Interruptible() const;

  const ClientOptions options_;
  const std::string base_url_;  // without a trailing slash
  // Why base_url_ is refused (util::ParseEndpoint), or OK.
  absl::Status endpoint_refused_;
  // base_url_ names a loopback host: curl may use plain http.
  bool loopback_ = false;
  std::unique_ptr<internal::Cancellation> cancellation_;
  std::unique_ptr<internal::RateLimiter> limiter_;
  std::unique_ptr<internal::TransferPool> pool_;
};

// "terraform-provider-orgiam/<version> (+https://github.com/orgiam/orgiam)".
std::string UserAgent();

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_CLIENT_H_
