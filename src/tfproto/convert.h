#ifndef ORGIAM_TFPROTO_CONVERT_H_
#define ORGIAM_TFPROTO_CONVERT_H_

// Conversions between tfplugin6 wire messages and the internal model.

#include <google/protobuf/repeated_field.h>

#include "absl/status/statusor.h"
#include "cty/path.h"
#include "cty/type.h"
#include "cty/value.h"
#include "framework/diagnostics.h"
#include "framework/schema.h"
#include "proto/tfplugin6.pb.h"

namespace orgiam::tfproto {

// DynamicValue → value of `type`: msgpack when present, else JSON, else null (what Terraform
// means by an empty DynamicValue).
absl::StatusOr<cty::Value> DecodeDynamicValue(const tfplugin6::DynamicValue& wire,
                                              const cty::Type& type);
// Always msgpack: JSON cannot carry unknowns.
absl::Status EncodeDynamicValue(const cty::Value& value, const cty::Type& type,
                                tfplugin6::DynamicValue* wire);

tfplugin6::AttributePath PathToProto(const cty::Path& path);
cty::Path PathFromProto(const tfplugin6::AttributePath& wire);

void AppendDiagnostics(const framework::Diagnostics& diagnostics,
                       google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* out);

void SchemaToProto(const framework::Schema& schema, tfplugin6::Schema* out);

}  // namespace orgiam::tfproto

#endif  // ORGIAM_TFPROTO_CONVERT_H_
