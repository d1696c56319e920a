#ifndef ORGIAM_TFPROTO_WIRE_HELPERS_H_
#define ORGIAM_TFPROTO_WIRE_HELPERS_H_

// Small pieces shared by the RPC handlers.

#include <optional>

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

}  // namespace orgiam::tfproto

#endif  // ORGIAM_TFPROTO_WIRE_HELPERS_H_
