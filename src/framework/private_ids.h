#ifndef ORGIAM_FRAMEWORK_PRIVATE_IDS_H_
#define ORGIAM_FRAMEWORK_PRIVATE_IDS_H_

// The private data of an ephemeral resource: the ids its Close needs to find what Open made,
// kept by Terraform between the two calls. A JSON object of strings, never a secret.

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "framework/diagnostics.h"

namespace orgiam::framework {

// The ids, by name. Read like a std::map, except that at() on a name Open did not write is a
// programming error reported through util::ReportMisuse (abort in strict mode; otherwise ""),
// never an exception into a gRPC thread.
class PrivateIds {
 public:
  PrivateIds() = default;
  PrivateIds(std::initializer_list<std::pair<const std::string, std::string>> ids) : ids_(ids) {}

  const std::string& at(const std::string& name) const;
  bool contains(const std::string& name) const { return ids_.contains(name); }
  void Set(const std::string& name, std::string value) { ids_[name] = std::move(value); }
  const std::map<std::string, std::string>& entries() const { return ids_; }

 private:
  std::map<std::string, std::string> ids_;
};

// What Open returns as EphemeralResource::Opened::private_data.
std::string EncodePrivateIds(const PrivateIds& ids);

// The ids of `private_data`, which must hold each of `required`. Anything else (not what
// EncodePrivateIds wrote: not JSON, a missing or non-string id, more than 64 KiB) adds one
// error titled `summary` and returns std::nullopt.
std::optional<PrivateIds> DecodePrivateIds(std::string_view private_data,
                                           const std::vector<std::string>& required,
                                           const std::string& summary, Diagnostics* diagnostics);

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_PRIVATE_IDS_H_
