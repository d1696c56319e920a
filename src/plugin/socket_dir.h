#ifndef ORGIAM_PLUGIN_SOCKET_DIR_H_
#define ORGIAM_PLUGIN_SOCKET_DIR_H_

// A private directory (mode 0700, from mkdtemp) that holds the plugin's unix
// socket. The directory and everything in it is removed when the object is
// destroyed.

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace orgiam::plugin {

class SocketDir {
 public:
  // Creates "<base>/orgiam-plugin-XXXXXX" where base is PLUGIN_UNIX_SOCKET_DIR,
  // else TMPDIR, else /tmp. Fails if the resulting socket path would not fit in
  // sockaddr_un.
  static absl::StatusOr<std::unique_ptr<SocketDir>> Create();

  SocketDir(const SocketDir&) = delete;
  SocketDir& operator=(const SocketDir&) = delete;
  ~SocketDir();

  const std::string& dir() const { return dir_; }
  // "<dir>/plugin.sock" (the socket itself is created by the gRPC server).
  const std::string& socket_path() const { return socket_path_; }

  // Applies PLUGIN_UNIX_SOCKET_GROUP, when set, once the socket exists: the
  // group gets access to the directory and read/write on the socket, as
  // go-plugin does.
  absl::Status ApplySocketGroup() const;

  // Removes the socket and the directory; idempotent.
  void Remove();

 private:
  explicit SocketDir(std::string dir);

  std::string dir_;
  std::string socket_path_;
  bool removed_ = false;
};

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_SOCKET_DIR_H_
