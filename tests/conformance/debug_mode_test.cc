// -debug: no cookie, plaintext, a TF_REATTACH_PROVIDERS line that Terraform can
// use.

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "grpc_clients.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "plugin_process.h"

namespace orgiam::conformance {
namespace {

using std::chrono::seconds;

constexpr char kPrefix[] = "TF_REATTACH_PROVIDERS='";

class DebugModeTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DebugModeTest, PrintsWorkingReattachConfig) {
  PluginProcess process;
  PluginProcess::Env env = {{"PATH", "/usr/bin:/bin"}, {"TMPDIR", process.temp_dir().path()}};
  process.Start({GetParam()}, env);  // no magic cookie

  std::string json_text;
  while (auto line = process.ReadLine(seconds(10))) {
    const size_t at = line->find(kPrefix);
    if (at != std::string::npos) {
      json_text = line->substr(at + sizeof(kPrefix) - 1);
      ASSERT_EQ(json_text.back(), '\'');
      json_text.pop_back();
      break;
    }
  }
  ASSERT_FALSE(json_text.empty()) << process.Stderr();
  nlohmann::json config = nlohmann::json::parse(json_text, nullptr, false);
  ASSERT_TRUE(config.is_object()) << json_text;
  ASSERT_TRUE(config.contains("registry.terraform.io/orgiam/orgiam")) << json_text;
  const nlohmann::json& entry = config["registry.terraform.io/orgiam/orgiam"];
  EXPECT_EQ(entry["Protocol"], "grpc");
  EXPECT_EQ(entry["ProtocolVersion"], 6);
  EXPECT_EQ(entry["Test"], true);
  EXPECT_EQ(entry["Pid"], process.pid());
  ASSERT_EQ(entry["Addr"]["Network"], "unix");
  const std::string socket = entry["Addr"]["String"];

  auto channel = InsecureChannel(socket);
  HealthResult health = CheckHealth(channel);
  ASSERT_TRUE(health.status.ok()) << health.status.error_message();
  EXPECT_EQ(health.serving_status, 1);

  // A human stops debug mode with Ctrl-C.
  process.Signal(SIGINT);
  EXPECT_EQ(process.WaitForExit(seconds(2)), 0);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(socket).parent_path()));
}

INSTANTIATE_TEST_SUITE_P(Spellings, DebugModeTest, ::testing::Values("-debug", "--debug"));

}  // namespace
}  // namespace orgiam::conformance
