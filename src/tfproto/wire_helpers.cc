#include "tfproto/wire_helpers.h"

#include "absl/strings/str_cat.h"
#include "framework/schema_registry.h"
#include "tfproto/convert.h"

namespace orgiam::tfproto {

std::optional<cty::Value> DecodeOrDiagnose(const tfplugin6::DynamicValue& wire,
                                           const framework::Schema& schema, absl::string_view what,
                                           framework::Diagnostics* diagnostics) {
  absl::StatusOr<cty::Value> value = DecodeDynamicValue(wire, schema.implied_type);
  if (!value.ok()) {
    diagnostics->AddError(
        absl::StrCat("Unreadable ", what),
        absl::StrCat("The ", what, " sent by Terraform for ", schema.type_name,
                     " does not match the provider's schema: ", value.status().message(),
                     ". This is a bug in the provider or a Terraform version mismatch."));
    return std::nullopt;
  }
  return *std::move(value);
}

void EncodeOrDiagnose(const cty::Value& value, const framework::Schema& schema,
                      tfplugin6::DynamicValue* wire, framework::Diagnostics* diagnostics) {
  absl::Status status = EncodeDynamicValue(value, schema.implied_type, wire);
  if (!status.ok()) {
    diagnostics->AddError("Provider produced an unencodable value",
                          absl::StrCat("Encoding the value of ", schema.type_name, " failed: ",
                                       status.message(), ". This is a bug in the provider."));
  }
}

const framework::Schema* FindSchemaOrDiagnose(framework::SchemaKind kind,
                                              absl::string_view type_name,
                                              framework::Diagnostics* diagnostics) {
  const framework::Schema* schema =
      framework::SchemaRegistry::Get().Find(kind, std::string(type_name));
  if (schema == nullptr) {
    diagnostics->AddError("Unknown type",
                          absl::StrCat("The orgiam provider has no \"", type_name, "\"."));
  }
  return schema;
}

}  // namespace orgiam::tfproto
