// cty JSON (DynamicValue.json, raw_state.json), as go-cty's cty/json.

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cty/codec.h"
#include "cty/internal/compare.h"
#include "cty/internal/error_path.h"
#include "cty/internal/json_string.h"
#include "cty/internal/json_tree.h"
#include "cty/internal/limits.h"
#include "cty/internal/utf8.h"
#include "util/status_macros.h"

namespace orgiam::cty {
namespace {

using internal::JsonNode;
using NodeKind = JsonNode::Kind;

// JSON nesting allowed while parsing: each value level can take two (a dynamic
// wrapper object around the value), plus room for type expressions.
constexpr int kMaxJsonDepth = 4 * internal::kMaxDepth;

absl::Status Required(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(what, " is required"));
}

absl::Status TooDeep() {
  return absl::InvalidArgumentError(
      absl::StrCat("value is nested more than ", internal::kMaxDepth, " levels deep"));
}

class JsonDecoder {
 public:
  absl::StatusOr<Value> DecodeAll(const JsonNode& root, const Type& type) {
    auto value = Decode(root, type, 0);
    if (!value.ok()) return path_.Annotate(value.status());
    return value;
  }

 private:
  absl::StatusOr<Value> Decode(const JsonNode& node, const Type& type, int depth) {
    if (depth > internal::kMaxDepth) return TooDeep();
    if (node.kind == NodeKind::kNull) return Value::Null(type);
    switch (type.kind()) {
      case Type::Kind::kDynamic:
        return DecodeDynamic(node, depth);
      case Type::Kind::kString:
        // go-cty converts JSON numbers and bools to strings.
        switch (node.kind) {
          case NodeKind::kString:
          case NodeKind::kNumber:
            return Value::String(node.text);
          case NodeKind::kBool:
            return Value::String(node.boolean ? "true" : "false");
          default:
            return Required("string");
        }
      case Type::Kind::kNumber: {
        if (node.kind != NodeKind::kNumber && node.kind != NodeKind::kString) {
          return Required("number");
        }
        auto number = Number::Parse(node.text);
        if (!number.ok()) {
          return absl::InvalidArgumentError(
              absl::StrCat("number is required: ", number.status().message()));
        }
        return Value::Number(*std::move(number));
      }
      case Type::Kind::kBool:
        if (node.kind == NodeKind::kBool) return Value::Bool(node.boolean);
        if (node.kind == NodeKind::kString && (node.text == "true" || node.text == "false")) {
          return Value::Bool(node.text == "true");
        }
        return Required("bool");
      case Type::Kind::kList:
      case Type::Kind::kSet: {
        const bool is_list = type.kind() == Type::Kind::kList;
        if (node.kind != NodeKind::kArray) {
          return Required(is_list ? "a JSON array for a list" : "a JSON array for a set");
        }
        ASSIGN_OR_RETURN(std::vector<Value> elements, DecodeElements(node, type, depth));
        return is_list ? Value::List(type.element(), std::move(elements))
                       : Value::Set(type.element(), std::move(elements));
      }
      case Type::Kind::kTuple: {
        if (node.kind != NodeKind::kArray) return Required("a JSON array for a tuple");
        if (node.elements.size() != type.elements().size()) {
          return absl::InvalidArgumentError(absl::StrCat("a tuple of length ",
                                                         type.elements().size(), " is required (",
                                                         node.elements.size(), " given)"));
        }
        ASSIGN_OR_RETURN(std::vector<Value> elements, DecodeElements(node, type, depth));
        return Value::Tuple(std::move(elements));
      }
      case Type::Kind::kMap: {
        if (node.kind != NodeKind::kObject) return Required("a JSON object for a map");
        std::map<std::string, Value> entries;
        for (const auto& [key, member] : node.members) {
          auto element = Decode(member, type.element(), depth + 1);
          if (!element.ok()) {
            path_.PushKey(key);
            return element.status();
          }
          entries.insert_or_assign(key, *std::move(element));  // the last duplicate wins
        }
        return Value::Map(type.element(), std::move(entries));
      }
      case Type::Kind::kObject: {
        if (node.kind != NodeKind::kObject) return Required("a JSON object for an object");
        const auto& attribute_types = type.attributes();
        std::map<std::string, Value> attributes;
        for (const auto& [key, member] : node.members) {
          auto it = attribute_types.find(key);
          if (it == attribute_types.end()) {
            return absl::InvalidArgumentError(absl::StrCat("unsupported attribute \"", key, "\""));
          }
          auto attribute = Decode(member, it->second, depth + 1);
          if (!attribute.ok()) {
            path_.PushAttr(key);
            return attribute.status();
          }
          attributes.insert_or_assign(key, *std::move(attribute));
        }
        // Missing attributes are null; Value::Object fills them in.
        return Value::Object(type, std::move(attributes));
      }
    }
    return absl::InternalError("unhandled type");
  }

  absl::StatusOr<std::vector<Value>> DecodeElements(const JsonNode& node, const Type& type,
                                                    int depth) {
    const bool tuple = type.kind() == Type::Kind::kTuple;
    std::vector<Value> elements;
    elements.reserve(node.elements.size());
    for (size_t i = 0; i < node.elements.size(); ++i) {
      auto element =
          Decode(node.elements[i], tuple ? type.elements()[i] : type.element(), depth + 1);
      if (!element.ok()) {
        path_.PushIndex(static_cast<int64_t>(i));
        return element.status();
      }
      elements.push_back(*std::move(element));
    }
    return elements;
  }

  // {"value": V, "type": T}
  absl::StatusOr<Value> DecodeDynamic(const JsonNode& node, int depth) {
    if (node.kind != NodeKind::kObject) {
      return Required("a JSON object for a dynamically-typed value");
    }
    const JsonNode* value = nullptr;
    const JsonNode* type_json = nullptr;
    for (const auto& [key, member] : node.members) {
      if (key == "value") {
        value = &member;
      } else if (key == "type") {
        type_json = &member;
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat("invalid key \"", key, "\" in dynamically-typed value"));
      }
    }
    if (type_json == nullptr) {
      return absl::InvalidArgumentError("missing type in dynamically-typed value");
    }
    if (value == nullptr) {
      return absl::InvalidArgumentError("missing value in dynamically-typed value");
    }
    ASSIGN_OR_RETURN(Type type, Type::FromJson(internal::ToNlohmann(*type_json)));
    return Decode(*value, type, depth + 1);
  }

  internal::ErrorPath path_;
};

class JsonEncoder {
 public:
  absl::StatusOr<std::string> EncodeAll(const Value& value, const Type& type) {
    absl::Status status = Encode(value, type, 0);
    if (!status.ok()) return path_.Annotate(status);
    return std::move(out_);
  }

 private:
  absl::Status Mismatch(const Value& value, const Type& type) {
    return absl::InvalidArgumentError(absl::StrCat("a value of type ", type.FriendlyName(),
                                                   " is required, got ",
                                                   value.type().FriendlyName()));
  }

  absl::Status Encode(const Value& value, const Type& type, int depth) {
    if (depth > internal::kMaxDepth) return TooDeep();
    if (type.IsDynamic() && !value.type().IsDynamic()) {
      out_.append("{\"value\":");
      RETURN_IF_ERROR(Encode(value, value.type(), depth + 1));
      out_.append(",\"type\":");
      out_.append(value.type().ToJsonString());
      out_.push_back('}');
      return absl::OkStatus();
    }
    if (!value.IsKnown()) {
      return absl::InvalidArgumentError("unknown values cannot be encoded as JSON");
    }
    if (value.IsNull()) {
      if (!value.type().IsDynamic() && !internal::TypeConformsTo(value.type(), type)) {
        return Mismatch(value, type);
      }
      out_.append("null");
      return absl::OkStatus();
    }
    if (value.type().kind() != type.kind()) return Mismatch(value, type);
    switch (type.kind()) {
      case Type::Kind::kString:
        if (!internal::IsValidUtf8(value.AsString())) {
          return absl::InvalidArgumentError("string is not valid UTF-8");
        }
        internal::AppendJsonString(out_, value.AsString());
        return absl::OkStatus();
      case Type::Kind::kNumber:
        if (value.AsNumber().IsInfinity()) {
          return absl::InvalidArgumentError("infinity cannot be encoded as JSON");
        }
        out_.append(value.AsNumber().text());
        return absl::OkStatus();
      case Type::Kind::kBool:
        out_.append(value.AsBool() ? "true" : "false");
        return absl::OkStatus();
      case Type::Kind::kList:
      case Type::Kind::kSet:
      case Type::Kind::kTuple: {
        const auto& elements = value.Elements();
        const bool tuple = type.kind() == Type::Kind::kTuple;
        if (tuple && elements.size() != type.elements().size()) return Mismatch(value, type);
        out_.push_back('[');
        for (size_t i = 0; i < elements.size(); ++i) {
          if (i > 0) out_.push_back(',');
          absl::Status status =
              Encode(elements[i], tuple ? type.elements()[i] : type.element(), depth + 1);
          if (!status.ok()) {
            path_.PushIndex(static_cast<int64_t>(i));
            return status;
          }
        }
        out_.push_back(']');
        return absl::OkStatus();
      }
      case Type::Kind::kMap:
      case Type::Kind::kObject: {
        const bool object = type.kind() == Type::Kind::kObject;
        const auto& entries = value.Entries();
        if (object) {
          for (const auto& [name, unused] : type.attributes()) {
            if (!entries.contains(name)) {
              return absl::InvalidArgumentError(
                  absl::StrCat("attribute \"", name, "\" is required"));
            }
          }
        }
        out_.push_back('{');
        bool first = true;
        for (const auto& [key, element] : entries) {
          const Type* element_type = &type.element();
          if (object) {
            auto it = type.attributes().find(key);
            if (it == type.attributes().end()) {
              return absl::InvalidArgumentError(
                  absl::StrCat("unsupported attribute \"", key, "\""));
            }
            element_type = &it->second;
          }
          if (!internal::IsValidUtf8(key)) {
            return absl::InvalidArgumentError("key is not valid UTF-8");
          }
          if (!first) out_.push_back(',');
          first = false;
          internal::AppendJsonString(out_, key);
          out_.push_back(':');
          absl::Status status = Encode(element, *element_type, depth + 1);
          if (!status.ok()) {
            if (object) {
              path_.PushAttr(key);
            } else {
              path_.PushKey(key);
            }
            return status;
          }
        }
        out_.push_back('}');
        return absl::OkStatus();
      }
      case Type::Kind::kDynamic:
        return absl::InvalidArgumentError("a known value must have a concrete type");
    }
    return absl::InternalError("unhandled type");
  }

  std::string out_;
  internal::ErrorPath path_;
};

}  // namespace

absl::StatusOr<Value> DecodeJson(std::string_view text, const Type& type) {
  ASSIGN_OR_RETURN(JsonNode root, internal::ParseJsonTree(text, kMaxJsonDepth));
  return JsonDecoder().DecodeAll(root, type);
}

absl::StatusOr<std::string> EncodeJson(const Value& value, const Type& type) {
  return JsonEncoder().EncodeAll(value, type);
}

}  // namespace orgiam::cty
