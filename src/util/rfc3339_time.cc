#include "util/rfc3339_time.h"

namespace orgiam::util {
namespace {

absl::Time Truncated(absl::Time time, absl::Duration precision) {
  // absl::Floor rounds toward the past, so instants before 1970 truncate the same way.
  return absl::UnixEpoch() + absl::Floor(time - absl::UnixEpoch(), precision);
}

}  // namespace

std::optional<absl::Time> ParseRfc3339(const std::string& text) {
  if (text.empty()) return std::nullopt;
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &time, &error)) return std::nullopt;
  return time;
}

std::string FormatRfc3339Utc(absl::Time time, absl::Duration precision) {
  const char* format = "%Y-%m-%dT%H:%M:%E*SZ";
  if (precision >= absl::Seconds(1)) {
    format = "%Y-%m-%dT%H:%M:%SZ";
  } else if (precision == absl::Milliseconds(1)) {
    format = "%Y-%m-%dT%H:%M:%E3SZ";
  }
  return absl::FormatTime(format, Truncated(time, precision), absl::UTCTimeZone());
}

bool SameInstant(const std::string& a, const std::string& b, absl::Duration precision) {
  if (a == b) return true;
  const std::optional<absl::Time> first = ParseRfc3339(a);
  const std::optional<absl::Time> second = ParseRfc3339(b);
  return first && second && Truncated(*first, precision) == Truncated(*second, precision);
}

std::string StateSpelling(const std::string& known, const std::string& reported,
                          absl::Duration precision) {
  const std::optional<absl::Time> time = ParseRfc3339(reported);
  if (!time) return reported;
  if (!known.empty() && SameInstant(known, reported, precision)) return known;
  return FormatRfc3339Utc(*time, precision);
}

bool Rfc3339HasPassed(const std::string& text, absl::Time now) {
  const std::optional<absl::Time> time = ParseRfc3339(text);
  return time && *time <= now;
}

}  // namespace orgiam::util
