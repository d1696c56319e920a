#include "framework/diagnostics.h"

#include <utility>

namespace orgiam::framework {

void Diagnostics::AddError(std::string summary, std::string detail,
                           std::optional<cty::Path> attribute) {
  items_.push_back(Diagnostic{Diagnostic::Severity::kError, std::move(summary), std::move(detail),
                              std::move(attribute)});
}

void Diagnostics::AddWarning(std::string summary, std::string detail,
                             std::optional<cty::Path> attribute) {
  items_.push_back(Diagnostic{Diagnostic::Severity::kWarning, std::move(summary), std::move(detail),
                              std::move(attribute)});
}

void Diagnostics::AddStatus(const absl::Status& status, std::string summary,
                            std::optional<cty::Path> attribute) {
  AddError(std::move(summary), std::string(status.message()), std::move(attribute));
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasError() const {
  for (const Diagnostic& d : items_) {
    if (d.severity == Diagnostic::Severity::kError) return true;
  }
  return false;
}

}  // namespace orgiam::framework
