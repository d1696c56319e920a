#ifndef ORGIAM_VULTR_VULTR_TIME_H_
#define ORGIAM_VULTR_VULTR_TIME_H_

// Vultr's timestamps ("2026-11-23T13:40:00+00:00", RFC 3339) as instants at the precision
// Vultr keeps: whole seconds (a fractional date_expire comes back truncated). The comparison
// itself is util/rfc3339_time.h, shared by every vendor.

#include <string>

#include "absl/time/time.h"

namespace orgiam::vultr {

inline constexpr absl::Duration kVultrTimePrecision = absl::Seconds(1);

// True when both denote the same second (or are textually equal).
bool SameVultrTime(const std::string& a, const std::string& b);

// What the state holds for `reported`, a time Vultr answered: `known` when it is the same
// second, else the canonical UTC spelling ("2026-11-23T13:40:00Z").
std::string VultrStateTime(const std::string& known, const std::string& reported);

// True when `text` is a time that has come; false for empty or unparsable text.
bool VultrTimeHasPassed(const std::string& text);

// "2026-11-23T13:40:00Z", to the second.
std::string FormatVultrTime(absl::Time time);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_VULTR_TIME_H_
