// `terraform validate` reports each invalid value on its own line, naming what is allowed.

#include <gtest/gtest.h>

#include <set>

#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kHeader[] = R"(terraform {
  required_providers {
    orgiam = { source = "orgiam/orgiam" }
  }
}
)";

TEST(ValidateTest, ReportsEachInvalidValueOnItsLine) {
  TerraformWorkspace workspace;
  const std::string long_name(201, 'z');
  // Lines are counted in the assertions below; keep the layout.
  workspace.WriteConfig(std::string(kHeader) +                                        // lines 1-5
                        "resource \"orgiam_motherduck_service_account\" \"bad\" {\n"  // 6
                        "  username = \"9lives-account\"\n"                           // 7
                        "}\n"                                                         // 8
                        "resource \"orgiam_zitadel_machine_user\" \"bad\" {\n"        // 9
                        "  user_name = \"" +
                        long_name +
                        "\"\n"                                                  // 10
                        "  name = \"ok\"\n"                                     // 11
                        "  access_token_type = \"ACCESS_TOKEN_TYPE_OPAQUE\"\n"  // 12
                        "}\n");
  workspace.Init();
  CommandResult result = workspace.RunExpect({"validate", "-json"}, 1);
  nlohmann::json report = nlohmann::json::parse(result.out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << result.out << result.err;
  EXPECT_EQ(report["valid"], false);
  EXPECT_EQ(report["error_count"], 3) << report.dump(2);
  std::set<int> lines;
  std::string details;
  for (const auto& diagnostic : report["diagnostics"]) {
    EXPECT_EQ(diagnostic["severity"], "error");
    lines.insert(diagnostic["range"]["start"]["line"].get<int>());
    details += diagnostic["detail"].get<std::string>() + "\n";
  }
  EXPECT_EQ(lines, (std::set<int>{7, 10, 12})) << report.dump(2);
  EXPECT_NE(details.find("a letter followed by letters, digits or underscores"), std::string::npos)
      << details;
  EXPECT_NE(details.find("between 1 and 200 characters"), std::string::npos) << details;
  EXPECT_NE(details.find("\"ACCESS_TOKEN_TYPE_BEARER\", \"ACCESS_TOKEN_TYPE_JWT\""),
            std::string::npos)
      << details;
}

TEST(ValidateTest, AcceptsAValidConfiguration) {
  TerraformWorkspace workspace;
  workspace.WriteConfig(std::string(kHeader) + R"(
variable "suffix" {
  type    = string
  default = "ci"
}
provider "orgiam" {
  request_timeout = "45s"
  vultr {
    api_key = "placeholder"
  }
}
resource "orgiam_motherduck_service_account" "ok" {
  username = "Grüße_${var.suffix}_01"
}
resource "orgiam_zitadel_machine_user" "ok" {
  user_name         = "robot"
  name              = "Robot"
  access_token_type = "ACCESS_TOKEN_TYPE_JWT"
}
resource "orgiam_motherduck_access_token" "ok" {
  username   = orgiam_motherduck_service_account.ok.username
  name       = "ci"
  ttl        = 3600
  token_type = "read_scaling"
}
resource "orgiam_vultr_service_user" "ok" {
  name                = "ci"
  email               = "ci@example.com"
  acls                = ["dns", "billing"]
  password_wo         = "a-long-secret"
  password_wo_version = 1
}
)");
  workspace.Init();
  CommandResult result = workspace.RunExpect({"validate", "-json"}, 0);
  nlohmann::json report = nlohmann::json::parse(result.out, nullptr, false);
  EXPECT_EQ(report["valid"], true) << result.out;
}

// Collects the details of `terraform validate -json` for a failing configuration.
std::string FailingValidationDetails(const std::string& config) {
  TerraformWorkspace workspace;
  workspace.WriteConfig(std::string(kHeader) + config);
  workspace.Init();
  CommandResult result = workspace.RunExpect({"validate", "-json"}, 1);
  nlohmann::json report = nlohmann::json::parse(result.out, nullptr, false);
  std::string details;
  for (const auto& diagnostic : report["diagnostics"]) {
    details += diagnostic["detail"].get<std::string>() + "\n";
  }
  return details;
}

TEST(ValidateTest, ProviderBlockRules) {
  const std::string details = FailingValidationDetails(R"(provider "orgiam" {
  request_timeout = "soon"
  vultr {
    endpoint = "ftp://api.vultr.com"
  }
}
resource "orgiam_vultr_service_user" "ok" {
  name  = "ok"
  email = "ok@example.com"
}
)");
  EXPECT_NE(details.find("a positive duration"), std::string::npos) << details;
  EXPECT_NE(details.find("must start with https://"), std::string::npos) << details;
}

// https:// always, http:// only to a loopback host, ports 1-65535: each refusal on its line.
TEST(ValidateTest, EndpointsMustBeHttpsOrLoopback) {
  TerraformWorkspace workspace;
  workspace.WriteConfig(std::string(kHeader) +                                   // lines 1-5
                        "provider \"orgiam\" {\n"                                // 6
                        "  vultr {\n"                                            // 7
                        "    endpoint = \"http://api.vultr.com\"\n"              // 8
                        "  }\n"                                                  // 9
                        "  zitadel {\n"                                          // 10
                        "    domain = \"http://127.0.0.1.example.com\"\n"        // 11
                        "  }\n"                                                  // 12
                        "  motherduck {\n"                                       // 13
                        "    endpoint = \"https://api.motherduck.com:99999\"\n"  // 14
                        "  }\n"
                        "}\n"
                        "resource \"orgiam_vultr_service_user\" \"ok\" {\n"
                        "  name  = \"ok\"\n"
                        "  email = \"ok@example.com\"\n"
                        "}\n");
  workspace.Init();
  CommandResult result = workspace.RunExpect({"validate", "-json"}, 1);
  nlohmann::json report = nlohmann::json::parse(result.out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << result.out << result.err;
  EXPECT_EQ(report["error_count"], 3) << report.dump(2);
  std::set<int> lines;
  std::string details;
  for (const auto& diagnostic : report["diagnostics"]) {
    lines.insert(diagnostic["range"]["start"]["line"].get<int>());
    details += diagnostic["detail"].get<std::string>() + "\n";
  }
  EXPECT_EQ(lines, (std::set<int>{8, 11, 14})) << report.dump(2);
  EXPECT_NE(details.find("Attribute zitadel.domain is refused: http:// is allowed only to a "
                         "loopback host"),
            std::string::npos)
      << details;
  EXPECT_NE(details.find("Attribute vultr.endpoint is refused"), std::string::npos) << details;
  EXPECT_NE(details.find("port must be a number from 1 to 65535"), std::string::npos) << details;

  // A bare domain is https, and the sandbox's loopback http stays allowed.
  workspace.WriteConfig(std::string(kHeader) + R"(provider "orgiam" {
  vultr {
    endpoint = "http://127.0.0.1:8080"
  }
  zitadel {
    domain = "acme.zitadel.cloud"
  }
}
)");
  workspace.RunExpect({"validate"}, 0);
}

TEST(ValidateTest, CrossAttributeRules) {
  const std::string details = FailingValidationDetails(R"(
resource "orgiam_vultr_service_user" "both" {
  name        = "x"
  email       = "not-an-email"
  acls        = ["dns", "root"]
  password    = "one"
  password_wo = "two"
  password_wo_version = 1
}
data "orgiam_vultr_service_user" "neither" {
}
)");
  EXPECT_NE(details.find("an email address"), std::string::npos) << details;
  EXPECT_NE(details.find("\"root\""), std::string::npos) << details;
  EXPECT_NE(details.find("cannot be set together"), std::string::npos) << details;
  EXPECT_NE(details.find("Exactly one of \"id\", \"email\""), std::string::npos) << details;
}

}  // namespace
}  // namespace orgiam::testing
