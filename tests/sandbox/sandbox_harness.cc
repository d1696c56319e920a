#include "sandbox_harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace orgiam::sandbox::testing {
namespace {

std::vector<char*> Argv(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

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
  int out[2];
  if (::pipe(out) != 0) return;
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv = Argv(args);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  ::close(out[1]);
  // The first line is the URL; the rest of stdout is not read (the sandbox
  // writes nothing else there).
  std::string line;
  char c;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  ::close(out[0]);
  url_ = line;
}

SandboxServer::~SandboxServer() {
  if (pid_ > 0) Stop(SIGKILL);
}

int SandboxServer::Stop(int signal_number) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal_number);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
  int out[2];
  if (::pipe(out) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(out[1], STDERR_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv = Argv(all);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  ::close(out[1]);
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(out[0], buffer, sizeof buffer)) > 0) output->append(buffer, n);
  ::close(out[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace orgiam::sandbox::testing
