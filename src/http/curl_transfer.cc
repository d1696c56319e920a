#include "http/curl_transfer.h"

#include <algorithm>
#include <mutex>
#include <utility>

#include "absl/strings/ascii.h"
#include "http/curl_library.h"

namespace orgiam::http::internal {
namespace {

// Idle slots kept beyond this are closed: each holds a connection and a wake-up
// socket pair.
constexpr std::size_t kMaxIdleSlots = 32;

// Upper bound of one wait in the poll loop; wake-ups and socket activity end it
// sooner.
constexpr int kPollMs = 1000;

std::string_view TrimWhitespace(std::string_view text) {
  while (!text.empty() && absl::ascii_isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && absl::ascii_isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// State shared with curl's callbacks during one transfer.
struct Sink {
  const CurlApi* curl = nullptr;
  CURL* easy = nullptr;
  const std::atomic<bool>* cancelled = nullptr;
  const TransferLimits* limits = nullptr;
  Response* response = nullptr;
  std::size_t header_bytes = 0;
  bool body_too_large = false;
  bool headers_too_large = false;
};

size_t OnHeader(char* data, size_t size, size_t count, void* context) {
  auto* sink = static_cast<Sink*>(context);
  const size_t length = size * count;
  sink->header_bytes += length;
  if (sink->header_bytes > sink->limits->max_header_bytes) {
    sink->headers_too_large = true;
    return 0;  // aborts with CURLE_WRITE_ERROR
  }
  std::string_view line(data, length);
  if (line.starts_with("HTTP/")) {
    // A new status line: headers of an interim (1xx) response are discarded.
    sink->response->headers.clear();
    return length;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return length;
  std::string name(TrimWhitespace(line.substr(0, colon)));
  if (name.empty()) return length;
  absl::AsciiStrToLower(&name);
  const std::string_view value = TrimWhitespace(line.substr(colon + 1));
  auto [it, inserted] = sink->response->headers.try_emplace(std::move(name), value);
  if (!inserted) {
    it->second.append(", ");
    it->second.append(value);
  }
  return length;
}

size_t OnBody(char* data, size_t size, size_t count, void* context) {
  auto* sink = static_cast<Sink*>(context);
  const size_t length = size * count;
  long status = 0;
  sink->curl->easy_getinfo(sink->easy, CURLINFO_RESPONSE_CODE, &status);
  const size_t cap = (status >= 200 && status < 300) ? sink->limits->max_success_body
                                                     : sink->limits->max_error_body;
  std::string& body = sink->response->body;
  if (body.size() + length > cap) {
    body.append(data, cap - std::min(cap, body.size()));
    sink->body_too_large = true;
    return 0;  // aborts with CURLE_WRITE_ERROR
  }
  body.append(data, length);
  return length;
}

int OnProgress(void* context, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* sink = static_cast<Sink*>(context);
  return sink->cancelled->load(std::memory_order_relaxed) ? 1 : 0;
}

// Remembers the first failing option instead of checking every call.
class Options {
 public:
  Options(const CurlApi* curl, CURL* easy) : curl_(curl), easy_(easy) {}
  template <typename T>
  void Set(CURLoption option, T value) {
    const CURLcode code = curl_->easy_setopt(easy_, option, value);
    if (code != CURLE_OK && first_error_ == CURLE_OK) first_error_ = code;
  }
  CURLcode first_error() const { return first_error_; }

 private:
  const CurlApi* curl_;
  CURL* easy_;
  CURLcode first_error_ = CURLE_OK;
};

struct HeaderList {
  const CurlApi* curl = nullptr;
  curl_slist* list = nullptr;
  ~HeaderList() { curl->slist_free_all(list); }
};

}  // namespace

struct TransferPool::Slot {
  explicit Slot(const CurlApi* api) : curl(api) {}
  ~Slot() {
    if (easy != nullptr) curl->easy_cleanup(easy);
    if (multi != nullptr) curl->multi_cleanup(multi);
  }

  const CurlApi* const curl;
  CURL* easy = nullptr;
  CURLM* multi = nullptr;
  char error[CURL_ERROR_SIZE] = {};
};

// libcurl is loaded by the first Perform, not here: a pool is made for every
// configured client, also in processes that never send a request.
TransferPool::TransferPool(const std::atomic<bool>* cancelled, TransferLimits limits)
    : cancelled_(cancelled), limits_(limits) {}

TransferPool::~TransferPool() = default;

TransferPool::Slot* TransferPool::Lease(const CurlApi* curl) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      Slot* slot = idle_.back();
      idle_.pop_back();
      return slot;
    }
  }
  auto slot = std::make_unique<Slot>(curl);
  slot->easy = curl->easy_init();
  slot->multi = curl->multi_init();
  if (slot->easy == nullptr || slot->multi == nullptr) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  slots_.push_back(std::move(slot));
  return slots_.back().get();
}

void TransferPool::Release(Slot* slot) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kMaxIdleSlots) {
    idle_.push_back(slot);
    return;
  }
  slots_.erase(std::remove_if(slots_.begin(), slots_.end(),
                              [slot](const std::unique_ptr<Slot>& s) { return s.get() == slot; }),
               slots_.end());
}

void TransferPool::WakeAll() {
  std::lock_guard<std::mutex> lock(mu_);
  // curl_multi_wakeup may be called from any thread, also while another drives
  // the handle.
  for (const auto& slot : slots_) slot->curl->multi_wakeup(slot->multi);
}

namespace {

// Appends `lines` to `list`; false when curl runs out of memory.
bool AppendAll(const std::vector<std::string>& lines, HeaderList* list) {
  for (const std::string& line : lines) {
    curl_slist* next = list->curl->slist_append(list->list, line.c_str());
    if (next == nullptr) return false;
    list->list = next;
  }
  return true;
}

TransferResult Failed(CURLcode code, std::string error) {
  TransferResult result;
  result.code = code;
  result.error = std::move(error);
  return result;
}

// Every option of one exchange: where to, how securely, how long, with which headers and body,
// and the callbacks that fill `sink`.
void SetOptions(const TransferSpec& spec, const HeaderList& headers, const HeaderList& resolve,
                char* error_buffer, Sink* sink, Options* options) {
  options->Set(CURLOPT_URL, spec.url.c_str());
  // Plain http only where the client allows it (a loopback endpoint); a redirect may never
  // go to it.
  options->Set(CURLOPT_PROTOCOLS_STR, spec.https_only ? "https" : "http,https");
  options->Set(CURLOPT_REDIR_PROTOCOLS_STR, "https");
  options->Set(CURLOPT_SSL_VERIFYPEER, 1L);
  options->Set(CURLOPT_SSL_VERIFYHOST, 2L);
  if (!spec.ca_file.empty()) options->Set(CURLOPT_CAINFO, spec.ca_file.c_str());
  if (resolve.list != nullptr) options->Set(CURLOPT_RESOLVE, resolve.list);
  // Ids are path segments: "/users/x/.." must reach the server as written, never be
  // normalised into another route.
  options->Set(CURLOPT_PATH_AS_IS, 1L);
  options->Set(CURLOPT_NOSIGNAL, 1L);
  options->Set(CURLOPT_ERRORBUFFER, error_buffer);
  options->Set(CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<long long>(1, spec.timeout.count())));
  options->Set(CURLOPT_CONNECTTIMEOUT_MS,
               static_cast<long>(std::max<long long>(1, spec.connect_timeout.count())));
  options->Set(CURLOPT_TCP_KEEPALIVE, 1L);
  options->Set(CURLOPT_FOLLOWLOCATION, 0L);   // a redirect is the caller's business
  options->Set(CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode; caps apply after
  options->Set(CURLOPT_USERAGENT, spec.user_agent.c_str());
  options->Set(CURLOPT_HTTPHEADER, headers.list);
  options->Set(CURLOPT_HEADERFUNCTION, &OnHeader);
  options->Set(CURLOPT_HEADERDATA, sink);
  options->Set(CURLOPT_WRITEFUNCTION, &OnBody);
  options->Set(CURLOPT_WRITEDATA, sink);
  options->Set(CURLOPT_NOPROGRESS, 0L);
  options->Set(CURLOPT_XFERINFOFUNCTION, &OnProgress);
  options->Set(CURLOPT_XFERINFODATA, sink);
  if (spec.fresh_connection) options->Set(CURLOPT_FRESH_CONNECT, 1L);
  if (spec.method == "GET") {
    options->Set(CURLOPT_HTTPGET, 1L);
    return;
  }
  if (spec.method != "POST") {
    const std::string method(spec.method);
    options->Set(CURLOPT_CUSTOMREQUEST, method.c_str());  // curl keeps a copy
  }
  // POST, PUT and PATCH always carry a body (possibly empty, with Content-Length: 0); DELETE
  // only when given one.
  if (spec.method != "DELETE" || !spec.body->empty()) {
    options->Set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(spec.body->size()));
    options->Set(CURLOPT_POSTFIELDS, spec.body->data());
  }
}

// Runs the exchange on `multi` until it is done, fails or `cancelled` is set (then
// result->cancelled). Returns curl's result for it; a failure of the multi interface itself is
// CURLE_FAILED_INIT with its message in result->error.
CURLcode Drive(const CurlApi* curl, CURLM* multi, CURL* easy, const std::atomic<bool>* cancelled,
               TransferResult* result) {
  CURLcode code = CURLE_OK;
  CURLMcode multi_code = curl->multi_add_handle(multi, easy);
  bool done = false;
  while (multi_code == CURLM_OK) {
    int running = 0;
    multi_code = curl->multi_perform(multi, &running);
    if (multi_code != CURLM_OK) break;
    int queued = 0;
    while (CURLMsg* message = curl->multi_info_read(multi, &queued)) {
      if (message->msg == CURLMSG_DONE && message->easy_handle == easy) {
        code = message->data.result;
        done = true;
      }
    }
    if (done || running == 0) break;
    if (cancelled->load(std::memory_order_acquire)) {
      result->cancelled = true;
      break;
    }
    multi_code = curl->multi_poll(multi, nullptr, 0, kPollMs, nullptr);
  }
  if (multi_code != CURLM_OK) {
    code = CURLE_FAILED_INIT;
    result->error = curl->multi_strerror(multi_code);
  } else if (!done && !result->cancelled) {
    code = CURLE_GOT_NOTHING;  // unreachable in practice: curl stopped without a result
  }
  curl->multi_remove_handle(multi, easy);
  return code;
}

// What the finished exchange left in `easy` and `sink`: the status, whether anything may have
// been sent, the caps that were hit, and the error to report.
void Collect(const CurlApi* curl, CURL* easy, const Sink& sink, const char* error_buffer,
             CURLcode code, TransferResult* result) {
  long status = 0;
  curl->easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  result->response.status = static_cast<int>(status);
  curl_off_t connect_us = 0;
  curl->easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connect_us);
  long request_bytes = 0;
  curl->easy_getinfo(easy, CURLINFO_REQUEST_SIZE, &request_bytes);
  result->connected = connect_us > 0 || request_bytes > 0 || status != 0;
  result->body_too_large = sink.body_too_large;
  result->headers_too_large = sink.headers_too_large;
  result->code = result->cancelled ? CURLE_ABORTED_BY_CALLBACK : code;
  if (result->code != CURLE_OK && result->error.empty()) {
    result->error = error_buffer[0] != '\0' ? std::string(error_buffer)
                                            : std::string(curl->easy_strerror(result->code));
  }
}

}  // namespace

TransferResult TransferPool::Perform(const TransferSpec& spec) {
  const absl::StatusOr<const CurlApi*> loaded = LoadCurl();
  if (!loaded.ok()) return Failed(CURLE_FAILED_INIT, std::string(loaded.status().message()));
  const CurlApi* const curl = *loaded;
  const SlotLease slot(this, Lease(curl));
  if (slot.get() == nullptr) return Failed(CURLE_OUT_OF_MEMORY, "could not create a curl handle");
  CURL* easy = slot->easy;
  // Forgets the previous request's options; the connection cache lives in the multi handle.
  curl->easy_reset(easy);
  slot->error[0] = '\0';

  HeaderList headers{.curl = curl};
  if (!AppendAll(spec.header_lines, &headers)) {
    return Failed(CURLE_OUT_OF_MEMORY, "could not build the request headers");
  }
  HeaderList resolve{.curl = curl};
  if (!AppendAll(spec.resolve, &resolve)) {
    return Failed(CURLE_OUT_OF_MEMORY, "could not build the resolve list");
  }

  static const std::atomic<bool> kNeverCancelled{false};
  const std::atomic<bool>* const cancelled = spec.survive_cancel ? &kNeverCancelled : cancelled_;
  TransferResult result;
  Sink sink{.curl = curl,
            .easy = easy,
            .cancelled = cancelled,
            .limits = &limits_,
            .response = &result.response};
  Options options(curl, easy);
  SetOptions(spec, headers, resolve, slot->error, &sink, &options);
  if (options.first_error() != CURLE_OK) {
    return Failed(options.first_error(), curl->easy_strerror(options.first_error()));
  }

  const auto started = std::chrono::steady_clock::now();
  const CURLcode code = Drive(curl, slot->multi, easy, cancelled, &result);
  result.duration = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  if (result.cancelled || code == CURLE_ABORTED_BY_CALLBACK) {
    result.cancelled = cancelled->load(std::memory_order_acquire);
  }
  Collect(curl, easy, sink, slot->error, code, &result);
  return result;
}

}  // namespace orgiam::http::internal
