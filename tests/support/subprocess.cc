#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "spawner.h"

namespace orgiam::testing {
namespace {

// Starts argv with this process's environment plus `env`, in its own process group; the
// child's stdout/stderr go to the given fds. A program that cannot be started shows as a child
// that exits with 127, as a shell reports it.
pid_t SpawnChild(const std::vector<std::string>& argv,
                 const std::map<std::string, std::string>& env, const std::string& cwd, int out_fd,
                 int err_fd) {
  try {
    return testing::Spawn({.argv = argv,
                           .environment = EnvironmentWith(env),
                           .cwd = cwd,
                           .stdout_fd = out_fd,
                           .stderr_fd = err_fd,
                           .own_process_group = true});
  } catch (const std::runtime_error&) {
    const pid_t pid = fork();
    if (pid == 0) _exit(127);
    return pid;
  }
}

}  // namespace

CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env, const std::string& cwd,
                         std::chrono::seconds timeout) {
  BackgroundCommand command(argv, env, cwd);
  return command.Wait(timeout);
}

Server::Server(const std::vector<std::string>& argv,
               const std::map<std::string, std::string>& env) {
  int out_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = SpawnChild(argv, env, "", out_pipe[1], 2);
  close(out_pipe[1]);
  // Read the first line (with a deadline) and leave the rest of stdout to drain into a pipe
  // nobody reads: servers print only that one line.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  char c;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd fd{out_pipe[0], POLLIN, 0};
    if (poll(&fd, 1, 200) <= 0) continue;
    const ssize_t n = read(out_pipe[0], &c, 1);
    if (n <= 0 || c == '\n') break;
    first_line_.push_back(c);
  }
  stdout_fd_ = out_pipe[0];
  if (first_line_.empty()) {
    Stop();
    throw std::runtime_error("server did not print its address: " + argv[0]);
  }
}

Server::~Server() { Stop(); }

int Server::Stop(std::chrono::milliseconds grace) { return StopWith(SIGTERM, grace); }

int Server::StopWith(int signal_number, std::chrono::milliseconds grace) {
  if (stdout_fd_ >= 0) {
    close(stdout_fd_);
    stdout_fd_ = -1;
  }
  if (pid_ <= 0) return -1;
  kill(pid_, signal_number);
  int status = 0;
  const int polls = static_cast<int>(std::max<int64_t>(1, grace.count() / 50));
  for (int i = 0; i < polls; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    usleep(50000);
  }
  kill(-pid_, SIGKILL);
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

BackgroundCommand::BackgroundCommand(const std::vector<std::string>& argv,
                                     const std::map<std::string, std::string>& env,
                                     const std::string& cwd) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  pid_ = SpawnChild(argv, env, cwd, out_pipe[1], err_pipe[1]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  collector_ = std::thread([this, out = out_pipe[0], err = err_pipe[0]] { Collect(out, err); });
}

BackgroundCommand::~BackgroundCommand() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!done_) kill(-pid_, SIGKILL);
  }
  if (collector_.joinable()) collector_.join();
}

void BackgroundCommand::Collect(int out_fd, int err_fd) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open_fds = 2;
  char buffer[65536];
  while (open_fds > 0) {
    const int ready = poll(fds, 2, 1000);
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        std::lock_guard<std::mutex> lock(mu_);
        (i == 0 ? result_.out : result_.err).append(buffer, static_cast<size_t>(n));
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  int status = 0;
  waitpid(pid_, &status, 0);
  std::lock_guard<std::mutex> lock(mu_);
  result_.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  done_ = true;
  done_cv_.notify_all();
}

bool BackgroundCommand::Finished() {
  std::lock_guard<std::mutex> lock(mu_);
  return done_;
}

void BackgroundCommand::Signal(int signal) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!done_) kill(-pid_, signal);
}

CommandResult BackgroundCommand::Wait(std::chrono::seconds timeout) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (!done_cv_.wait_for(lock, timeout, [this] { return done_; })) {
      timed_out_ = true;
      kill(-pid_, SIGKILL);
    }
  }
  if (collector_.joinable()) collector_.join();
  std::lock_guard<std::mutex> lock(mu_);
  CommandResult result = result_;
  if (timed_out_) {
    result.timed_out = true;
    result.exit_code = -1;
  }
  return result;
}

std::string BackgroundCommand::OutputSoFar() {
  std::lock_guard<std::mutex> lock(mu_);
  return result_.out + result_.err;
}

std::string MakeTempDir(const std::string& prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + prefix + "XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

void RemoveTree(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

void WriteFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace orgiam::testing
