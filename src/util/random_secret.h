#ifndef ORGIAM_UTIL_RANDOM_SECRET_H_
#define ORGIAM_UTIL_RANDOM_SECRET_H_

// Secrets the provider makes up itself, from the kernel's CSPRNG (getrandom(2)).

#include <string>

#include "absl/status/statusor.h"

namespace orgiam::util {

// A password of `length` characters (at least 4) drawn uniformly from letters, digits and a few
// symbols, holding at least one of each of lowercase, uppercase, digit and symbol, so that it
// meets the usual complexity rules. UNAVAILABLE when the kernel cannot give randomness.
absl::StatusOr<std::string> RandomPassword(int length = 40);

}  // namespace orgiam::util

#endif  // ORGIAM_UTIL_RANDOM_SECRET_H_
