#include "sandbox_harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace orgiam::sandbox::testing {
namespace {

// A stop waits this long for the sandbox to exit before it is killed.
constexpr std::chrono::seconds kStopGrace(60);

Reply ToReply(const httplib::Result& result) {
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.body = result->body;
  reply.headers = result->headers;
  reply.content_type = result->get_header_value("Content-Type");
  reply.json = Json::parse(result->body, nullptr, false);
  return reply;
}

httplib::Result Send(httplib::Client& client, const std::string& method, const std::string& path,
                     const httplib::Headers& headers, const std::string& body) {
  if (method == "GET") return client.Get(path, headers);
  if (method == "POST") return client.Post(path, headers, body, "application/json");
  if (method == "PUT") return client.Put(path, headers, body, "application/json");
  if (method == "PATCH") return client.Patch(path, headers, body, "application/json");
  if (method == "DELETE") {
    return body.empty() ? client.Delete(path, headers)
                        : client.Delete(path, headers, body, "application/json");
  }
  std::abort();
}

}  // namespace

SandboxServer::SandboxServer(std::vector<std::string> extra_args) {
  std::vector<std::string> args = {ORGIAM_SANDBOX_PATH, "--port", "0"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  try {
    server_ = std::make_unique<orgiam::testing::Server>(args);
  } catch (const std::runtime_error&) {
    return;  // started() is false
  }
  url_ = server_->first_line();  // the URL
}

SandboxServer::~SandboxServer() {
  if (server_ != nullptr) Stop(SIGKILL);
}

int SandboxServer::Stop(int signal_number) {
  if (server_ == nullptr) return -1;
  const int status = server_->StopWith(signal_number, kStopGrace);
  server_.reset();
  return status;
}

Reply SandboxServer::Call(const std::string& method, const std::string& path, const Json& body,
                          const httplib::Headers& extra_headers) {
  return CallWithToken(kToken, method, path, body.is_null() ? "" : body.dump(), extra_headers);
}

Reply SandboxServer::CallWithToken(const std::string& token, const std::string& method,
                                   const std::string& path, const std::string& raw_body,
                                   const httplib::Headers& extra_headers) {
  httplib::Client client(url_);
  client.set_read_timeout(20, 0);
  httplib::Headers headers = extra_headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return ToReply(Send(client, method, path, headers, raw_body));
}

Reply SandboxServer::Admin(const std::string& method, const std::string& path, const Json& body,
                           const std::string& token) {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return Raw(method, path, headers, body.is_null() ? "" : body.dump());
}

Reply SandboxServer::Raw(const std::string& method, const std::string& path,
                         const httplib::Headers& headers, const std::string& body) {
  httplib::Client client(url_);
  client.set_read_timeout(20, 0);
  return ToReply(Send(client, method, path, headers, body));
}

int SandboxServer::port() const {
  const std::size_t colon = url_.rfind(':');
  return colon == std::string::npos ? -1 : std::atoi(url_.c_str() + colon + 1);
}

std::string SandboxServer::SendRaw(const std::string& request, int timeout_ms) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
    pollfd poll_fd{fd, POLLIN, 0};
    char buffer[4096];
    while (::poll(&poll_fd, 1, timeout_ms) > 0) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n <= 0) break;
      out.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  return out;
}

int RunSandboxToExit(const std::vector<std::string>& args, std::string* output) {
  std::vector<std::string> all = {ORGIAM_SANDBOX_PATH};
  all.insert(all.end(), args.begin(), args.end());
  const orgiam::testing::CommandResult result =
      orgiam::testing::RunCommand(all, {}, "", std::chrono::seconds(60));
  output->append(result.out);
  output->append(result.err);
  return result.exit_code;
}

}  // namespace orgiam::sandbox::testing
