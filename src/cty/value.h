#ifndef ORGIAM_CTY_VALUE_H_
#define ORGIAM_CTY_VALUE_H_

// cty values: known, unknown (optionally refined) or null, of any Type. Immutable and cheap to
// copy (shared state). A value of a Dynamic-typed attribute carries its concrete type; a null
// or unknown value may have type Dynamic when its concrete type is not known.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cty/number.h"
#include "cty/type.h"

namespace orgiam::cty {

// What Terraform knows about an unknown value (msgpack ext type 12). All optional.
struct Refinements {
  std::optional<bool> not_null;                         // key 1 (true = definitely not null)
  std::optional<std::string> string_prefix;             // key 2
  std::optional<std::pair<Number, bool>> number_lower;  // key 3: bound, inclusive
  std::optional<std::pair<Number, bool>> number_upper;  // key 4
  std::optional<int64_t> length_min;                    // key 5
  std::optional<int64_t> length_max;                    // key 6

  bool empty() const {
    return !not_null && !string_prefix && !number_lower && !number_upper && !length_min &&
           !length_max;
  }
  bool operator==(const Refinements& other) const = default;
};

class Value {
 public:
  // A default-constructed Value is a null of type Dynamic.
  Value();

  static Value Null(Type type);
  static Value Unknown(Type type, Refinements refinements = {});
  static Value String(std::string value);
  static Value Number(cty::Number value);
  static Value Int(int64_t value);
  static Value Bool(bool value);
  // Collections take their element type explicitly so that empty ones are typed. Elements must
  // conform to it (a Dynamic element type allows any, as cty does for list(dynamic)).
  static Value List(Type element_type, std::vector<Value> elements);
  // Duplicates (by Equals) collapse; element order is canonical, so equal sets compare equal.
  static Value Set(Type element_type, std::vector<Value> elements);
  static Value Map(Type element_type, std::map<std::string, Value> elements);
  // The object's type is derived from the attribute values' types, unless `type` is given, in
  // which case every attribute of `type` must be present.
  static Value Object(std::map<std::string, Value> attributes);
  static Value Object(Type type, std::map<std::string, Value> attributes);
  static Value Tuple(std::vector<Value> elements);

  const Type& type() const;
  bool IsNull() const;
  bool IsKnown() const;        // false for unknown values (at the top level only)
  bool IsWhollyKnown() const;  // no unknown anywhere inside
  bool IsNullOrUnknown() const { return IsNull() || !IsKnown(); }
  const Refinements& refinements() const;  // empty unless unknown and refined

  // Accessors. Preconditions: known, non-null, and of the matching kind.
  const std::string& AsString() const;
  const cty::Number& AsNumber() const;
  bool AsBool() const;
  // Elements of a list, set (canonical order) or tuple.
  const std::vector<Value>& Elements() const;
  // Elements of a map or attributes of an object.
  const std::map<std::string, Value>& Entries() const;
  // Attribute of an object (a null or unknown object yields nulls). A name that the object's
  // type does not have is a programming error: reported through util::ReportMisuse (abort
  // in strict mode), then a null of type Dynamic. Non-objects yield a null of type Dynamic.
  const Value& GetAttr(const std::string& name) const;
  size_t LengthOrZero() const;  // elements/entries of a known collection or structure

  // Copy of an object with one attribute replaced; a null or unknown object is returned as
  // is. A name that the type does not have is reported through util::ReportMisuse (abort in
  // strict mode), then the object is returned unchanged: no stray attribute is ever added.
  Value WithAttr(const std::string& name, Value value) const;

  // cty equality: same type (Dynamic matches nothing but Dynamic), same nullness and
  // knownness, equal contents; sets compare as sets. Two unknowns are equal only if their
  // types are; refinements are ignored.
  bool Equals(const Value& other) const;
  bool operator==(const Value& other) const { return Equals(other); }
  bool operator!=(const Value& other) const { return !Equals(other); }

  // Debugging text such as {name = "x", n = 1, id = (unknown)}. Never log values that may hold
  // secrets; callers are responsible for that.
  std::string DebugString() const;

 private:
  struct Rep;
  explicit Value(std::shared_ptr<const Rep> rep);
  std::shared_ptr<const Rep> rep_;
};

}  // namespace orgiam::cty

#endif  // ORGIAM_CTY_VALUE_H_
