#ifndef ORGIAM_VULTR_VULTR_TIME_H_
#define ORGIAM_VULTR_VULTR_TIME_H_

// Vultr's timestamps ("2026-11-23T13:40:00+00:00", RFC 3339) as instants, so that values
// written differently but meaning the same moment compare equal.

#include <optional>
#include <string>

#include "absl/time/time.h"

namespace orgiam::vultr {

// std::nullopt for empty or unparsable text.
std::optional<absl::Time> ParseVultrTime(const std::string& text);

// True when `text` parses to an instant before now; false for empty or unparsable text.
bool VultrTimeHasPassed(const std::string& text);

// True when both parse to the same instant (or are textually equal).
bool SameVultrTime(const std::string& a, const std::string& b);

// "2026-11-23T13:40:00Z".
std::string FormatVultrTime(absl::Time time);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_VULTR_TIME_H_
