#include "framework/time_plan.h"

#include "absl/strings/str_cat.h"
#include "framework/object_builder.h"
#include "framework/replacement.h"
#include "util/rfc3339_time.h"

namespace orgiam::framework {
namespace {

bool SameTimeValue(const cty::Value& a, const cty::Value& b, absl::Duration precision) {
  if (!a.IsKnown() || !b.IsKnown()) return false;
  if (a.IsNull() || b.IsNull()) return a.IsNull() && b.IsNull();
  return util::SameInstant(a.AsString(), b.AsString(), precision);
}

}  // namespace

void ReplaceWhenInstantChanges(const Schema& schema, const PlanRequest& request,
                               cty::Value* planned, const std::string& attribute,
                               absl::Duration precision) {
  if (request.prior.IsNull() || planned->IsNull()) return;
  if (SameTimeValue(request.prior.GetAttr(attribute), planned->GetAttr(attribute), precision)) {
    return;
  }
  PlanReplacement(schema, request, planned, attribute);
}

bool PlanRecreationWhenExpired(const Schema& schema, const PlanRequest& request,
                               cty::Value* planned, const ExpiringCredential& credential,
                               absl::Time now, Diagnostics* diagnostics) {
  if (request.prior.IsNull() || planned->IsNull() || request.requires_replace == nullptr) {
    return false;
  }
  const std::string expiry = GetString(request.prior, credential.expiry_attribute);
  if (!util::Rfc3339HasPassed(expiry, now)) return false;
  if (!request.requires_replace->empty()) return false;  // replaced anyway
  PlanReplacement(schema, request, planned, credential.expiry_attribute);
  std::string detail =
      absl::StrCat("The ", credential.what, " ", GetString(request.prior, "id"), " expired at ",
                   expiry, " (", credential.expiry_attribute,
                   "): it no longer works, so Terraform plans to replace it with a new one.");
  const std::string configured = GetString(request.config, credential.expiry_attribute);
  if (util::Rfc3339HasPassed(configured, now)) {
    absl::StrAppend(&detail, " The configured ", credential.expiry_attribute, " (", configured,
                    ") has passed as well: set a later one (or remove it), or the new ",
                    credential.what, " cannot be created.");
  }
  diagnostics->AddWarning(absl::StrCat("Expired ", credential.what, ": a new one is planned"),
                          detail);
  return true;
}

void PlanConfiguredExpiry(const Schema& schema, const PlanRequest& request, cty::Value* planned,
                          const ExpiringCredential& credential, absl::Duration precision,
                          absl::Time now, Diagnostics* diagnostics) {
  ReplaceWhenInstantChanges(schema, request, planned, credential.expiry_attribute, precision);
  PlanRecreationWhenExpired(schema, request, planned, credential, now, diagnostics);
}

}  // namespace orgiam::framework
