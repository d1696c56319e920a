// The provider's log as the user reads it: TF_LOG=trace through the real terraform (which
// re-prints every line the plugin writes to stderr). Each HTTP line carries its fields in one
// fixed order (@module, method, path, status, duration, then the rest) at the level the
// provider logged it, and no secret appears in it.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "census.h"
#include "sandbox_process.h"
#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

constexpr char kConfig[] = R"(
resource "orgiam_vultr_service_user" "ci" {
  name     = "ci"
  email    = "ci@example.com"
  password = "Logged-never-5521"
}

resource "orgiam_zitadel_machine_user" "bot" {
  user_name   = "log-bot"
  name        = "Log bot"
  with_secret = true
}

resource "orgiam_motherduck_service_account" "svc" {
  username            = "log_svc"
  deletion_protection = false
}
)";

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(LogOrderTest, HttpLinesKeepOneFieldOrderAndTheirLevelInTerraformsLog) {
  SandboxProcess sandbox;
  TerraformWorkspace workspace;
  const std::string log_path = workspace.dir() + "/terraform.log";
  workspace.SetEnv("TF_LOG", "trace");
  workspace.SetEnv("TF_LOG_PATH", log_path);
  workspace.WriteSandboxProvider(sandbox.url());
  workspace.WriteConfig(kConfig);
  workspace.Init();
  workspace.RunExpect({"apply", "-auto-approve", "-no-color"});

  // "<time> [DEBUG] provider.terraform-provider-orgiam...: [DEBUG] HTTP request: @module=..."
  const std::regex http_line(
      R"(\[(TRACE|DEBUG|INFO|WARN|ERROR)\] +provider\.terraform-provider-orgiam[^:]*: )"
      R"(\[(TRACE|DEBUG|INFO|WARN|ERROR)\] HTTP request: (.*)$)");
  const std::vector<std::string> order = {
      "@module=", " method=", " path=", " status=", " duration_ms=", " vendor=", " attempt="};
  int http_lines = 0;
  std::vector<std::string> vendors;
  for (const std::string& line : Lines(log_path)) {
    std::smatch match;
    if (!std::regex_search(line, match, http_line)) continue;
    ++http_lines;
    // Terraform logs it at the level the provider gave it.
    EXPECT_EQ(match[1].str(), match[2].str()) << line;
    EXPECT_EQ(match[2].str(), "DEBUG") << line;
    const std::string fields = match[3].str();
    EXPECT_TRUE(fields.starts_with("@module=http method=")) << line;
    size_t previous = 0;
    for (const std::string& key : order) {
      const size_t at = fields.find(key);
      ASSERT_NE(at, std::string::npos) << key << " missing in " << line;
      EXPECT_GE(at, previous) << key << " out of order in " << line;
      previous = at;
    }
    std::smatch vendor;
    if (std::regex_search(fields, vendor, std::regex(" vendor=([a-z]+)"))) {
      vendors.push_back(vendor[1]);
    }
  }
  EXPECT_GE(http_lines, 6) << "too few HTTP lines in " << log_path;
  for (const char* vendor : {"vultr", "zitadel", "motherduck"}) {
    EXPECT_NE(std::find(vendors.begin(), vendors.end(), vendor), vendors.end()) << vendor;
  }

  // No secret the sandbox holds, nor the configured password, nor the token, is in the log.
  std::stringstream all;
  all << std::ifstream(log_path).rdbuf();
  const std::string log = all.str();
  EXPECT_EQ(log.find("Logged-never-5521"), std::string::npos);
  EXPECT_EQ(log.find("sandbox-token"), std::string::npos);
  Census census = TakeCensus(sandbox, workspace);
  for (const auto& [kind, objects] : census.sandbox) {
    for (const auto& [id, object] : objects) {
      for (const char* secret : {"password", "api_key", "client_secret", "token"}) {
        if (!object.contains(secret) || !object[secret].is_string()) continue;
        const std::string value = object[secret];
        if (value.size() < 8) continue;
        EXPECT_EQ(log.find(value), std::string::npos) << secret;
      }
    }
  }
  ExpectExactlyOnce(census, "log order");
  workspace.RunExpect({"destroy", "-auto-approve", "-no-color"});
  ExpectExactlyOnce(TakeCensus(sandbox, workspace), "after the destroy");
}

}  // namespace
}  // namespace orgiam::testing
