#include "plugin/run_plugin.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <optional>
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
#include "util/status_macros.h"

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

// Fatal start-up errors are always reported, whatever TF_LOG says: as an [ERROR] log
// line for Terraform in plugin mode (util/log.h), as plain text for a human in debug mode.
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

// A start-up failure, worded as the fatal report shows it.
absl::Status StartFailure(const absl::Status& cause) {
  return absl::Status(cause.code(), cause.ToString());
}

// One plugin process from signal watching to shutdown, in steps that return the reason the
// start failed; Serve reports it once.
class PluginSession {
 public:
  PluginSession(bool debug, const ProviderHooks& hooks)
      : debug_(debug), hooks_(hooks), controller_(&latch_), stdio_(&latch_), health_(&latch_) {}

  // Everything up to and including the handshake line (or the debug banner).
  absl::Status Start() {
    if (hooks_.provider_service == nullptr) {
      return absl::InternalError("internal error: no provider service");
    }
    RETURN_IF_ERROR(WatchSignals());
    BeginCertificate();
    NegotiateVersion();
    RETURN_IF_ERROR(OpenSocket());
    grpc_runtime_.emplace();
    RETURN_IF_ERROR(AwaitCertificate());
    RETURN_IF_ERROR(StartServer());
    return Announce();
  }

  // Serves until a stop is requested, then shuts down and ends the process.
  [[noreturn]] void RunUntilStopped() {
    latch_.Wait();
    ORGIAM_LOG(kDebug, "plugin", "stopping", {{"reason", latch_.reason()}});
    if (hooks_.on_stop) hooks_.on_stop();
    // Let calls in progress finish (the Shutdown call itself, the stdio stream
    // that the latch just ended, any provider call), then stop soon after without
    // waiting long for clients to hang up.
    if (!call_tracker_.WaitUntilIdle(absl::Now() + kShutdownGrace)) {
      ORGIAM_LOG(kWarn, "plugin", "cancelling calls still in progress at shutdown",
                 {{"active", absl::StrCat(call_tracker_.active())}});
    }
    server_->Shutdown(std::chrono::system_clock::now() + kFlushGrace);
    server_->Wait();
    socket_dir_->Remove();
    ORGIAM_LOG(kTrace, "plugin", "stopped");
    // Terraform waits for the process to exit, three or more times per command.
    // Every call has finished, the provider's own shutdown has run and the
    // socket is gone, so the process ends here rather than spending milliseconds
    // joining gRPC's threads and running destructors (logs are unbuffered).
    std::_Exit(0);
  }

 private:
  // Before any other thread exists, so that all of them inherit the blocked signal mask.
  absl::Status WatchSignals() {
    SignalOptions signal_options;
    signal_options.stop_on_sigint = debug_;
    signal_options.watch_parent = !debug_;
    auto watcher = SignalWatcher::Start(
        signal_options, [this](absl::string_view reason) { latch_.Trigger(reason); });
    if (!watcher.ok()) return StartFailure(watcher.status());
    watcher_ = *std::move(watcher);
    return absl::OkStatus();
  }

  // Making the certificate (mostly OpenSSL's first-use initialisation) is the
  // longest step before the handshake line; it starts first and overlaps
  // everything up to gRPC's start, gRPC's own initialisation included.
  void BeginCertificate() {
    client_cert_ = debug_ ? nullptr : std::getenv("PLUGIN_CLIENT_CERT");
    use_tls_ = client_cert_ != nullptr && client_cert_[0] != '\0';
    InitOpenSslForPlugin();  // before gRPC's own OpenSSL initialisation
    if (use_tls_) {
      ORGIAM_LOG(kTrace, "plugin", "generating the server certificate");
      pending_cert_ = std::async(std::launch::async, &GenerateServerCertificate);
    }
  }

  void NegotiateVersion() {
    if (debug_) return;
    const char* offered = std::getenv("PLUGIN_PROTOCOL_VERSIONS");
    const VersionChoice choice = NegotiateProtocolVersion(offered == nullptr ? "" : offered);
    app_version_ = choice.version;
    if (!choice.offered_by_host) {
      ORGIAM_LOG(kWarn, "plugin", "host does not offer plugin protocol 6",
                 {{"offered", offered == nullptr ? "" : offered}});
    }
  }

  absl::Status OpenSocket() {
    auto socket_dir = SocketDir::Create();
    if (!socket_dir.ok()) return StartFailure(socket_dir.status());
    socket_dir_ = *std::move(socket_dir);
    config_.listen_address = absl::StrCat("unix:", socket_dir_->socket_path());
    return absl::OkStatus();
  }

  absl::Status AwaitCertificate() {
    if (!use_tls_) return absl::OkStatus();
    absl::StatusOr<ServerCertificate> cert = pending_cert_.get();
    if (!cert.ok()) return StartFailure(cert.status());
    config_.tls = MutualTls{std::move(cert->cert_pem), std::move(cert->key_pem), client_cert_};
    cert_der_ = std::move(cert->cert_der);
    return absl::OkStatus();
  }

  absl::Status StartServer() {
    config_.call_tracker = &call_tracker_;
    config_.services = {hooks_.provider_service, &controller_, &stdio_, &health_};
    RouteGrpcLogging();
    ORGIAM_LOG(kTrace, "plugin", "starting the gRPC server");
    auto server = StartGrpcServer(config_);
    if (!server.ok()) return StartFailure(server.status());
    server_ = *std::move(server);
    if (!debug_) {
      if (absl::Status status = socket_dir_->ApplySocketGroup(); !status.ok()) {
        return StartFailure(status);
      }
    }
    ORGIAM_LOG(kDebug, "plugin", "plugin server started",
               {{"network", "unix"},
                {"address", socket_dir_->socket_path()},
                {"protocol_version", absl::StrCat(app_version_)},
                {"tls", config_.tls.has_value() ? "mutual" : "off"},
                {"debug", debug_ ? "true" : "false"}});
    return absl::OkStatus();
  }

  absl::Status Announce() {
    const std::string& socket_path = socket_dir_->socket_path();
    if (debug_) {
      WriteAll(STDOUT_FILENO, DebugBanner(socket_path));
      return absl::OkStatus();
    }
    if (!WriteAll(STDOUT_FILENO,
                  FormatHandshakeLine(app_version_, "unix", socket_path, cert_der_))) {
      return absl::UnavailableError("cannot write the handshake line to stdout");
    }
    // The handshake must stay the only stdout output: anything printed later by
    // accident goes to stderr, which Terraform logs, instead of a pipe it no
    // longer reads.
    dup2(STDERR_FILENO, STDOUT_FILENO);
    return absl::OkStatus();
  }

  const bool debug_;
  const ProviderHooks& hooks_;
  // First among what the session holds, so that it outlives everything that may trigger it.
  ShutdownLatch latch_;
  std::unique_ptr<SignalWatcher> watcher_;
  const char* client_cert_ = nullptr;
  bool use_tls_ = false;
  std::future<absl::StatusOr<ServerCertificate>> pending_cert_;
  int app_version_ = kAppProtocolVersion;
  std::unique_ptr<SocketDir> socket_dir_;
  GrpcServerConfig config_;
  std::string cert_der_;
  std::optional<GrpcRuntime> grpc_runtime_;
  CallTracker call_tracker_;
  ControllerService controller_;
  StdioService stdio_;
  HealthService health_;
  std::unique_ptr<grpc::Server> server_;
};

int Serve(bool debug, const ProviderHooks& hooks) {
  PluginSession session(debug, hooks);
  if (absl::Status started = session.Start(); !started.ok()) {
    ReportFatal(debug, started.message());
    return 1;
  }
  session.RunUntilStopped();
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
