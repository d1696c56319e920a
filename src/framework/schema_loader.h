#ifndef ORGIAM_FRAMEWORK_SCHEMA_LOADER_H_
#define ORGIAM_FRAMEWORK_SCHEMA_LOADER_H_

// Parses one schema document (the format of schemas/*.json) into the schema model.

#include <string_view>

#include "absl/status/statusor.h"
#include "framework/schema.h"

namespace orgiam::framework {

absl::StatusOr<Schema> LoadSchema(std::string_view json_text);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_SCHEMA_LOADER_H_
