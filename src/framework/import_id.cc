#include "framework/import_id.h"

#include <utility>

namespace orgiam::framework {

std::optional<ParentChildId> SplitImportId(std::string_view id, std::string_view form,
                                           std::string_view hint, Diagnostics* diagnostics) {
  const size_t slash = id.find('/');
  if (slash != std::string_view::npos && slash > 0 && slash + 1 < id.size() &&
      id.find('/', slash + 1) == std::string_view::npos) {
    return ParentChildId{.parent = std::string(id.substr(0, slash)),
                         .child = std::string(id.substr(slash + 1))};
  }
  std::string detail = "Expected " + std::string(form) + ", got " + QuotedExcerpt(id) + ".";
  if (!hint.empty()) detail += " " + std::string(hint);
  diagnostics->AddError("Invalid import id", std::move(detail));
  return std::nullopt;
}

}  // namespace orgiam::framework
