#ifndef ORGIAM_FRAMEWORK_IMPORT_ADVICE_H_
#define ORGIAM_FRAMEWORK_IMPORT_ADVICE_H_

// The error for a create whose name is taken by an object this apply did not make: orgiam
// never adopts, changes or deletes it, and says how to bring it under Terraform instead.

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "framework/diagnostics.h"
#include "util/existing_object.h"

namespace orgiam::framework {

// Adds one error: `summary`, then `message` (which names the existing object), then the
// `terraform import` command and the `import` block for a resource of `type_name` with
// `import_id`.
void AddAlreadyExists(Diagnostics* diagnostics, const std::string& summary,
                      const std::string& message, const std::string& type_name,
                      const std::string& import_id);

// The error for a failed create, titled `summary`: the import advice above when the status is
// util::AlreadyExistsError (`import_id` maps the object it names to the resource's import
// id; null: its id as is), else the status's own message.
void AddCreateFailure(
    Diagnostics* diagnostics, const absl::Status& status, const std::string& summary,
    const std::string& type_name,
    const std::function<std::string(const util::ExistingObject&)>& import_id = nullptr);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_IMPORT_ADVICE_H_
