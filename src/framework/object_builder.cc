#include "framework/object_builder.h"

namespace orgiam::framework {

ObjectBuilder::ObjectBuilder(const Schema& schema) : schema_(schema) {
  for (const auto& [name, type] : schema.implied_type.attributes()) {
    attributes_[name] = cty::Value::Null(type);
  }
}

ObjectBuilder::ObjectBuilder(const Schema& schema, const cty::Value& base) : ObjectBuilder(schema) {
  if (base.IsNull() || !base.IsKnown()) return;
  for (auto& [name, value] : attributes_) value = base.GetAttr(name);
}

ObjectBuilder& ObjectBuilder::Set(const std::string& name, cty::Value value) {
  attributes_[name] = std::move(value);
  return *this;
}

ObjectBuilder& ObjectBuilder::SetString(const std::string& name, const std::string& value) {
  return Set(name, cty::Value::String(value));
}

ObjectBuilder& ObjectBuilder::SetBool(const std::string& name, bool value) {
  return Set(name, cty::Value::Bool(value));
}

ObjectBuilder& ObjectBuilder::SetNull(const std::string& name) {
  return Set(name, cty::Value::Null(schema_.implied_type.attributes().at(name)));
}

cty::Value ObjectBuilder::Build() const {
  return cty::Value::Object(schema_.implied_type, attributes_);
}

std::string GetString(const cty::Value& object, const std::string& name,
                      const std::string& fallback) {
  if (object.IsNullOrUnknown()) return fallback;
  const cty::Value& value = object.GetAttr(name);
  return value.IsNullOrUnknown() ? fallback : value.AsString();
}

bool GetBool(const cty::Value& object, const std::string& name, bool fallback) {
  if (object.IsNullOrUnknown()) return fallback;
  const cty::Value& value = object.GetAttr(name);
  return value.IsNullOrUnknown() ? fallback : value.AsBool();
}

std::optional<int64_t> GetInt(const cty::Value& object, const std::string& name) {
  if (object.IsNullOrUnknown()) return std::nullopt;
  const cty::Value& value = object.GetAttr(name);
  if (value.IsNullOrUnknown()) return std::nullopt;
  return value.AsNumber().AsInt64();
}

std::vector<std::string> GetStrings(const cty::Value& object, const std::string& name) {
  std::vector<std::string> out;
  if (object.IsNullOrUnknown()) return out;
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
