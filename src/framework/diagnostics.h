#ifndef ORGIAM_FRAMEWORK_DIAGNOSTICS_H_
#define ORGIAM_FRAMEWORK_DIAGNOSTICS_H_

// Diagnostics are how everything the user should read reaches Terraform: errors and warnings,
// optionally attached to an attribute path so Terraform can point at the configuration line.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

// Bounds on what one diagnostic carries to Terraform: an API error echoed into a detail can be
// any length, and Terraform prints all of it.
inline constexpr size_t kMaxDiagnosticSummaryBytes = 1024;
inline constexpr size_t kMaxDiagnosticDetailBytes = 8 * 1024;

// `text` as it may go into a protobuf string field: valid UTF-8 (each ill-formed sequence
// replaced by U+FFFD) and at most `max_bytes` long. Longer text is cut on a character boundary
// and ends with a note saying how many bytes were left out.
std::string WireText(std::string_view text, size_t max_bytes);

// Untrusted text (an id, a name) quoted for a diagnostic: between double quotes, at most
// `max_chars` characters of it, with quotes, backslashes, control and invisible formatting
// characters escaped (\", \\, \n, \x00, \u0085, \u202e) and each ill-formed byte shown as
// \xNN; "..." follows the closing quote when the text was cut.
std::string QuotedExcerpt(std::string_view text, size_t max_chars = 64);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_DIAGNOSTICS_H_
