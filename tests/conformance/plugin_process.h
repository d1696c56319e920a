#ifndef ORGIAM_TESTS_CONFORMANCE_PLUGIN_PROCESS_H_
#define ORGIAM_TESTS_CONFORMANCE_PLUGIN_PROCESS_H_

// Spawns the real provider binary the way Terraform does (a scripted
// environment, stdout on a pipe) and cleans up after it: the child is SIGKILLed
// and reaped if a test ends early, and each instance gets its own temporary
// directory used as TMPDIR.

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace orgiam::conformance {

// Path of the binary under test: $ORGIAM_PROVIDER_BINARY if set, else the
// compile definition from CMake.
std::string ProviderBinary();

// A fresh directory under the system temp dir, removed recursively on
// destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Names of the entries directly inside the directory.
  std::vector<std::string> Entries() const;

 private:
  std::string path_;
};

struct Handshake {
  std::vector<std::string> fields;  // split on '|'
  std::string line;                 // without the trailing newline
};

// Splits a handshake line on '|' (a trailing '|' yields an empty last field).
Handshake ParseHandshake(const std::string& line);

class PluginProcess {
 public:
  using Env = std::map<std::string, std::string>;

  // Environment Terraform would give: the magic cookie, "5,6", TMPDIR=<temp
  // dir>, PATH. Callers add or erase entries before Start().
  Env TerraformEnv() const;

  // Starts the binary with `args` and exactly `env`. stderr goes to a file in
  // temp_dir().
  void Start(const std::vector<std::string>& args, const Env& env);
  // Same, for another program (argv[0] = program).
  void StartProgram(const std::string& program, const std::vector<std::string>& args,
                    const Env& env);

  ~PluginProcess();

  // Reads one '\n'-terminated line from stdout; nullopt on EOF or timeout.
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
  // Reads stdout until EOF (the child closed it or exited); returns everything
  // read so far (including data already buffered).
  std::string ReadAllStdout(std::chrono::milliseconds timeout);

  // Reads the handshake line and splits it.
  std::optional<Handshake> ReadHandshake(
      std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // Waits for exit; returns the exit code, 128+signal when killed, nullopt on
  // timeout.
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout);
  bool Running();
  void Signal(int signo);

  pid_t pid() const { return pid_; }
  const TempDir& temp_dir() const { return temp_dir_; }
  std::string Stderr() const;

 private:
  TempDir temp_dir_;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string stdout_buffer_;
  bool stdout_eof_ = false;
  std::optional<int> exit_code_;
};

}  // namespace orgiam::conformance

#endif  // ORGIAM_TESTS_CONFORMANCE_PLUGIN_PROCESS_H_
