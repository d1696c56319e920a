#include "plugin_process.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "plugin/handshake.h"
#include "spawner.h"

namespace orgiam::conformance {
namespace {

using Clock = std::chrono::steady_clock;

int RemainingMs(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

}  // namespace

std::string ProviderBinary() {
  // Lets the suite run against another build of the provider.
  const char* override_path = std::getenv("ORGIAM_PROVIDER_BINARY");
  if (override_path != nullptr && override_path[0] != '\0') return override_path;
  return ORGIAM_PROVIDER_BINARY;
}

TempDir::TempDir() {
  // Short base path: the socket path inside must fit in sockaddr_un (108
  // bytes).
  char pattern[] = "/tmp/orgiam-conf-XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::vector<std::string> TempDir::Entries() const {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path_)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

PluginProcess::Env PluginProcess::TerraformEnv() const {
  Env env;
  env["PATH"] = "/usr/bin:/bin";
  env["TMPDIR"] = temp_dir_.path();
  env[std::string(plugin::kMagicCookieKey)] = std::string(plugin::kMagicCookieValue);
  env["PLUGIN_PROTOCOL_VERSIONS"] = "5,6";
  env["PLUGIN_MIN_PORT"] = "10000";
  env["PLUGIN_MAX_PORT"] = "25000";
  // Exercise the logging paths; stderr goes to a file.
  env["TF_LOG_PROVIDER"] = "trace";
  return env;
}

void PluginProcess::Start(const std::vector<std::string>& args, const Env& env) {
  StartProgram(ProviderBinary(), args, env);
}

void PluginProcess::StartProgram(const std::string& binary, const std::vector<std::string>& args,
                                 const Env& env) {
  int out_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  const std::string stderr_path = temp_dir_.path() + "/stderr.log";

  std::vector<std::string> argv = {binary};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> environment;
  for (const auto& [key, value] : env) environment.push_back(key + "=" + value);
  try {
    pid_ = orgiam::testing::Spawn({.argv = std::move(argv),
                                   .environment = std::move(environment),
                                   .stdout_fd = out_pipe[1],
                                   .stderr_path = stderr_path});
  } catch (const std::runtime_error&) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    pid_ = -1;
    throw;
  }
  close(out_pipe[1]);
  stdout_fd_ = out_pipe[0];
}

PluginProcess::~PluginProcess() {
  if (pid_ > 0 && !exit_code_.has_value()) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::optional<std::string> PluginProcess::ReadLine(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    const size_t newline = stdout_buffer_.find('\n');
    if (newline != std::string::npos) {
      std::string line = stdout_buffer_.substr(0, newline);
      stdout_buffer_.erase(0, newline + 1);
      return line;
    }
    if (stdout_eof_ || stdout_fd_ < 0) return std::nullopt;
    pollfd pfd{stdout_fd_, POLLIN, 0};
    const int ready = poll(&pfd, 1, RemainingMs(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return std::nullopt;
    char chunk[4096];
    const ssize_t n = read(stdout_fd_, chunk, sizeof(chunk));
    if (n <= 0) {
      stdout_eof_ = true;
      continue;
    }
    stdout_buffer_.append(chunk, static_cast<size_t>(n));
  }
}

std::string PluginProcess::ReadAllStdout(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!stdout_eof_ && stdout_fd_ >= 0) {
    pollfd pfd{stdout_fd_, POLLIN, 0};
    const int ready = poll(&pfd, 1, RemainingMs(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    char chunk[4096];
    const ssize_t n = read(stdout_fd_, chunk, sizeof(chunk));
    if (n <= 0) {
      stdout_eof_ = true;
      break;
    }
    stdout_buffer_.append(chunk, static_cast<size_t>(n));
  }
  return stdout_buffer_;
}

Handshake ParseHandshake(const std::string& line) {
  Handshake handshake;
  handshake.line = line;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '|')) handshake.fields.push_back(field);
  if (!line.empty() && line.back() == '|') handshake.fields.push_back("");
  return handshake;
}

std::optional<Handshake> PluginProcess::ReadHandshake(std::chrono::milliseconds timeout) {
  std::optional<std::string> line = ReadLine(timeout);
  if (!line.has_value()) return std::nullopt;
  return ParseHandshake(*line);
}

std::optional<int> PluginProcess::WaitForExit(std::chrono::milliseconds timeout) {
  if (exit_code_.has_value()) return exit_code_;
  const auto deadline = Clock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_code_;
    }
    if (r < 0 && errno != EINTR) return std::nullopt;
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

bool PluginProcess::Running() { return !WaitForExit(std::chrono::milliseconds(0)).has_value(); }

void PluginProcess::Signal(int signo) {
  if (pid_ > 0 && !exit_code_.has_value()) kill(pid_, signo);
}

std::string PluginProcess::Stderr() const {
  std::ifstream in(temp_dir_.path() + "/stderr.log");
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace orgiam::conformance
