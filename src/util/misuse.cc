#include "util/misuse.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace orgiam::util {
namespace {

bool StrictFromBuildAndEnvironment() {
#ifndef NDEBUG
  return true;
#else
  const char* strict = std::getenv("ORGIAM_STRICT");
  return strict != nullptr && std::strcmp(strict, "1") == 0;
#endif
}

std::atomic<bool>& Strict() {
  static std::atomic<bool> strict{StrictFromBuildAndEnvironment()};
  return strict;
}

std::vector<std::string>& Reports() {
  thread_local std::vector<std::string> reports;
  return reports;
}

}  // namespace

void ReportMisuse(const std::string& message) {
  if (StrictChecks()) {
    std::fprintf(stderr, "orgiam: internal error (misuse): %s\n", message.c_str());
    std::fflush(stderr);
    std::abort();
  }
  // Bounded: a loop over a misspelt name must not grow memory without end.
  std::vector<std::string>& reports = Reports();
  if (reports.size() < 16) reports.push_back(message);
}

bool StrictChecks() { return Strict().load(std::memory_order_relaxed); }

void SetStrictChecksForTesting(bool strict) { Strict().store(strict, std::memory_order_relaxed); }

std::vector<std::string> TakeMisuseReports() {
  std::vector<std::string> taken;
  taken.swap(Reports());
  return taken;
}

}  // namespace orgiam::util
