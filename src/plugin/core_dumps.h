#ifndef ORGIAM_PLUGIN_CORE_DUMPS_H_
#define ORGIAM_PLUGIN_CORE_DUMPS_H_

// The provider process holds vendor tokens and freshly created secrets in memory: a core dump
// would write them to disk. Start-up therefore turns core dumps off for the whole process.

#include "absl/status/status.h"

namespace orgiam::plugin {

// setrlimit(RLIMIT_CORE, 0) and prctl(PR_SET_DUMPABLE, 0). Non-dumpable also keeps other
// processes of the same user from reading /proc/<pid>/mem and /proc/<pid>/environ or
// attaching with ptrace. Both settings are kept by threads started later. An error names the
// call that failed; the other setting is applied regardless.
absl::Status DisableCoreDumps();

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_CORE_DUMPS_H_
