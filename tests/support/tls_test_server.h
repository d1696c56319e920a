#ifndef ORGIAM_TESTS_SUPPORT_TLS_TEST_SERVER_H_
#define ORGIAM_TESTS_SUPPORT_TLS_TEST_SERVER_H_

// An HTTPS server on 127.0.0.1 built on OpenSSL, standing in for a vendor API behind a
// certificate of a private CA (test_certs.h). It serves one connection at a time and counts
// what happened: TCP connections, completed TLS handshakes and HTTP requests, so that a test
// can tell "refused before connecting" from "refused the certificate" from "answered".

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "loopback_acceptor.h"

namespace orgiam::testing {

struct TlsResponse {
  int status = 200;
  std::string body = "{}";
};

class TlsTestServer {
 public:
  // Gets the request head ("GET /path HTTP/1.1\r\n...") and its body.
  using Handler = std::function<TlsResponse(const std::string& head, const std::string& body)>;

  // Listens on 127.0.0.1, any free port, presenting `cert_pem` (with `key_pem`).
  TlsTestServer(const std::string& cert_pem, const std::string& key_pem, Handler handler);
  ~TlsTestServer();
  TlsTestServer(const TlsTestServer&) = delete;
  TlsTestServer& operator=(const TlsTestServer&) = delete;

  int port() const { return acceptor_->port(); }
  int connections() const { return acceptor_->connections(); }
  int handshakes() const { return handshakes_.load(); }
  int requests() const { return static_cast<int>(request_lines().size()); }
  // The request lines received ("GET /v2/users HTTP/1.1").
  std::vector<std::string> request_lines() const;

 private:
  void Serve(int fd, const std::atomic<bool>& stopping);

  void* ctx_ = nullptr;  // SSL_CTX, kept out of the header
  Handler handler_;
  std::atomic<int> handshakes_{0};
  mutable std::mutex mu_;
  std::vector<std::string> request_lines_;
  // Made once the certificate is loaded; destroyed first, so its thread never outlives ctx_.
  std::unique_ptr<LoopbackAcceptor> acceptor_;
};

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_TLS_TEST_SERVER_H_
