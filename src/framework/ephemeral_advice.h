#ifndef ORGIAM_FRAMEWORK_EPHEMERAL_ADVICE_H_
#define ORGIAM_FRAMEWORK_EPHEMERAL_ADVICE_H_

// The error for an ephemeral resource opened for a parent object (a user, an account) that
// does not exist. Terraform opens an ephemeral resource at plan time as soon as its arguments
// are known, even when they come from a resource of the same configuration that is only
// about to be created; it defers the open to the apply only when an argument is unknown.
// So the usual cause is an argument taken from the parent's configured name, and the fix is
// to take it from the parent's `id`, which stays unknown until the create.

#include <string>

#include "absl/status/status.h"
#include "framework/diagnostics.h"

namespace orgiam::framework {

struct MissingParent {
  std::string summary;      // e.g. "Could not mint the MotherDuck access token"
  std::string parent;       // how the vendor's object is named, e.g. "MotherDuck account ci"
  std::string argument;     // the ephemeral resource's argument naming it, e.g. "username"
  std::string parent_type;  // the managed resource type that creates it
};

// The error for an open that failed with `status`: when `parent_missing` (the vendor says
// the parent is not there), one error on `argument` that says the parent does not exist (yet)
// and how to make Terraform open the ephemeral resource after the parent's create; otherwise
// `status` under `missing.summary`.
void AddOpenFailure(Diagnostics* diagnostics, const absl::Status& status, bool parent_missing,
                    const MissingParent& missing);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_EPHEMERAL_ADVICE_H_
