#include "framework/ephemeral_advice.h"

#include "absl/strings/str_cat.h"
#include "cty/path.h"

namespace orgiam::framework {

void AddOpenFailure(Diagnostics* diagnostics, const absl::Status& status, bool parent_missing,
                    const MissingParent& missing) {
  if (!parent_missing) {
    diagnostics->AddStatus(status, missing.summary);
    return;
  }
  diagnostics->AddError(
      missing.summary,
      absl::StrCat(
          "The ", missing.parent,
          " does not exist (yet). If this configuration creates it, the parent is not "
          "created yet: Terraform opens an ephemeral resource during the plan as soon as its "
          "arguments are known, which is before the create. Set ",
          missing.argument, " from the parent's id (", missing.argument, " = ", missing.parent_type,
          ".NAME.id): the id is known only after the create, so Terraform opens this "
          "ephemeral resource after it."),
      cty::Path().Attr(missing.argument));
}

}  // namespace orgiam::framework
