#ifndef ORGIAM_FRAMEWORK_PRIVATE_IDS_H_
#define ORGIAM_FRAMEWORK_PRIVATE_IDS_H_

// The private data of an ephemeral resource: the ids its Close needs to find what Open made,
// kept by Terraform between the two calls. A JSON object of strings, never a secret.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "framework/diagnostics.h"

namespace orgiam::framework {

using PrivateIds = std::map<std::string, std::string>;

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
