#include "plugin/signals.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace orgiam::plugin {
namespace {

// pidfd_open(2); glibc 2.36 has a wrapper but older headers may not, so use the
// syscall.
int OpenParentPidFd() {
#ifdef SYS_pidfd_open
  const pid_t parent = getppid();
  if (parent <= 1) return -1;  // already orphaned, or started by init: nothing to watch
  const int fd = static_cast<int>(syscall(SYS_pidfd_open, parent, 0));
  if (fd < 0) return -1;
  // The parent may have died between getppid() and pidfd_open(): re-check.
  if (getppid() != parent) {
    close(fd);
    return -1;
  }
  return fd;
#else
  return -1;
#endif
}

}  // namespace

absl::StatusOr<std::unique_ptr<SignalWatcher>> SignalWatcher::Start(const SignalOptions& options,
                                                                    StopFn on_stop) {
  std::signal(SIGPIPE, SIG_IGN);
  if (!options.stop_on_sigint) std::signal(SIGINT, SIG_IGN);

  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  if (options.stop_on_sigint) sigaddset(&set, SIGINT);
  if (int err = pthread_sigmask(SIG_BLOCK, &set, nullptr); err != 0) {
    return absl::InternalError(absl::StrCat("pthread_sigmask: ", std::strerror(err)));
  }
  const int signal_fd = signalfd(-1, &set, SFD_CLOEXEC);
  if (signal_fd < 0) {
    return absl::InternalError(absl::StrCat("signalfd: ", std::strerror(errno)));
  }
  const int wake_fd = eventfd(0, EFD_CLOEXEC);
  if (wake_fd < 0) {
    const int saved = errno;
    close(signal_fd);
    return absl::InternalError(absl::StrCat("eventfd: ", std::strerror(saved)));
  }
  const int parent_fd = options.watch_parent ? OpenParentPidFd() : -1;
  return std::unique_ptr<SignalWatcher>(
      new SignalWatcher(signal_fd, wake_fd, parent_fd, std::move(on_stop)));
}

SignalWatcher::SignalWatcher(int signal_fd, int wake_fd, int parent_fd, StopFn on_stop)
    : signal_fd_(signal_fd),
      wake_fd_(wake_fd),
      parent_fd_(parent_fd),
      on_stop_(std::move(on_stop)),
      thread_([this] { Run(); }) {}

SignalWatcher::~SignalWatcher() {
  const uint64_t one = 1;
  // Cannot fail for an eventfd we own whose counter is far from overflow.
  (void)!write(wake_fd_, &one, sizeof(one));
  thread_.join();
  close(signal_fd_);
  close(wake_fd_);
  if (parent_fd_ >= 0) close(parent_fd_);
}

void SignalWatcher::Run() {
  pollfd fds[3] = {{signal_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}, {parent_fd_, POLLIN, 0}};
  const nfds_t count = parent_fd_ >= 0 ? 3 : 2;
  bool parent_reported = false;
  while (true) {
    if (poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    if (fds[0].revents & POLLIN) {
      signalfd_siginfo info;
      if (read(signal_fd_, &info, sizeof(info)) == sizeof(info)) {
        on_stop_(info.ssi_signo == SIGINT ? "SIGINT" : "SIGTERM");
      }
    }
    if (count == 3 && (fds[2].revents & POLLIN) && !parent_reported) {
      parent_reported = true;
      fds[2].fd = -1;  // poll ignores negative descriptors from now on
      on_stop_("parent process exited");
    }
  }
}

}  // namespace orgiam::plugin
