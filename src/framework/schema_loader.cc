#include "framework/schema_loader.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "cty/codec.h"
#include "util/status_macros.h"

namespace orgiam::framework {
namespace {

using nlohmann::json;

absl::Status Invalid(absl::string_view where, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(where, ": ", what));
}

bool Flag(const json& spec, const char* key) {
  return spec.contains(key) && spec.at(key).is_boolean() && spec.at(key).get<bool>();
}

absl::StatusOr<AttributeSchema> LoadAttribute(const std::string& name, const json& spec) {
  AttributeSchema attribute;
  attribute.name = name;
  if (!spec.contains("type")) return Invalid(name, "missing type");
  ASSIGN_OR_RETURN(attribute.type, cty::Type::FromJson(spec.at("type")));
  attribute.description = spec.value("description", "");
  attribute.required = Flag(spec, "required");
  attribute.optional = Flag(spec, "optional");
  attribute.computed = Flag(spec, "computed");
  attribute.sensitive = Flag(spec, "sensitive");
  attribute.write_only = Flag(spec, "write_only");
  attribute.deprecated = Flag(spec, "deprecated");
  attribute.requires_replace = Flag(spec, "requires_replace");
  attribute.use_state_for_unknown = Flag(spec, "use_state_for_unknown");
  if (spec.contains("env")) attribute.env = spec.at("env").get<std::string>();
  // Terraform rejects any other combination as an invalid schema.
  const bool valid_mode = (attribute.required && !attribute.optional && !attribute.computed) ||
                          (!attribute.required && (attribute.optional || attribute.computed));
  if (!valid_mode) return Invalid(name, "needs exactly one of required/optional/computed");
  if (spec.contains("default")) {
    if (!(attribute.optional && attribute.computed)) {
      return Invalid(name, "a default needs optional + computed");
    }
    ASSIGN_OR_RETURN(attribute.default_value,
                     cty::DecodeJson(spec.at("default").dump(), attribute.type));
  }
  if (spec.contains("validators")) {
    ASSIGN_OR_RETURN(attribute.validators,
                     ParseValidators(spec.at("validators"), attribute.type,
                                     attribute.sensitive || attribute.write_only));
  }
  if (attribute.write_only && attribute.computed) {
    return Invalid(name, "write-only attributes cannot be computed");
  }
  return attribute;
}

absl::StatusOr<std::shared_ptr<const BlockSchema>> LoadBlock(absl::string_view where,
                                                             const json& spec);

absl::StatusOr<NestedBlockSchema> LoadNestedBlock(const std::string& name, const json& spec) {
  NestedBlockSchema nested;
  nested.name = name;
  const std::string nesting = spec.value("nesting", "single");
  if (nesting == "single") {
    nested.nesting = NestedBlockSchema::Nesting::kSingle;
  } else if (nesting == "list") {
    nested.nesting = NestedBlockSchema::Nesting::kList;
  } else if (nesting == "set") {
    nested.nesting = NestedBlockSchema::Nesting::kSet;
  } else if (nesting == "map") {
    nested.nesting = NestedBlockSchema::Nesting::kMap;
  } else if (nesting == "group") {
    nested.nesting = NestedBlockSchema::Nesting::kGroup;
  } else {
    return Invalid(name, "unknown nesting");
  }
  nested.min_items = spec.value("min_items", 0);
  nested.max_items = spec.value("max_items", 0);
  ASSIGN_OR_RETURN(nested.block, LoadBlock(name, spec));
  return nested;
}

absl::StatusOr<std::shared_ptr<const BlockSchema>> LoadBlock(absl::string_view where,
                                                             const json& spec) {
  auto block = std::make_shared<BlockSchema>();
  block->description = spec.value("description", "");
  if (spec.contains("attributes")) {
    for (const auto& [name, attribute_spec] : spec.at("attributes").items()) {
      ASSIGN_OR_RETURN(AttributeSchema attribute, LoadAttribute(name, attribute_spec));
      block->attributes.push_back(std::move(attribute));
    }
  }
  if (spec.contains("blocks")) {
    for (const auto& [name, block_spec] : spec.at("blocks").items()) {
      ASSIGN_OR_RETURN(NestedBlockSchema nested, LoadNestedBlock(name, block_spec));
      block->blocks.push_back(std::move(nested));
    }
  }
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(block->attributes.begin(), block->attributes.end(), by_name);
  std::sort(block->blocks.begin(), block->blocks.end(), by_name);
  if (spec.contains("exactly_one_of")) {
    for (const auto& group : spec.at("exactly_one_of")) {
      std::vector<std::string> names = group.get<std::vector<std::string>>();
      for (const std::string& n : names) {
        if (block->FindAttribute(n) == nullptr) return Invalid(where, "exactly_one_of: " + n);
      }
      block->exactly_one_of.push_back(std::move(names));
    }
  }
  return std::shared_ptr<const BlockSchema>(std::move(block));
}

absl::StatusOr<Schema> LoadSchemaOrThrow(std::string_view json_text) {
  const json spec = json::parse(json_text);
  Schema schema;
  const std::string kind = spec.value("kind", "");
  if (kind == "provider") {
    schema.kind = SchemaKind::kProvider;
  } else if (kind == "resource") {
    schema.kind = SchemaKind::kResource;
  } else if (kind == "data_source") {
    schema.kind = SchemaKind::kDataSource;
  } else if (kind == "ephemeral") {
    schema.kind = SchemaKind::kEphemeral;
  } else {
    return Invalid("schema", "unknown kind \"" + kind + "\"");
  }
  schema.type_name = spec.value("name", "");
  schema.version = spec.value("version", 0);
  schema.import_help = spec.value("import", "");
  ASSIGN_OR_RETURN(std::shared_ptr<const BlockSchema> block, LoadBlock(schema.type_name, spec));
  schema.block = *block;
  schema.implied_type = schema.block.ImpliedType();
  return schema;
}

}  // namespace

absl::StatusOr<Schema> LoadSchema(std::string_view json_text) {
  try {
    return LoadSchemaOrThrow(json_text);
  } catch (const nlohmann::json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("schema JSON: ", e.what()));
  }
}

}  // namespace orgiam::framework
