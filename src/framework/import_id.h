#ifndef ORGIAM_FRAMEWORK_IMPORT_ID_H_
#define ORGIAM_FRAMEWORK_IMPORT_ID_H_

// Import ids of an object that lives under a parent: "<parent>/<child>", e.g. a Vultr API
// key's "user_id/key_id".

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "framework/diagnostics.h"

namespace orgiam::framework {

struct ParentChildId {
  std::string parent;
  std::string child;
};

// Splits `id` at its one '/', both halves non-empty. Any other id adds one "Invalid import
// id" error that quotes it (bounded) and names the expected `form` (e.g. "user_id/key_id"),
// followed by `hint` when not empty, and returns std::nullopt.
std::optional<ParentChildId> SplitImportId(std::string_view id, std::string_view form,
                                           std::string_view hint, Diagnostics* diagnostics);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_IMPORT_ID_H_
