#ifndef ORGIAM_VULTR_VULTR_TIME_H_
#define ORGIAM_VULTR_VULTR_TIME_H_

// Vultr's timestamps ("2026-11-23T13:40:00+00:00", RFC 3339) as instants at the precision
// Vultr keeps: whole seconds (a fractional date_expire comes back truncated). Times are
// compared with util/rfc3339_time.h (shared by every vendor) at kVultrTimePrecision, e.g.
// through ObjectBuilder::SetTime.

#include <string>

#include "absl/time/time.h"

namespace orgiam::vultr {

inline constexpr absl::Duration kVultrTimePrecision = absl::Seconds(1);

// True when `text` is a time that has come; false for empty or unparsable text.
bool VultrTimeHasPassed(const std::string& text);

// "2026-11-23T13:40:00Z", to the second.
std::string FormatVultrTime(absl::Time time);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_VULTR_TIME_H_
