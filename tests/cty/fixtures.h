#ifndef ORGIAM_TESTS_CTY_FIXTURES_H_
#define ORGIAM_TESTS_CTY_FIXTURES_H_

// A schema that uses every kind of type, nested, and a value for it; plus a
// generator of every variant with one node replaced by a null or an unknown.

#include <vector>

#include "cty/number.h"
#include "cty/type.h"
#include "cty/value.h"

namespace orgiam::cty::testing {

inline Type InnerItemType() {
  return Type::Object({{"id", Type::Number()}, {"v", Type::List(Type::Map(Type::Number()))}});
}

inline Type NestedType() {
  return Type::Object({{"name", Type::String()},
                       {"tags", Type::Map(Type::String())},
                       {"items", Type::Set(InnerItemType())}});
}

inline Type RichType() {
  return Type::Object({
      {"s", Type::String()},
      {"n", Type::Number()},
      {"b", Type::Bool()},
      {"l", Type::List(Type::String())},
      {"st", Type::Set(Type::Number())},
      {"m", Type::Map(Type::Bool())},
      {"o",
       Type::Object({{"x", Type::Number()}, {"y", Type::Tuple({Type::String(), Type::Bool()})}})},
      {"t", Type::Tuple({Type::String(), Type::Number(), Type::List(Type::Bool())})},
      {"d", Type::Dynamic()},
      {"dl", Type::List(Type::Dynamic())},
      {"nested", Type::List(NestedType())},
      {"ml", Type::Map(Type::List(Type::Set(Type::String())))},
      {"empty_list", Type::List(Type::String())},
      {"empty_obj", Type::Object({})},
  });
}

inline Value Num(const char* text) { return Value::Number(*Number::Parse(text)); }

inline Value RichValue() {
  auto item = [](const char* id, std::vector<Value> maps) {
    return Value::Object(
        InnerItemType(),
        {{"id", Num(id)}, {"v", Value::List(Type::Map(Type::Number()), std::move(maps))}});
  };
  return Value::Object(
      RichType(),
      {
          {"s", Value::String("héllo \"world\"\n")},
          {"n", Num("123456789012345678901234567890.5")},
          {"b", Value::Bool(true)},
          {"l", Value::List(Type::String(), {Value::String("a"), Value::String("b")})},
          {"st", Value::Set(Type::Number(), {Value::Int(3), Num("0.1"), Num("-7")})},
          {"m", Value::Map(Type::Bool(), {{"yes", Value::Bool(true)}, {"no", Value::Bool(false)}})},
          {"o", Value::Object({{"x", Num("1e20")},
                               {"y", Value::Tuple({Value::String("t"), Value::Bool(false)})}})},
          {"t", Value::Tuple({Value::String("first"), Num("18446744073709551615"),
                              Value::List(Type::Bool(), {Value::Bool(true)})})},
          {"d", Value::Object({{"k", Value::String("v")}, {"n", Value::Int(1)}})},
          {"dl", Value::List(Type::Dynamic(), {Value::String("a"), Value::Int(2)})},
          {"nested",
           Value::List(NestedType(),
                       {Value::Object(
                           NestedType(),
                           {{"name", Value::String("n1")},
                            {"tags", Value::Map(Type::String(), {{"env", Value::String("prod")}})},
                            {"items", Value::Set(InnerItemType(),
                                                 {item("1", {Value::Map(Type::Number(),
                                                                        {{"a", Value::Int(-1)}})}),
                                                  item("2.5", {})})}})})},
          {"ml",
           Value::Map(Type::List(Type::Set(Type::String())),
                      {{"k", Value::List(Type::Set(Type::String()),
                                         {Value::Set(Type::String(), {Value::String("x")})})}})},
          {"empty_list", Value::List(Type::String(), {})},
          {"empty_obj", Value::Object({})},
      });
}

// `value` itself as null and unknown, then recursively every variant of it with
// exactly one nested node replaced by a null or an unknown of that node's type.
inline std::vector<Value> NullAndUnknownVariants(const Value& value) {
  std::vector<Value> out = {Value::Null(value.type()), Value::Unknown(value.type())};
  if (value.IsNullOrUnknown()) return out;
  const Type& type = value.type();
  switch (type.kind()) {
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      const auto& elements = value.Elements();
      for (size_t i = 0; i < elements.size(); ++i) {
        for (Value& variant : NullAndUnknownVariants(elements[i])) {
          std::vector<Value> copy = elements;
          copy[i] = std::move(variant);
          if (type.kind() == Type::Kind::kList) {
            out.push_back(Value::List(type.element(), std::move(copy)));
          } else if (type.kind() == Type::Kind::kSet) {
            out.push_back(Value::Set(type.element(), std::move(copy)));
          } else {
            out.push_back(Value::Tuple(std::move(copy)));
          }
        }
      }
      break;
    }
    case Type::Kind::kMap:
    case Type::Kind::kObject: {
      const auto& entries = value.Entries();
      for (const auto& [key, element] : entries) {
        for (Value& variant : NullAndUnknownVariants(element)) {
          auto copy = entries;
          copy[key] = std::move(variant);
          out.push_back(type.kind() == Type::Kind::kMap
                            ? Value::Map(type.element(), std::move(copy))
                            : Value::Object(type, std::move(copy)));
        }
      }
      break;
    }
    default:
      break;
  }
  return out;
}

}  // namespace orgiam::cty::testing

#endif  // ORGIAM_TESTS_CTY_FIXTURES_H_
