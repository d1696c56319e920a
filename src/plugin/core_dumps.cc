#include "plugin/core_dumps.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace orgiam::plugin {

absl::Status DisableCoreDumps() {
  absl::Status status;
  const rlimit none{.rlim_cur = 0, .rlim_max = 0};
  if (setrlimit(RLIMIT_CORE, &none) != 0) {
    status = absl::InternalError(absl::StrCat("setrlimit(RLIMIT_CORE, 0): ", std::strerror(errno)));
  }
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
    status = absl::InternalError(absl::StrCat("prctl(PR_SET_DUMPABLE, 0): ", std::strerror(errno)));
  }
  return status;
}

}  // namespace orgiam::plugin
