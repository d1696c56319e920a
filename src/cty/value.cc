#include "cty/value.h"

#include <algorithm>
#include <variant>

#include "cty/internal/compare.h"
#include "cty/internal/json_string.h"
#include "util/misuse.h"

namespace orgiam::cty {

struct Value::Rep {
  enum class State : uint8_t { kNull, kUnknown, kKnown };

  Type type;
  State state = State::kNull;
  bool wholly_known = true;                        // no unknown anywhere inside
  std::shared_ptr<const Refinements> refinements;  // unknown values only; null when empty
  std::variant<std::monostate, std::string, cty::Number, bool, std::vector<Value>,
               std::map<std::string, Value>>
      data;
};

namespace {

const Value& NullDynamic() {
  static const Value* const value = new Value();
  return *value;
}

// "object {a, b, c}": what a misuse report names, so the misspelling stands out.
std::string DescribeObjectType(const Type& type) {
  std::string out = "object {";
  bool first = true;
  for (const auto& [name, attribute_type] : type.attributes()) {
    out += first ? "" : ", ";
    out += name;
    first = false;
  }
  return out + "}";
}

void ReportNoSuchAttribute(const char* accessor, const Type& type, const std::string& name) {
  util::ReportMisuse(std::string("cty::Value::") + accessor + "(\"" + name + "\") on " +
                     DescribeObjectType(type) + ", which has no attribute \"" + name + "\"");
}

const Refinements& NoRefinements() {
  static const Refinements* const refinements = new Refinements();
  return *refinements;
}

// A null or unknown whose type is not known takes the type of the slot it is
// placed in, so that e.g. Value::Object(schema, {{"id", Value()}}) equals the
// decoded form of the same data.
Value Adopt(Value value, const Type& slot) {
  if (slot.IsDynamic() || !value.type().IsDynamic()) return value;
  if (value.IsNull()) return Value::Null(slot);
  if (!value.IsKnown()) return Value::Unknown(slot, value.refinements());
  return value;
}

bool AllWhollyKnown(const std::vector<Value>& values) {
  return std::all_of(values.begin(), values.end(),
                     [](const Value& v) { return v.IsWhollyKnown(); });
}

bool AllWhollyKnown(const std::map<std::string, Value>& values) {
  return std::all_of(values.begin(), values.end(),
                     [](const auto& entry) { return entry.second.IsWhollyKnown(); });
}

void AppendDebug(std::string& out, const Value& value) {
  if (!value.IsKnown()) {
    out.append("(unknown)");
    return;
  }
  if (value.IsNull()) {
    out.append("null");
    return;
  }
  switch (value.type().kind()) {
    case Type::Kind::kString:
      internal::AppendJsonString(out, value.AsString());
      return;
    case Type::Kind::kNumber:
      out.append(value.AsNumber().text());
      return;
    case Type::Kind::kBool:
      out.append(value.AsBool() ? "true" : "false");
      return;
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      out.push_back('[');
      bool first = true;
      for (const Value& element : value.Elements()) {
        if (!first) out.append(", ");
        first = false;
        AppendDebug(out, element);
      }
      out.push_back(']');
      return;
    }
    case Type::Kind::kMap:
    case Type::Kind::kObject: {
      const bool quote_keys = value.type().kind() == Type::Kind::kMap;
      out.push_back('{');
      bool first = true;
      for (const auto& [key, element] : value.Entries()) {
        if (!first) out.append(", ");
        first = false;
        if (quote_keys) {
          internal::AppendJsonString(out, key);
        } else {
          out.append(key);
        }
        out.append(" = ");
        AppendDebug(out, element);
      }
      out.push_back('}');
      return;
    }
    case Type::Kind::kDynamic:
      out.append("(dynamic)");
      return;
  }
}

}  // namespace

Value::Value()
    : rep_([] {
        // One shared rep for all default-constructed values; leaked.
        static const auto* const rep = new std::shared_ptr<const Rep>(std::make_shared<Rep>());
        return *rep;
      }()) {}

Value::Value(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}

Value Value::Null(Type type) {
  if (type.IsDynamic()) return NullDynamic();
  auto rep = std::make_shared<Rep>();
  rep->type = std::move(type);
  return Value(std::move(rep));
}

Value Value::Unknown(Type type, Refinements refinements) {
  auto rep = std::make_shared<Rep>();
  rep->type = std::move(type);
  rep->state = Rep::State::kUnknown;
  rep->wholly_known = false;
  if (!refinements.empty()) {
    rep->refinements = std::make_shared<const Refinements>(std::move(refinements));
  }
  return Value(std::move(rep));
}

Value Value::String(std::string value) {
  auto rep = std::make_shared<Rep>();
  rep->type = Type::String();
  rep->state = Rep::State::kKnown;
  rep->data = std::move(value);
  return Value(std::move(rep));
}

Value Value::Number(cty::Number value) {
  auto rep = std::make_shared<Rep>();
  rep->type = Type::Number();
  rep->state = Rep::State::kKnown;
  rep->data = std::move(value);
  return Value(std::move(rep));
}

Value Value::Int(int64_t value) { return Number(cty::Number::FromInt64(value)); }

Value Value::Bool(bool value) {
  static const auto* const reps = [] {
    auto* pair = new std::shared_ptr<const Rep>[2];
    for (int i = 0; i < 2; ++i) {
      auto rep = std::make_shared<Rep>();
      rep->type = Type::Bool();
      rep->state = Rep::State::kKnown;
      rep->data = i == 1;
      pair[i] = std::move(rep);
    }
    return pair;
  }();
  return Value(reps[value ? 1 : 0]);
}

Value Value::List(Type element_type, std::vector<Value> elements) {
  for (Value& element : elements) element = Adopt(std::move(element), element_type);
  auto rep = std::make_shared<Rep>();
  rep->type = Type::List(std::move(element_type));
  rep->state = Rep::State::kKnown;
  rep->wholly_known = AllWhollyKnown(elements);
  rep->data = std::move(elements);
  return Value(std::move(rep));
}

Value Value::Set(Type element_type, std::vector<Value> elements) {
  for (Value& element : elements) element = Adopt(std::move(element), element_type);
  std::stable_sort(elements.begin(), elements.end(), [](const Value& a, const Value& b) {
    return internal::CompareValues(a, b) < 0;
  });
  // As in cty, only definitely-equal elements collapse: anything containing an
  // unknown might turn out to differ, so it stays.
  auto last = std::unique(elements.begin(), elements.end(), [](const Value& a, const Value& b) {
    return a.IsWhollyKnown() && internal::CompareValues(a, b) == 0;
  });
  elements.erase(last, elements.end());
  auto rep = std::make_shared<Rep>();
  rep->type = Type::Set(std::move(element_type));
  rep->state = Rep::State::kKnown;
  rep->wholly_known = AllWhollyKnown(elements);
  rep->data = std::move(elements);
  return Value(std::move(rep));
}

Value Value::Map(Type element_type, std::map<std::string, Value> elements) {
  for (auto& [key, element] : elements) element = Adopt(std::move(element), element_type);
  auto rep = std::make_shared<Rep>();
  rep->type = Type::Map(std::move(element_type));
  rep->state = Rep::State::kKnown;
  rep->wholly_known = AllWhollyKnown(elements);
  rep->data = std::move(elements);
  return Value(std::move(rep));
}

Value Value::Object(std::map<std::string, Value> attributes) {
  std::map<std::string, Type> types;
  for (const auto& [name, value] : attributes) types.emplace_hint(types.end(), name, value.type());
  auto rep = std::make_shared<Rep>();
  rep->type = Type::Object(std::move(types));
  rep->state = Rep::State::kKnown;
  rep->wholly_known = AllWhollyKnown(attributes);
  rep->data = std::move(attributes);
  return Value(std::move(rep));
}

Value Value::Object(Type type, std::map<std::string, Value> attributes) {
  if (type.kind() != Type::Kind::kObject) return Object(std::move(attributes));
  // Missing attributes become typed nulls. Attributes the type lacks are kept
  // and added to the type, so that encoding against the schema reports them
  // instead of silently dropping them.
  std::map<std::string, Type> extra;
  for (auto& [name, value] : attributes) {
    auto it = type.attributes().find(name);
    if (it == type.attributes().end()) {
      extra.emplace(name, value.type());
    } else {
      value = Adopt(std::move(value), it->second);
    }
  }
  for (const auto& [name, attribute_type] : type.attributes()) {
    if (!attributes.contains(name)) attributes.emplace(name, Null(attribute_type));
  }
  if (!extra.empty()) {
    extra.insert(type.attributes().begin(), type.attributes().end());
    type = Type::Object(std::move(extra));
  }
  auto rep = std::make_shared<Rep>();
  rep->type = std::move(type);
  rep->state = Rep::State::kKnown;
  rep->wholly_known = AllWhollyKnown(attributes);
  rep->data = std::move(attributes);
  return Value(std::move(rep));
}

Value Value::Tuple(std::vector<Value> elements) {
  std::vector<Type> types;
  types.reserve(elements.size());
  for (const Value& element : elements) types.push_back(element.type());
  auto rep = std::make_shared<Rep>();
  rep->type = Type::Tuple(std::move(types));
  rep->state = Rep::State::kKnown;
  rep->wholly_known = AllWhollyKnown(elements);
  rep->data = std::move(elements);
  return Value(std::move(rep));
}

const Type& Value::type() const { return rep_->type; }
bool Value::IsNull() const { return rep_->state == Rep::State::kNull; }
bool Value::IsKnown() const { return rep_->state != Rep::State::kUnknown; }
bool Value::IsWhollyKnown() const { return rep_->wholly_known; }

const Refinements& Value::refinements() const {
  return rep_->refinements ? *rep_->refinements : NoRefinements();
}

// Accessors fall back to empty results instead of invoking undefined behaviour
// when their preconditions are violated.
const std::string& Value::AsString() const {
  static const std::string* const empty = new std::string();
  const auto* s = std::get_if<std::string>(&rep_->data);
  return s ? *s : *empty;
}

const cty::Number& Value::AsNumber() const {
  static const cty::Number* const zero = new cty::Number();
  const auto* n = std::get_if<cty::Number>(&rep_->data);
  return n ? *n : *zero;
}

bool Value::AsBool() const {
  const auto* b = std::get_if<bool>(&rep_->data);
  return b && *b;
}

const std::vector<Value>& Value::Elements() const {
  static const auto* const empty = new std::vector<Value>();
  const auto* v = std::get_if<std::vector<Value>>(&rep_->data);
  return v ? *v : *empty;
}

const std::map<std::string, Value>& Value::Entries() const {
  static const auto* const empty = new std::map<std::string, Value>();
  const auto* m = std::get_if<std::map<std::string, Value>>(&rep_->data);
  return m ? *m : *empty;
}

const Value& Value::GetAttr(const std::string& name) const {
  if (type().kind() != Type::Kind::kObject) return NullDynamic();
  if (!type().attributes().contains(name)) {
    ReportNoSuchAttribute("GetAttr", type(), name);
    return NullDynamic();
  }
  const auto& entries = Entries();
  auto it = entries.find(name);
  return it == entries.end() ? NullDynamic() : it->second;
}

size_t Value::LengthOrZero() const {
  if (const auto* v = std::get_if<std::vector<Value>>(&rep_->data)) return v->size();
  if (const auto* m = std::get_if<std::map<std::string, Value>>(&rep_->data)) return m->size();
  return 0;
}

Value Value::WithAttr(const std::string& name, Value value) const {
  if (type().kind() != Type::Kind::kObject) return *this;
  const auto& attribute_types = type().attributes();
  auto type_it = attribute_types.find(name);
  if (type_it == attribute_types.end()) {
    ReportNoSuchAttribute("WithAttr", type(), name);
    return *this;
  }
  if (IsNull() || !IsKnown()) return *this;
  value = Adopt(std::move(value), type_it->second);

  Type new_type = type();
  if (!type_it->second.IsDynamic() && value.type() != type_it->second) {
    // The value does not fit the declared attribute type: record its real type,
    // as an object built from attribute values would, so that encoding reports
    // the mismatch.
    std::map<std::string, Type> types = attribute_types;
    types[name] = value.type();
    new_type = Type::Object(std::move(types));
  }
  std::map<std::string, Value> attributes = Entries();
  attributes[name] = std::move(value);

  auto rep = std::make_shared<Rep>();
  rep->type = std::move(new_type);
  rep->state = Rep::State::kKnown;
  rep->wholly_known = AllWhollyKnown(attributes);
  rep->data = std::move(attributes);
  return Value(std::move(rep));
}

bool Value::Equals(const Value& other) const {
  return rep_ == other.rep_ || internal::CompareValues(*this, other) == 0;
}

std::string Value::DebugString() const {
  std::string out;
  AppendDebug(out, *this);
  return out;
}

}  // namespace orgiam::cty
