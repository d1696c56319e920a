#include "vultr/vultr_time.h"

#include "absl/time/clock.h"
#include "util/rfc3339_time.h"

namespace orgiam::vultr {

bool VultrTimeHasPassed(const std::string& text) {
  return util::Rfc3339HasPassed(text, absl::Now());
}

std::string FormatVultrTime(absl::Time time) {
  return util::FormatRfc3339Utc(time, kVultrTimePrecision);
}

}  // namespace orgiam::vultr
