#ifndef ORGIAM_FRAMEWORK_TIME_PLAN_H_
#define ORGIAM_FRAMEWORK_TIME_PLAN_H_

// Plans that depend on times, the same for every vendor: a configured time replaces the
// object only when it names another instant, and a managed credential whose expiry has passed
// is planned for re-creation with a warning that says so.

#include <string>

#include "absl/time/time.h"
#include "cty/value.h"
#include "framework/diagnostics.h"
#include "framework/resource.h"
#include "framework/schema.h"

namespace orgiam::framework {

// For a configurable RFC 3339 attribute whose change replaces the object. Its schema leaves
// `requires_replace` off (the engine compares spellings); this replaces only when prior and
// planned denote different instants at `precision` (null and a time differ; unknown differs
// from everything). Another spelling of the same instant stays an in-place change that the
// resource's Update carries out without a request.
void ReplaceWhenInstantChanges(const Schema& schema, const PlanRequest& request,
                               cty::Value* planned, const std::string& attribute,
                               absl::Duration precision);

// An expiring credential, as PlanRecreationWhenExpired reads it.
struct ExpiringCredential {
  std::string expiry_attribute;  // the RFC 3339 attribute of the state, e.g. "date_expire"
  std::string what;              // how the warning names it, e.g. "Vultr API key"
};

// When the prior state's expiry has come by `now`, plans the replacement of the credential
// (framework/replacement.h) and warns with the reason, unless it is replaced anyway. Returns
// whether it planned one. A configured expiry that has passed too is named in the warning:
// the new credential could not be created with it.
bool PlanRecreationWhenExpired(const Schema& schema, const PlanRequest& request,
                               cty::Value* planned, const ExpiringCredential& credential,
                               absl::Time now, Diagnostics* diagnostics);

// For a credential whose configurable expiry replaces it (`credential.expiry_attribute`,
// compared at `precision`): ReplaceWhenInstantChanges, then PlanRecreationWhenExpired.
void PlanConfiguredExpiry(const Schema& schema, const PlanRequest& request, cty::Value* planned,
                          const ExpiringCredential& credential, absl::Duration precision,
                          absl::Time now, Diagnostics* diagnostics);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_TIME_PLAN_H_
