#include "cty/path.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace orgiam::cty {
namespace {

void AppendQuotedKey(std::string& out, std::string_view key) {
  out.append("[\"");
  for (char c : key) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.append("\"]");
}

// The type reached by one step from `type`, for stepping into unknown values.
Type StepType(const Type& type, const PathStep& step) {
  switch (type.kind()) {
    case Type::Kind::kObject: {
      const std::string* name = nullptr;
      if (const auto* attr = std::get_if<AttrStep>(&step)) name = &attr->name;
      if (const auto* key = std::get_if<KeyStep>(&step)) name = &key->key;
      if (name == nullptr) return Type::Dynamic();
      auto it = type.attributes().find(*name);
      return it == type.attributes().end() ? Type::Dynamic() : it->second;
    }
    case Type::Kind::kTuple: {
      const auto* index = std::get_if<IndexStep>(&step);
      if (index == nullptr || index->index < 0 ||
          static_cast<size_t>(index->index) >= type.elements().size()) {
        return Type::Dynamic();
      }
      return type.elements()[static_cast<size_t>(index->index)];
    }
    case Type::Kind::kList:
      return std::holds_alternative<IndexStep>(step) ? type.element() : Type::Dynamic();
    case Type::Kind::kMap:
      return std::holds_alternative<IndexStep>(step) ? Type::Dynamic() : type.element();
    default:
      return Type::Dynamic();
  }
}

// One step into a known, non-null value; a null of type Dynamic when the step
// does not apply.
Value StepInto(const Value& value, const PathStep& step) {
  const Type::Kind kind = value.type().kind();
  if (const auto* index = std::get_if<IndexStep>(&step)) {
    if (kind != Type::Kind::kList && kind != Type::Kind::kTuple) return Value();
    const auto& elements = value.Elements();
    if (index->index < 0 || static_cast<size_t>(index->index) >= elements.size()) return Value();
    return elements[static_cast<size_t>(index->index)];
  }
  // Attribute and key steps are interchangeable on objects and maps: Terraform
  // addresses map elements by key and object attributes by name, but callers
  // sometimes mix them up.
  if (kind != Type::Kind::kObject && kind != Type::Kind::kMap) return Value();
  const std::string& name = std::holds_alternative<AttrStep>(step) ? std::get<AttrStep>(step).name
                                                                   : std::get<KeyStep>(step).key;
  const auto& entries = value.Entries();
  auto it = entries.find(name);
  return it == entries.end() ? Value() : it->second;
}

}  // namespace

Path Path::Attr(std::string name) const {
  Path result = *this;
  result.steps_.emplace_back(AttrStep{std::move(name)});
  return result;
}

Path Path::Index(int64_t index) const {
  Path result = *this;
  result.steps_.emplace_back(IndexStep{index});
  return result;
}

Path Path::Key(std::string key) const {
  Path result = *this;
  result.steps_.emplace_back(KeyStep{std::move(key)});
  return result;
}

bool Path::HasPrefix(const Path& prefix) const {
  if (prefix.steps_.size() > steps_.size()) return false;
  return std::equal(prefix.steps_.begin(), prefix.steps_.end(), steps_.begin());
}

std::string Path::ToString() const {
  std::string out;
  for (const PathStep& step : steps_) {
    if (const auto* attr = std::get_if<AttrStep>(&step)) {
      if (!out.empty()) out.push_back('.');
      out.append(attr->name);
    } else if (const auto* index = std::get_if<IndexStep>(&step)) {
      absl::StrAppend(&out, "[", index->index, "]");
    } else {
      AppendQuotedKey(out, std::get<KeyStep>(step).key);
    }
  }
  return out;
}

Value Path::Apply(const Value& root) const {
  Value current = root;
  for (const PathStep& step : steps_) {
    if (current.IsNull()) return Value();
    if (!current.IsKnown()) {
      // Everything inside an unknown is unknown; keep the type if known.
      Type type = current.type();
      for (auto it = &step; it != steps_.data() + steps_.size(); ++it) type = StepType(type, *it);
      return Value::Unknown(std::move(type));
    }
    current = StepInto(current, step);
  }
  return current;
}

}  // namespace orgiam::cty
