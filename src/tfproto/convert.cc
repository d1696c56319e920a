#include "tfproto/convert.h"

#include <string>
#include <variant>

#include "cty/codec.h"
#include "cty/utf8.h"
#include "util/misuse.h"

namespace orgiam::tfproto {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

tfplugin6::Schema::NestedBlock::NestingMode NestingToProto(
    framework::NestedBlockSchema::Nesting nesting) {
  using Nesting = framework::NestedBlockSchema::Nesting;
  switch (nesting) {
    case Nesting::kSingle:
      return tfplugin6::Schema::NestedBlock::SINGLE;
    case Nesting::kList:
      return tfplugin6::Schema::NestedBlock::LIST;
    case Nesting::kSet:
      return tfplugin6::Schema::NestedBlock::SET;
    case Nesting::kMap:
      return tfplugin6::Schema::NestedBlock::MAP;
    case Nesting::kGroup:
      return tfplugin6::Schema::NestedBlock::GROUP;
  }
  return tfplugin6::Schema::NestedBlock::INVALID;
}

void BlockToProto(const framework::BlockSchema& block, tfplugin6::Schema::Block* out) {
  out->set_description(block.description);
  out->set_description_kind(tfplugin6::PLAIN);
  for (const framework::AttributeSchema& attribute : block.attributes) {
    tfplugin6::Schema::Attribute* wire = out->add_attributes();
    wire->set_name(attribute.name);
    wire->set_type(attribute.type.ToJsonString());
    wire->set_description(attribute.description);
    wire->set_description_kind(tfplugin6::PLAIN);
    wire->set_required(attribute.required);
    wire->set_optional(attribute.optional);
    wire->set_computed(attribute.computed);
    wire->set_sensitive(attribute.sensitive);
    wire->set_write_only(attribute.write_only);
    wire->set_deprecated(attribute.deprecated);
  }
  for (const framework::NestedBlockSchema& nested : block.blocks) {
    tfplugin6::Schema::NestedBlock* wire = out->add_block_types();
    wire->set_type_name(nested.name);
    wire->set_nesting(NestingToProto(nested.nesting));
    wire->set_min_items(nested.min_items);
    wire->set_max_items(nested.max_items);
    BlockToProto(*nested.block, wire->mutable_block());
  }
}

}  // namespace

absl::StatusOr<cty::Value> DecodeDynamicValue(const tfplugin6::DynamicValue& wire,
                                              const cty::Type& type) {
  if (!wire.msgpack().empty()) return cty::DecodeMsgpack(wire.msgpack(), type);
  if (!wire.json().empty()) return cty::DecodeJson(wire.json(), type);
  return cty::Value::Null(type);
}

absl::Status EncodeDynamicValue(const cty::Value& value, const cty::Type& type,
                                tfplugin6::DynamicValue* wire) {
  absl::StatusOr<std::string> bytes = cty::EncodeMsgpack(value, type);
  if (!bytes.ok()) return bytes.status();
  wire->set_msgpack(*std::move(bytes));
  return absl::OkStatus();
}

tfplugin6::AttributePath PathToProto(const cty::Path& path) {
  tfplugin6::AttributePath wire;
  for (const cty::PathStep& step : path.steps()) {
    tfplugin6::AttributePath::Step* out = wire.add_steps();
    std::visit(
        Overloaded{
            // Names and keys can come from decoded values, whose strings are not
            // checked; protobuf strings must be valid UTF-8.
            [out](const cty::AttrStep& s) { out->set_attribute_name(cty::ToValidUtf8(s.name)); },
            [out](const cty::IndexStep& s) { out->set_element_key_int(s.index); },
            [out](const cty::KeyStep& s) { out->set_element_key_string(cty::ToValidUtf8(s.key)); },
        },
        step);
  }
  return wire;
}

cty::Path PathFromProto(const tfplugin6::AttributePath& wire) {
  std::vector<cty::PathStep> steps;
  for (const auto& step : wire.steps()) {
    switch (step.selector_case()) {
      case tfplugin6::AttributePath::Step::kAttributeName:
        steps.push_back(cty::AttrStep{step.attribute_name()});
        break;
      case tfplugin6::AttributePath::Step::kElementKeyString:
        steps.push_back(cty::KeyStep{step.element_key_string()});
        break;
      case tfplugin6::AttributePath::Step::kElementKeyInt:
        steps.push_back(cty::IndexStep{step.element_key_int()});
        break;
      default:
        break;
    }
  }
  return cty::Path(std::move(steps));
}

void AppendDiagnostics(const framework::Diagnostics& diagnostics,
                       google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* out) {
  // Programming errors recorded while this thread served the request (util/misuse.h): every
  // handler answers through here, so none is lost and none escapes as an exception.
  for (const std::string& misuse : util::TakeMisuseReports()) {
    tfplugin6::Diagnostic* wire = out->Add();
    wire->set_severity(tfplugin6::Diagnostic::ERROR);
    wire->set_summary("Internal error in the provider");
    wire->set_detail(framework::WireText(
        "internal error in the provider: " + misuse +
            ". This is a bug in the orgiam provider; please report it with the Terraform "
            "configuration that led to it.",
        framework::kMaxDiagnosticDetailBytes));
  }
  for (const framework::Diagnostic& diagnostic : diagnostics.items()) {
    tfplugin6::Diagnostic* wire = out->Add();
    wire->set_severity(diagnostic.severity == framework::Diagnostic::Severity::kError
                           ? tfplugin6::Diagnostic::ERROR
                           : tfplugin6::Diagnostic::WARNING);
    // Details often quote API answers, which may hold any bytes and be of any length.
    wire->set_summary(
        framework::WireText(diagnostic.summary, framework::kMaxDiagnosticSummaryBytes));
    wire->set_detail(framework::WireText(diagnostic.detail, framework::kMaxDiagnosticDetailBytes));
    if (diagnostic.attribute && !diagnostic.attribute->empty()) {
      *wire->mutable_attribute() = PathToProto(*diagnostic.attribute);
    }
  }
}

void SchemaToProto(const framework::Schema& schema, tfplugin6::Schema* out) {
  out->set_version(schema.version);
  BlockToProto(schema.block, out->mutable_block());
}

}  // namespace orgiam::tfproto
