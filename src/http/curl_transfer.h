#ifndef ORGIAM_HTTP_CURL_TRANSFER_H_
#define ORGIAM_HTTP_CURL_TRANSFER_H_

// One HTTP exchange over libcurl, on handles kept for reuse.
//
// Each slot is an easy handle driven by its own multi handle. The multi handle
// owns the connection cache, so a slot keeps its keep-alive connection from one
// request to the next, and the slot is idle-listed last-in first-out so
// sequential calls land on the warm one. Our own poll loop (rather than
// curl_easy_perform) lets CancelAll interrupt a transfer at once with
// curl_multi_wakeup instead of waiting for curl's once-a-second progress
// callback. libcurl itself is loaded on the first Perform (see
// curl_library.h).

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "http/message.h"

namespace orgiam::http::internal {

struct CurlApi;

struct TransferLimits {
  std::size_t max_success_body = 16u << 20;  // 2xx bodies
  // Bodies of every other status; the rest is cut off.
  std::size_t max_error_body = 1u << 20;
  std::size_t max_header_bytes = 256u << 10;
};

struct TransferSpec {
  std::string_view method;
  std::string url;
  // Never null when the method carries a body.
  const std::string* body = nullptr;
  // "Name: value", or "Name:" to drop a header curl adds by default.
  std::vector<std::string> header_lines;
  std::string user_agent;
  // Only https:// (also for redirects, which are never followed anyway); false allows http
  // too, for a loopback endpoint.
  bool https_only = true;
  // CURLOPT_CAINFO; empty = libcurl's default store.
  std::string ca_file;
  // CURLOPT_RESOLVE entries ("host:port:address").
  std::vector<std::string> resolve;
  std::chrono::milliseconds timeout{30000};
  std::chrono::milliseconds connect_timeout{10000};
  // A new connection, never a kept-alive one: see Client::Send on why POSTs
  // need it.
  bool fresh_connection = false;
  // Not aborted by the pool's cancelled flag: a sent create must finish (see
  // Client::CancelAll).
  bool survive_cancel = false;
};

struct TransferResult {
  CURLcode code = CURLE_OK;
  std::string error;  // curl's explanation when code != CURLE_OK
  // The TCP connection was established, so (part of) the request may have been
  // sent.
  bool connected = false;
  bool cancelled = false;
  // The body passed its cap; `response` holds the status, headers and the body
  // cut at the cap.
  bool body_too_large = false;
  bool headers_too_large = false;
  Response response;  // status 0 when no status line arrived
  std::chrono::milliseconds duration{0};
};

class TransferPool {
 public:
  // `cancelled` must outlive the pool; a set flag aborts transfers.
  TransferPool(const std::atomic<bool>* cancelled, TransferLimits limits = {});
  ~TransferPool();
  TransferPool(const TransferPool&) = delete;
  TransferPool& operator=(const TransferPool&) = delete;

  // Runs one exchange; never retries. Thread-safe. Fails with
  // CURLE_FAILED_INIT and LoadCurl's message when libcurl cannot be loaded.
  TransferResult Perform(const TransferSpec& spec);

  // Interrupts the poll of every transfer in flight so it notices the cancelled
  // flag.
  void WakeAll();

 private:
  struct Slot;
  // A slot held for one transfer, given back to the pool on every way out of Perform.
  class SlotLease {
   public:
    SlotLease(TransferPool* pool, Slot* slot) : pool_(pool), slot_(slot) {}
    ~SlotLease() {
      if (slot_ != nullptr) pool_->Release(slot_);
    }
    SlotLease(const SlotLease&) = delete;
    SlotLease& operator=(const SlotLease&) = delete;

    Slot* get() const { return slot_; }
    Slot* operator->() const { return slot_; }

   private:
    TransferPool* const pool_;
    Slot* const slot_;
  };
  // An idle slot or a new one; holds none (get() is null) when curl cannot make its handles.
  Slot* Lease(const CurlApi* curl);
  void Release(Slot* slot);

  const std::atomic<bool>* const cancelled_;
  const TransferLimits limits_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Slot>> slots_ ABSL_GUARDED_BY(mu_);
  std::vector<Slot*> idle_ ABSL_GUARDED_BY(mu_);
};

}  // namespace orgiam::http::internal

#endif  // ORGIAM_HTTP_CURL_TRANSFER_H_
