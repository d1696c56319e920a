#include "http/outcome.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"

namespace orgiam::http {
namespace {

constexpr char kOutcomeUnknownUrl[] = "type.orgiam.dev/orgiam.http.OutcomeUnknown";
constexpr char kHttpStatusUrl[] = "type.orgiam.dev/orgiam.http.HttpStatus";

}  // namespace

bool IsOutcomeUnknown(const absl::Status& status) {
  return !status.ok() && status.GetPayload(kOutcomeUnknownUrl).has_value();
}

absl::Status MarkOutcomeUnknown(absl::Status status) {
  if (!status.ok()) status.SetPayload(kOutcomeUnknownUrl, absl::Cord("1"));
  return status;
}

std::optional<int> HttpStatusOf(const absl::Status& status) {
  const auto payload = status.GetPayload(kHttpStatusUrl);
  int value = 0;
  if (!payload.has_value() || !absl::SimpleAtoi(std::string(*payload), &value)) {
    return std::nullopt;
  }
  return value;
}

absl::Status WithHttpStatus(absl::Status status, int http_status) {
  if (!status.ok()) status.SetPayload(kHttpStatusUrl, absl::Cord(std::to_string(http_status)));
  return status;
}

}  // namespace orgiam::http
