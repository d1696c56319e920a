#ifndef ORGIAM_SANDBOX_IDS_H_
#define ORGIAM_SANDBOX_IDS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgiam::sandbox {

// Random identifiers and secrets, all drawn from the kernel CSPRNG
// (getrandom(2), or /dev/urandom where it is missing). Thread-safe.
std::string NewUuid();  // RFC 4122 version 4, lower case
std::string RandomString(std::size_t length, std::string_view alphabet);
std::uint64_t RandomUint64();
// A uniform double in [0, 1).
double RandomUnit();

std::string Base64UrlEncode(std::string_view data);
std::optional<std::string> Base64UrlDecode(std::string_view text);

inline constexpr std::string_view kUpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
inline constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_IDS_H_
