#ifndef ORGIAM_UTIL_RFC3339_TIME_H_
#define ORGIAM_UTIL_RFC3339_TIME_H_

// RFC 3339 times as instants. The vendors spell one moment in several ways
// ("2030-01-01T00:00:00+00:00", "2030-01-01T00:00:00Z", "…00.000Z"), and keep it at their own
// precision (Vultr: whole seconds). Values are compared as instants at that precision; the
// state keeps a spelling it already has, and otherwise one canonical spelling: UTC with `Z`,
// as the docs and examples write it.

#include <optional>
#include <string>

#include "absl/time/time.h"

namespace orgiam::util {

// The finest precision an instant is compared at: as precise as absl::Time.
inline constexpr absl::Duration kExactInstant = absl::Nanoseconds(1);

// std::nullopt for empty or unparsable text.
std::optional<absl::Time> ParseRfc3339(const std::string& text);

// The canonical spelling: UTC with `Z`, at `precision` (truncated): whole seconds
// "2030-01-01T00:00:00Z", milliseconds "…00.000Z" (MotherDuck's fixed three digits); at any
// other precision (ZITADEL's microseconds), fractional seconds only when there are any
// ("…00Z", "…00.5Z"), as protobuf's JSON mapping writes them without padding.
std::string FormatRfc3339Utc(absl::Time time, absl::Duration precision = kExactInstant);

// True when both denote the same instant once truncated to `precision` (or are textually
// equal, which covers two empty values).
bool SameInstant(const std::string& a, const std::string& b,
                 absl::Duration precision = kExactInstant);

// The spelling for the state of `reported`, a time the API answered: `known` (the prior or
// configured value) when it denotes the same instant at `precision`, else the canonical
// spelling of `reported` at that precision. Empty or unparsable text is kept as the API wrote it.
std::string StateSpelling(const std::string& known, const std::string& reported,
                          absl::Duration precision = kExactInstant);

// True when `text` parses to an instant not after `now`; false for empty or unparsable text.
bool Rfc3339HasPassed(const std::string& text, absl::Time now);

}  // namespace orgiam::util

#endif  // ORGIAM_UTIL_RFC3339_TIME_H_
