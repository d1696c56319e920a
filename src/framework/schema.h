#ifndef ORGIAM_FRAMEWORK_SCHEMA_H_
#define ORGIAM_FRAMEWORK_SCHEMA_H_

// The schema model: what schemas/*.json declare, in memory. One model serves
// GetProviderSchema, configuration validation, the plan engine and the generated docs.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cty/type.h"
#include "cty/value.h"
#include "framework/validators.h"

namespace orgiam::framework {

enum class SchemaKind { kProvider, kResource, kDataSource, kEphemeral };

struct AttributeSchema {
  std::string name;
  cty::Type type;
  std::string description;
  bool required = false;
  bool optional = false;
  bool computed = false;
  bool sensitive = false;
  bool write_only = false;
  bool deprecated = false;
  // Provider attributes only: the environment variable read when the attribute is null.
  std::optional<std::string> env;
  // Optional+computed attributes: the value planned when the configuration leaves it null.
  std::optional<cty::Value> default_value;
  // A change of this attribute replaces the object.
  bool requires_replace = false;
  // Computed attributes that never change once known keep their prior value in plans.
  bool use_state_for_unknown = false;
  std::vector<std::shared_ptr<const Validator>> validators;
};

struct BlockSchema;

struct NestedBlockSchema {
  enum class Nesting { kSingle, kList, kSet, kMap, kGroup };
  std::string name;
  Nesting nesting = Nesting::kSingle;
  std::shared_ptr<const BlockSchema> block;
  int64_t min_items = 0;
  int64_t max_items = 0;
};

struct BlockSchema {
  std::string description;
  std::vector<AttributeSchema> attributes;  // sorted by name
  std::vector<NestedBlockSchema> blocks;    // sorted by name
  // Groups of attribute names of which exactly one must be set.
  std::vector<std::vector<std::string>> exactly_one_of;

  const AttributeSchema* FindAttribute(std::string_view name) const;
  const NestedBlockSchema* FindBlock(std::string_view name) const;
  // The object type Terraform derives from the block (attributes + one per nested block).
  cty::Type ImpliedType() const;
};

struct Schema {
  SchemaKind kind = SchemaKind::kResource;
  std::string type_name;
  int64_t version = 0;
  std::string import_help;  // how to import (resources), for docs and diagnostics
  BlockSchema block;
  cty::Type implied_type;  // cached block.ImpliedType()
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_SCHEMA_H_
