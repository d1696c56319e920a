// orgiam-sandbox: a local, offline implementation of the Vultr, ZITADEL and
// MotherDuck APIs that orgiam manages, with fault injection for tests. See
// README.md.

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>

#include "admin.h"
#include "app.h"
#include "httplib_wrap.h"
#include "motherduck_tokens.h"
#include "motherduck_users.h"
#include "router.h"
#include "vultr_api_keys.h"
#include "vultr_invitations.h"
#include "vultr_users.h"
#include "zitadel_pats.h"
#include "zitadel_users.h"

namespace orgiam::sandbox {
namespace {

constexpr char kUsage[] =
    "usage: orgiam-sandbox [--port N] [--data FILE] [--token T]\n"
    "                      [--accept-issued-credentials] [--verbose]\n"
    "\n"
    "  --port N     port on 127.0.0.1 (0, the default, picks a free one)\n"
    "  --data FILE  keep the state in FILE across restarts (written "
    "atomically)\n"
    "  --token T    the bearer token the vendor APIs and the admin routes accept\n"
    "               (default: $ORGIAM_SANDBOX_TOKEN, else sandbox-token); a\n"
    "               command line is visible to every local user in ps, the\n"
    "               environment is not\n"
    "  --accept-issued-credentials\n"
    "               also accept the Vultr API keys and MotherDuck access tokens\n"
    "               the sandbox issued, while they exist and have not expired\n"
    "  --verbose    log every request to stderr\n"
    "\n"
    "Environment:\n"
    "  ORGIAM_SANDBOX_TOKEN  the token when --token is not given (--token wins)\n"
    "\n"
    "Admin routes (/_sandbox/...) need Authorization: Bearer <token>. Every\n"
    "request needs a Host of 127.0.0.1:PORT, localhost:PORT or [::1]:PORT.\n"
    "The first line on stdout is the base URL, e.g. http://127.0.0.1:41234.\n"
    "Serves until SIGTERM or SIGINT.\n";

constexpr char kTokenVariable[] = "ORGIAM_SANDBOX_TOKEN";

struct Options {
  int port = 0;
  std::string data;
  std::string token = "sandbox-token";  // --token, else $ORGIAM_SANDBOX_TOKEN, else this
  bool accept_issued_credentials = false;
  bool verbose = false;
};

const char* StatusText(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    default:
      return "Error";
  }
}

// Returns 0 to go on, or the exit code.
int ParseFlags(int argc, char** argv, Options* options) {
  // An empty variable counts as unset; --token, parsed below, overrides it.
  if (const char* from_env = std::getenv(kTokenVariable); from_env != nullptr && *from_env != 0) {
    options->token = from_env;
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string value;
    bool has_value = false;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      value = std::string(arg.substr(eq + 1));
      arg = arg.substr(0, eq);
      has_value = true;
    }
    const auto take = [&](const char* flag) {
      if (has_value) return true;
      if (i + 1 >= argc) {
        std::fprintf(stderr, "orgiam-sandbox: %s needs a value\n%s", flag, kUsage);
        return false;
      }
      value = argv[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return -1;
    } else if (arg == "--port") {
      if (!take("--port")) return 2;
      int port = -1;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), port);
      if (ec != std::errc() || ptr != value.data() + value.size() || port < 0 || port > 65535) {
        std::fprintf(stderr, "orgiam-sandbox: invalid --port %s\n", value.c_str());
        return 2;
      }
      options->port = port;
    } else if (arg == "--data") {
      if (!take("--data")) return 2;
      options->data = value;
    } else if (arg == "--token") {
      if (!take("--token")) return 2;
      if (value.empty()) {
        std::fprintf(stderr, "orgiam-sandbox: --token must not be empty\n");
        return 2;
      }
      options->token = value;
    } else if (arg == "--accept-issued-credentials" && !has_value) {
      options->accept_issued_credentials = true;
    } else if (arg == "--verbose" || arg == "-v") {
      options->verbose = true;
    } else {
      std::fprintf(stderr, "orgiam-sandbox: unknown argument %s\n%s", argv[i], kUsage);
      return 2;
    }
  }
  return 0;
}

int Run(int argc, char** argv) {
  Options options;
  if (const int code = ParseFlags(argc, argv, &options); code != 0) return code < 0 ? 0 : code;

  // A dropped connection makes httplib write to a shut-down socket.
  ::signal(SIGPIPE, SIG_IGN);
  // Termination signals are taken by one thread with sigwait; block them
  // everywhere else (threads created from here on inherit the mask).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  App app(options.token, options.accept_issued_credentials);
  std::string error;
  if (!app.store.Open(options.data, &error)) {
    std::fprintf(stderr, "orgiam-sandbox: %s\n", error.c_str());
    return 1;
  }

  httplib::Server server;
  // Keep-alive connections hold a worker each; Terraform runs 10 operations in
  // parallel.
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.set_keep_alive_max_count(1000);
  // cpp-httplib writes a response's headers and body separately; with Nagle's
  // algorithm on, the body then waits for the client's delayed ACK (~40 ms on
  // every reused connection).
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(1 << 20);
  // Answers httplib makes itself (bad request line, payload too large) get a
  // plain body.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || res.content_length_ > 0) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        res.set_content(std::to_string(res.status) + " " + StatusText(res.status) + "\n",
                        "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }));
  if (options.verbose) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "orgiam-sandbox: %s %s -> %d\n", req.method.c_str(), req.path.c_str(),
                   res.status);
    });
  }

  Router router(server, app);
  RegisterVultrUsers(router, app);
  RegisterVultrApiKeys(router, app);
  RegisterVultrInvitations(router, app);
  RegisterZitadelUsers(router, app);
  RegisterZitadelPats(router, app);
  RegisterMotherDuckUsers(router, app);
  RegisterMotherDuckTokens(router, app);
  RegisterAdmin(router, app);
  router.AddFallbacks();

  // cpp-httplib 0.11 listens with a backlog of 5: when Terraform opens ten
  // connections at once, the kernel drops the surplus SYNs and those clients
  // only retry after TCP's 1 s timeout. The socket-options hook sees the
  // listening socket, so the backlog is raised once it is bound.
  int listen_fd = -1;
  server.set_socket_options([&listen_fd](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_fd = sock;
  });
  constexpr char kHost[] = "127.0.0.1";
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(kHost);
  } else if (!server.bind_to_port(kHost, port)) {
    port = -1;
  }
  if (port <= 0 || listen_fd < 0 || ::listen(listen_fd, SOMAXCONN) != 0) {
    std::fprintf(stderr, "orgiam-sandbox: cannot listen on %s:%d: %s\n", kHost, options.port,
                 std::strerror(errno));
    return 1;
  }
  app.port.store(port);  // before serving: the Host check needs it
  std::printf("http://%s:%d\n", kHost, port);
  std::fflush(stdout);

  std::atomic<bool> done{false};
  std::atomic<bool> signaled{false};
  std::thread waiter([&] {
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    signaled.store(true);
    app.faults.Shutdown();  // ends held requests and added latency early
    // stop() is a no-op until the accept loop runs, so repeat it until it has
    // returned.
    while (!done.load()) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  server.listen_after_bind();
  done.store(true);
  const bool stopped_by_signal = signaled.load();
  if (!stopped_by_signal) pthread_kill(waiter.native_handle(), SIGTERM);  // wake the waiter
  waiter.join();
  if (!stopped_by_signal) {
    std::fprintf(stderr, "orgiam-sandbox: the server stopped unexpectedly\n");
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace orgiam::sandbox

int main(int argc, char** argv) { return orgiam::sandbox::Run(argc, argv); }
