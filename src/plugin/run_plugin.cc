#include "plugin/run_plugin.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "plugin/call_tracker.h"
#include "plugin/controller_service.h"
#include "plugin/core_dumps.h"
#include "plugin/grpc_logging.h"
#include "plugin/grpc_server.h"
#include "plugin/handshake.h"
#include "plugin/health_service.h"
#include "plugin/reattach.h"
#include "plugin/shutdown_latch.h"
#include "plugin/signals.h"
#include "plugin/socket_dir.h"
#include "plugin/stdio_service.h"
#include "plugin/tls_certificate.h"
#include "util/log.h"

#ifndef ORGIAM_VERSION
#define ORGIAM_VERSION "dev"
#endif

namespace orgiam::plugin {
namespace {

constexpr absl::string_view kProgramName = "terraform-provider-orgiam";

// How long in-flight calls get to finish once a stop was requested. Terraform
// SIGKILLs the process 2 s after GRPCController/Shutdown.
constexpr absl::Duration kShutdownGrace = absl::Milliseconds(750);
// Once no call is left, the last responses (the Shutdown reply itself) may
// still sit in transport buffers; this bounds the wait for them and for clients
// to hang up.
constexpr std::chrono::milliseconds kFlushGrace(200);

constexpr absl::string_view kNotForHumansMessage =
    "This program is a Terraform provider plugin: Terraform starts it by "
    "itself and talks to\n"
    "it over gRPC, so running it directly does nothing useful. Use it through "
    "Terraform\n"
    "(source = \"orgiam/orgiam\" in required_providers).\n"
    "\n"
    "To debug the provider, run it with -debug: it then serves without the "
    "handshake and\n"
    "prints a TF_REATTACH_PROVIDERS value that lets Terraform attach to it.\n";

enum class Mode { kPlugin, kDebug, kVersion, kHelp, kUsageError };

struct Args {
  Mode mode = Mode::kPlugin;
  std::string bad_argument;
};

Args ParseArgs(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (arg == "-debug" || arg == "--debug") {
      args.mode = Mode::kDebug;
    } else if (arg == "-version" || arg == "--version") {
      return {Mode::kVersion, ""};
    } else if (arg == "-h" || arg == "-help" || arg == "--help") {
      return {Mode::kHelp, ""};
    } else {
      return {Mode::kUsageError, std::string(arg)};
    }
  }
  return args;
}

std::string UsageText() {
  return absl::StrCat("Usage: ", kProgramName,
                      " [-debug | -version]\n"
                      "  -debug    serve in debug mode and print TF_REATTACH_PROVIDERS\n"
                      "  -version  print the version and exit\n");
}

// Writes everything or fails; stdout may be a pipe that Terraform reads slowly.
bool WriteAll(int fd, absl::string_view data) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Fatal start-up errors are always reported, whatever TF_LOG says: as an hclog
// entry for Terraform in plugin mode, as plain text for a human in debug mode.
void ReportFatal(bool debug, absl::string_view message) {
  if (debug) {
    WriteAll(STDERR_FILENO, absl::StrCat(kProgramName, ": ", message, "\n"));
  } else {
    log::Write(log::Level::kError, "plugin", std::string(message));
  }
}

std::string DebugBanner(absl::string_view socket_path) {
  const std::string json =
      ReattachConfigJson(kProviderAddress, static_cast<int>(getpid()), "unix", socket_path);
  return absl::StrCat(kProgramName, " ", ORGIAM_VERSION,
                      " is running in debug mode (plaintext gRPC on ", socket_path,
                      ").\n"
                      "To make Terraform use this process, set this in the "
                      "shell where you run terraform:\n\n",
                      ReattachShellLine(json),
                      "\n\n"
                      "Terraform then attaches to this process instead of "
                      "starting the provider itself.\n"
                      "Stop it with Ctrl-C or SIGTERM.\n");
}

int Serve(bool debug, const ProviderHooks& hooks) {
  if (hooks.provider_service == nullptr) {
    ReportFatal(debug, "internal error: no provider service");
    return 1;
  }
  // Declared first so that it outlives everything that may trigger it.
  ShutdownLatch latch;
  SignalOptions signal_options;
  signal_options.stop_on_sigint = debug;
  signal_options.watch_parent = !debug;
  // Before any other thread exists, so that all of them inherit the blocked
  // signal mask.
  auto watcher = SignalWatcher::Start(
      signal_options, [&latch](absl::string_view reason) { latch.Trigger(reason); });
  if (!watcher.ok()) {
    ReportFatal(debug, watcher.status().ToString());
    return 1;
  }

  const char* client_cert = debug ? nullptr : std::getenv("PLUGIN_CLIENT_CERT");
  const bool use_tls = client_cert != nullptr && client_cert[0] != '\0';
  InitOpenSslForPlugin();  // before gRPC's own OpenSSL initialisation
  // Making the certificate (mostly OpenSSL's first-use initialisation) is the
  // longest step before the handshake line; it starts first and overlaps
  // everything up to gRPC's start, gRPC's own initialisation included.
  std::future<absl::StatusOr<ServerCertificate>> pending_cert;
  if (use_tls) {
    ORGIAM_LOG(kTrace, "plugin", "generating the server certificate");
    pending_cert = std::async(std::launch::async, &GenerateServerCertificate);
  }

  int app_version = kAppProtocolVersion;
  if (!debug) {
    const char* offered = std::getenv("PLUGIN_PROTOCOL_VERSIONS");
    const VersionChoice choice = NegotiateProtocolVersion(offered == nullptr ? "" : offered);
    app_version = choice.version;
    if (!choice.offered_by_host) {
      ORGIAM_LOG(kWarn, "plugin", "host does not offer plugin protocol 6",
                 {{"offered", offered == nullptr ? "" : offered}});
    }
  }

  auto socket_dir = SocketDir::Create();
  if (!socket_dir.ok()) {
    ReportFatal(debug, socket_dir.status().ToString());
    return 1;
  }
  const std::string& socket_path = (*socket_dir)->socket_path();

  GrpcServerConfig config;
  config.listen_address = absl::StrCat("unix:", socket_path);
  std::string cert_der;
  GrpcRuntime grpc_runtime;
  if (use_tls) {
    absl::StatusOr<ServerCertificate> cert = pending_cert.get();
    if (!cert.ok()) {
      ReportFatal(debug, cert.status().ToString());
      return 1;
    }
    config.tls = MutualTls{std::move(cert->cert_pem), std::move(cert->key_pem), client_cert};
    cert_der = std::move(cert->cert_der);
  }

  CallTracker call_tracker;
  config.call_tracker = &call_tracker;
  ControllerService controller(&latch);
  StdioService stdio(&latch);
  HealthService health(&latch);
  config.services = {hooks.provider_service, &controller, &stdio, &health};
  RouteGrpcLogging();
  ORGIAM_LOG(kTrace, "plugin", "starting the gRPC server");
  auto server = StartGrpcServer(config);
  if (!server.ok()) {
    ReportFatal(debug, server.status().ToString());
    return 1;
  }
  if (!debug) {
    if (absl::Status status = (*socket_dir)->ApplySocketGroup(); !status.ok()) {
      ReportFatal(debug, status.ToString());
      return 1;
    }
  }
  ORGIAM_LOG(kDebug, "plugin", "plugin server started",
             {{"network", "unix"},
              {"address", socket_path},
              {"protocol_version", absl::StrCat(app_version)},
              {"tls", config.tls.has_value() ? "mutual" : "off"},
              {"debug", debug ? "true" : "false"}});

  if (debug) {
    WriteAll(STDOUT_FILENO, DebugBanner(socket_path));
  } else {
    if (!WriteAll(STDOUT_FILENO, FormatHandshakeLine(app_version, "unix", socket_path, cert_der))) {
      ReportFatal(debug, "cannot write the handshake line to stdout");
      return 1;
    }
    // The handshake must stay the only stdout output: anything printed later by
    // accident goes to stderr, which Terraform logs, instead of a pipe it no
    // longer reads.
    dup2(STDERR_FILENO, STDOUT_FILENO);
  }

  latch.Wait();
  ORGIAM_LOG(kDebug, "plugin", "stopping", {{"reason", latch.reason()}});
  if (hooks.on_stop) hooks.on_stop();
  // Let calls in progress finish (the Shutdown call itself, the stdio stream
  // that the latch just ended, any provider call), then stop soon after without
  // waiting long for clients to hang up.
  if (!call_tracker.WaitUntilIdle(absl::Now() + kShutdownGrace)) {
    ORGIAM_LOG(kWarn, "plugin", "cancelling calls still in progress at shutdown",
               {{"active", absl::StrCat(call_tracker.active())}});
  }
  (*server)->Shutdown(std::chrono::system_clock::now() + kFlushGrace);
  (*server)->Wait();
  (*socket_dir)->Remove();
  ORGIAM_LOG(kTrace, "plugin", "stopped");
  // Terraform waits for the process to exit, three or more times per command.
  // Every call has finished, the provider's own shutdown has run and the
  // socket is gone, so the process ends here rather than spending milliseconds
  // joining gRPC's threads and running destructors (logs are unbuffered).
  std::_Exit(0);
}

}  // namespace

int RunPlugin(int argc, char** argv, const ProviderHooks& hooks) {
  // First of all, before any thread or secret exists: no core dump may ever write the
  // tokens this process will hold to disk.
  const absl::Status no_core_dumps = DisableCoreDumps();
  // Debian builds Abseil without NDEBUG, which turns on deadlock detection for
  // every absl::Mutex (gRPC takes thousands per command): a lock-order graph
  // that costs allocations and CPU on each lock. Our locking is checked by
  // tests, not in users' runs.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const Args args = ParseArgs(argc, argv);
  switch (args.mode) {
    case Mode::kVersion:
      WriteAll(STDOUT_FILENO, absl::StrCat(kProgramName, " ", ORGIAM_VERSION, "\n"));
      return 0;
    case Mode::kHelp:
      WriteAll(STDOUT_FILENO, absl::StrCat(UsageText(), "\n", kNotForHumansMessage));
      return 0;
    case Mode::kUsageError:
      WriteAll(STDERR_FILENO, absl::StrCat(kProgramName, ": unknown argument ", args.bad_argument,
                                           "\n", UsageText()));
      return 2;
    case Mode::kPlugin:
      if (!MagicCookieMatches(std::getenv(std::string(kMagicCookieKey).c_str()))) {
        WriteAll(STDERR_FILENO, kNotForHumansMessage);
        return 1;
      }
      break;
    case Mode::kDebug:
      break;
  }
  log::InitFromEnvironment();
  if (!no_core_dumps.ok()) {
    ORGIAM_LOG(kWarn, "plugin", "could not turn core dumps off",
               {{"error", std::string(no_core_dumps.message())}});
  }
  return Serve(args.mode == Mode::kDebug, hooks);
}

}  // namespace orgiam::plugin
