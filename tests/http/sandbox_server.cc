#include "sandbox_server.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace orgiam::http::testing {

std::string SandboxServer::BinaryPath() {
  const std::string path = ORGIAM_SANDBOX_BINARY;
  return std::filesystem::exists(path) ? path : "";
}

SandboxServer::SandboxServer() {
  const std::string binary = BinaryPath();
  if (binary.empty()) return;
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return;
  pid_ = fork();
  if (pid_ < 0) {
    close(out[0]);
    close(out[1]);
    return;
  }
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    execl(binary.c_str(), binary.c_str(), "--port", "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  // First line: http://127.0.0.1:PORT. Later output is not read; the pipe stays
  // open until the child is gone so its writes never fail (a full pipe is not a
  // concern: it prints little).
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  stdout_fd_ = out[0];
  url_ = line;
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
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  bool reaped = false;
  for (int i = 0; i < 500 && !reaped; ++i) {
    reaped = waitpid(pid_, &status, WNOHANG) == pid_;
    if (!reaped) usleep(10000);
  }
  if (!reaped) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
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
