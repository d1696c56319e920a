// Start-up benchmark of the provider binary: exec -> handshake line, against
// exec -> exit of /bin/true, plus resident memory once idle after the
// handshake.
//
//   handshake_bench [--runs N] [--binary PATH] [--plaintext]
//
// Each run starts the binary as Terraform does (magic cookie,
// PLUGIN_PROTOCOL_VERSIONS, and a client certificate unless --plaintext), times
// the first stdout line, samples VmRSS from /proc/PID/status after a short idle
// period, then stops it with SIGTERM. Each run is preceded by one run of
// /bin/true, so both medians come from the same stretch of time.

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "plugin/handshake.h"
#include "plugin/tls_certificate.h"

#ifndef ORGIAM_PROVIDER_BINARY
#define ORGIAM_PROVIDER_BINARY "terraform-provider-orgiam"
#endif

namespace {

using Clock = std::chrono::steady_clock;

struct Child {
  pid_t pid = -1;
  int stdout_fd = -1;
};

std::optional<Child> Spawn(const std::string& program, const std::vector<std::string>& env) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), nullptr};
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  Child child;
  const int rc =
      posix_spawn(&child.pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return std::nullopt;
  }
  child.stdout_fd = fds[0];
  return child;
}

// Blocks until a full line (or EOF) arrives on `fd`.
bool ReadLine(int fd, std::string* line) {
  char c;
  while (true) {
    pollfd pfd{fd, POLLIN, 0};
    if (poll(&pfd, 1, 10000) <= 0) return false;
    const ssize_t n = read(fd, &c, 1);
    if (n <= 0) return !line->empty();
    if (c == '\n') return true;
    line->push_back(c);
  }
}

long VmRssKb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      long kb = 0;
      status >> kb;
      return kb;
    }
    status.ignore(1 << 16, '\n');
  }
  return -1;
}

// CPU time consumed so far by every thread of `pid`, from
// /proc/PID/task/*/schedstat.
double CpuMs(pid_t pid) {
  const std::string dir = "/proc/" + std::to_string(pid) + "/task";
  DIR* tasks = opendir(dir.c_str());
  if (tasks == nullptr) return -1;
  double ns = 0;
  while (dirent* entry = readdir(tasks)) {
    if (entry->d_name[0] == '.') continue;
    std::ifstream stat(dir + "/" + entry->d_name + "/schedstat");
    double run_ns = 0;
    if (stat >> run_ns) ns += run_ns;
  }
  closedir(tasks);
  return ns / 1e6;
}

double ChildrenCpuMs() {
  rusage usage;
  getrusage(RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  if (n == 0) return 0;
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  int runs = 50;
  std::string binary = ORGIAM_PROVIDER_BINARY;
  bool plaintext = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--binary" && i + 1 < argc) {
      binary = argv[++i];
    } else if (arg == "--plaintext") {
      plaintext = true;
    } else {
      std::fprintf(stderr, "usage: %s [--runs N] [--binary PATH] [--plaintext]\n", argv[0]);
      return 2;
    }
  }

  std::vector<std::string> env = {
      "PATH=/usr/bin:/bin",
      std::string(orgiam::plugin::kMagicCookieKey) + "=" +
          std::string(orgiam::plugin::kMagicCookieValue),
      "PLUGIN_PROTOCOL_VERSIONS=5,6",
  };
  if (const char* tmp = std::getenv("TMPDIR")) env.push_back(std::string("TMPDIR=") + tmp);
  if (!plaintext) {
    // Any self-signed certificate will do as the "host" certificate.
    auto cert = orgiam::plugin::GenerateServerCertificate();
    if (!cert.ok()) {
      std::fprintf(stderr, "certificate: %s\n", cert.status().ToString().c_str());
      return 1;
    }
    env.push_back("PLUGIN_CLIENT_CERT=" + cert->cert_pem);
  }

  std::vector<double> true_ms, handshake_ms, true_cpu_ms, handshake_cpu_ms;
  std::vector<long> rss_kb;
  auto time_true = [&true_ms, &true_cpu_ms]() {
    const double cpu0 = ChildrenCpuMs();
    const auto t0 = Clock::now();
    auto t = Spawn("/bin/true", {});
    if (!t.has_value()) return false;
    std::string ignored;
    ReadLine(t->stdout_fd, &ignored);  // EOF when it exits
    int status = 0;
    waitpid(t->pid, &status, 0);
    true_ms.push_back(Ms(Clock::now() - t0));
    true_cpu_ms.push_back(ChildrenCpuMs() - cpu0);
    close(t->stdout_fd);
    return true;
  };
  // The baseline and the provider take turns, so that a slower spell of the
  // machine weighs on both alike.
  for (int i = 0; i < runs; ++i) {
    if (!time_true()) return 1;
    const auto t0 = Clock::now();
    auto child = Spawn(binary, env);
    if (!child.has_value()) {
      std::fprintf(stderr, "cannot start %s\n", binary.c_str());
      return 1;
    }
    std::string line;
    const bool ok = ReadLine(child->stdout_fd, &line);
    const auto t1 = Clock::now();
    if (!ok || line.rfind("1|6|", 0) != 0) {
      std::fprintf(stderr, "bad handshake: '%s'\n", line.c_str());
      kill(child->pid, SIGKILL);
      waitpid(child->pid, nullptr, 0);
      return 1;
    }
    handshake_ms.push_back(Ms(t1 - t0));
    handshake_cpu_ms.push_back(CpuMs(child->pid));
    // Sample idle memory on a subset of runs (the wait dominates otherwise).
    if (i < 5) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      rss_kb.push_back(VmRssKb(child->pid));
    }
    kill(child->pid, SIGTERM);
    int status = 0;
    waitpid(child->pid, &status, 0);
    close(child->stdout_fd);
  }

  const double true_median = Median(true_ms);
  const double handshake_median = Median(handshake_ms);
  std::vector<double> rss(rss_kb.begin(), rss_kb.end());
  std::printf("runs                         %d (%s)\n", runs, plaintext ? "plaintext" : "mTLS");
  std::printf("/bin/true exec->exit median  %.3f ms\n", true_median);
  std::printf("exec->handshake median       %.3f ms\n", handshake_median);
  std::printf("ratio                        %.1fx\n", handshake_median / true_median);
  std::printf("exec->handshake min/max      %.3f / %.3f ms\n",
              *std::min_element(handshake_ms.begin(), handshake_ms.end()),
              *std::max_element(handshake_ms.begin(), handshake_ms.end()));
  std::printf("/bin/true CPU median          %.3f ms\n", Median(true_cpu_ms));
  std::printf("CPU until handshake median   %.3f ms (all threads)\n", Median(handshake_cpu_ms));
  std::printf("CPU ratio                    %.1fx\n",
              Median(handshake_cpu_ms) / Median(true_cpu_ms));
  std::printf("idle VmRSS median            %.1f MB\n", Median(rss) / 1024.0);
  return 0;
}
