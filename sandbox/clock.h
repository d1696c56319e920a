#ifndef ORGIAM_SANDBOX_CLOCK_H_
#define ORGIAM_SANDBOX_CLOCK_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgiam::sandbox {

// The sandbox clock: real time plus an offset that tests move with POST
// /_sandbox/clock. Every timestamp the vendors' APIs show, and invitation
// expiry, use it. Times are microseconds since the Unix epoch.
class Clock {
 public:
  std::int64_t NowMicros() const;
  std::int64_t OffsetSeconds() const { return offset_s_.load(); }
  void SetOffsetSeconds(std::int64_t seconds) { offset_s_.store(seconds); }
  void Advance(std::int64_t seconds) { offset_s_.fetch_add(seconds); }

 private:
  std::atomic<std::int64_t> offset_s_{0};
};

inline constexpr std::int64_t kMicrosPerSecond = 1'000'000;

// "2026-11-23T13:40:00+00:00" (Vultr).
std::string FormatVultrTime(std::int64_t micros);
// "2026-11-23T13:40:00.123456Z" (ZITADEL, protobuf Timestamp JSON).
std::string FormatRfc3339Micros(std::int64_t micros);
// "2026-11-23T13:40:00.123Z" (MotherDuck, JavaScript Date#toISOString).
std::string FormatRfc3339Millis(std::int64_t micros);

// Parses RFC 3339 ("2026-11-23T13:40:00Z", "...T13:40:00.5+02:00"); nullopt
// when malformed.
std::optional<std::int64_t> ParseRfc3339(std::string_view text);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_CLOCK_H_
