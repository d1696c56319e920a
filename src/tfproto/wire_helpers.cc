#include "tfproto/wire_helpers.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "cty/utf8.h"
#include "framework/schema_registry.h"
#include "tfproto/convert.h"

namespace orgiam::tfproto {
namespace {

constexpr absl::string_view kNotFromTerraform =
    " The provider did not act on it and changed nothing. Terraform never sends this; it is a "
    "bug in the program that called the provider.";

}  // namespace

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

bool CheckResourceValue(const cty::Value& value, const framework::Schema& schema,
                        absl::string_view rpc, absl::string_view what,
                        framework::Diagnostics* diagnostics) {
  if (!value.IsKnown()) {
    diagnostics->AddError(absl::StrCat("Unknown ", what),
                          absl::StrCat(rpc, " for ", schema.type_name, " was sent a ", what,
                                       " that is wholly unknown.", kNotFromTerraform));
    return false;
  }
  if (!value.IsNull() && value.type().kind() != cty::Type::Kind::kObject) {
    diagnostics->AddError(absl::StrCat("Invalid ", what),
                          absl::StrCat(rpc, " for ", schema.type_name, " was sent a ", what,
                                       " of type ", value.type().FriendlyName(),
                                       " where an object is required.", kNotFromTerraform));
    return false;
  }
  return true;
}

bool CheckResourceChange(const cty::Value& prior, const cty::Value& next,
                         const framework::Schema& schema, absl::string_view rpc,
                         absl::string_view next_what, framework::Diagnostics* diagnostics) {
  if (!CheckResourceValue(prior, schema, rpc, "prior state", diagnostics) ||
      !CheckResourceValue(next, schema, rpc, next_what, diagnostics)) {
    return false;
  }
  if (prior.IsNull() && next.IsNull()) {
    diagnostics->AddError(
        "Nothing to change",
        absl::StrCat(rpc, " for ", schema.type_name, " was sent a null prior state and a null ",
                     next_what, ": there is no object to create, update or delete.",
                     kNotFromTerraform));
    return false;
  }
  return true;
}

bool CheckImportId(std::string_view id, const framework::Schema& schema,
                   framework::Diagnostics* diagnostics) {
  std::string problem;
  if (id.empty()) {
    problem = "The import ID is empty.";
  } else if (id.size() > kMaxImportIdBytes) {
    problem = absl::StrCat("The import ID ", framework::QuotedExcerpt(id), " is ", id.size(),
                           " bytes long; the longest accepted is ", kMaxImportIdBytes, " bytes.");
  } else {
    for (size_t pos = 0; pos < id.size() && problem.empty();) {
      const cty::Utf8Sequence sequence = cty::NextUtf8Sequence(id, pos);
      if (!sequence.valid) {
        problem = absl::StrCat("The import ID ", framework::QuotedExcerpt(id),
                               " is not valid UTF-8 (at byte ", pos, ").");
      } else if (sequence.code_point == 0) {
        problem = absl::StrCat("The import ID ", framework::QuotedExcerpt(id),
                               " contains a NUL byte (at byte ", pos, ").");
      } else if (cty::IsControlCharacter(sequence.code_point)) {
        problem = absl::StrCat(
            "The import ID ", framework::QuotedExcerpt(id), " contains the control character U+",
            absl::AsciiStrToUpper(absl::StrCat(absl::Hex(sequence.code_point, absl::kZeroPad4))),
            " (at byte ", pos, ").");
      }
      pos += sequence.length;
    }
  }
  if (problem.empty()) return true;
  diagnostics->AddError(
      "Invalid import ID",
      absl::StrCat(problem, schema.import_help.empty() ? "" : " ", schema.import_help));
  return false;
}

}  // namespace orgiam::tfproto
