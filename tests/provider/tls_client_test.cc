// The HTTP client against a TLS server whose certificate comes from a private CA: ca_file makes
// it trusted, without it the error says what failed and what to do, and nothing is ever sent
// in clear text to a host that is not loopback: neither by the client's own check nor, below
// it, by libcurl (CURLOPT_PROTOCOLS_STR).

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "cty/codec.h"
#include "framework/schema_registry.h"
#include "http/client.h"
#include "http/curl_transfer.h"
#include "provider/provider_config.h"
#include "raw_listener.h"
#include "test_certs.h"
#include "tls_test_server.h"

namespace orgiam::http {
namespace {

using ::orgiam::testing::CertificateAuthority;
using ::orgiam::testing::IssueServerCertificate;
using ::orgiam::testing::MakeCertificateAuthority;
using ::orgiam::testing::PemPair;
using ::orgiam::testing::RawListener;
using ::orgiam::testing::TlsResponse;
using ::orgiam::testing::TlsTestServer;

TlsResponse Ok(const std::string&, const std::string&) { return {200, R"({"ok":true})"}; }

class TlsClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ca_ = MakeCertificateAuthority();
    ca_file_ = WriteFile("ca.pem", ca_.cert_pem);
  }

  static std::string WriteFile(const std::string& name, const std::string& content) {
    // ctest runs the tests of this file in parallel processes: each gets its own files.
    const std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "-" + name;
    std::ofstream(path) << content;
    return path;
  }

  static ClientOptions Options(const std::string& base_url, const std::string& ca_file) {
    ClientOptions options;
    options.vendor = "zitadel";
    options.base_url = base_url;
    options.bearer_token = "token-that-must-not-leak";
    options.ca_file = ca_file;
    options.max_retries = 3;
    options.initial_backoff = std::chrono::milliseconds(1);
    options.max_backoff = std::chrono::milliseconds(5);
    options.request_timeout = std::chrono::seconds(5);
    return options;
  }

  static absl::StatusOr<Response> Get(const ClientOptions& options) {
    Client client(options);
    return client.Send(Request{.method = "GET", .path = "/management/v1/users/me"});
  }

  CertificateAuthority ca_;
  std::string ca_file_;
};

TEST_F(TlsClientTest, CaFileMakesThePrivateCaTrusted) {
  const PemPair cert = IssueServerCertificate(ca_, {"localhost"}, {"127.0.0.1"});
  TlsTestServer server(cert.cert_pem, cert.key_pem, Ok);
  for (const std::string host : {"localhost", "127.0.0.1"}) {
    absl::StatusOr<Response> response =
        Get(Options("https://" + host + ":" + std::to_string(server.port()), ca_file_));
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, R"({"ok":true})");
  }
  EXPECT_EQ(server.handshakes(), 2);
  EXPECT_EQ(server.requests(), 2);
}

TEST_F(TlsClientTest, WithoutCaFileVerificationFailsClearlyAndOnce) {
  const PemPair cert = IssueServerCertificate(ca_, {"localhost"}, {"127.0.0.1"});
  TlsTestServer server(cert.cert_pem, cert.key_pem, Ok);
  const std::string url = "https://localhost:" + std::to_string(server.port());
  absl::StatusOr<Response> response = Get(Options(url, ""));
  ASSERT_FALSE(response.ok());
  const std::string message(response.status().message());
  EXPECT_NE(message.find("the TLS certificate of the server at " + url + " could not be verified"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("set ca_file in the zitadel block"), std::string::npos) << message;
  EXPECT_EQ(message.find("token-that-must-not-leak"), std::string::npos) << message;
  // A certificate does not get better by asking again, and no request went out.
  EXPECT_EQ(server.connections(), 1);
  EXPECT_EQ(server.handshakes(), 0);
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(TlsClientTest, AnotherCaOrAnotherNameIsRefused) {
  const CertificateAuthority other = MakeCertificateAuthority("another CA");
  const PemPair cert = IssueServerCertificate(ca_, {"localhost"}, {"127.0.0.1"});
  TlsTestServer server(cert.cert_pem, cert.key_pem, Ok);
  const std::string url = "https://localhost:" + std::to_string(server.port());
  absl::StatusOr<Response> response = Get(Options(url, WriteFile("other.pem", other.cert_pem)));
  ASSERT_FALSE(response.ok());
  EXPECT_NE(response.status().message().find("could not be verified"), std::string::npos);
  EXPECT_NE(response.status().message().find("Check that ca_file"), std::string::npos)
      << response.status().message();

  // The right CA, but the certificate names another host (VERIFYHOST=2).
  const PemPair elsewhere = IssueServerCertificate(ca_, {"elsewhere.example"});
  TlsTestServer wrong_name(elsewhere.cert_pem, elsewhere.key_pem, Ok);
  response = Get(Options("https://localhost:" + std::to_string(wrong_name.port()), ca_file_));
  ASSERT_FALSE(response.ok());
  EXPECT_NE(response.status().message().find("could not be verified"), std::string::npos)
      << response.status().message();
  EXPECT_EQ(wrong_name.requests(), 0);
}

TEST_F(TlsClientTest, PostRefusedForItsCertificateWasNotSent) {
  const PemPair cert = IssueServerCertificate(ca_, {"localhost"});
  TlsTestServer server(cert.cert_pem, cert.key_pem, Ok);
  Client client(Options("https://localhost:" + std::to_string(server.port()), ""));
  absl::StatusOr<Response> response =
      client.Send(Request{.method = "POST", .path = "/management/v1/users/machine", .body = "{}"});
  ASSERT_FALSE(response.ok());
  EXPECT_FALSE(IsOutcomeUnknown(response.status())) << response.status();
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(TlsClientTest, HttpToANonLoopbackNameIsRefusedBeforeConnecting) {
  RawListener listener;
  const std::string port = std::to_string(listener.port());
  for (const std::string host : {"127.0.0.1.example.com", "localhost.evil", "api.vultr.com"}) {
    ClientOptions options = Options("http://" + host + ":" + port, "");
    // Even with the name pinned to the listener, nothing may reach it.
    options.resolve = {host + ":" + port + ":127.0.0.1"};
    absl::StatusOr<Response> response = Get(options);
    ASSERT_FALSE(response.ok()) << host;
    EXPECT_EQ(response.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_NE(response.status().message().find("http:// is allowed only to a loopback host"),
              std::string::npos)
        << response.status().message();
  }
  ClientOptions userinfo = Options("http://127.0.0.1@evil.example:" + port, "");
  userinfo.resolve = {"evil.example:" + port + ":127.0.0.1"};
  EXPECT_FALSE(Get(userinfo).ok());
  EXPECT_EQ(listener.connections(), 0);
}

// Below the client's own check: libcurl is told to speak https only.
TEST_F(TlsClientTest, LibcurlItselfRefusesHttpWhenHttpsOnly) {
  RawListener listener;
  std::atomic<bool> cancelled{false};
  internal::TransferPool pool(&cancelled);
  const std::string body;
  internal::TransferSpec spec;
  spec.method = "GET";
  spec.url = "http://127.0.0.1:" + std::to_string(listener.port()) + "/";
  spec.body = &body;
  spec.https_only = true;
  const internal::TransferResult result = pool.Perform(spec);
  EXPECT_EQ(result.code, CURLE_UNSUPPORTED_PROTOCOL) << result.error;
  EXPECT_EQ(listener.connections(), 0);
}

// ZITADEL_DOMAIN=acme.example (a bare domain) through the real config resolution: the client
// speaks TLS to it, first byte 0x16, never "GET".
TEST_F(TlsClientTest, BareDomainFromTheEnvironmentSpeaksTlsOnly) {
  const PemPair cert = IssueServerCertificate(ca_, {"acme.example"});
  TlsTestServer server(cert.cert_pem, cert.key_pem, Ok);
  RawListener listener;
  for (const bool tls_server : {false, true}) {
    const int port = tls_server ? server.port() : listener.port();
    setenv("ZITADEL_DOMAIN", ("acme.example:" + std::to_string(port)).c_str(), 1);
    setenv("ZITADEL_TOKEN", "t", 1);
    const framework::Schema* schema =
        framework::SchemaRegistry::Get().Find(framework::SchemaKind::kProvider, "");
    ASSERT_NE(schema, nullptr);
    absl::StatusOr<cty::Value> config =
        cty::DecodeJson(R"({"zitadel": {"ca_file": ")" + ca_file_ + R"("}})", schema->implied_type);
    ASSERT_TRUE(config.ok()) << config.status();
    framework::Diagnostics diagnostics;
    const provider::ProviderConfig resolved =
        provider::ResolveProviderConfig(*config, &diagnostics);
    unsetenv("ZITADEL_DOMAIN");
    unsetenv("ZITADEL_TOKEN");
    ASSERT_TRUE(diagnostics.empty());
    ASSERT_TRUE(resolved.zitadel.has_value());
    EXPECT_EQ(resolved.zitadel->endpoint, "https://acme.example:" + std::to_string(port));

    ClientOptions options = Options(resolved.zitadel->endpoint, resolved.zitadel->ca_file);
    options.max_retries = 0;
    options.resolve = {"acme.example:" + std::to_string(port) + ":127.0.0.1"};
    absl::StatusOr<Response> response = Get(options);
    if (tls_server) {
      ASSERT_TRUE(response.ok()) << response.status();
      EXPECT_EQ(response->status, 200);
      EXPECT_EQ(server.requests(), 1);
    } else {
      EXPECT_FALSE(response.ok());
    }
  }
  ASSERT_EQ(listener.connections(), 1);
  const std::string first = listener.first_bytes().at(0);
  ASSERT_GE(first.size(), 3u);
  EXPECT_EQ(static_cast<unsigned char>(first[0]), 0x16) << "not a TLS handshake record";
  EXPECT_EQ(static_cast<unsigned char>(first[1]), 0x03);
  EXPECT_EQ(first.find("GET"), std::string::npos);
  EXPECT_EQ(first.find("token"), std::string::npos);
}

}  // namespace
}  // namespace orgiam::http
