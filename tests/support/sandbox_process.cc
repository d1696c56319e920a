#include "sandbox_process.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "terraform_workspace.h"

namespace orgiam::testing {
namespace {

// The sandbox's default token (no --token, no ORGIAM_SANDBOX_TOKEN): the vendor
// APIs and the admin routes both require it.
constexpr char kSandboxToken[] = "sandbox-token";

httplib::Client ClientFor(const std::string& url) {
  httplib::Client client(url);
  client.set_read_timeout(30, 0);
  return client;
}

// A client for the admin routes (/_sandbox/...), which answer only requests
// with the sandbox token.
httplib::Client AdminClientFor(const std::string& url) {
  httplib::Client client = ClientFor(url);
  client.set_bearer_token_auth(kSandboxToken);
  return client;
}

std::vector<std::string> SandboxCommand(const std::vector<std::string>& extra_flags, int port = 0) {
  std::vector<std::string> argv = {SandboxBinary(), "--port", std::to_string(port)};
  argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
  return argv;
}

}  // namespace

SandboxProcess::SandboxProcess(const std::vector<std::string>& extra_flags)
    : server_(std::make_unique<Server>(SandboxCommand(extra_flags))),
      url_(server_->first_line()),
      extra_flags_(extra_flags) {
  const size_t colon = url_.rfind(':');
  if (colon != std::string::npos) port_ = std::atoi(url_.c_str() + colon + 1);
}

int SandboxProcess::Stop(std::chrono::milliseconds grace) {
  if (server_ == nullptr) return -1;
  const int status = server_->Stop(grace);
  server_.reset();
  return status;
}

void SandboxProcess::Restart() {
  if (server_ != nullptr) Stop();
  // The port was just released; another bind may need a moment (bounded: 10 tries).
  for (int attempt = 0; attempt < 10; ++attempt) {
    try {
      server_ = std::make_unique<Server>(SandboxCommand(extra_flags_, port_));
    } catch (const std::runtime_error&) {
      server_.reset();
    }
    if (server_ != nullptr && server_->first_line() == url_) return;
    server_.reset();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  ADD_FAILURE() << "the sandbox did not start again on " << url_;
}

nlohmann::json SandboxProcess::State() {
  auto result = AdminClientFor(url_).Get("/_sandbox/state");
  if (!result || result->status != 200) {
    ADD_FAILURE() << "GET /_sandbox/state failed";
    return nullptr;
  }
  return nlohmann::json::parse(result->body, nullptr, false);
}

nlohmann::json SandboxProcess::Stats() {
  auto result = AdminClientFor(url_).Get("/_sandbox/stats");
  if (!result || result->status != 200) {
    ADD_FAILURE() << "GET /_sandbox/stats failed";
    return nullptr;
  }
  return nlohmann::json::parse(result->body, nullptr, false);
}

void SandboxProcess::ResetStats() {
  auto result = AdminClientFor(url_).Delete("/_sandbox/stats");
  if (!result || result->status / 100 != 2) ADD_FAILURE() << "DELETE /_sandbox/stats failed";
}

void SandboxProcess::SetFaults(const nlohmann::json& faults) {
  auto result = AdminClientFor(url_).Put("/_sandbox/faults", faults.dump(), "application/json");
  if (!result || result->status / 100 != 2) ADD_FAILURE() << "PUT /_sandbox/faults failed";
}

void SandboxProcess::AdvanceClock(int64_t seconds) {
  auto result = AdminClientFor(url_).Post(
      "/_sandbox/clock", nlohmann::json{{"advance_s", seconds}}.dump(), "application/json");
  if (!result || result->status / 100 != 2) ADD_FAILURE() << "POST /_sandbox/clock failed";
}

void SandboxProcess::Accept(const std::string& invitation_id) {
  auto result =
      AdminClientFor(url_).Post("/_sandbox/accept/" + invitation_id, "", "application/json");
  if (!result || result->status / 100 != 2) ADD_FAILURE() << "accept failed";
}

SandboxProcess::Reply SandboxProcess::Call(const std::string& method, const std::string& path,
                                           const nlohmann::json& body,
                                           const std::string& extra_header) {
  return CallWithToken(kSandboxToken, method, path, body, extra_header);
}

SandboxProcess::Reply SandboxProcess::CallWithToken(const std::string& token,
                                                    const std::string& method,
                                                    const std::string& path,
                                                    const nlohmann::json& body,
                                                    const std::string& extra_header) {
  httplib::Client client = ClientFor(url_);
  httplib::Headers headers = {{"Authorization", "Bearer " + token}};
  if (!extra_header.empty()) {
    const size_t colon = extra_header.find(':');
    headers.emplace(extra_header.substr(0, colon), extra_header.substr(colon + 1));
  }
  const std::string payload = body.is_null() ? "" : body.dump();
  httplib::Result result(nullptr, httplib::Error::Unknown);
  if (method == "GET") {
    result = client.Get(path, headers);
  } else if (method == "POST") {
    result = client.Post(path, headers, payload, "application/json");
  } else if (method == "PUT") {
    result = client.Put(path, headers, payload, "application/json");
  } else if (method == "PATCH") {
    result = client.Patch(path, headers, payload, "application/json");
  } else if (method == "DELETE") {
    result = client.Delete(path, headers);
  }
  Reply reply;
  if (!result) {
    ADD_FAILURE() << method << " " << path << " failed to connect";
    return reply;
  }
  reply.status = result->status;
  reply.body = nlohmann::json::parse(result->body, nullptr, false);
  return reply;
}

std::string SandboxUserPassword(const nlohmann::json& state, const std::string& email) {
  for (const auto& user : state["vultr"]["users"]) {
    if (user.value("email", "") == email) return user.value("password", "");
  }
  return "";
}

}  // namespace orgiam::testing
