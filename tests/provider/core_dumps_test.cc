// DisableCoreDumps leaves the process without core dumps: not dumpable, RLIMIT_CORE 0. Checked
// in a child process, which keeps the test binary itself dumpable.

#include "plugin/core_dumps.h"

#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <cstdlib>

namespace orgiam::plugin {
namespace {

TEST(CoreDumpsTest, DisablesCoreDumps) {
  EXPECT_EXIT(
      {
        if (!DisableCoreDumps().ok()) std::_Exit(1);
        if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) std::_Exit(2);
        rlimit core{};
        if (getrlimit(RLIMIT_CORE, &core) != 0 || core.rlim_cur != 0 || core.rlim_max != 0) {
          std::_Exit(3);
        }
        std::_Exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace orgiam::plugin
