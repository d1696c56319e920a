// EncodeMsgpack: a Value as DynamicValue.msgpack (go-cty marshal rules).

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cty/codec.h"
#include "cty/internal/compare.h"
#include "cty/internal/error_path.h"
#include "cty/internal/limits.h"
#include "cty/internal/msgpack_values.h"
#include "cty/internal/msgpack_writer.h"
#include "util/status_macros.h"

namespace orgiam::cty {
namespace {

absl::Status Mismatch(const Value& value, const Type& type) {
  return absl::InvalidArgumentError(absl::StrCat(
      "a value of type ", type.FriendlyName(), " is required, got ", value.type().FriendlyName()));
}

// The first attribute present in one of two sorted key sets but not the other.
template <typename A, typename B>
absl::Status AttributeMismatch(const A& value_attributes, const B& type_attributes) {
  for (const auto& [name, unused] : type_attributes) {
    if (!value_attributes.contains(name)) {
      return absl::InvalidArgumentError(absl::StrCat("attribute \"", name, "\" is required"));
    }
  }
  for (const auto& [name, unused] : value_attributes) {
    if (!type_attributes.contains(name)) {
      return absl::InvalidArgumentError(absl::StrCat("unsupported attribute \"", name, "\""));
    }
  }
  return absl::OkStatus();
}

class Encoder {
 public:
  absl::StatusOr<std::string> EncodeAll(const Value& value, const Type& type) {
    absl::Status status = Encode(value, type, 0);
    if (!status.ok()) return path_.Annotate(status);
    return std::move(out_);
  }

 private:
  absl::Status Encode(const Value& value, const Type& type, int depth) {
    if (depth > internal::kMaxDepth) {
      return absl::InvalidArgumentError(
          absl::StrCat("value is nested more than ", internal::kMaxDepth, " levels deep"));
    }
    if (type.IsDynamic()) {
      if (!value.type().IsDynamic()) {
        // Wrapped with its concrete type (nulls and unknowns too).
        writer_.ArrayHeader(2);
        writer_.Bin(value.type().ToJsonString());
        return Encode(value, value.type(), depth + 1);
      }
      if (!value.IsKnown()) {
        internal::EncodeUnknown(writer_, value.refinements(), type);
        return absl::OkStatus();
      }
      if (value.IsNull()) {
        writer_.Nil();
        return absl::OkStatus();
      }
      return absl::InvalidArgumentError("a known value must have a concrete type");
    }

    if (value.IsNull() || !value.IsKnown()) {
      if (!value.type().IsDynamic() && !internal::TypeConformsTo(value.type(), type)) {
        return Mismatch(value, type);
      }
      if (value.IsNull()) {
        writer_.Nil();
      } else {
        internal::EncodeUnknown(writer_, value.refinements(), type);
      }
      return absl::OkStatus();
    }

    if (value.type().kind() != type.kind()) return Mismatch(value, type);
    switch (type.kind()) {
      case Type::Kind::kString:
        writer_.Str(value.AsString());
        return absl::OkStatus();
      case Type::Kind::kNumber:
        internal::EncodeNumber(writer_, value.AsNumber());
        return absl::OkStatus();
      case Type::Kind::kBool:
        writer_.Bool(value.AsBool());
        return absl::OkStatus();
      case Type::Kind::kList:
      case Type::Kind::kSet:
      case Type::Kind::kTuple: {
        const auto& elements = value.Elements();
        const bool tuple = type.kind() == Type::Kind::kTuple;
        if (tuple && elements.size() != type.elements().size()) return Mismatch(value, type);
        writer_.ArrayHeader(static_cast<uint32_t>(elements.size()));
        for (size_t i = 0; i < elements.size(); ++i) {
          absl::Status status =
              Encode(elements[i], tuple ? type.elements()[i] : type.element(), depth + 1);
          if (!status.ok()) {
            path_.PushIndex(static_cast<int64_t>(i));
            return status;
          }
        }
        return absl::OkStatus();
      }
      case Type::Kind::kMap: {
        const auto& entries = value.Entries();
        writer_.MapHeader(static_cast<uint32_t>(entries.size()));
        for (const auto& [key, element] : entries) {
          writer_.Str(key);
          absl::Status status = Encode(element, type.element(), depth + 1);
          if (!status.ok()) {
            path_.PushKey(key);
            return status;
          }
        }
        return absl::OkStatus();
      }
      case Type::Kind::kObject: {
        const auto& entries = value.Entries();
        const auto& attribute_types = type.attributes();
        RETURN_IF_ERROR(AttributeMismatch(entries, attribute_types));
        // Both maps are sorted by name and hold the same names, so they walk in
        // step; Terraform also writes attributes sorted.
        writer_.MapHeader(static_cast<uint32_t>(attribute_types.size()));
        auto entry = entries.begin();
        for (const auto& [name, attribute_type] : attribute_types) {
          writer_.Str(name);
          absl::Status status = Encode(entry->second, attribute_type, depth + 1);
          if (!status.ok()) {
            path_.PushAttr(name);
            return status;
          }
          ++entry;
        }
        return absl::OkStatus();
      }
      case Type::Kind::kDynamic:
        break;
    }
    return absl::InternalError("unhandled type");
  }

  std::string out_;
  internal::MsgpackWriter writer_{out_};
  internal::ErrorPath path_;
};

}  // namespace

absl::StatusOr<std::string> EncodeMsgpack(const Value& value, const Type& type) {
  return Encoder().EncodeAll(value, type);
}

}  // namespace orgiam::cty
