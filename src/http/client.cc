#include "http/client.h"

#include <algorithm>
#include <string_view>
#include <thread>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "http/cancellation.h"
#include "http/curl_library.h"
#include "http/curl_transfer.h"
#include "http/rate_limiter.h"
#include "http/redact.h"
#include "http/retry_policy.h"
#include "util/endpoint_url.h"
#include "util/log.h"
#include "util/status_macros.h"

namespace orgiam::http {
namespace {

using internal::TransferResult;
using std::chrono::milliseconds;

constexpr char kModule[] = "http";

bool IsSupportedMethod(std::string_view method) {
  return method == "GET" || method == "POST" || method == "PUT" || method == "PATCH" ||
         method == "DELETE";
}

// RFC 9110 token characters.
bool IsHeaderName(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_isalnum(c) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

bool HasControlCharacters(std::string_view text, bool allow_space) {
  return std::any_of(text.begin(), text.end(), [allow_space](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f || (!allow_space && c == ' ');
  });
}

// The server's certificate (or the bundle to check it with) did not do: the same request will
// not fare better, and the remedy is in the configuration.
bool IsCertificateError(CURLcode code) {
  switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:  // also CURLE_SSL_CACERT since curl 7.62
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CRL_BADFILE:
      return true;
    default:
      return false;
  }
}

// Failures after which the request certainly never reached the server.
bool FailedBeforeSending(const TransferResult& result) {
  switch (result.code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return true;
    case CURLE_OPERATION_TIMEDOUT:
      return !result.connected;
    default:
      // No request byte goes out before the server's certificate is verified.
      return IsCertificateError(result.code);
  }
}

// Transient transport failures: worth another attempt when repeating is
// harmless.
bool IsRetryableTransportError(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
      return true;
    default:
      return false;
  }
}

absl::StatusCode StatusCodeFor(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return absl::StatusCode::kDeadlineExceeded;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return absl::StatusCode::kInvalidArgument;
    case CURLE_OUT_OF_MEMORY:
      return absl::StatusCode::kResourceExhausted;
    default:
      return absl::StatusCode::kUnavailable;
  }
}

const char* Attempts(int n) { return n == 1 ? "attempt" : "attempts"; }

// What a failed transfer says: for certificate problems, what failed, where, and what to do.
std::string TransportDetail(const ClientOptions& options, const std::string& base_url,
                            const TransferResult& result) {
  if (result.headers_too_large) return "response headers exceed the size limit";
  if (!IsCertificateError(result.code)) return result.error;
  const std::string remedy =
      options.ca_file.empty()
          ? absl::StrCat("If the server uses a certificate from a private CA, set ca_file in the ",
                         options.vendor, " block to a PEM bundle of that CA")
          : absl::StrCat("Check that ca_file (", options.ca_file,
                         ") holds the CA that issued the server's certificate and that the "
                         "certificate names the endpoint's host");
  if (result.code == CURLE_SSL_CACERT_BADFILE) {
    return absl::StrCat("the CA bundle for ", base_url, " could not be loaded (", result.error,
                        "). ", remedy);
  }
  return absl::StrCat("the TLS certificate of the server at ", base_url, " could not be verified (",
                      result.error, "). ", remedy);
}

// Set on a thread while it finishes what a sent create started (Client::FinishingSentWork).
thread_local bool finishing_sent_work = false;

milliseconds OperationBudget(const ClientOptions& options) {
  if (options.operation_budget > milliseconds(0)) return options.operation_budget;
  return options.request_timeout * (std::max(0, options.max_retries) + 2);
}

}  // namespace

Client::FinishingSentWork::FinishingSentWork() : previous_(finishing_sent_work) {
  finishing_sent_work = true;
}

Client::FinishingSentWork::~FinishingSentWork() { finishing_sent_work = previous_; }

bool Client::stopping() const { return cancellation_->IsCancelled(); }

bool Client::Interruptible() const { return !finishing_sent_work; }

Client::Client(ClientOptions options)
    : options_(std::move(options)),
      base_url_([this] {
        std::string url = options_.base_url;
        while (!url.empty() && url.back() == '/') url.pop_back();
        return url;
      }()),
      cancellation_(std::make_unique<internal::Cancellation>()),
      limiter_(std::make_unique<internal::RateLimiter>(options_.rate_limit_per_s)),
      pool_(std::make_unique<internal::TransferPool>(&cancellation_->flag())) {
  if (base_url_.empty()) return;  // CheckRequest says so
  const absl::StatusOr<util::EndpointUrl> endpoint = util::ParseEndpoint(base_url_);
  if (!endpoint.ok()) {
    endpoint_refused_ = endpoint.status();
  } else if (base_url_.find("://") == std::string::npos) {
    // A bare domain is the configuration's to expand; curl would guess http for it.
    endpoint_refused_ = absl::InvalidArgumentError("the endpoint must start with https://");
  } else {
    loopback_ = endpoint->loopback;
  }
}

Client::~Client() = default;

void Client::CancelAll() {
  cancellation_->Cancel();
  pool_->WakeAll();
}

absl::Status Client::Cancelled(const Request& request) const {
  return absl::CancelledError(absl::StrCat(options_.vendor, ": ", request.method, " ",
                                           internal::RedactPath(request.path),
                                           ": cancelled (the provider is stopping)"));
}

absl::Status Client::CheckRequest(const Request& request) const {
  const std::string prefix = absl::StrCat(options_.vendor, ": ");
  if (!IsSupportedMethod(request.method)) {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix, "unsupported HTTP method \"", request.method, "\""));
  }
  if (base_url_.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(prefix, "no API endpoint configured"));
  }
  if (!endpoint_refused_.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat(prefix, "endpoint refused, nothing sent: ", endpoint_refused_.message()));
  }
  if (HasControlCharacters(request.path, /*allow_space=*/false)) {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix, "request path contains spaces or control characters"));
  }
  for (const auto& [name, value] : request.headers) {
    if (!IsHeaderName(name) || HasControlCharacters(value, /*allow_space=*/true)) {
      return absl::InvalidArgumentError(
          absl::StrCat(prefix, "invalid request header \"", absl::CHexEscape(name), "\""));
    }
  }
  return absl::OkStatus();
}

namespace {

// Everything one exchange of `request` needs, the same for every attempt.
internal::TransferSpec BuildTransfer(const ClientOptions& options, const std::string& base_url,
                                     bool loopback, const Request& request, bool idempotent,
                                     bool interruptible) {
  internal::TransferSpec spec;
  spec.method = request.method;
  spec.url = base_url;
  if (!request.path.empty() && request.path.front() != '/') spec.url.push_back('/');
  spec.url += request.path;
  spec.body = &request.body;
  spec.user_agent = UserAgent();
  spec.https_only = !loopback;
  spec.ca_file = options.ca_file;
  spec.resolve = options.resolve;
  spec.timeout = options.request_timeout;
  spec.connect_timeout = std::min(options.connect_timeout, options.request_timeout);
  // curl silently resends a request once when a kept-alive connection turns out
  // to be closed before any response byte arrives. For a POST that is exactly
  // the case where the server may have carried it out (and then dropped the
  // connection), so a POST always opens its own connection: then nothing is
  // ever resent behind our back.
  spec.fresh_connection = !idempotent;
  // A create the vendor may already be carrying out is never cut off by a stop.
  spec.survive_cancel = !idempotent || !interruptible;
  auto overridden = [&request](std::string_view name) {
    return std::any_of(request.headers.begin(), request.headers.end(), [name](const auto& h) {
      return absl::EqualsIgnoreCase(h.first, absl::string_view(name.data(), name.size()));
    });
  };
  if (!overridden("Accept")) spec.header_lines.push_back("Accept: application/json");
  if (!options.bearer_token.empty() && !overridden("Authorization")) {
    spec.header_lines.push_back("Authorization: Bearer " + options.bearer_token);
  }
  if (!overridden("Content-Type")) {
    // With an empty body "Content-Type:" removes the form type curl adds to
    // POSTs.
    spec.header_lines.push_back(request.body.empty() ? "Content-Type:"
                                                     : "Content-Type: application/json");
  }
  if (!overridden("Expect")) spec.header_lines.push_back("Expect:");
  for (const auto& [name, value] : request.headers) {
    // "Name;" is curl's way to send a header with an empty value ("Name:" would
    // remove it).
    spec.header_lines.push_back(value.empty() ? name + ";" : name + ": " + value);
  }
  return spec;
}

void LogAttempt(const std::string& vendor, const Request& request, const std::string& shown,
                const TransferResult& result, int attempt) {
  if (result.code == CURLE_OK) {
    ORGIAM_LOG(kDebug, kModule, "HTTP request",
               {{"vendor", vendor},
                {"method", request.method},
                {"path", shown},
                {"status", std::to_string(result.response.status)},
                {"duration_ms", std::to_string(result.duration.count())},
                {"attempt", std::to_string(attempt)}});
  } else {
    ORGIAM_LOG(kDebug, kModule, "HTTP request failed",
               {{"vendor", vendor},
                {"method", request.method},
                {"path", shown},
                {"status", std::to_string(result.response.status)},
                {"error", result.error},
                {"duration_ms", std::to_string(result.duration.count())},
                {"attempt", std::to_string(attempt)}});
  }
}

// The status of a transfer that failed without a response, after `attempt` attempts;
// `suffix` adds why no more were made.
absl::Status TransportFailure(const ClientOptions& options, const std::string& base_url,
                              const std::string& where, const TransferResult& result, int attempt,
                              const std::string& suffix = "") {
  return absl::Status(StatusCodeFor(result.code),
                      absl::StrCat(where, ": ", TransportDetail(options, base_url, result),
                                   " (curl error ", static_cast<int>(result.code), ") after ",
                                   attempt, " ", Attempts(attempt), suffix));
}

// What one attempt that was not cancelled comes to: `done` to return it, or another attempt
// after `delay`.
struct Verdict {
  std::optional<absl::StatusOr<Response>> done = std::nullopt;
  milliseconds delay{0};
  std::string reason = {};
  bool have_response = false;
};

Verdict Classify(const ClientOptions& options, const std::string& base_url,
                 const std::string& where, TransferResult& result, bool idempotent, int attempt,
                 bool last, milliseconds max_backoff) {
  Verdict verdict;
  const Response& response = result.response;
  verdict.have_response =
      result.code == CURLE_OK || (result.body_too_large && response.status != 0);
  if (!verdict.have_response) {
    const bool not_sent = FailedBeforeSending(result);
    const bool retryable =
        IsRetryableTransportError(result.code) && (idempotent || not_sent) && !last;
    if (!retryable) {
      absl::Status status = TransportFailure(options, base_url, where, result, attempt);
      if (!idempotent && !not_sent) {
        status = MarkOutcomeUnknown(
            absl::Status(status.code(), absl::StrCat(status.message(),
                                                     "; the request may have been carried out "
                                                     "(outcome unknown)")));
      }
      verdict.done = status;
      return verdict;
    }
    verdict.delay = internal::Backoff(attempt - 1, options.initial_backoff, max_backoff);
    verdict.reason = absl::StrCat("curl error ", static_cast<int>(result.code));
    return verdict;
  }
  const int status = response.status;
  if (result.body_too_large && response.ok()) {
    absl::Status error = absl::ResourceExhaustedError(
        absl::StrCat(where, ": HTTP ", status, " response body exceeds the size limit"));
    verdict.done = idempotent ? error : MarkOutcomeUnknown(WithHttpStatus(error, status));
    return verdict;
  }
  // 501 and 505 say the server does not do this at all: certainly not
  // carried out.
  if (!idempotent && status >= 500 && status != 501 && status != 505) {
    verdict.done = MarkOutcomeUnknown(
        WithHttpStatus(absl::UnavailableError(absl::StrCat(where, ": HTTP ", status,
                                                           "; the request may have been carried "
                                                           "out (outcome unknown)")),
                       status));
    return verdict;
  }
  const bool retryable = internal::IsRetryableStatus(status) && (idempotent || status == 429);
  if (!retryable || last) {
    verdict.done = std::move(result.response);
    return verdict;
  }
  verdict.reason = absl::StrCat("HTTP ", status);
  std::optional<milliseconds> retry_after;
  if (auto it = response.headers.find("retry-after"); it != response.headers.end()) {
    retry_after = internal::ParseRetryAfter(it->second, std::chrono::system_clock::now());
  }
  verdict.delay = retry_after.has_value()
                      ? std::min(*retry_after, max_backoff)
                      : internal::Backoff(attempt - 1, options.initial_backoff, max_backoff);
  return verdict;
}

}  // namespace

absl::StatusOr<Response> Client::Send(const Request& request) {
  const bool interruptible = Interruptible();
  if (interruptible && cancellation_->IsCancelled()) return Cancelled(request);
  if (absl::Status valid = CheckRequest(request); !valid.ok()) return valid;
  // The first request loads libcurl; without it no attempt can succeed, so
  // say so once instead of retrying.
  if (absl::StatusOr<const internal::CurlApi*> curl = internal::LoadCurl(); !curl.ok()) {
    return absl::Status(curl.status().code(), absl::StrCat(options_.vendor, ": ", request.method,
                                                           " ", internal::RedactPath(request.path),
                                                           ": ", curl.status().message()));
  }

  const std::string& vendor = options_.vendor;
  const std::string shown = internal::RedactPath(request.path);
  const std::string where = absl::StrCat(vendor, ": ", request.method, " ", shown);
  const bool idempotent = internal::IsIdempotent(request.method) || request.read_only;
  const int max_retries = std::max(0, options_.max_retries);
  const milliseconds max_backoff = std::max(milliseconds(0), options_.max_backoff);
  const internal::TransferSpec spec =
      BuildTransfer(options_, base_url_, loopback_, request, idempotent, interruptible);
  const auto deadline = std::chrono::steady_clock::now() + OperationBudget(options_);

  for (int attempt = 1;; ++attempt) {
    if (absl::Status admitted =
            limiter_->Acquire(interruptible ? cancellation_.get() : nullptr, deadline);
        !admitted.ok()) {
      if (absl::IsCancelled(admitted)) return Cancelled(request);
      return absl::DeadlineExceededError(absl::StrCat(where, ": not sent: ", admitted.message(),
                                                      " (", Attempts(attempt - 1),
                                                      " so far: ", attempt - 1, ")"));
    }
    TransferResult result = pool_->Perform(spec);
    LogAttempt(vendor, request, shown, result, attempt);
    if (result.cancelled) {
      absl::Status status = Cancelled(request);
      return (!idempotent && result.connected) ? MarkOutcomeUnknown(status) : status;
    }
    const int status = result.response.status;
    const bool http_answer = result.code == CURLE_OK;
    Verdict verdict = Classify(options_, base_url_, where, result, idempotent, attempt,
                               /*last=*/attempt > max_retries, max_backoff);
    if (verdict.done.has_value()) return *std::move(verdict.done);

    ORGIAM_LOG(kDebug, kModule, "HTTP retry scheduled",
               {{"vendor", vendor},
                {"method", request.method},
                {"path", shown},
                {"reason", verdict.reason},
                {"delay_ms", std::to_string(verdict.delay.count())},
                {"attempt", std::to_string(attempt)}});
    const auto wake = std::chrono::steady_clock::now() + verdict.delay;
    if (wake > deadline) {
      // The next attempt could not start within the operation's budget: report what the
      // last one gave.
      if (verdict.have_response) return std::move(result.response);
      return TransportFailure(options_, base_url_, where, result, attempt,
                              "; the time budget is used up");
    }
    if (status == 429 && http_answer) {
      // The server wants fewer requests from us, not only from this caller:
      // every thread of this client waits in the limiter until then.
      limiter_->PauseUntil(wake);
    } else if (!interruptible) {
      std::this_thread::sleep_until(wake);
    } else if (!cancellation_->SleepUntil(wake)) {
      return Cancelled(request);
    }
  }
}

absl::StatusOr<CreateOutcome> Client::Create(const CreateSpec& spec) {
  const Request& post = spec.post;
  const std::string shown = internal::RedactPath(post.path);
  const int max_retries = std::max(0, options_.max_retries);
  const auto complete = [&spec](const Response& response) {
    return !response.ok() || spec.answer_complete == nullptr || spec.answer_complete(response);
  };

  // What carries the key before anything is sent: never ours.
  ASSIGN_OR_RETURN(const std::vector<ExistingObject> before, spec.find());
  if (spec.unique_key && !before.empty()) {
    return AlreadyExistsError(absl::StrCat(options_.vendor, ": ", before.front().label,
                                           " already exists and was not created by this apply"),
                              before.front());
  }
  const auto made_by_us = [&before](std::vector<ExistingObject> now) {
    std::vector<ExistingObject> fresh;
    for (ExistingObject& object : now) {
      const bool seen = std::any_of(before.begin(), before.end(),
                                    [&](const ExistingObject& old) { return old.id == object.id; });
      if (!seen) fresh.push_back(std::move(object));
    }
    return fresh;
  };

  absl::Status last_failure;
  for (int attempt = 0;; ++attempt) {
    // A stop ends the create before a new attempt is sent.
    if (attempt > 0 && stopping() && Interruptible()) {
      return MarkOutcomeUnknown(absl::CancelledError(absl::StrCat(
          last_failure.message(), "; the provider is stopping, so the create is not sent again")));
    }
    absl::StatusOr<Response> sent = Send(post);
    // The answer as it will be returned if the lookup finds nothing: a whole answer or a
    // refusal. Checked once: answer_complete parses the body.
    const bool answered = sent.ok() && complete(*sent);
    if (answered) {
      const bool refused_resend = attempt > 0 && spec.unique_key && sent->status >= 400 &&
                                  sent->status < 500 && sent->status != 429;
      if (!refused_resend) return CreateOutcome{.response = *std::move(sent)};
      // "Already exists" to a resend may be the earlier attempt landing late.
      last_failure = absl::AbortedError(
          absl::StrCat(options_.vendor, ": POST ", shown, ": HTTP ", sent->status, " to a resend"));
    } else if (sent.ok()) {
      last_failure = absl::InternalError(
          absl::StrCat(options_.vendor, ": POST ", shown, ": HTTP ", sent->status,
                       " without the created object (no id or secret in the answer)"));
    } else if (IsOutcomeUnknown(sent.status()) &&
               sent.status().code() != absl::StatusCode::kCancelled) {
      last_failure = sent.status();
    } else {
      return sent.status();  // certainly not carried out
    }

    ORGIAM_LOG(kDebug, kModule, "create outcome unknown; looking the object up",
               {{"vendor", options_.vendor},
                {"method", post.method},
                {"path", shown},
                {"attempt", std::to_string(attempt + 1)}});
    // What this create sent is finished even during a stop: the vendor may hold it.
    FinishingSentWork finishing;
    // Give the server a moment to finish what it may still be doing before looking.
    std::this_thread::sleep_for(
        std::min(internal::Backoff(attempt, options_.initial_backoff, options_.max_backoff),
                 milliseconds(2000)));
    absl::StatusOr<std::vector<ExistingObject>> now = spec.find();
    if (!now.ok()) {
      return WithUnknownOutcomeAdvice(
          absl::Status(now.status().code(),
                       absl::StrCat(last_failure.message(),
                                    "; looking the object up failed: ", now.status().message())),
          spec.unique_key);
    }
    std::vector<ExistingObject> fresh = made_by_us(*std::move(now));
    if (!fresh.empty()) {
      ORGIAM_LOG(kInfo, kModule, "create was carried out despite the error; found by lookup",
                 {{"vendor", options_.vendor}, {"path", shown}, {"id", fresh.front().id}});
      return CreateOutcome{.recovered = std::move(fresh),
                           .incomplete_answer_status = sent.ok() && !answered ? sent->status : 0};
    }
    if (answered) return CreateOutcome{.response = *std::move(sent)};
    if (sent.ok()) return last_failure;  // an incomplete answer and nothing to be found
    if (attempt >= max_retries) return WithUnknownOutcomeAdvice(last_failure, spec.unique_key);
  }
}

}  // namespace orgiam::http
