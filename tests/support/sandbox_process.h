#ifndef ORGIAM_TESTS_SUPPORT_SANDBOX_PROCESS_H_
#define ORGIAM_TESTS_SUPPORT_SANDBOX_PROCESS_H_

// The built orgiam-sandbox, started on a free port for one test and stopped afterwards,
// with typed access to its admin endpoints and a raw client for vendor calls.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "subprocess.h"

namespace orgiam::testing {

class SandboxProcess {
 public:
  // `extra_flags` go after `--port 0`, e.g. {"--accept-issued-credentials"}.
  explicit SandboxProcess(const std::vector<std::string>& extra_flags = {});
  const std::string& url() const { return url_; }
  int port() const { return port_; }

  // SIGTERM and wait for the exit (SIGKILL after `grace`). Returns the exit status, or -1.
  int Stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
  // After Stop(): starts the sandbox again on the same port with the same flags (so a
  // `--data FILE` sandbox comes back with its state). Retries the bind for a few seconds.
  void Restart();
  bool running() const { return server_ != nullptr; }

  nlohmann::json State();
  nlohmann::json Stats();
  void ResetStats();
  void SetFaults(const nlohmann::json& faults);
  void AdvanceClock(int64_t seconds);
  void Accept(const std::string& invitation_id);

  // A vendor API call with the sandbox token; returns {status, parsed body or discarded}.
  struct Reply {
    int status = 0;
    nlohmann::json body;
  };
  Reply Call(const std::string& method, const std::string& path,
             const nlohmann::json& body = nullptr, const std::string& extra_header = "");
  // The same with another bearer token (e.g. a credential the sandbox issued).
  Reply CallWithToken(const std::string& token, const std::string& method, const std::string& path,
                      const nlohmann::json& body = nullptr, const std::string& extra_header = "");

 private:
  std::unique_ptr<Server> server_;
  std::string url_;
  std::vector<std::string> extra_flags_;
  int port_ = 0;
};

// The password the sandbox holds for the Vultr user with `email` in `state` (State()'s
// answer), or "" when there is no such user.
std::string SandboxUserPassword(const nlohmann::json& state, const std::string& email);

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_SANDBOX_PROCESS_H_
