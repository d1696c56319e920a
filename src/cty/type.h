#ifndef ORGIAM_CTY_TYPE_H_
#define ORGIAM_CTY_TYPE_H_

// The cty type system as Terraform uses it on the wire: primitives, collections, structural
// types and the dynamic pseudo-type. Types are immutable and cheap to copy (shared state).

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"

namespace orgiam::cty {

class Type {
 public:
  enum class Kind { kString, kNumber, kBool, kDynamic, kList, kSet, kMap, kObject, kTuple };

  // A default-constructed Type is Dynamic.
  Type();

  static Type String();
  static Type Number();
  static Type Bool();
  static Type Dynamic();
  static Type List(Type element);
  static Type Set(Type element);
  static Type Map(Type element);
  static Type Object(std::map<std::string, Type> attributes);
  static Type Tuple(std::vector<Type> elements);

  Kind kind() const;
  bool IsPrimitive() const;   // string, number, bool
  bool IsCollection() const;  // list, set, map
  bool IsStructural() const;  // object, tuple
  bool IsDynamic() const { return kind() == Kind::kDynamic; }

  // Element type of a list, set or map. Precondition: IsCollection().
  const Type& element() const;
  // Attribute types of an object. Precondition: kind() == kObject.
  const std::map<std::string, Type>& attributes() const;
  // Element types of a tuple. Precondition: kind() == kTuple.
  const std::vector<Type>& elements() const;

  // True if the type contains Dynamic anywhere.
  bool HasDynamic() const;

  bool operator==(const Type& other) const;
  bool operator!=(const Type& other) const { return !(*this == other); }

  // Terraform's type JSON: "string", ["list","string"], ["object",{"a":"number"}], ...
  nlohmann::json ToJson() const;
  std::string ToJsonString() const;  // compact
  static absl::StatusOr<Type> FromJson(const nlohmann::json& json);
  static absl::StatusOr<Type> FromJsonString(std::string_view text);

  // Human-readable form for diagnostics: "string", "list of string", "object".
  std::string FriendlyName() const;

 private:
  struct Rep;
  explicit Type(std::shared_ptr<const Rep> rep);
  // A fresh representation of a primitive or dynamic type, for the singletons.
  static Type Singleton(Kind kind);
  // A list, set or map of `element`.
  static Type Collection(Kind kind, Type element);
  std::shared_ptr<const Rep> rep_;
};

}  // namespace orgiam::cty

#endif  // ORGIAM_CTY_TYPE_H_
