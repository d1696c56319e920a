#ifndef ORGIAM_TESTS_SUPPORT_SPAWNER_H_
#define ORGIAM_TESTS_SUPPORT_SPAWNER_H_

// The one way tests start a child process (subprocess.h's commands and servers, the
// conformance tests' provider): posix_spawn with default signal dispositions and an empty
// signal mask whatever the test runner's are, stdin from /dev/null.

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace orgiam::testing {

struct SpawnOptions {
  // argv[0] is looked up in PATH unless it contains a slash.
  std::vector<std::string> argv;
  // Exactly the child's environment, "NAME=value" entries.
  std::vector<std::string> environment = {};
  // The child's working directory; empty: this process's.
  std::string cwd = {};
  // Where the child's stdout and stderr go. `stderr_path`, when set, is created (0600) and
  // used instead of `stderr_fd`.
  int stdout_fd = 1;
  int stderr_fd = 2;
  std::string stderr_path = {};
  // Its own process group, so that killing the group takes its children along.
  bool own_process_group = false;
};

// Starts the child and returns its pid; throws std::runtime_error when it cannot be started.
pid_t Spawn(const SpawnOptions& options);

// This process's environment as "NAME=value" entries, with `overrides` applied (an empty
// value removes the variable).
std::vector<std::string> EnvironmentWith(const std::map<std::string, std::string>& overrides);

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_SPAWNER_H_
