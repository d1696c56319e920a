#include "framework/config_validation.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace orgiam::framework {
namespace {

void ValidateBlock(const BlockSchema& block, const cty::Value& object, const cty::Path& path,
                   const ValidationOptions& options, Diagnostics* diagnostics);

// A null element of a configured list, set or map: Terraform accepts it, no API does, and the
// plan would show it as a change forever. Reports the first one found.
bool HasNullElement(const cty::Value& value, const cty::Path& path, Diagnostics* diagnostics) {
  if (!value.type().IsCollection()) return false;
  const bool is_map = value.type().kind() == cty::Type::Kind::kMap;
  const bool is_list = value.type().kind() == cty::Type::Kind::kList;
  std::optional<cty::Path> where;
  if (is_map) {
    for (const auto& [key, element] : value.Entries()) {
      if (element.IsKnown() && element.IsNull()) {
        where = path.Key(key);
        break;
      }
    }
  } else {
    int64_t index = 0;
    for (const cty::Value& element : value.Elements()) {
      if (element.IsKnown() && element.IsNull()) {
        where = is_list ? path.Index(index) : path;  // set elements have no address
        break;
      }
      ++index;
    }
  }
  if (!where) return false;
  diagnostics->AddError("Invalid attribute value",
                        absl::StrCat("Attribute ", path.ToString(),
                                     " must not contain null elements; remove the null",
                                     is_map ? " entry." : " element."),
                        *where);
  return true;
}

void ValidateAttribute(const AttributeSchema& attribute, const cty::Value& object,
                       const cty::Path& path, const ValidationOptions& options,
                       Diagnostics* diagnostics) {
  const cty::Value& value = object.GetAttr(attribute.name);
  if (value.IsNull()) return;
  if (attribute.write_only && !options.write_only_allowed) {
    diagnostics->AddError(
        "Write-only attribute not supported",
        absl::StrCat("Attribute ", path.ToString(),
                     " is write-only, which needs Terraform 1.11 or later. Upgrade Terraform "
                     "or use the attribute's non-write-only alternative."),
        path);
    return;
  }
  if (!value.IsKnown()) return;
  if (HasNullElement(value, path, diagnostics)) return;
  // One mistake, one diagnostic: once a validator refuses the value, the others are not asked
  // (an empty username is too short; that it also does not start with a letter adds nothing).
  const size_t before = diagnostics->items().size();
  for (const auto& validator : attribute.validators) {
    validator->Validate(value, object, path, diagnostics);
    if (diagnostics->items().size() != before) return;
  }
}

void ValidateNested(const NestedBlockSchema& nested, const cty::Value& value, const cty::Path& path,
                    const ValidationOptions& options, Diagnostics* diagnostics) {
  if (value.IsNullOrUnknown()) return;
  switch (nested.nesting) {
    case NestedBlockSchema::Nesting::kSingle:
    case NestedBlockSchema::Nesting::kGroup:
      ValidateBlock(*nested.block, value, path, options, diagnostics);
      return;
    case NestedBlockSchema::Nesting::kList: {
      int64_t index = 0;
      for (const cty::Value& element : value.Elements()) {
        if (!element.IsNullOrUnknown()) {
          ValidateBlock(*nested.block, element, path.Index(index), options, diagnostics);
        }
        ++index;
      }
      return;
    }
    case NestedBlockSchema::Nesting::kSet:
      for (const cty::Value& element : value.Elements()) {
        if (!element.IsNullOrUnknown()) {
          ValidateBlock(*nested.block, element, path, options, diagnostics);
        }
      }
      return;
    case NestedBlockSchema::Nesting::kMap:
      for (const auto& [key, element] : value.Entries()) {
        if (!element.IsNullOrUnknown()) {
          ValidateBlock(*nested.block, element, path.Key(key), options, diagnostics);
        }
      }
      return;
  }
}

void ValidateExactlyOneOf(const std::vector<std::string>& group, const cty::Value& object,
                          const cty::Path& path, Diagnostics* diagnostics) {
  int set = 0;
  std::string extra;  // the first attribute set beyond one: where the diagnostic points
  for (const std::string& name : group) {
    const cty::Value& value = object.GetAttr(name);
    if (!value.IsKnown()) return;  // cannot judge yet
    if (!value.IsNull() && ++set == 2) extra = name;
  }
  if (set == 1) return;
  const std::string names = absl::StrJoin(
      group, ", ", [](std::string* out, const auto& n) { absl::StrAppend(out, "\"", n, "\""); });
  diagnostics->AddError(set == 0 ? "Missing attribute" : "Conflicting attributes",
                        absl::StrCat("Exactly one of ", names, " must be set; ",
                                     set == 0 ? "none" : "several", " were given."),
                        set == 0 ? path : path.Attr(extra));
}

void ValidateBlock(const BlockSchema& block, const cty::Value& object, const cty::Path& path,
                   const ValidationOptions& options, Diagnostics* diagnostics) {
  for (const AttributeSchema& attribute : block.attributes) {
    ValidateAttribute(attribute, object, path.Attr(attribute.name), options, diagnostics);
  }
  for (const NestedBlockSchema& nested : block.blocks) {
    ValidateNested(nested, object.GetAttr(nested.name), path.Attr(nested.name), options,
                   diagnostics);
  }
  for (const auto& group : block.exactly_one_of) {
    ValidateExactlyOneOf(group, object, path, diagnostics);
  }
}

}  // namespace

void ValidateConfig(const Schema& schema, const cty::Value& config,
                    const ValidationOptions& options, Diagnostics* diagnostics) {
  if (config.IsNullOrUnknown()) return;
  ValidateBlock(schema.block, config, cty::Path(), options, diagnostics);
}

}  // namespace orgiam::framework
