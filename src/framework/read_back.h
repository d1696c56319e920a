#ifndef ORGIAM_FRAMEWORK_READ_BACK_H_
#define ORGIAM_FRAMEWORK_READ_BACK_H_

// The one rule of Resource::Read for an object looked up by its id, in one place:
//
//   - the vendor's own "not found" (absl::NotFoundError, which each vendor client gives only
//     for its documented 404, never for a missing route) means the object is gone:
//     std::nullopt, and Terraform plans to create it again;
//   - any other failure keeps the prior state, with the error: a transient 5xx or a garbage
//     body never changes or drops what the state holds;
//   - otherwise the caller maps what was found to the new state.

#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cty/value.h"
#include "framework/diagnostics.h"

namespace orgiam::framework {

// `to_state(const T&)` returns the new state (std::optional<cty::Value> or cty::Value).
// `failure_summary` titles the error, e.g. "Could not read the Vultr API key".
template <typename T, typename ToState>
std::optional<cty::Value> StateFromLookup(const absl::StatusOr<T>& found, const cty::Value& prior,
                                          const std::string& failure_summary,
                                          Diagnostics* diagnostics, ToState&& to_state) {
  if (absl::IsNotFound(found.status())) return std::nullopt;
  if (!found.ok()) {
    diagnostics->AddStatus(found.status(), failure_summary);
    return prior;
  }
  return std::forward<ToState>(to_state)(*found);
}

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_READ_BACK_H_
