#ifndef ORGIAM_FRAMEWORK_DIAGNOSTICS_H_
#define ORGIAM_FRAMEWORK_DIAGNOSTICS_H_

// Diagnostics are how everything the user should read reaches Terraform: errors and warnings,
// optionally attached to an attribute path so Terraform can point at the configuration line.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "cty/path.h"

namespace orgiam::framework {

struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::string summary;
  std::string detail;
  std::optional<cty::Path> attribute;
};

class Diagnostics {
 public:
  void AddError(std::string summary, std::string detail,
                std::optional<cty::Path> attribute = std::nullopt);
  void AddWarning(std::string summary, std::string detail,
                  std::optional<cty::Path> attribute = std::nullopt);
  // Adds an error whose detail is the status message (for internal failures that the user
  // still needs to see, e.g. an API error already phrased for people).
  void AddStatus(const absl::Status& status, std::string summary,
                 std::optional<cty::Path> attribute = std::nullopt);
  void Append(const Diagnostics& other);

  bool HasError() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_DIAGNOSTICS_H_
