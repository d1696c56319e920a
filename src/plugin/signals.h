#ifndef ORGIAM_PLUGIN_SIGNALS_H_
#define ORGIAM_PLUGIN_SIGNALS_H_

// Signal policy of the plugin process.
//
// go-plugin servers ignore SIGINT: Ctrl-C reaches the whole process group, and
// Terraform itself sequences the stop (StopProvider, then
// GRPCController/Shutdown). Dying on SIGINT would turn in-flight calls into
// "Plugin did not respond". SIGTERM means a clean exit. SIGPIPE is ignored so
// that a closed peer is an error return, not a crash.
//
// The stop signals are blocked in every thread and read from a signalfd by one
// watcher thread, so no work runs in async-signal context. Optionally the
// watcher also notices the death of the parent process (a killed Terraform), so
// that no orphan keeps its socket.

#include <functional>
#include <memory>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace orgiam::plugin {

struct SignalOptions {
  // Debug mode: SIGINT stops the process (a human is at the terminal).
  bool stop_on_sigint = false;
  // Plugin mode: stop when the parent process exits.
  bool watch_parent = false;
};

class SignalWatcher {
 public:
  using StopFn = std::function<void(absl::string_view reason)>;

  // Must run before any other thread is created, so that every thread inherits
  // the mask.
  static absl::StatusOr<std::unique_ptr<SignalWatcher>> Start(const SignalOptions& options,
                                                              StopFn on_stop);

  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;
  // Stops and joins the watcher thread.
  ~SignalWatcher();

 private:
  SignalWatcher(int signal_fd, int wake_fd, int parent_fd, StopFn on_stop);
  void Run();

  const int signal_fd_;
  const int wake_fd_;    // eventfd written by the destructor
  const int parent_fd_;  // pidfd of the parent, or -1
  StopFn on_stop_;
  std::thread thread_;
};

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_SIGNALS_H_
