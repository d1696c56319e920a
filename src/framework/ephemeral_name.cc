#include "framework/ephemeral_name.h"

#include <random>

#include "absl/strings/str_cat.h"

namespace orgiam::framework {

std::string GeneratedEphemeralName() {
  std::random_device device;
  std::mt19937_64 generator(device());
  return absl::StrCat("orgiam-ephemeral-",
                      absl::Hex(generator() & 0xffffffffffffULL, absl::kZeroPad12));
}

}  // namespace orgiam::framework
