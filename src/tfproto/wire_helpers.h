#ifndef ORGIAM_TFPROTO_WIRE_HELPERS_H_
#define ORGIAM_TFPROTO_WIRE_HELPERS_H_

// Small pieces shared by the RPC handlers.

#include <cstddef>
#include <optional>
#include <string_view>

#include "absl/strings/string_view.h"
#include "cty/value.h"
#include "framework/diagnostics.h"
#include "framework/schema.h"
#include "proto/tfplugin6.pb.h"

namespace orgiam::tfproto {

// Decodes `wire` against the schema's type; on failure adds an error naming `what` and
// returns std::nullopt. Terraform never sends undecodable values, so this guards against
// crashes rather than reporting user mistakes.
std::optional<cty::Value> DecodeOrDiagnose(const tfplugin6::DynamicValue& wire,
                                           const framework::Schema& schema, absl::string_view what,
                                           framework::Diagnostics* diagnostics);

// Encodes `value`; an encoding failure (a bug) becomes an error diagnostic.
void EncodeOrDiagnose(const cty::Value& value, const framework::Schema& schema,
                      tfplugin6::DynamicValue* wire, framework::Diagnostics* diagnostics);

// Looks up a schema; unknown type names become an error diagnostic.
const framework::Schema* FindSchemaOrDiagnose(framework::SchemaKind kind,
                                              absl::string_view type_name,
                                              framework::Diagnostics* diagnostics);

// Checks made on what Terraform hands to a resource, before the resource sees it. Terraform
// never sends what they refuse, but a broken client could, and the resource would then act on
// nothing (a POST, or a DELETE without an id). Each returns true when the input is fine, and
// otherwise adds one error diagnostic and returns false. `rpc` names the call in the message.

// `value` (the `what` of the call, e.g. "planned state") must be null or a known object.
bool CheckResourceValue(const cty::Value& value, const framework::Schema& schema,
                        absl::string_view rpc, absl::string_view what,
                        framework::Diagnostics* diagnostics);

// A change from `prior` to `next` (the proposed or planned state, named `next_what`): both pass
// CheckResourceValue, and they are not both null (nothing to create, update or delete).
bool CheckResourceChange(const cty::Value& prior, const cty::Value& next,
                         const framework::Schema& schema, absl::string_view rpc,
                         absl::string_view next_what, framework::Diagnostics* diagnostics);

// The longest import ID accepted; real ones (ids, emails, user names, "org/user") are far
// shorter.
inline constexpr size_t kMaxImportIdBytes = 1024;

// An import ID must be non-empty, valid UTF-8 without control characters (NUL included) and at
// most kMaxImportIdBytes long. The message shows the ID only as a bounded, escaped excerpt.
bool CheckImportId(std::string_view id, const framework::Schema& schema,
                   framework::Diagnostics* diagnostics);

}  // namespace orgiam::tfproto

#endif  // ORGIAM_TFPROTO_WIRE_HELPERS_H_
