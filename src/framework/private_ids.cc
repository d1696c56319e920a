#include "framework/private_ids.h"

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "util/misuse.h"

namespace orgiam::framework {
namespace {

// Far above what Open writes (a few ids), and a bound on what is parsed.
constexpr size_t kMaxPrivateDataBytes = 64 * 1024;

}  // namespace

const std::string& PrivateIds::at(const std::string& name) const {
  static const std::string* const kNone = new std::string();
  const auto it = ids_.find(name);
  if (it != ids_.end()) return it->second;
  util::ReportMisuse("PrivateIds::at(\"" + name +
                     "\"): not among the ids the ephemeral resource's Close requires");
  return *kNone;
}

std::string EncodePrivateIds(const PrivateIds& ids) {
  // replace: an ill-formed byte in an id must not throw; such an id is refused by the API anyway.
  return nlohmann::json(ids.entries())
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<PrivateIds> DecodePrivateIds(std::string_view private_data,
                                           const std::vector<std::string>& required,
                                           const std::string& summary, Diagnostics* diagnostics) {
  const auto refuse = [&](const std::string& why) -> std::optional<PrivateIds> {
    diagnostics->AddError(summary, absl::StrCat("Terraform handed back private data that this "
                                                "provider did not write: ",
                                                why, "."));
    return std::nullopt;
  };
  if (private_data.size() > kMaxPrivateDataBytes) return refuse("it is too long");
  const nlohmann::json parsed = nlohmann::json::parse(private_data, nullptr, false);
  if (!parsed.is_object()) return refuse("it is not a JSON object");
  PrivateIds ids;
  for (const auto& [name, value] : parsed.items()) {
    if (value.is_string()) ids.Set(name, value.get<std::string>());
  }
  for (const std::string& name : required) {
    if (!ids.contains(name)) return refuse(absl::StrCat("it has no \"", name, "\""));
  }
  return ids;
}

}  // namespace orgiam::framework
