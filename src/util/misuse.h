#ifndef ORGIAM_UTIL_MISUSE_H_
#define ORGIAM_UTIL_MISUSE_H_

// One way for provider code to report a programming error (a misspelt attribute name, a type
// without a schema) that it cannot turn into a user mistake.
//
// Strict mode aborts at once with the message on stderr, so a test or a debug build stops at
// the faulty line. It is on when the build has no NDEBUG, or when the environment holds
// ORGIAM_STRICT=1. The tests' CTest files set ORGIAM_STRICT=1 for every test they run
// (tests/strict_checks.cmake); Terraform passes it on to the provider the e2e tests start.
//
// Otherwise (a release provider in a user's hands) the report is recorded for the calling
// thread and the caller carries on with a harmless fallback; the tfproto layer turns what was
// recorded into an error diagnostic of the RPC that the thread answers next ("internal error
// in the provider ... please report"). A gRPC handler runs a request on one thread, so the
// report reaches the request that caused it.
//
// Lives in util (not framework) because cty, below framework, reports through it too.

#include <string>
#include <vector>

namespace orgiam::util {

// Aborts in strict mode; otherwise records `message` for this thread.
void ReportMisuse(const std::string& message);

// Whether ReportMisuse aborts. Read from the build and the environment once.
bool StrictChecks();
// Tests of the release behaviour turn strict mode off (and on again) in-process.
void SetStrictChecksForTesting(bool strict);

// The messages recorded on this thread since the last call, oldest first.
std::vector<std::string> TakeMisuseReports();

}  // namespace orgiam::util

#endif  // ORGIAM_UTIL_MISUSE_H_
