#include "cty/type.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cty/internal/limits.h"
#include "util/status_macros.h"

namespace orgiam::cty {

struct Type::Rep {
  Kind kind = Kind::kDynamic;
  // The element type of a list, set or map is elements[0]; a tuple's types are
  // all of them.
  std::vector<Type> elements;
  std::map<std::string, Type> attributes;
  bool has_dynamic = false;
};

namespace {

const Type& DynamicType() {
  static const Type* const type = new Type(Type::Dynamic());
  return *type;
}

const std::map<std::string, Type>& EmptyAttributes() {
  static const auto* const attributes = new std::map<std::string, Type>();
  return *attributes;
}

const std::vector<Type>& EmptyElements() {
  static const auto* const elements = new std::vector<Type>();
  return *elements;
}

// Describes the offending JSON without serializing it: dump() recurses, and the
// input may be nested arbitrarily deep.
absl::Status TypeJsonError(const nlohmann::json& json, absl::string_view why) {
  std::string what;
  if (json.is_string()) {
    what = absl::StrCat("\"", json.get_ref<const std::string&>().substr(0, 64), "\"");
  } else if (json.is_array() && !json.empty() && json[0].is_string()) {
    what = absl::StrCat("[\"", json[0].get_ref<const std::string&>().substr(0, 64), "\", ...]");
  } else {
    what = json.type_name();
  }
  return absl::InvalidArgumentError(absl::StrCat("invalid type JSON ", what, ": ", why));
}

absl::StatusOr<Type> FromJsonAt(const nlohmann::json& json, int depth) {
  if (depth > internal::kMaxDepth) {
    return absl::InvalidArgumentError("invalid type JSON: nested too deeply");
  }
  if (json.is_string()) {
    const auto& name = json.get_ref<const std::string&>();
    if (name == "string") return Type::String();
    if (name == "number") return Type::Number();
    if (name == "bool") return Type::Bool();
    if (name == "dynamic") return Type::Dynamic();
    return TypeJsonError(json, "unknown primitive type");
  }
  if (!json.is_array() || json.empty() || !json[0].is_string()) {
    return TypeJsonError(json, "expected a type name or [kind, ...]");
  }
  const auto& kind = json[0].get_ref<const std::string&>();
  if (kind == "list" || kind == "set" || kind == "map") {
    if (json.size() != 2) return TypeJsonError(json, "a collection type has one element type");
    ASSIGN_OR_RETURN(Type element, FromJsonAt(json[1], depth + 1));
    if (kind == "list") return Type::List(std::move(element));
    if (kind == "set") return Type::Set(std::move(element));
    return Type::Map(std::move(element));
  }
  if (kind == "object") {
    // A third element (the optional-attribute list of a type constraint) is
    // accepted and ignored.
    if (json.size() != 2 && json.size() != 3) return TypeJsonError(json, "malformed object type");
    if (!json[1].is_object()) return TypeJsonError(json, "object attributes must be a JSON object");
    if (json.size() == 3 && !json[2].is_array()) {
      return TypeJsonError(json, "optional attributes must be a JSON array");
    }
    std::map<std::string, Type> attributes;
    for (const auto& [name, attribute_json] : json[1].items()) {
      ASSIGN_OR_RETURN(Type attribute, FromJsonAt(attribute_json, depth + 1));
      attributes.emplace(name, std::move(attribute));
    }
    return Type::Object(std::move(attributes));
  }
  if (kind == "tuple") {
    if (json.size() != 2 || !json[1].is_array()) return TypeJsonError(json, "malformed tuple type");
    std::vector<Type> elements;
    elements.reserve(json[1].size());
    for (const auto& element_json : json[1]) {
      ASSIGN_OR_RETURN(Type element, FromJsonAt(element_json, depth + 1));
      elements.push_back(std::move(element));
    }
    return Type::Tuple(std::move(elements));
  }
  return TypeJsonError(json, "unknown type kind");
}

}  // namespace

// Primitive and dynamic types are shared singletons, so copying them never
// allocates and comparing them is a pointer comparison. Leaked on purpose: no
// destruction-order hazards.
Type::Type() : Type(Dynamic()) {}
Type::Type(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}

Type Type::Singleton(Kind kind) {
  auto rep = std::make_shared<Rep>();
  rep->kind = kind;
  rep->has_dynamic = kind == Kind::kDynamic;
  return Type(std::move(rep));
}

Type Type::String() {
  static const Type* const type = new Type(Singleton(Kind::kString));
  return *type;
}

Type Type::Number() {
  static const Type* const type = new Type(Singleton(Kind::kNumber));
  return *type;
}

Type Type::Bool() {
  static const Type* const type = new Type(Singleton(Kind::kBool));
  return *type;
}

Type Type::Dynamic() {
  static const Type* const type = new Type(Singleton(Kind::kDynamic));
  return *type;
}

Type Type::Collection(Kind kind, Type element) {
  auto rep = std::make_shared<Rep>();
  rep->kind = kind;
  rep->has_dynamic = element.HasDynamic();
  rep->elements.push_back(std::move(element));
  return Type(std::move(rep));
}

Type Type::List(Type element) { return Collection(Kind::kList, std::move(element)); }

Type Type::Set(Type element) { return Collection(Kind::kSet, std::move(element)); }

Type Type::Map(Type element) { return Collection(Kind::kMap, std::move(element)); }

Type Type::Object(std::map<std::string, Type> attributes) {
  auto rep = std::make_shared<Rep>();
  rep->kind = Kind::kObject;
  for (const auto& [name, type] : attributes) rep->has_dynamic |= type.HasDynamic();
  rep->attributes = std::move(attributes);
  return Type(std::move(rep));
}

Type Type::Tuple(std::vector<Type> elements) {
  auto rep = std::make_shared<Rep>();
  rep->kind = Kind::kTuple;
  for (const auto& type : elements) rep->has_dynamic |= type.HasDynamic();
  rep->elements = std::move(elements);
  return Type(std::move(rep));
}

Type::Kind Type::kind() const { return rep_->kind; }

bool Type::IsPrimitive() const {
  const Kind k = kind();
  return k == Kind::kString || k == Kind::kNumber || k == Kind::kBool;
}

bool Type::IsCollection() const {
  const Kind k = kind();
  return k == Kind::kList || k == Kind::kSet || k == Kind::kMap;
}

bool Type::IsStructural() const {
  const Kind k = kind();
  return k == Kind::kObject || k == Kind::kTuple;
}

const Type& Type::element() const {
  return IsCollection() ? rep_->elements.front() : DynamicType();
}

const std::map<std::string, Type>& Type::attributes() const {
  return kind() == Kind::kObject ? rep_->attributes : EmptyAttributes();
}

const std::vector<Type>& Type::elements() const {
  return kind() == Kind::kTuple ? rep_->elements : EmptyElements();
}

bool Type::HasDynamic() const { return rep_->has_dynamic; }

bool Type::operator==(const Type& other) const {
  if (rep_ == other.rep_) return true;
  if (rep_->kind != other.rep_->kind) return false;
  return rep_->elements == other.rep_->elements && rep_->attributes == other.rep_->attributes;
}

nlohmann::json Type::ToJson() const {
  switch (kind()) {
    case Kind::kString:
      return "string";
    case Kind::kNumber:
      return "number";
    case Kind::kBool:
      return "bool";
    case Kind::kDynamic:
      return "dynamic";
    case Kind::kList:
      return nlohmann::json::array({"list", element().ToJson()});
    case Kind::kSet:
      return nlohmann::json::array({"set", element().ToJson()});
    case Kind::kMap:
      return nlohmann::json::array({"map", element().ToJson()});
    case Kind::kObject: {
      nlohmann::json attributes = nlohmann::json::object();
      for (const auto& [name, type] : rep_->attributes) attributes[name] = type.ToJson();
      return nlohmann::json::array({"object", std::move(attributes)});
    }
    case Kind::kTuple: {
      nlohmann::json elements = nlohmann::json::array();
      for (const auto& type : rep_->elements) elements.push_back(type.ToJson());
      return nlohmann::json::array({"tuple", std::move(elements)});
    }
  }
  return "dynamic";
}

std::string Type::ToJsonString() const {
  // Attribute names are not guaranteed to be UTF-8 when built in code; never
  // throw over that.
  return ToJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

absl::StatusOr<Type> Type::FromJson(const nlohmann::json& json) { return FromJsonAt(json, 0); }

absl::StatusOr<Type> Type::FromJsonString(std::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return absl::InvalidArgumentError("type JSON is not valid JSON");
  return FromJson(json);
}

std::string Type::FriendlyName() const {
  switch (kind()) {
    case Kind::kString:
      return "string";
    case Kind::kNumber:
      return "number";
    case Kind::kBool:
      return "bool";
    case Kind::kDynamic:
      return "dynamic";
    case Kind::kList:
      return "list of " + element().FriendlyName();
    case Kind::kSet:
      return "set of " + element().FriendlyName();
    case Kind::kMap:
      return "map of " + element().FriendlyName();
    case Kind::kObject:
      return "object";
    case Kind::kTuple:
      return "tuple";
  }
  return "dynamic";
}

}  // namespace orgiam::cty
