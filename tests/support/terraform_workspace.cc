#include "terraform_workspace.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>

namespace orgiam::testing {
namespace {

// The version of the build (VERSION, through CMake), the one the mirror's path must carry.
constexpr char kProviderVersion[] = ORGIAM_VERSION;

// One mirror per test process: the binary copied under the layout Terraform expects.
const std::string& MirrorDir() {
  static const std::string* const dir = [] {
    auto* path = new std::string(MakeTempDir("orgiam-mirror-"));
    const std::string package =
        *path + "/registry.terraform.io/orgiam/orgiam/" + kProviderVersion + "/linux_amd64";
    std::filesystem::create_directories(package);
    const std::string target = package + "/terraform-provider-orgiam_v" + kProviderVersion;
    std::filesystem::copy_file(ProviderBinary(), target,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::permissions(target, std::filesystem::perms::owner_all);
    std::atexit([] { RemoveTree(MirrorDir()); });
    return path;
  }();
  return *dir;
}

}  // namespace

std::string ProviderBinary() { return ORGIAM_PROVIDER_BINARY; }
std::string SandboxBinary() { return ORGIAM_SANDBOX_BINARY; }

TerraformWorkspace::TerraformWorkspace() : dir_(MakeTempDir("orgiam-tf-")) {
  const std::string cli_config = dir_ + "/.terraformrc";
  WriteFile(cli_config, "provider_installation {\n  filesystem_mirror {\n    path = \"" +
                            MirrorDir() +
                            "\"\n    include = [\"registry.terraform.io/orgiam/*\"]\n  }\n}\n");
  env_ = {{"TF_CLI_CONFIG_FILE", cli_config},
          {"CHECKPOINT_DISABLE", "1"},
          {"TF_IN_AUTOMATION", "1"},
          {"TF_INPUT", "0"},
          {"TF_LOG", ""},
          {"TF_LOG_PROVIDER", ""},
          {"TF_LOG_PATH", ""},
          {"NO_COLOR", "1"}};
}

TerraformWorkspace::~TerraformWorkspace() {
  if (std::getenv("ORGIAM_KEEP_WORKSPACES") == nullptr) RemoveTree(dir_);
}

void TerraformWorkspace::WriteConfig(const std::string& main_tf, const std::string& file) {
  WriteFile(dir_ + "/" + file, main_tf);
}

void TerraformWorkspace::RemoveFile(const std::string& file) {
  std::filesystem::remove(dir_ + "/" + file);
}

CommandResult TerraformWorkspace::Run(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"terraform"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, env_, dir_);
}

CommandResult TerraformWorkspace::Run(const std::vector<std::string>& args,
                                      std::chrono::seconds timeout) {
  std::vector<std::string> argv = {"terraform"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, env_, dir_, timeout);
}

std::unique_ptr<BackgroundCommand> TerraformWorkspace::Start(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"terraform"};
  argv.insert(argv.end(), args.begin(), args.end());
  return std::make_unique<BackgroundCommand>(argv, env_, dir_);
}

CommandResult TerraformWorkspace::RunExpect(const std::vector<std::string>& args,
                                            int expected_exit_code) {
  CommandResult result = Run(args);
  if (result.exit_code != expected_exit_code) {
    std::string joined;
    for (const auto& a : args) joined += " " + a;
    ADD_FAILURE() << "terraform" << joined << " exited " << result.exit_code << " (expected "
                  << expected_exit_code << ")\n--- stdout ---\n"
                  << result.out << "\n--- stderr ---\n"
                  << result.err;
  }
  return result;
}

void TerraformWorkspace::Init() { RunExpect({"init", "-no-color", "-input=false"}); }

nlohmann::json TerraformWorkspace::StateJson() {
  CommandResult result = RunExpect({"show", "-json", "-no-color"});
  return nlohmann::json::parse(result.out, nullptr, false);
}

const char kRequireOrgiam[] = R"(terraform {
  required_providers {
    orgiam = { source = "orgiam/orgiam" }
  }
}
)";

nlohmann::json TerraformWorkspace::ResourceInState(const std::string& address) {
  nlohmann::json state = StateJson();
  for (const auto& resource : state["values"]["root_module"]["resources"]) {
    if (resource["address"] == address) return resource;
  }
  return nullptr;
}

void TerraformWorkspace::WriteSandboxProvider(const std::string& sandbox_url) {
  WriteConfig(std::string(kRequireOrgiam) + SandboxProviderBlock(sandbox_url), "provider.tf");
}

std::string SandboxProviderBlock(const std::string& url) {
  return "provider \"orgiam\" {\n"
         "  max_retries = 8\n"
         "  vultr {\n    api_key = \"sandbox-token\"\n    endpoint = \"" +
         url +
         "\"\n  }\n"
         "  zitadel {\n    token = \"sandbox-token\"\n    domain = \"" +
         url +
         "\"\n  }\n"
         "  motherduck {\n    token = \"sandbox-token\"\n    endpoint = \"" +
         url +
         "\"\n  }\n"
         "}\n";
}

std::string Flatten(const std::string& text) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    // The box-drawing characters Terraform frames diagnostics with count as spaces.
    bool space = text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n';
    std::size_t width = 1;
    for (const char* box : {"\u2502", "\u2577", "\u2575"}) {
      if (text.compare(i, 3, box) == 0) {
        space = true;
        width = 3;
      }
    }
    if (space) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(text[i]);
    }
    i += width;
  }
  return out;
}

}  // namespace orgiam::testing
