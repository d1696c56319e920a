// Resolving the provider block: every endpoint, configured or read from the environment, is
// held to the rule of util/endpoint_url.h (one error on the exact attribute, before anything
// is sent), a bare domain means https://, and ca_file must be a readable PEM bundle.

#include "provider/provider_config.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "cty/codec.h"
#include "framework/schema_registry.h"

namespace orgiam::provider {
namespace {

constexpr const char* kEnvironment[] = {"VULTR_API_KEY", "ZITADEL_TOKEN", "ZITADEL_DOMAIN",
                                        "MOTHERDUCK_TOKEN"};

class ProviderConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : kEnvironment) {
      if (const char* value = getenv(name)) saved_[name] = value;
      unsetenv(name);
    }
    dir_ = ::testing::TempDir();
  }
  void TearDown() override {
    for (const char* name : kEnvironment) unsetenv(name);
    for (const auto& [name, value] : saved_) setenv(name.c_str(), value.c_str(), 1);
  }

  // The provider block given as Terraform's JSON encoding of it.
  static ProviderConfig Resolve(const std::string& json, framework::Diagnostics* diagnostics) {
    const framework::Schema& schema = framework::SchemaFor(framework::SchemaKind::kProvider, "");
    absl::StatusOr<cty::Value> config = cty::DecodeJson(json, schema.implied_type);
    EXPECT_TRUE(config.ok()) << config.status();
    return ResolveProviderConfig(*config, diagnostics);
  }

  // Resolves `json` and expects exactly one error, on `attribute`; returns its detail.
  static std::string OneError(const std::string& json, const std::string& attribute) {
    framework::Diagnostics diagnostics;
    Resolve(json, &diagnostics);
    EXPECT_EQ(diagnostics.items().size(), 1u) << json;
    if (diagnostics.items().size() != 1) return "";
    const framework::Diagnostic& error = diagnostics.items()[0];
    EXPECT_EQ(error.severity, framework::Diagnostic::Severity::kError);
    EXPECT_TRUE(error.attribute.has_value());
    if (error.attribute) {
      EXPECT_EQ(error.attribute->ToString(), attribute) << error.detail;
    }
    return error.summary + ": " + error.detail;
  }

  std::string WriteFile(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + std::to_string(getpid()) + "-" + name;
    std::ofstream(path) << content;
    return path;
  }

  std::map<std::string, std::string> saved_;
  std::string dir_;
};

TEST_F(ProviderConfigTest, DefaultsAreHttps) {
  framework::Diagnostics diagnostics;
  const ProviderConfig config = Resolve(R"({"vultr": {"api_key": "k"},
                                            "motherduck": {"token": "t"}})",
                                        &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_TRUE(config.vultr && config.motherduck);
  EXPECT_EQ(config.vultr->endpoint, "https://api.vultr.com");
  EXPECT_EQ(config.motherduck->endpoint, "https://api.motherduck.com");
  EXPECT_EQ(config.vultr->ca_file, "");
}

TEST_F(ProviderConfigTest, BareDomainFromTheEnvironmentMeansHttps) {
  setenv("ZITADEL_DOMAIN", "acme.example", 1);
  setenv("ZITADEL_TOKEN", "t", 1);
  framework::Diagnostics diagnostics;
  const ProviderConfig config = Resolve("{}", &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_TRUE(config.zitadel.has_value());
  EXPECT_EQ(config.zitadel->endpoint, "https://acme.example");
}

TEST_F(ProviderConfigTest, BareDomainInTheBlockMeansHttps) {
  framework::Diagnostics diagnostics;
  const ProviderConfig config =
      Resolve(R"({"zitadel": {"domain": "Acme.Zitadel.Cloud:8443/", "token": "t"}})", &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_TRUE(config.zitadel.has_value());
  EXPECT_EQ(config.zitadel->endpoint, "https://acme.zitadel.cloud:8443");
}

TEST_F(ProviderConfigTest, LoopbackMayUseHttp) {
  framework::Diagnostics diagnostics;
  const ProviderConfig config =
      Resolve(R"({"vultr": {"api_key": "k", "endpoint": "http://127.0.0.1:8080/"},
        "zitadel": {"domain": "http://localhost:9000", "token": "t"},
        "motherduck": {"token": "t", "endpoint": "http://[::1]:9001"}})",
              &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(config.vultr->endpoint, "http://127.0.0.1:8080");
  EXPECT_EQ(config.zitadel->endpoint, "http://localhost:9000");
  EXPECT_EQ(config.motherduck->endpoint, "http://[::1]:9001");
}

TEST_F(ProviderConfigTest, HttpToAnotherHostIsOneErrorOnTheAttribute) {
  for (const char* host : {"127.0.0.1.example.com", "localhost.evil", "api.vultr.com"}) {
    const std::string detail =
        OneError(std::string(R"({"zitadel": {"domain": "http://)") + host + R"(", "token": "t"}})",
                 "zitadel.domain");
    EXPECT_NE(detail.find("Attribute zitadel.domain is refused: http:// is allowed only to a "
                          "loopback host"),
              std::string::npos)
        << detail;
    EXPECT_NE(detail.find("use https://"), std::string::npos) << detail;
  }
  OneError(R"({"vultr": {"api_key": "k", "endpoint": "http://10.1.2.3"}})", "vultr.endpoint");
  OneError(R"({"motherduck": {"token": "t", "endpoint": "http://md.example"}})",
           "motherduck.endpoint");
}

TEST_F(ProviderConfigTest, EnvironmentValuesFollowTheSameRule) {
  setenv("ZITADEL_DOMAIN", "http://127.0.0.1.example.com", 1);
  setenv("ZITADEL_TOKEN", "t", 1);
  const std::string detail = OneError("{}", "zitadel.domain");
  EXPECT_NE(detail.find("The environment variable ZITADEL_DOMAIN (read for zitadel.domain) is "
                        "refused: http:// is allowed only to a loopback host"),
            std::string::npos)
      << detail;
  // A configured domain wins over the environment.
  framework::Diagnostics diagnostics;
  const ProviderConfig config =
      Resolve(R"({"zitadel": {"domain": "https://acme.example"}})", &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(config.zitadel->endpoint, "https://acme.example");
}

TEST_F(ProviderConfigTest, PortOutOfRange) {
  const std::string detail =
      OneError(R"({"vultr": {"api_key": "k", "endpoint": "https://api.vultr.com:99999"}})",
               "vultr.endpoint");
  EXPECT_NE(detail.find("port must be a number from 1 to 65535"), std::string::npos) << detail;
  setenv("ZITADEL_DOMAIN", "acme.example:0", 1);
  setenv("ZITADEL_TOKEN", "t", 1);
  EXPECT_NE(OneError("{}", "zitadel.domain").find("from 1 to 65535"), std::string::npos);
}

TEST_F(ProviderConfigTest, UserInfoIsRefusedWithoutRepeatingIt) {
  const std::string detail =
      OneError(R"({"vultr": {"api_key": "k", "endpoint": "https://admin:hunter2@api.vultr.com"}})",
               "vultr.endpoint");
  EXPECT_NE(detail.find("user info"), std::string::npos) << detail;
  EXPECT_EQ(detail.find("hunter2"), std::string::npos) << detail;
  OneError(R"({"vultr": {"api_key": "k", "endpoint": "http://127.0.0.1@evil.com"}})",
           "vultr.endpoint");
}

TEST_F(ProviderConfigTest, CaFileIsCheckedAndKept) {
  const std::string bundle = WriteFile("bundle.pem",
                                       "-----BEGIN CERTIFICATE-----\nMIIB\n"
                                       "-----END CERTIFICATE-----\n");
  framework::Diagnostics diagnostics;
  const ProviderConfig config = Resolve(R"({"vultr": {"api_key": "k", "ca_file": ")" + bundle +
                                            R"("}, "zitadel": {"domain": "z.example", "token": "t",
                                            "ca_file": ")" +
                                            bundle + R"("}})",
                                        &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(config.vultr->ca_file, bundle);
  EXPECT_EQ(config.zitadel->ca_file, bundle);
}

TEST_F(ProviderConfigTest, MissingOrEmptyCaFileIsAnErrorOnTheAttribute) {
  const std::string missing = dir_ + "/no-such-bundle.pem";
  std::string detail = OneError(
      R"({"motherduck": {"token": "t", "ca_file": ")" + missing + R"("}})", "motherduck.ca_file");
  EXPECT_NE(detail.find("cannot read"), std::string::npos) << detail;
  EXPECT_NE(detail.find("No such file or directory"), std::string::npos) << detail;
  const std::string empty = WriteFile("empty.pem", "not a certificate\n");
  detail = OneError(
      R"({"zitadel": {"domain": "z.example", "token": "t", "ca_file": ")" + empty + R"("}})",
      "zitadel.ca_file");
  EXPECT_NE(detail.find("holds no PEM certificate"), std::string::npos) << detail;
  detail =
      OneError(R"({"vultr": {"api_key": "k", "ca_file": ")" + dir_ + R"("}})", "vultr.ca_file");
  EXPECT_NE(detail.find("ca_file"), std::string::npos) << detail;
}

}  // namespace
}  // namespace orgiam::provider
