#ifndef ORGIAM_TESTS_HTTP_SANDBOX_SERVER_H_
#define ORGIAM_TESTS_HTTP_SANDBOX_SERVER_H_

// The built orgiam-sandbox on a free port for one test; admin calls go through
// a separate http::Client (the admin endpoints have no faults).

#include <memory>
#include <string>

#include "http/client.h"
#include "nlohmann/json.hpp"
#include "subprocess.h"

namespace orgiam::http::testing {

class SandboxServer {
 public:
  // Path of the binary (next to the build's other outputs), or "" when it is
  // not built.
  static std::string BinaryPath();

  SandboxServer();  // starts it; url() is empty when that failed
  ~SandboxServer();
  SandboxServer(const SandboxServer&) = delete;
  SandboxServer& operator=(const SandboxServer&) = delete;

  const std::string& url() const { return url_; }
  nlohmann::json State();
  nlohmann::json Stats();
  bool SetFaults(const nlohmann::json& faults);

 private:
  nlohmann::json Admin(const std::string& method, const std::string& path,
                       const std::string& body = "");

  // The process, started and stopped by tests/support's launcher.
  std::unique_ptr<orgiam::testing::Server> server_;
  std::string url_;
  // Destroyed before server_: the sandbox waits for open connections on exit.
  std::unique_ptr<Client> admin_;
};

}  // namespace orgiam::http::testing

#endif  // ORGIAM_TESTS_HTTP_SANDBOX_SERVER_H_
