// The real provider binary keeps its secrets in memory and off the wire: it makes no core dump,
// refuses http:// to a host that is not loopback before connecting (at ValidateProviderConfig
// and ConfigureProvider, one error on the attribute), speaks TLS to a bare ZITADEL_DOMAIN, and
// trusts a private CA only through ca_file.

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "grpc_clients.h"
#include "gtest/gtest.h"
#include "plugin_process.h"
#include "proto/tfplugin6.grpc.pb.h"
#include "raw_listener.h"
#include "test_certs.h"
#include "tls_test_server.h"

namespace orgiam::conformance {
namespace {

using ::testing::HasSubstr;

std::string PathOf(const tfplugin6::Diagnostic& diagnostic) {
  std::string out;
  for (const auto& step : diagnostic.attribute().steps()) {
    if (!out.empty()) out += ".";
    out += step.attribute_name();
  }
  return out;
}

std::string Describe(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& all) {
  std::string out;
  for (const auto& d : all) out += PathOf(d) + ": " + d.summary() + ": " + d.detail() + "\n";
  return out;
}

// One provider process over mTLS, started with `extra` in its environment.
class EndpointSecurityTest : public ::testing::Test {
 protected:
  void Start(const PluginProcess::Env& extra = {}) {
    stub_ = StartProviderOverMtls(process_, extra);
    ASSERT_NE(stub_, nullptr);
  }

  static void SetDeadline(grpc::ClientContext* context) {
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
  }

  tfplugin6::ValidateProviderConfig::Response Validate(const std::string& json) {
    tfplugin6::ValidateProviderConfig::Request request;
    *request.mutable_config() = Json(json);
    tfplugin6::ValidateProviderConfig::Response response;
    grpc::ClientContext context;
    SetDeadline(&context);
    EXPECT_TRUE(stub_->ValidateProviderConfig(&context, request, &response).ok());
    return response;
  }

  tfplugin6::ConfigureProvider::Response Configure(const std::string& json) {
    tfplugin6::ConfigureProvider::Request request;
    *request.mutable_config() = Json(json);
    tfplugin6::ConfigureProvider::Response response;
    grpc::ClientContext context;
    SetDeadline(&context);
    EXPECT_TRUE(stub_->ConfigureProvider(&context, request, &response).ok());
    return response;
  }

  // Reads the ZITADEL machine user "123": one GET to the ZITADEL endpoint.
  tfplugin6::ReadDataSource::Response ReadMachineUser() {
    tfplugin6::ReadDataSource::Request request;
    request.set_type_name("orgiam_zitadel_machine_user");
    *request.mutable_config() = Json(R"({"id": "123"})");
    tfplugin6::ReadDataSource::Response response;
    grpc::ClientContext context;
    SetDeadline(&context);
    EXPECT_TRUE(stub_->ReadDataSource(&context, request, &response).ok());
    return response;
  }

  std::string WriteFile(const std::string& name, const std::string& content) {
    const std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "-" + name;
    std::ofstream(path) << content;
    return path;
  }

  PluginProcess process_;
  std::unique_ptr<tfplugin6::Provider::Stub> stub_;
};

TEST_F(EndpointSecurityTest, ProviderProcessMakesNoCoreDump) {
  Start();
  std::ifstream limits("/proc/" + std::to_string(process_.pid()) + "/limits");
  ASSERT_TRUE(limits.good());
  std::string line;
  bool found = false;
  while (std::getline(limits, line)) {
    if (line.rfind("Max core file size", 0) != 0) continue;
    found = true;
    std::istringstream fields(line.substr(std::string("Max core file size").size()));
    std::string soft, hard;
    fields >> soft >> hard;
    EXPECT_EQ(soft, "0") << line;
    EXPECT_EQ(hard, "0") << line;
  }
  EXPECT_TRUE(found);
}

TEST_F(EndpointSecurityTest, HttpToANonLoopbackHostIsRefusedBeforeAnyConnection) {
  Start();
  testing::RawListener listener;
  const std::string config = R"({"zitadel": {"domain": "http://127.0.0.1.example.com:)" +
                             std::to_string(listener.port()) + R"(", "token": "t"}})";
  for (const auto& diagnostics :
       {Validate(config).diagnostics(), Configure(config).diagnostics()}) {
    ASSERT_EQ(diagnostics.size(), 1) << Describe(diagnostics);
    EXPECT_EQ(diagnostics[0].severity(), tfplugin6::Diagnostic::ERROR);
    EXPECT_EQ(PathOf(diagnostics[0]), "zitadel.domain");
    EXPECT_THAT(diagnostics[0].detail(), HasSubstr("http:// is allowed only to a loopback host"));
  }
  EXPECT_EQ(listener.connections(), 0);
}

TEST_F(EndpointSecurityTest, PortOutOfRangeIsRefusedAtValidate) {
  Start();
  const auto diagnostics =
      Validate(R"({"vultr": {"api_key": "k", "endpoint": "https://api.vultr.com:99999"}})")
          .diagnostics();
  ASSERT_EQ(diagnostics.size(), 1) << Describe(diagnostics);
  EXPECT_EQ(PathOf(diagnostics[0]), "vultr.endpoint");
  EXPECT_THAT(diagnostics[0].detail(), HasSubstr("port must be a number from 1 to 65535"));
}

TEST_F(EndpointSecurityTest, BareDomainFromTheEnvironmentSpeaksTls) {
  testing::RawListener listener;
  Start({{"ZITADEL_DOMAIN", "localhost:" + std::to_string(listener.port())},
         {"ZITADEL_TOKEN", "zitadel-token-in-clear?"}});
  const auto configured = Configure(R"({"max_retries": 0})");
  ASSERT_EQ(configured.diagnostics_size(), 0) << Describe(configured.diagnostics());
  const auto read = ReadMachineUser();
  EXPECT_GE(read.diagnostics_size(), 1);  // the listener hangs up
  ASSERT_GE(listener.connections(), 1);
  for (const std::string& first : listener.first_bytes()) {
    ASSERT_GE(first.size(), 3u);
    EXPECT_EQ(static_cast<unsigned char>(first[0]), 0x16) << "not a TLS handshake record";
    EXPECT_EQ(first.find("GET"), std::string::npos);
  }
}

TEST_F(EndpointSecurityTest, CaFileTrustsAPrivateCa) {
  const testing::CertificateAuthority ca = testing::MakeCertificateAuthority();
  const testing::PemPair cert = testing::IssueServerCertificate(ca, {"localhost"});
  testing::TlsTestServer server(cert.cert_pem, cert.key_pem,
                                [](const std::string&, const std::string&) {
                                  return testing::TlsResponse{404, R"({"code":5})"};
                                });
  const std::string ca_file = WriteFile("endpoint-security-ca.pem", ca.cert_pem);
  const std::string domain = "https://localhost:" + std::to_string(server.port());
  Start();

  // Without ca_file: a clear verification error, nothing sent.
  auto configured =
      Configure(R"({"max_retries": 0, "zitadel": {"domain": ")" + domain + R"(", "token": "t"}})");
  ASSERT_EQ(configured.diagnostics_size(), 0) << Describe(configured.diagnostics());
  auto read = ReadMachineUser();
  ASSERT_GE(read.diagnostics_size(), 1);
  const std::string detail = Describe(read.diagnostics());
  EXPECT_THAT(detail, HasSubstr("could not be verified"));
  EXPECT_THAT(detail, HasSubstr(domain));
  EXPECT_THAT(detail, HasSubstr("ca_file"));
  EXPECT_EQ(server.requests(), 0);

  // With it: the request reaches the server.
  configured = Configure(R"({"max_retries": 0, "zitadel": {"domain": ")" + domain +
                         R"(", "token": "t", "ca_file": ")" + ca_file + R"("}})");
  ASSERT_EQ(configured.diagnostics_size(), 0) << Describe(configured.diagnostics());
  read = ReadMachineUser();
  EXPECT_EQ(server.requests(), 1) << Describe(read.diagnostics());
  EXPECT_THAT(Describe(read.diagnostics()), ::testing::Not(HasSubstr("could not be verified")));

  // A missing bundle is a configure error on the attribute.
  configured = Configure(R"({"zitadel": {"domain": ")" + domain +
                         R"(", "token": "t", "ca_file": "/nonexistent/ca.pem"}})");
  ASSERT_EQ(configured.diagnostics_size(), 1) << Describe(configured.diagnostics());
  EXPECT_EQ(PathOf(configured.diagnostics(0)), "zitadel.ca_file");
}

}  // namespace
}  // namespace orgiam::conformance
