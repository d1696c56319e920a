#include "util/existing_object.h"

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace orgiam::util {
namespace {

constexpr char kExistingObjectUrl[] = "type.orgiam.dev/orgiam.ExistingObject";

// The payload is "<length of id>:<id><label>": no JSON text made only to be parsed again.

}  // namespace

absl::Status AlreadyExistsError(const std::string& message, const ExistingObject& existing) {
  absl::Status status = absl::AlreadyExistsError(message);
  status.SetPayload(kExistingObjectUrl,
                    absl::Cord(absl::StrCat(existing.id.size(), ":", existing.id, existing.label)));
  return status;
}

std::optional<ExistingObject> ExistingObjectOf(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kAlreadyExists) return std::nullopt;
  const auto payload = status.GetPayload(kExistingObjectUrl);
  if (!payload.has_value()) return std::nullopt;
  const std::string text(*payload);
  const size_t colon = text.find(':');
  size_t id_size = 0;
  if (colon == std::string::npos || !absl::SimpleAtoi(text.substr(0, colon), &id_size) ||
      id_size > text.size() - colon - 1) {
    return std::nullopt;
  }
  return ExistingObject{.id = text.substr(colon + 1, id_size),
                        .label = text.substr(colon + 1 + id_size)};
}

}  // namespace orgiam::util
