#include "plugin/socket_dir.h"

#include <grp.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace orgiam::plugin {
namespace {

std::string BaseDirectory() {
  for (const char* var : {"PLUGIN_UNIX_SOCKET_DIR", "TMPDIR"}) {
    const char* value = std::getenv(var);
    if (value != nullptr && value[0] != '\0') return value;
  }
  return "/tmp";
}

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

}  // namespace

absl::StatusOr<std::unique_ptr<SocketDir>> SocketDir::Create() {
  std::string base = BaseDirectory();
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  std::string pattern = absl::StrCat(base, "/orgiam-plugin-XXXXXX");
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) return ErrnoError("mkdtemp", pattern);
  std::string dir(buffer.data());
  if (dir.front() != '/') {
    // Terraform needs an absolute socket path; resolve a relative TMPDIR now.
    char* absolute = realpath(dir.c_str(), nullptr);
    if (absolute == nullptr) {
      absl::Status status = ErrnoError("realpath", dir);
      rmdir(dir.c_str());
      return status;
    }
    dir = absolute;
    std::free(absolute);
  }
  auto result = std::unique_ptr<SocketDir>(new SocketDir(std::move(dir)));
  if (result->socket_path().size() >= sizeof(sockaddr_un::sun_path)) {
    return absl::FailedPreconditionError(
        absl::StrCat("unix socket path too long (", result->socket_path().size(),
                     " bytes); set PLUGIN_UNIX_SOCKET_DIR or TMPDIR to a shorter "
                     "directory"));
  }
  return result;
}

SocketDir::SocketDir(std::string dir)
    : dir_(std::move(dir)), socket_path_(absl::StrCat(dir_, "/plugin.sock")) {}

SocketDir::~SocketDir() { Remove(); }

absl::Status SocketDir::ApplySocketGroup() const {
  const char* group = std::getenv("PLUGIN_UNIX_SOCKET_GROUP");
  if (group == nullptr || group[0] == '\0') return absl::OkStatus();
  gid_t gid = 0;
  if (!absl::SimpleAtoi(group, &gid)) {
    struct group* entry = getgrnam(group);
    if (entry == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("PLUGIN_UNIX_SOCKET_GROUP: unknown group ", group));
    }
    gid = entry->gr_gid;
  }
  if (chown(dir_.c_str(), static_cast<uid_t>(-1), gid) != 0) return ErrnoError("chown", dir_);
  if (chmod(dir_.c_str(), 0750) != 0) return ErrnoError("chmod", dir_);
  if (chown(socket_path_.c_str(), static_cast<uid_t>(-1), gid) != 0) {
    return ErrnoError("chown", socket_path_);
  }
  if (chmod(socket_path_.c_str(), 0660) != 0) return ErrnoError("chmod", socket_path_);
  return absl::OkStatus();
}

void SocketDir::Remove() {
  if (removed_) return;
  removed_ = true;
  // Only our socket can be in here; anything else would make rmdir fail, which
  // is the safe outcome (we never delete files we did not create).
  unlink(socket_path_.c_str());
  rmdir(dir_.c_str());
}

}  // namespace orgiam::plugin
