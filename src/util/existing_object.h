#ifndef ORGIAM_UTIL_EXISTING_OBJECT_H_
#define ORGIAM_UTIL_EXISTING_OBJECT_H_

// The error a create gives when its natural key is taken by an object it did not make. It is
// raised by the HTTP layer (http/exactly_once.h) and turned into import advice by the
// framework (framework/import_advice.h), so it lives below both.

#include <optional>
#include <string>

#include "absl/status/status.h"

namespace orgiam::util {

// One object a lookup by natural key found.
struct ExistingObject {
  std::string id;  // the vendor's id of the object
  // How messages name it, e.g. "user 5f0c… (ci@example.com)".
  std::string label;
};

// ALREADY_EXISTS carrying `existing`.
absl::Status AlreadyExistsError(const std::string& message, const ExistingObject& existing);
// The object an AlreadyExistsError names; nullopt for any other status.
std::optional<ExistingObject> ExistingObjectOf(const absl::Status& status);

}  // namespace orgiam::util

#endif  // ORGIAM_UTIL_EXISTING_OBJECT_H_
