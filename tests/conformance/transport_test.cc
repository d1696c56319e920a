// The gRPC transport as Terraform's go-plugin client sees it: AutoMTLS and
// plaintext.

#include <chrono>
#include <string>

#include "grpc_clients.h"
#include "gtest/gtest.h"
#include "plugin_process.h"
#include "test_certs.h"

namespace orgiam::conformance {
namespace {

using std::chrono::seconds;

constexpr int kServing = 1;

bool ReachedServer(const grpc::Status& status) {
  // The bare service answers UNIMPLEMENTED, the real one OK: both prove the
  // call got through.
  return status.ok() || status.error_code() == grpc::StatusCode::UNIMPLEMENTED;
}

class MtlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = testing::MakeClientCertificate("P-521");  // what go-plugin generates
    PluginProcess::Env env = process_.TerraformEnv();
    env["PLUGIN_CLIENT_CERT"] = client_.cert_pem;
    process_.Start({}, env);
    auto handshake = process_.ReadHandshake();
    ASSERT_TRUE(handshake.has_value()) << process_.Stderr();
    ASSERT_EQ(handshake->fields.size(), 6u) << handshake->line;
    socket_ = handshake->fields[3];
    std::string der;
    ASSERT_TRUE(testing::DecodeBase64(handshake->fields[5], &der));
    server_pem_ = testing::DerToPem(der);
    ASSERT_FALSE(server_pem_.empty());
  }

  PluginProcess process_;
  testing::PemPair client_;
  std::string socket_;
  std::string server_pem_;
};

TEST_F(MtlsTest, HealthCheckReportsPluginServing) {
  auto channel = MtlsChannel(socket_, server_pem_, client_);
  HealthResult health = CheckHealth(channel);
  ASSERT_TRUE(health.status.ok()) << health.status.error_message() << "\n" << process_.Stderr();
  EXPECT_EQ(health.serving_status, kServing);
}

TEST_F(MtlsTest, HealthCheckServesTheWholeServerAndRefusesUnknownServices) {
  auto channel = MtlsChannel(socket_, server_pem_, client_);
  HealthResult whole = CheckHealth(channel, "");
  ASSERT_TRUE(whole.status.ok()) << whole.status.error_message();
  EXPECT_EQ(whole.serving_status, kServing);
  HealthResult unknown = CheckHealth(channel, "no.such.Service");
  EXPECT_EQ(unknown.status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(MtlsTest, ProviderRpcReachesTheServer) {
  auto channel = MtlsChannel(socket_, server_pem_, client_);
  grpc::Status status = CallGetProviderSchema(channel);
  EXPECT_TRUE(ReachedServer(status)) << status.error_code() << " " << status.error_message();
}

TEST_F(MtlsTest, P256ClientCertificateAlsoWorks) {
  // A second process trusting a P-256 client certificate.
  PluginProcess other;
  testing::PemPair client = testing::MakeClientCertificate("P-256");
  PluginProcess::Env env = other.TerraformEnv();
  env["PLUGIN_CLIENT_CERT"] = client.cert_pem;
  other.Start({}, env);
  auto handshake = other.ReadHandshake();
  ASSERT_TRUE(handshake.has_value());
  ASSERT_EQ(handshake->fields.size(), 6u);
  std::string der;
  ASSERT_TRUE(testing::DecodeBase64(handshake->fields[5], &der));
  auto channel = MtlsChannel(handshake->fields[3], testing::DerToPem(der), client);
  EXPECT_TRUE(CheckHealth(channel).status.ok());
}

TEST_F(MtlsTest, ClientWithoutCertificateIsRefused) {
  auto channel = MtlsChannel(socket_, server_pem_, std::nullopt);
  HealthResult health = CheckHealth(channel);
  EXPECT_FALSE(health.status.ok());
  EXPECT_FALSE(ReachedServer(CallGetProviderSchema(channel)));
}

TEST_F(MtlsTest, ClientWithAnotherCertificateIsRefused) {
  auto channel = MtlsChannel(socket_, server_pem_, testing::MakeClientCertificate("P-521"));
  HealthResult health = CheckHealth(channel);
  EXPECT_FALSE(health.status.ok());
  EXPECT_FALSE(ReachedServer(CallGetProviderSchema(channel)));
}

TEST_F(MtlsTest, PlaintextClientIsRefused) {
  auto channel = InsecureChannel(socket_);
  EXPECT_FALSE(CheckHealth(channel).status.ok());
}

TEST_F(MtlsTest, ServerStillServesAfterRefusedClients) {
  EXPECT_FALSE(CheckHealth(MtlsChannel(socket_, server_pem_, std::nullopt)).status.ok());
  EXPECT_FALSE(CheckHealth(InsecureChannel(socket_)).status.ok());
  EXPECT_TRUE(CheckHealth(MtlsChannel(socket_, server_pem_, client_)).status.ok());
}

TEST(PlaintextTest, InsecureClientWorksWithoutClientCert) {
  PluginProcess process;
  PluginProcess::Env env = process.TerraformEnv();
  env.erase("PLUGIN_CLIENT_CERT");
  process.Start({}, env);
  auto handshake = process.ReadHandshake();
  ASSERT_TRUE(handshake.has_value()) << process.Stderr();
  ASSERT_EQ(handshake->fields.size(), 6u);
  auto channel = InsecureChannel(handshake->fields[3]);
  HealthResult health = CheckHealth(channel);
  ASSERT_TRUE(health.status.ok()) << health.status.error_message();
  EXPECT_EQ(health.serving_status, kServing);
  EXPECT_TRUE(ReachedServer(CallGetProviderSchema(channel)));
}

}  // namespace
}  // namespace orgiam::conformance
