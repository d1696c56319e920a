#ifndef ORGIAM_SANDBOX_HTTPLIB_WRAP_H_
#define ORGIAM_SANDBOX_HTTPLIB_WRAP_H_

// cpp-httplib is not warning-clean under -Wall -Wextra -Werror; it is also
// included through a SYSTEM include directory by CMake, and this pragma keeps
// it quiet for any other build.
#pragma GCC system_header
#include <httplib.h>  // IWYU pragma: export

#endif  // ORGIAM_SANDBOX_HTTPLIB_WRAP_H_
