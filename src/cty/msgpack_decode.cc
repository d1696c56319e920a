// DecodeMsgpack: Terraform's DynamicValue.msgpack into a cty Value (go-cty
// unmarshal rules).

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cty/codec.h"
#include "cty/internal/error_path.h"
#include "cty/internal/limits.h"
#include "cty/internal/msgpack_reader.h"
#include "cty/internal/msgpack_values.h"
#include "util/status_macros.h"

namespace orgiam::cty {
namespace {

using internal::MsgpackHeader;
using Family = MsgpackHeader::Family;

absl::Status Required(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(what, " is required"));
}

class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : reader_(bytes) {}

  absl::StatusOr<Value> DecodeAll(const Type& type) {
    auto value = Decode(type, 0);
    if (!value.ok()) return path_.Annotate(value.status());
    if (!reader_.AtEnd()) {
      return absl::InvalidArgumentError(
          absl::StrCat(reader_.remaining(), " unexpected bytes after the msgpack value"));
    }
    return value;
  }

 private:
  absl::StatusOr<Value> Decode(const Type& type, int depth) {
    if (depth > internal::kMaxDepth) {
      return absl::InvalidArgumentError(
          absl::StrCat("value is nested more than ", internal::kMaxDepth, " levels deep"));
    }
    ASSIGN_OR_RETURN(MsgpackHeader h, reader_.ReadHeader());
    // Any extension is an unknown value; only type 12 carries refinements.
    if (h.family == Family::kExt) {
      ASSIGN_OR_RETURN(std::string_view payload, reader_.ReadPayload(h.length));
      if (h.ext_type != internal::kRefinedUnknownExt || payload.size() <= 1) {
        return Value::Unknown(type);
      }
      ASSIGN_OR_RETURN(Refinements refinements, internal::DecodeRefinements(payload, type));
      return Value::Unknown(type, std::move(refinements));
    }
    if (type.IsDynamic()) return DecodeDynamic(h, depth);
    if (h.family == Family::kNil) return Value::Null(type);

    switch (type.kind()) {
      case Type::Kind::kString: {
        if (!h.IsString()) return Required("string");
        ASSIGN_OR_RETURN(std::string_view text, reader_.ReadPayload(h.length));
        return Value::String(std::string(text));
      }
      case Type::Kind::kNumber: {
        auto number = internal::DecodeNumber(reader_, h);
        if (!number.ok()) {
          return absl::InvalidArgumentError(
              absl::StrCat("number is required: ", number.status().message()));
        }
        return Value::Number(*std::move(number));
      }
      case Type::Kind::kBool:
        if (h.family != Family::kBool) return Required("bool");
        return Value::Bool(h.boolean);
      case Type::Kind::kList:
      case Type::Kind::kSet: {
        const bool is_list = type.kind() == Type::Kind::kList;
        if (h.family != Family::kArray) return Required(is_list ? "a list" : "a set");
        ASSIGN_OR_RETURN(std::vector<Value> elements, DecodeElements(h.length, type, depth));
        return is_list ? Value::List(type.element(), std::move(elements))
                       : Value::Set(type.element(), std::move(elements));
      }
      case Type::Kind::kTuple: {
        if (h.family != Family::kArray) return Required("a tuple");
        if (h.length != type.elements().size()) {
          return absl::InvalidArgumentError(absl::StrCat(
              "a tuple of length ", type.elements().size(), " is required (", h.length, " given)"));
        }
        ASSIGN_OR_RETURN(std::vector<Value> elements, DecodeElements(h.length, type, depth));
        return Value::Tuple(std::move(elements));
      }
      case Type::Kind::kMap:
        if (h.family != Family::kMap) return Required("a map");
        return DecodeMap(h.length, type, depth);
      case Type::Kind::kObject:
        if (h.family != Family::kMap) return Required("an object");
        return DecodeObject(h.length, type, depth);
      case Type::Kind::kDynamic:
        break;
    }
    return absl::InternalError("unhandled type");
  }

  // Elements of a list, set (element type) or tuple (per-position types).
  absl::StatusOr<std::vector<Value>> DecodeElements(uint32_t length, const Type& type, int depth) {
    const bool tuple = type.kind() == Type::Kind::kTuple;
    std::vector<Value> elements;
    elements.reserve(length);
    for (uint32_t i = 0; i < length; ++i) {
      auto element = Decode(tuple ? type.elements()[i] : type.element(), depth + 1);
      if (!element.ok()) {
        path_.PushIndex(i);
        return element.status();
      }
      elements.push_back(*std::move(element));
    }
    return elements;
  }

  absl::StatusOr<Value> DecodeMap(uint32_t length, const Type& type, int depth) {
    std::map<std::string, Value> entries;
    for (uint32_t i = 0; i < length; ++i) {
      auto key = reader_.ReadString();
      if (!key.ok()) return absl::InvalidArgumentError("map keys must be strings");
      auto element = Decode(type.element(), depth + 1);
      if (!element.ok()) {
        path_.PushKey(std::string(*key));
        return element.status();
      }
      // A repeated key overwrites the earlier one, as in go-cty.
      entries.insert_or_assign(std::string(*key), *std::move(element));
    }
    return Value::Map(type.element(), std::move(entries));
  }

  absl::StatusOr<Value> DecodeObject(uint32_t length, const Type& type, int depth) {
    const auto& attribute_types = type.attributes();
    if (length != attribute_types.size()) {
      return absl::InvalidArgumentError(absl::StrCat("an object with ", attribute_types.size(),
                                                     " attributes is required (", length,
                                                     " given)"));
    }
    std::map<std::string, Value> attributes;
    for (uint32_t i = 0; i < length; ++i) {
      auto key = reader_.ReadString();
      if (!key.ok()) return absl::InvalidArgumentError("all object keys must be strings");
      std::string name(*key);
      auto it = attribute_types.find(name);
      if (it == attribute_types.end()) {
        return absl::InvalidArgumentError(absl::StrCat("unsupported attribute \"", name, "\""));
      }
      if (attributes.contains(name)) {
        return absl::InvalidArgumentError(absl::StrCat("duplicate attribute \"", name, "\""));
      }
      auto attribute = Decode(it->second, depth + 1);
      if (!attribute.ok()) {
        path_.PushAttr(std::move(name));
        return attribute.status();
      }
      attributes.emplace(std::move(name), *std::move(attribute));
    }
    return Value::Object(type, std::move(attributes));
  }

  // [type JSON (bin or str), value]; nil is a null of unknown type.
  absl::StatusOr<Value> DecodeDynamic(const MsgpackHeader& h, int depth) {
    if (h.family == Family::kNil) return Value::Null(Type::Dynamic());
    if (h.family != Family::kArray || h.length != 2) {
      return absl::InvalidArgumentError("dynamic value array must have exactly two elements");
    }
    auto type_json = reader_.ReadString();
    if (!type_json.ok()) {
      return absl::InvalidArgumentError("dynamic value type must be a JSON string or bytes");
    }
    auto type = Type::FromJsonString(*type_json);
    if (!type.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("dynamic value has an invalid type: ", type.status().message()));
    }
    return Decode(*type, depth + 1);
  }

  internal::MsgpackReader reader_;
  internal::ErrorPath path_;
};

}  // namespace

absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes, const Type& type) {
  return Decoder(bytes).DecodeAll(type);
}

}  // namespace orgiam::cty
