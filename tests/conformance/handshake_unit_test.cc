// In-process tests of the pure handshake helpers.

#include <string>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "plugin/handshake.h"
#include "plugin/reattach.h"
#include "plugin/tls_certificate.h"
#include "test_certs.h"

namespace orgiam::plugin {
namespace {

TEST(NegotiateTest, PicksSixFromEitherOrder) {
  EXPECT_TRUE(NegotiateProtocolVersion("5,6").offered_by_host);
  EXPECT_TRUE(NegotiateProtocolVersion("6,5").offered_by_host);
  EXPECT_EQ(NegotiateProtocolVersion("6,5").version, 6);
}

TEST(NegotiateTest, NoOverlapStillAnswersSix) {
  VersionChoice choice = NegotiateProtocolVersion("4,5");
  EXPECT_FALSE(choice.offered_by_host);
  EXPECT_EQ(choice.version, 6);
  EXPECT_FALSE(NegotiateProtocolVersion("16,x").offered_by_host);
}

TEST(NegotiateTest, EmptyMeansOurs) {
  EXPECT_TRUE(NegotiateProtocolVersion("").offered_by_host);
  EXPECT_EQ(NegotiateProtocolVersion("").version, 6);
}

TEST(Base64Test, StripsPadding) {
  EXPECT_EQ(RawStdBase64(""), "");
  EXPECT_EQ(RawStdBase64("f"), "Zg");
  EXPECT_EQ(RawStdBase64("fo"), "Zm8");
  EXPECT_EQ(RawStdBase64("foo"), "Zm9v");
  EXPECT_EQ(RawStdBase64(std::string("\xfb\xff", 2)), "+/8");
}

TEST(HandshakeLineTest, Format) {
  EXPECT_EQ(FormatHandshakeLine(6, "unix", "/tmp/x/plugin.sock", ""),
            "1|6|unix|/tmp/x/plugin.sock|grpc|\n");
  EXPECT_EQ(FormatHandshakeLine(6, "unix", "/s", "foo"), "1|6|unix|/s|grpc|Zm9v\n");
}

TEST(ReattachTest, JsonShape) {
  const std::string json = ReattachConfigJson(kProviderAddress, 42, "unix", "/tmp/a b/p.sock");
  nlohmann::json parsed = nlohmann::json::parse(json);
  const auto& entry = parsed["registry.terraform.io/orgiam/orgiam"];
  EXPECT_EQ(entry["Pid"], 42);
  EXPECT_EQ(entry["Test"], true);
  EXPECT_EQ(entry["ProtocolVersion"], 6);
  EXPECT_EQ(entry["Addr"]["String"], "/tmp/a b/p.sock");
}

TEST(ReattachTest, ShellLineEscapesSingleQuotes) {
  EXPECT_EQ(ReattachShellLine("{\"a\":\"it's\"}"), "TF_REATTACH_PROVIDERS='{\"a\":\"it'\\''s\"}'");
}

TEST(CertificateTest, GeneratedCertificateHasTheRequiredShape) {
  auto cert = GenerateServerCertificate();
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_NE(cert->cert_pem.find("BEGIN CERTIFICATE"), std::string::npos);
  EXPECT_NE(cert->key_pem.find("BEGIN PRIVATE KEY"), std::string::npos);
  testing::CertFacts facts = testing::InspectCertificate(cert->cert_der);
  EXPECT_TRUE(facts.parsed);
  EXPECT_TRUE(facts.san_has_localhost);
  EXPECT_TRUE(facts.is_ca);
  EXPECT_TRUE(facts.has_server_auth);
  EXPECT_TRUE(facts.self_signature_valid);
  EXPECT_EQ(facts.curve, "prime256v1");
  EXPECT_LE(facts.not_before_offset_s, -25);
}

}  // namespace
}  // namespace orgiam::plugin
