#include "util/existing_object.h"

#include "absl/strings/cord.h"
#include "nlohmann/json.hpp"

namespace orgiam::util {
namespace {

constexpr char kExistingObjectUrl[] = "type.orgiam.dev/orgiam.ExistingObject";

}  // namespace

absl::Status AlreadyExistsError(const std::string& message, const ExistingObject& existing) {
  absl::Status status = absl::AlreadyExistsError(message);
  const nlohmann::json payload = {{"id", existing.id}, {"label", existing.label}};
  status.SetPayload(kExistingObjectUrl, absl::Cord(payload.dump()));
  return status;
}

std::optional<ExistingObject> ExistingObjectOf(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kAlreadyExists) return std::nullopt;
  const auto payload = status.GetPayload(kExistingObjectUrl);
  if (!payload.has_value()) return std::nullopt;
  const nlohmann::json parsed = nlohmann::json::parse(std::string(*payload), nullptr, false);
  if (!parsed.is_object()) return std::nullopt;
  const auto id = parsed.find("id");
  const auto label = parsed.find("label");
  if (id == parsed.end() || label == parsed.end() || !id->is_string() || !label->is_string()) {
    return std::nullopt;
  }
  return ExistingObject{.id = id->get<std::string>(), .label = label->get<std::string>()};
}

}  // namespace orgiam::util
