#include "framework/object_builder.h"

#include <utility>

#include "util/misuse.h"

namespace orgiam::framework {
namespace {

// The readers below accept a null or unknown object of any type (they yield the fallback), but
// a known object or a typed null must have the attribute: a misspelt name is reported, not
// silently read as "unset".
bool HasAttribute(const char* accessor, const cty::Value& object, const std::string& name) {
  const cty::Type& type = object.type();
  if (type.kind() != cty::Type::Kind::kObject) {
    if (object.IsNullOrUnknown()) return false;  // e.g. a null of type Dynamic
    util::ReportMisuse(std::string("framework::") + accessor + "(\"" + name +
                       "\") on a value of type " + type.FriendlyName() + ", not an object");
    return false;
  }
  if (type.attributes().contains(name)) return true;
  std::string attributes;
  for (const auto& [attribute, attribute_type] : type.attributes()) {
    attributes += attributes.empty() ? attribute : ", " + attribute;
  }
  util::ReportMisuse(std::string("framework::") + accessor + "(\"" + name + "\") on object {" +
                     attributes + "}, which has no attribute \"" + name + "\"");
  return false;
}

}  // namespace

ObjectBuilder::ObjectBuilder(cty::Type type, std::string owner)
    : type_(std::move(type)), owner_(std::move(owner)) {
  for (const auto& [name, attribute_type] : type_.attributes()) {
    attributes_[name] = cty::Value::Null(attribute_type);
  }
}

ObjectBuilder::ObjectBuilder(const Schema& schema)
    : ObjectBuilder(schema.implied_type, schema.type_name) {}

ObjectBuilder::ObjectBuilder(const Schema& schema, const cty::Value& base) : ObjectBuilder(schema) {
  if (base.IsNull() || !base.IsKnown()) return;
  for (auto& [name, value] : attributes_) value = base.GetAttr(name);
}

ObjectBuilder& ObjectBuilder::Set(const std::string& name, cty::Value value) {
  auto it = attributes_.find(name);
  if (it == attributes_.end()) {
    util::ReportMisuse("ObjectBuilder::Set(\"" + name + "\") for " + owner_ +
                       ", whose schema has no attribute \"" + name + "\"");
    return *this;  // never a stray attribute
  }
  it->second = std::move(value);
  return *this;
}

ObjectBuilder& ObjectBuilder::SetString(const std::string& name, const std::string& value) {
  return Set(name, cty::Value::String(value));
}

ObjectBuilder& ObjectBuilder::SetTime(const std::string& name, const std::string& reported,
                                      absl::Duration precision) {
  auto it = attributes_.find(name);
  const bool known_string = it != attributes_.end() && it->second.IsKnown() &&
                            !it->second.IsNull() && it->second.type() == cty::Type::String();
  const std::string known = known_string ? it->second.AsString() : "";
  return SetString(name, util::StateSpelling(known, reported, precision));
}

ObjectBuilder& ObjectBuilder::SetCapturedSecret(const std::string& name,
                                                const std::string& captured) {
  if (!captured.empty()) return SetString(name, captured);
  auto it = attributes_.find(name);
  const bool known = it != attributes_.end() && it->second.IsKnown() && !it->second.IsNull();
  return known ? *this : SetString(name, "");
}

ObjectBuilder& ObjectBuilder::SetBool(const std::string& name, bool value) {
  return Set(name, cty::Value::Bool(value));
}

ObjectBuilder& ObjectBuilder::SetNull(const std::string& name) {
  const auto& types = type_.attributes();
  auto it = types.find(name);
  return Set(name, it == types.end() ? cty::Value() : cty::Value::Null(it->second));
}

std::optional<ObjectBuilder> ObjectBuilder::ElementBuilder(const std::string& name) const {
  const auto& types = type_.attributes();
  const auto it = types.find(name);
  if (it == types.end() || it->second.kind() != cty::Type::Kind::kList ||
      it->second.element().kind() != cty::Type::Kind::kObject) {
    util::ReportMisuse("ObjectBuilder::SetObjectList(\"" + name + "\") for " + owner_ +
                       ", whose schema has no list-of-objects attribute \"" + name + "\"");
    return std::nullopt;
  }
  return ObjectBuilder(it->second.element(), owner_ + "." + name + "[*]");
}

cty::Value ObjectBuilder::Build() const { return cty::Value::Object(type_, attributes_); }

std::string GetString(const cty::Value& object, const std::string& name,
                      const std::string& fallback) {
  if (!HasAttribute("GetString", object, name) || object.IsNullOrUnknown()) return fallback;
  const cty::Value& value = object.GetAttr(name);
  return value.IsNullOrUnknown() ? fallback : value.AsString();
}

bool GetBool(const cty::Value& object, const std::string& name, bool fallback) {
  if (!HasAttribute("GetBool", object, name) || object.IsNullOrUnknown()) return fallback;
  const cty::Value& value = object.GetAttr(name);
  return value.IsNullOrUnknown() ? fallback : value.AsBool();
}

std::optional<int64_t> GetInt(const cty::Value& object, const std::string& name) {
  if (!HasAttribute("GetInt", object, name) || object.IsNullOrUnknown()) return std::nullopt;
  const cty::Value& value = object.GetAttr(name);
  if (value.IsNullOrUnknown()) return std::nullopt;
  return value.AsNumber().AsInt64();
}

std::vector<std::string> GetStrings(const cty::Value& object, const std::string& name) {
  std::vector<std::string> out;
  if (!HasAttribute("GetStrings", object, name) || object.IsNullOrUnknown()) return out;
  const cty::Value& value = object.GetAttr(name);
  if (value.IsNullOrUnknown()) return out;
  for (const cty::Value& element : value.Elements()) {
    if (!element.IsNullOrUnknown()) out.push_back(element.AsString());
  }
  return out;
}

cty::Value StringSet(const std::vector<std::string>& items) {
  std::vector<cty::Value> values;
  for (const std::string& item : items) values.push_back(cty::Value::String(item));
  return cty::Value::Set(cty::Type::String(), std::move(values));
}

cty::Value StringList(const std::vector<std::string>& items) {
  std::vector<cty::Value> values;
  for (const std::string& item : items) values.push_back(cty::Value::String(item));
  return cty::Value::List(cty::Type::String(), std::move(values));
}

}  // namespace orgiam::framework
