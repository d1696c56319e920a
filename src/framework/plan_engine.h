#ifndef ORGIAM_FRAMEWORK_PLAN_ENGINE_H_
#define ORGIAM_FRAMEWORK_PLAN_ENGINE_H_

// The generic half of PlanResourceChange and ApplyResourceChange, shared by every resource.
// It enforces Terraform's plan/apply contract (what Terraform 1.11 checks in
// internal/plans/objchange, AssertPlanValid and AssertObjectCompatible; described in its
// docs/resource-instance-change-lifecycle.md) so that resource implementations only decide
// what the API needs:
//   - computed attributes left null by the configuration become unknown on create, keep their
//     prior value on update when they are use_state_for_unknown, and become unknown
//     otherwise if the object changes;
//   - configured values, unknown ones included, pass through untouched;
//   - optional+computed defaults are planned when the configuration leaves them null;
//   - write-only attributes are null in every value returned to Terraform;
//   - requires_replace attributes that change are reported for replacement;
//   - the same inputs always produce the same plan.

#include <vector>

#include "cty/path.h"
#include "cty/value.h"
#include "framework/diagnostics.h"
#include "framework/resource.h"
#include "framework/schema.h"

namespace orgiam::framework {

struct PlannedChange {
  cty::Value planned;
  std::vector<cty::Path> requires_replace;
};

PlannedChange PlanChange(const Schema& schema, const Resource& resource, const cty::Value& prior,
                         const cty::Value& proposed, const cty::Value& config,
                         Diagnostics* diagnostics);

// Dispatches to Create / Update / Delete and makes the result conform: planned known values
// kept, no unknowns left, write-only attributes null. On failure the returned value is the
// partial state to keep (a failed create that produced an object comes back non-null, so
// Terraform taints it rather than losing it).
cty::Value ApplyChange(const Schema& schema, Resource& resource, const cty::Value& prior,
                       const cty::Value& planned, const cty::Value& config,
                       Diagnostics* diagnostics);

// Makes a value read from the API fit for Terraform: write-only attributes nulled and
// unknowns (which must never leave Read) replaced by nulls.
cty::Value ConformState(const Schema& schema, const cty::Value& state);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_PLAN_ENGINE_H_
