// The process contract before any RPC: cookie check, flags, the handshake line.

#include "plugin/handshake.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "plugin_process.h"
#include "test_certs.h"

namespace orgiam::conformance {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;

bool IsSocket(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

TEST(CookieTest, MissingCookieIsRefusedOnStderr) {
  PluginProcess process;
  PluginProcess::Env env = process.TerraformEnv();
  env.erase(std::string(plugin::kMagicCookieKey));
  process.Start({}, env);
  EXPECT_EQ(process.WaitForExit(seconds(5)), 1);
  EXPECT_EQ(process.ReadAllStdout(seconds(1)), "");
  const std::string err = process.Stderr();
  EXPECT_THAT(err, HasSubstr("plugin"));
  EXPECT_THAT(err, HasSubstr("-debug"));
}

TEST(CookieTest, WrongCookieIsRefused) {
  PluginProcess process;
  PluginProcess::Env env = process.TerraformEnv();
  env[std::string(plugin::kMagicCookieKey)] = "not-the-cookie";
  process.Start({}, env);
  EXPECT_EQ(process.WaitForExit(seconds(5)), 1);
  EXPECT_EQ(process.ReadAllStdout(seconds(1)), "");
  EXPECT_FALSE(process.Stderr().empty());
}

TEST(FlagsTest, VersionPrintsNameAndVersion) {
  PluginProcess process;
  process.Start({"--version"}, {{"PATH", "/usr/bin:/bin"}});
  EXPECT_EQ(process.WaitForExit(seconds(5)), 0);
  const std::string out = process.ReadAllStdout(seconds(1));
  EXPECT_THAT(out, ::testing::StartsWith("terraform-provider-orgiam "));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

TEST(FlagsTest, UnknownArgumentIsAUsageError) {
  PluginProcess process;
  process.Start({"--bogus"}, process.TerraformEnv());
  EXPECT_EQ(process.WaitForExit(seconds(5)), 2);
  EXPECT_EQ(process.ReadAllStdout(seconds(1)), "");
}

class ProtocolVersionTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ProtocolVersionTest, AnswersSixWhateverTheOrder) {
  PluginProcess process;
  PluginProcess::Env env = process.TerraformEnv();
  env["PLUGIN_PROTOCOL_VERSIONS"] = GetParam();
  process.Start({}, env);
  auto handshake = process.ReadHandshake();
  ASSERT_TRUE(handshake.has_value()) << process.Stderr();
  ASSERT_GE(handshake->fields.size(), 2u) << handshake->line;
  EXPECT_EQ(handshake->fields[1], "6");
}

INSTANTIATE_TEST_SUITE_P(HostOrders, ProtocolVersionTest,
                         ::testing::Values("5,6", "6,5", "6", " 5 , 6 "));

TEST(HandshakeTest, TlsLineHasSixWellFormedFields) {
  PluginProcess process;
  PluginProcess::Env env = process.TerraformEnv();
  env["PLUGIN_CLIENT_CERT"] = testing::MakeClientCertificate().cert_pem;
  process.Start({}, env);
  auto handshake = process.ReadHandshake();
  ASSERT_TRUE(handshake.has_value()) << process.Stderr();
  const auto& f = handshake->fields;
  ASSERT_EQ(f.size(), 6u) << handshake->line;
  EXPECT_EQ(f[0], "1");
  EXPECT_EQ(f[1], "6");
  EXPECT_EQ(f[2], "unix");
  EXPECT_EQ(f[3].front(), '/');
  EXPECT_TRUE(IsSocket(f[3])) << f[3];
  EXPECT_EQ(std::filesystem::path(f[3]).parent_path().parent_path().string(),
            process.temp_dir().path())
      << "socket directory must be created under TMPDIR";
  EXPECT_EQ(f[4], "grpc");

  // Go's base64.RawStdEncoding: standard alphabet, no padding.
  const std::string& cert = f[5];
  EXPECT_GT(cert.size(), 50u);
  EXPECT_EQ(cert.find('='), std::string::npos);
  EXPECT_EQ(
      cert.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
      std::string::npos);
  std::string der;
  ASSERT_TRUE(testing::DecodeBase64(cert, &der));
  const testing::CertFacts facts = testing::InspectCertificate(der);
  ASSERT_TRUE(facts.parsed);
  EXPECT_TRUE(facts.san_has_localhost);
  EXPECT_EQ(facts.curve, "prime256v1");
  EXPECT_TRUE(facts.is_ca);
  EXPECT_TRUE(facts.has_server_auth);
  EXPECT_TRUE(facts.self_signature_valid);
  EXPECT_LE(facts.not_before_offset_s, -10) << "notBefore should be backdated";
}

TEST(HandshakeTest, EachStartGetsAFreshCertificateAndSocket) {
  PluginProcess a, b;
  PluginProcess::Env env_a = a.TerraformEnv();
  PluginProcess::Env env_b = b.TerraformEnv();
  env_a["PLUGIN_CLIENT_CERT"] = env_b["PLUGIN_CLIENT_CERT"] =
      testing::MakeClientCertificate().cert_pem;
  a.Start({}, env_a);
  b.Start({}, env_b);
  auto ha = a.ReadHandshake();
  auto hb = b.ReadHandshake();
  ASSERT_TRUE(ha.has_value() && hb.has_value());
  ASSERT_EQ(ha->fields.size(), 6u);
  ASSERT_EQ(hb->fields.size(), 6u);
  EXPECT_NE(ha->fields[3], hb->fields[3]);
  EXPECT_NE(ha->fields[5], hb->fields[5]);
}

TEST(HandshakeTest, PlaintextLineEndsWithEmptyCertField) {
  PluginProcess process;
  PluginProcess::Env env = process.TerraformEnv();
  env.erase("PLUGIN_CLIENT_CERT");
  process.Start({}, env);
  auto handshake = process.ReadHandshake();
  ASSERT_TRUE(handshake.has_value()) << process.Stderr();
  ASSERT_EQ(handshake->fields.size(), 6u) << handshake->line;
  EXPECT_EQ(handshake->fields[5], "");
  EXPECT_EQ(handshake->line.back(), '|');
}

TEST(HandshakeTest, EmptyClientCertMeansPlaintext) {
  PluginProcess process;
  PluginProcess::Env env = process.TerraformEnv();
  env["PLUGIN_CLIENT_CERT"] = "";
  process.Start({}, env);
  auto handshake = process.ReadHandshake();
  ASSERT_TRUE(handshake.has_value()) << process.Stderr();
  ASSERT_EQ(handshake->fields.size(), 6u);
  EXPECT_EQ(handshake->fields[5], "");
}

TEST(HandshakeTest, HonoursPluginUnixSocketDir) {
  PluginProcess process;
  TempDir socket_base;
  PluginProcess::Env env = process.TerraformEnv();
  env["PLUGIN_UNIX_SOCKET_DIR"] = socket_base.path();
  process.Start({}, env);
  auto handshake = process.ReadHandshake();
  ASSERT_TRUE(handshake.has_value()) << process.Stderr();
  ASSERT_EQ(handshake->fields.size(), 6u);
  EXPECT_EQ(handshake->fields[3].rfind(socket_base.path() + "/", 0), 0u) << handshake->fields[3];
  process.Signal(SIGTERM);
  EXPECT_EQ(process.WaitForExit(seconds(5)), 0);
  EXPECT_TRUE(socket_base.Entries().empty());
}

// go-plugin logs a plain stderr line as written, at the level of its "[LEVEL]" prefix (a JSON
// line would have its keys reordered): every line is "[LEVEL] message: @module=...".
TEST(HandshakeTest, StderrLinesCarryTheirLevelAndModuleFirst) {
  PluginProcess process;
  process.Start({}, process.TerraformEnv());  // TF_LOG_PROVIDER=trace
  ASSERT_TRUE(process.ReadHandshake().has_value()) << process.Stderr();
  process.Signal(SIGTERM);
  ASSERT_EQ(process.WaitForExit(seconds(5)), 0);
  std::istringstream lines(process.Stderr());
  std::string line;
  int count = 0;
  const std::regex entry(
      R"(^\[(TRACE|DEBUG|INFO|WARN|ERROR)\] [^\n]*: @module=[^ ]+( [^ =]+=.*)?$)");
  while (std::getline(lines, line)) {
    ++count;
    EXPECT_TRUE(std::regex_match(line, entry)) << line;
  }
  EXPECT_GT(count, 0) << "expected some trace output";
}

}  // namespace
}  // namespace orgiam::conformance
