#ifndef ORGIAM_TESTS_SUPPORT_SUBPROCESS_H_
#define ORGIAM_TESTS_SUPPORT_SUBPROCESS_H_

// Running programs from tests: one-shot commands with captured output, and long-running
// servers that are stopped (and never left behind) when the handle goes away.

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace orgiam::testing {

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal or timed out
  std::string out;
  std::string err;
  bool timed_out = false;
};

// Runs argv[0] (looked up in PATH) with the current environment plus `env` overrides (an
// empty value unsets the variable), in `cwd` if non-empty.
CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {},
                         const std::string& cwd = "",
                         std::chrono::seconds timeout = std::chrono::seconds(600));

// A child process whose first stdout line is read at start (servers print their address).
class Server {
 public:
  Server(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  const std::string& first_line() const { return first_line_; }
  pid_t pid() const { return pid_; }
  // SIGTERM, wait up to `grace`, then SIGKILL. Returns the exit status (or -1).
  int Stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
  // The same with `signal_number` instead of SIGTERM (SIGINT, SIGKILL, ...).
  int StopWith(int signal_number, std::chrono::milliseconds grace);

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;  // kept open so later writes do not fail with EPIPE
  std::string first_line_;
};

// A command started in the background, in its own process group, with its output collected
// by a thread until it exits. The destructor kills the group (SIGKILL) if it still runs.
class BackgroundCommand {
 public:
  BackgroundCommand(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env = {},
                    const std::string& cwd = "");
  ~BackgroundCommand();
  BackgroundCommand(const BackgroundCommand&) = delete;
  BackgroundCommand& operator=(const BackgroundCommand&) = delete;

  pid_t pid() const { return pid_; }
  bool Finished();
  // Sends `signal` to the whole process group, as a terminal does on Ctrl-C (SIGINT). No-op
  // once the command has been reaped.
  void Signal(int signal);
  // Waits until the command exits, at most `timeout`; then kills the group with SIGKILL
  // (result.timed_out). Returns the result; later calls return it again.
  CommandResult Wait(std::chrono::seconds timeout);
  // The output collected so far.
  std::string OutputSoFar();

 private:
  void Collect(int out_fd, int err_fd);

  pid_t pid_ = -1;
  std::mutex mu_;
  std::condition_variable done_cv_;
  bool done_ = false;  // reaped: pid_ must no longer be signalled
  bool timed_out_ = false;
  CommandResult result_;
  std::thread collector_;
};

std::string MakeTempDir(const std::string& prefix);
void RemoveTree(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);
std::string ReadFile(const std::string& path);

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_SUBPROCESS_H_
