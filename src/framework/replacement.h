#ifndef ORGIAM_FRAMEWORK_REPLACEMENT_H_
#define ORGIAM_FRAMEWORK_REPLACEMENT_H_

// Replacements that Resource::ModifyPlan decides, for reasons a schema cannot declare (an
// instant that changed, a credential that expired).

#include <string>

#include "cty/value.h"
#include "framework/resource.h"
#include "framework/schema.h"

namespace orgiam::framework {

// Plans the replacement of the object. As the engine does for a requires_replace change,
// every computed attribute the configuration leaves null (defaults aside) becomes unknown: it
// belongs to the old object. `because` is the attribute reported as forcing the replacement;
// Terraform replaces only for an attribute whose planned value differs from the prior, so when
// it does not, `id` (unknown by now) is reported instead. Does nothing on a create.
void PlanReplacement(const Schema& schema, const PlanRequest& request, cty::Value* planned,
                     const std::string& because);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_REPLACEMENT_H_
