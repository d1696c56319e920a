#include "util/random_secret.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <string_view>

#include "absl/strings/ascii.h"

namespace orgiam::util {
namespace {

constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kDigits = "0123456789";
// No quotes, backslashes or spaces: the password may pass through shells and JSON by hand.
constexpr std::string_view kSymbols = "!#%*+-=?@^_";

bool FillRandom(uint8_t* bytes, size_t count) {
  size_t filled = 0;
  while (filled < count) {
    const ssize_t got = getrandom(bytes + filled, count - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    filled += static_cast<size_t>(got);
  }
  return true;
}

bool HasEach(const std::string& password) {
  bool lower = false, upper = false, digit = false, symbol = false;
  for (char c : password) {
    const unsigned char byte = static_cast<unsigned char>(c);
    lower = lower || absl::ascii_islower(byte);
    upper = upper || absl::ascii_isupper(byte);
    digit = digit || absl::ascii_isdigit(byte);
    symbol = symbol || kSymbols.find(c) != std::string_view::npos;
  }
  return lower && upper && digit && symbol;
}

}  // namespace

absl::StatusOr<std::string> RandomPassword(int length) {
  if (length < 4) return absl::InvalidArgumentError("a password needs at least 4 characters");
  std::string alphabet;
  alphabet.append(kLower).append(kUpper).append(kDigits).append(kSymbols);
  // Bytes at or above the largest multiple of the alphabet size are skipped: no modulo bias.
  const unsigned limit = 256 - 256 % alphabet.size();
  // Redrawn while a class is missing (rejection keeps every such password equally likely). With
  // 40 characters a redraw is rare; the shortest, 4, meets all four classes in about one draw
  // in 16, so 64 rounds would still fail about once in 60 calls. 4096 rounds leave a failure
  // probability below 1e-100 at any length, at the cost of one getrandom call per round.
  for (int round = 0; round < 4096; ++round) {
    std::string password;
    uint8_t bytes[256];
    while (password.size() < static_cast<size_t>(length)) {
      if (!FillRandom(bytes, sizeof(bytes))) {
        return absl::UnavailableError("the kernel gave no randomness (getrandom failed)");
      }
      for (uint8_t byte : bytes) {
        if (byte >= limit || password.size() >= static_cast<size_t>(length)) continue;
        password.push_back(alphabet[byte % alphabet.size()]);
      }
    }
    if (HasEach(password)) return password;
  }
  return absl::UnavailableError("could not draw a password with every character class");
}

}  // namespace orgiam::util
