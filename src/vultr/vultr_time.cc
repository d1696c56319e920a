#include "vultr/vultr_time.h"

#include "absl/time/clock.h"

namespace orgiam::vultr {

std::optional<absl::Time> ParseVultrTime(const std::string& text) {
  if (text.empty()) return std::nullopt;
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &time, &error)) return std::nullopt;
  return time;
}

bool SameVultrTime(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::optional<absl::Time> first = ParseVultrTime(a);
  std::optional<absl::Time> second = ParseVultrTime(b);
  return first && second && *first == *second;
}

std::string FormatVultrTime(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}

bool VultrTimeHasPassed(const std::string& text) {
  const std::optional<absl::Time> when = ParseVultrTime(text);
  return when && *when < absl::Now();
}

}  // namespace orgiam::vultr
