#ifndef ORGIAM_FRAMEWORK_CONFIG_VALIDATION_H_
#define ORGIAM_FRAMEWORK_CONFIG_VALIDATION_H_

// Enforces a schema's declared rules on a configuration value. Terraform has already checked
// types and required attributes; this adds validators, exactly_one_of groups and write-only
// permission. Unknown values are skipped: they are validated again once known.

#include "cty/value.h"
#include "framework/diagnostics.h"
#include "framework/schema.h"

namespace orgiam::framework {

struct ValidationOptions {
  // From ClientCapabilities.write_only_attributes_allowed (Terraform 1.11+).
  bool write_only_allowed = true;
};

void ValidateConfig(const Schema& schema, const cty::Value& config,
                    const ValidationOptions& options, Diagnostics* diagnostics);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_CONFIG_VALIDATION_H_
