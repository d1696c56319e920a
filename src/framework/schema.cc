#include "framework/schema.h"

#include <algorithm>
#include <map>

namespace orgiam::framework {
namespace {

template <typename T>
const T* FindByName(const std::vector<T>& items, std::string_view name) {
  auto it = std::lower_bound(items.begin(), items.end(), name,
                             [](const T& item, std::string_view n) { return item.name < n; });
  return (it != items.end() && it->name == name) ? &*it : nullptr;
}

}  // namespace

const AttributeSchema* BlockSchema::FindAttribute(std::string_view name) const {
  return FindByName(attributes, name);
}

const NestedBlockSchema* BlockSchema::FindBlock(std::string_view name) const {
  return FindByName(blocks, name);
}

cty::Type BlockSchema::ImpliedType() const {
  std::map<std::string, cty::Type> types;
  for (const AttributeSchema& attribute : attributes) types[attribute.name] = attribute.type;
  for (const NestedBlockSchema& nested : blocks) {
    const cty::Type inner = nested.block->ImpliedType();
    switch (nested.nesting) {
      case NestedBlockSchema::Nesting::kSingle:
      case NestedBlockSchema::Nesting::kGroup:
        types[nested.name] = inner;
        break;
      case NestedBlockSchema::Nesting::kList:
        types[nested.name] = cty::Type::List(inner);
        break;
      case NestedBlockSchema::Nesting::kSet:
        types[nested.name] = cty::Type::Set(inner);
        break;
      case NestedBlockSchema::Nesting::kMap:
        types[nested.name] = cty::Type::Map(inner);
        break;
    }
  }
  return cty::Type::Object(std::move(types));
}

}  // namespace orgiam::framework
