#include "framework/import_advice.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace orgiam::framework {

void AddAlreadyExists(Diagnostics* diagnostics, const std::string& summary,
                      const std::string& message, const std::string& type_name,
                      const std::string& import_id) {
  // The id goes into an HCL string: quotes and backslashes escaped.
  const std::string hcl_id = absl::StrReplaceAll(import_id, {{"\\", "\\\\"}, {"\"", "\\\""}});
  diagnostics->AddError(
      std::string(summary),
      absl::StrCat(message,
                   ".\n\norgiam creates only what it can prove is its own, so it did not "
                   "adopt, change or delete it. To manage this object with Terraform, import "
                   "it (NAME is the resource's name in your configuration):\n\n  terraform "
                   "import ",
                   type_name, ".NAME '", import_id,
                   "'\n\nor add an import block:\n\n  import {\n    to = ", type_name,
                   ".NAME\n    id = \"", hcl_id,
                   "\"\n  }\n\nIf an earlier apply failed on this create with \"outcome "
                   "unknown\", this is most likely the object it made. Otherwise choose a name "
                   "that is not taken."));
}

void AddCreateFailure(Diagnostics* diagnostics, const absl::Status& status,
                      const std::string& summary, const std::string& type_name,
                      const std::function<std::string(const util::ExistingObject&)>& import_id) {
  if (const std::optional<util::ExistingObject> existing = util::ExistingObjectOf(status)) {
    AddAlreadyExists(diagnostics, summary, std::string(status.message()), type_name,
                     import_id ? import_id(*existing) : existing->id);
    return;
  }
  diagnostics->AddStatus(status, std::string(summary));
}

}  // namespace orgiam::framework
