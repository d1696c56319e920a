#ifndef ORGIAM_TESTS_SUPPORT_TERRAFORM_WORKSPACE_H_
#define ORGIAM_TESTS_SUPPORT_TERRAFORM_WORKSPACE_H_

// A throw-away Terraform working directory wired to the freshly built provider through a
// filesystem mirror, as a user would install it offline. The real `terraform` binary runs
// every command; a missing terraform fails the test.

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "subprocess.h"

namespace orgiam::testing {

// Paths baked in by CMake (see tests/support/CMakeLists.txt).
std::string ProviderBinary();
std::string SandboxBinary();

class TerraformWorkspace {
 public:
  TerraformWorkspace();
  ~TerraformWorkspace();

  const std::string& dir() const { return dir_; }
  void WriteConfig(const std::string& main_tf, const std::string& file = "main.tf");
  void RemoveFile(const std::string& file);
  // Environment for every command (e.g. TF_LOG); merged over the defaults.
  void SetEnv(const std::string& key, const std::string& value) { env_[key] = value; }

  CommandResult Run(const std::vector<std::string>& args);
  // The same with a deadline (the command is killed once it passes: result.timed_out).
  CommandResult Run(const std::vector<std::string>& args, std::chrono::seconds timeout);
  // Starts terraform in the background (e.g. to interrupt it or to restart the sandbox under
  // it); the caller waits for it.
  std::unique_ptr<BackgroundCommand> Start(const std::vector<std::string>& args);
  // Runs and fails the current test (ADD_FAILURE) unless the exit code matches.
  CommandResult RunExpect(const std::vector<std::string>& args, int expected_exit_code = 0);
  void Init();
  nlohmann::json StateJson();  // terraform show -json
  // One resource of `terraform show -json` by address, or null.
  nlohmann::json ResourceInState(const std::string& address);
  // provider.tf: the required_providers block and every vendor pointed at the sandbox.
  void WriteSandboxProvider(const std::string& sandbox_url);
  std::string StateFile() const { return dir_ + "/terraform.tfstate"; }

 private:
  std::string dir_;
  std::map<std::string, std::string> env_;
};

// terraform { required_providers { orgiam = { source = "orgiam/orgiam" } } }
extern const char kRequireOrgiam[];

// The provider block pointing every vendor at a sandbox URL.
std::string SandboxProviderBlock(const std::string& sandbox_url);

// Terraform boxes diagnostics and wraps them to the terminal width; this joins them back into
// one line of words separated by single spaces, so tests match messages as written.
std::string Flatten(const std::string& text);

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_TERRAFORM_WORKSPACE_H_
