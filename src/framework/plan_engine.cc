#include "framework/plan_engine.h"

#include <map>
#include <string>

namespace orgiam::framework {
namespace {

// Replaces every unknown inside `value` with a null of the same type.
cty::Value NullUnknowns(const cty::Value& value) {
  if (!value.IsKnown()) return cty::Value::Null(value.type());
  if (value.IsNull() || value.IsWhollyKnown()) return value;
  const cty::Type& type = value.type();
  switch (type.kind()) {
    case cty::Type::Kind::kList:
    case cty::Type::Kind::kSet:
    case cty::Type::Kind::kTuple: {
      std::vector<cty::Value> elements;
      for (const cty::Value& element : value.Elements()) elements.push_back(NullUnknowns(element));
      if (type.kind() == cty::Type::Kind::kList) return cty::Value::List(type.element(), elements);
      if (type.kind() == cty::Type::Kind::kSet) return cty::Value::Set(type.element(), elements);
      return cty::Value::Tuple(elements);
    }
    case cty::Type::Kind::kMap:
    case cty::Type::Kind::kObject: {
      std::map<std::string, cty::Value> entries;
      for (const auto& [key, element] : value.Entries()) entries[key] = NullUnknowns(element);
      if (type.kind() == cty::Type::Kind::kMap) return cty::Value::Map(type.element(), entries);
      return cty::Value::Object(type, entries);
    }
    default:
      return value;
  }
}

// True if any attribute the configuration controls differs between prior and planned.
bool ConfiguredAttributesChange(const Schema& schema, const cty::Value& prior,
                                const cty::Value& planned) {
  for (const AttributeSchema& attribute : schema.block.attributes) {
    if (attribute.write_only) continue;
    if (attribute.computed && !attribute.optional) continue;
    if (!planned.GetAttr(attribute.name).Equals(prior.GetAttr(attribute.name))) return true;
  }
  return false;
}

}  // namespace

PlannedChange PlanChange(const Schema& schema, const Resource& resource, const cty::Value& prior,
                         const cty::Value& proposed, const cty::Value& config,
                         Diagnostics* diagnostics) {
  PlannedChange result;
  if (proposed.IsNull()) {  // destroy
    resource.ValidateDestroy(prior, diagnostics);
    result.planned = cty::Value::Null(schema.implied_type);
    return result;
  }
  const bool creating = prior.IsNull();
  std::map<std::string, cty::Value> planned;
  for (const AttributeSchema& attribute : schema.block.attributes) {
    const cty::Value& configured = config.GetAttr(attribute.name);
    cty::Value value = proposed.GetAttr(attribute.name);
    if (attribute.write_only) {
      value = cty::Value::Null(attribute.type);
    } else if (attribute.computed && configured.IsNull()) {
      if (attribute.default_value) {
        value = *attribute.default_value;
      } else if (creating) {
        value = cty::Value::Unknown(attribute.type);
      } else {
        value = prior.GetAttr(attribute.name);
      }
    }
    planned[attribute.name] = value;
  }
  for (const NestedBlockSchema& nested : schema.block.blocks) {
    planned[nested.name] = proposed.GetAttr(nested.name);
  }
  result.planned = cty::Value::Object(schema.implied_type, std::move(planned));

  if (!creating) {
    bool replace = false;
    for (const AttributeSchema& attribute : schema.block.attributes) {
      if (!attribute.requires_replace) continue;
      // Terraform always replaces on a configured write-only requires_replace attribute.
      const bool changed =
          attribute.write_only
              ? !config.GetAttr(attribute.name).IsNull()
              : !result.planned.GetAttr(attribute.name).Equals(prior.GetAttr(attribute.name));
      if (changed) {
        result.requires_replace.push_back(cty::Path().Attr(attribute.name));
        replace = true;
      }
    }
    // A changing or replaced object gets fresh values for computed attributes that are not
    // known to be stable; on replacement even stable ones belong to the old object.
    if (replace || ConfiguredAttributesChange(schema, prior, result.planned)) {
      for (const AttributeSchema& attribute : schema.block.attributes) {
        if (!attribute.computed || !config.GetAttr(attribute.name).IsNull()) continue;
        if (attribute.default_value) continue;
        if (attribute.use_state_for_unknown && !replace) continue;
        result.planned =
            result.planned.WithAttr(attribute.name, cty::Value::Unknown(attribute.type));
      }
    }
  }
  resource.ModifyPlan(
      PlanRequest{.prior = prior, .config = config, .requires_replace = &result.requires_replace},
      &result.planned, diagnostics);
  return result;
}

cty::Value ApplyChange(const Schema& schema, Resource& resource, const cty::Value& prior,
                       const cty::Value& planned, const cty::Value& config,
                       Diagnostics* diagnostics) {
  if (planned.IsNull()) {
    resource.Delete(prior, diagnostics);
    // A failed delete keeps the object in state.
    return diagnostics->HasError() ? prior : cty::Value::Null(schema.implied_type);
  }
  cty::Value applied = prior.IsNull() ? resource.Create(planned, config, diagnostics)
                                      : resource.Update(prior, planned, config, diagnostics);
  if (applied.IsNull()) {
    // Nothing was created (or the update failed before changing anything): keep the prior.
    return prior;
  }
  // Values known at plan time are a promise to Terraform; unknowns are filled from the API.
  std::map<std::string, cty::Value> result;
  for (const AttributeSchema& attribute : schema.block.attributes) {
    const cty::Value& promised = planned.GetAttr(attribute.name);
    if (attribute.write_only) {
      result[attribute.name] = cty::Value::Null(attribute.type);
    } else if (promised.IsWhollyKnown() &&
               (!diagnostics->HasError() || applied.GetAttr(attribute.name).IsNull())) {
      result[attribute.name] = promised;
    } else {
      result[attribute.name] = NullUnknowns(applied.GetAttr(attribute.name));
    }
  }
  for (const NestedBlockSchema& nested : schema.block.blocks) {
    result[nested.name] = NullUnknowns(applied.GetAttr(nested.name));
  }
  return cty::Value::Object(schema.implied_type, std::move(result));
}

cty::Value ConformState(const Schema& schema, const cty::Value& state) {
  if (state.IsNull()) return state;
  cty::Value conformed = NullUnknowns(state);
  for (const AttributeSchema& attribute : schema.block.attributes) {
    if (attribute.write_only && !conformed.GetAttr(attribute.name).IsNull()) {
      conformed = conformed.WithAttr(attribute.name, cty::Value::Null(attribute.type));
    }
  }
  return conformed;
}

}  // namespace orgiam::framework
