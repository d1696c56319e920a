#include "tls_test_server.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <utility>

namespace orgiam::testing {
namespace {

SSL_CTX* Context(void* ctx) { return static_cast<SSL_CTX*>(ctx); }

std::string StatusText(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 404:
      return "Not Found";
    default:
      return "Status";
  }
}

// The Content-Length of a request head, 0 without one.
size_t ContentLength(const std::string& head) {
  for (const char* name : {"\r\nContent-Length:", "\r\ncontent-length:"}) {
    const size_t at = head.find(name);
    if (at != std::string::npos) {
      return static_cast<size_t>(std::strtoul(head.c_str() + at + 17, nullptr, 10));
    }
  }
  return 0;
}

}  // namespace

TlsTestServer::TlsTestServer(const std::string& cert_pem, const std::string& key_pem,
                             Handler handler)
    : handler_(std::move(handler)) {
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not end the test
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  BIO* cert_bio = BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size()));
  X509* cert = PEM_read_bio_X509(cert_bio, nullptr, nullptr, nullptr);
  BIO* key_bio = BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio, nullptr, nullptr, nullptr);
  const bool loaded = ctx != nullptr && cert != nullptr && key != nullptr &&
                      SSL_CTX_use_certificate(ctx, cert) == 1 &&
                      SSL_CTX_use_PrivateKey(ctx, key) == 1;
  X509_free(cert);
  EVP_PKEY_free(key);
  BIO_free(cert_bio);
  BIO_free(key_bio);
  ctx_ = ctx;
  if (!loaded) throw std::runtime_error("TlsTestServer: cannot load the certificate");

  acceptor_ = std::make_unique<LoopbackAcceptor>(
      [this](int fd, const std::atomic<bool>& stopping) { Serve(fd, stopping); });
}

TlsTestServer::~TlsTestServer() {
  acceptor_.reset();
  SSL_CTX_free(Context(ctx_));
}

std::vector<std::string> TlsTestServer::request_lines() const {
  std::lock_guard<std::mutex> lock(mu_);
  return request_lines_;
}

void TlsTestServer::Serve(int fd, const std::atomic<bool>& stopping) {
  timeval timeout{.tv_sec = 5, .tv_usec = 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
  SSL* ssl = SSL_new(Context(ctx_));
  SSL_set_fd(ssl, fd);
  if (SSL_accept(ssl) != 1) {  // e.g. the client refused our certificate
    ERR_clear_error();
    SSL_free(ssl);
    return;
  }
  ++handshakes_;
  // One request per connection: the answer says Connection: close.
  std::string data;
  size_t head_end = std::string::npos;
  char buffer[4096];
  while (head_end == std::string::npos && !stopping) {
    const int n = SSL_read(ssl, buffer, sizeof(buffer));
    if (n <= 0) break;
    data.append(buffer, static_cast<size_t>(n));
    head_end = data.find("\r\n\r\n");
  }
  if (head_end != std::string::npos) {
    const std::string head = data.substr(0, head_end + 2);
    const size_t length = ContentLength(head);
    std::string body = data.substr(head_end + 4);
    while (body.size() < length && !stopping) {
      const int n = SSL_read(ssl, buffer, sizeof(buffer));
      if (n <= 0) break;
      body.append(buffer, static_cast<size_t>(n));
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      request_lines_.push_back(head.substr(0, head.find("\r\n")));
    }
    const TlsResponse response = handler_(head, body);
    const std::string answer =
        "HTTP/1.1 " + std::to_string(response.status) + " " + StatusText(response.status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " +
        std::to_string(response.body.size()) + "\r\nConnection: close\r\n\r\n" + response.body;
    SSL_write(ssl, answer.data(), static_cast<int>(answer.size()));
    SSL_shutdown(ssl);
  }
  ERR_clear_error();
  SSL_free(ssl);
}

}  // namespace orgiam::testing
