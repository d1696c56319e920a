#include "sandbox_server.h"

#include <filesystem>
#include <stdexcept>

namespace orgiam::http::testing {

std::string SandboxServer::BinaryPath() {
  const std::string path = ORGIAM_SANDBOX_BINARY;
  return std::filesystem::exists(path) ? path : "";
}

SandboxServer::SandboxServer() {
  const std::string binary = BinaryPath();
  if (binary.empty()) return;
  try {
    server_ =
        std::make_unique<orgiam::testing::Server>(std::vector<std::string>{binary, "--port", "0"});
  } catch (const std::runtime_error&) {
    return;  // url() stays empty
  }
  // First line: http://127.0.0.1:PORT.
  url_ = server_->first_line();
  ClientOptions options;
  options.vendor = "sandbox-admin";
  options.base_url = url_;
  options.max_retries = 0;
  // The admin routes answer only requests with the sandbox token (the default,
  // as no --token is given).
  options.bearer_token = "sandbox-token";
  admin_ = std::make_unique<Client>(options);
}

SandboxServer::~SandboxServer() {
  // Close our kept-alive connection first: the server waits for open
  // connections on exit.
  admin_.reset();
  server_.reset();  // SIGTERM, then SIGKILL after the grace period
}

nlohmann::json SandboxServer::Admin(const std::string& method, const std::string& path,
                                    const std::string& body) {
  if (admin_ == nullptr) return nullptr;
  auto response = admin_->Send(Request{.method = method, .path = path, .body = body});
  if (!response.ok() || response->status / 100 != 2) return nullptr;
  return nlohmann::json::parse(response->body, nullptr, false);
}

nlohmann::json SandboxServer::State() { return Admin("GET", "/_sandbox/state"); }
nlohmann::json SandboxServer::Stats() { return Admin("GET", "/_sandbox/stats"); }
bool SandboxServer::SetFaults(const nlohmann::json& faults) {
  if (admin_ == nullptr) return false;
  auto response =
      admin_->Send(Request{.method = "PUT", .path = "/_sandbox/faults", .body = faults.dump()});
  return response.ok() && response->status / 100 == 2;
}

}  // namespace orgiam::http::testing
