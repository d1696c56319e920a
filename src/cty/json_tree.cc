#include "cty/internal/json_tree.h"

#include <charconv>
#include <exception>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace orgiam::cty::internal {
namespace {

// nlohmann SAX handler building a JsonNode tree. `stack_` holds the open
// containers; a child is only ever appended to the innermost one, so pointers
// to its ancestors stay valid.
class TreeBuilder {
 public:
  using json = nlohmann::json;

  explicit TreeBuilder(int max_depth) : max_depth_(max_depth) {}

  bool null() { return Add(JsonNode{}) != nullptr; }
  bool boolean(bool value) {
    JsonNode node;
    node.kind = JsonNode::Kind::kBool;
    node.boolean = value;
    return Add(std::move(node)) != nullptr;
  }
  bool number_integer(json::number_integer_t value) { return Integer(value); }
  bool number_unsigned(json::number_unsigned_t value) { return Integer(value); }
  // nlohmann also passes the token text: use it, not the rounded double.
  bool number_float(json::number_float_t /*value*/, const json::string_t& text) {
    return Number(text);
  }
  bool string(json::string_t& value) {
    JsonNode node;
    node.kind = JsonNode::Kind::kString;
    node.text = std::move(value);
    return Add(std::move(node)) != nullptr;
  }
  bool binary(json::binary_t& /*value*/) { return Fail("binary values are not JSON"); }
  bool start_object(std::size_t /*size*/) { return Open(JsonNode::Kind::kObject); }
  bool key(json::string_t& value) {
    pending_key_ = std::move(value);
    return true;
  }
  bool end_object() { return Close(); }
  bool start_array(std::size_t /*size*/) { return Open(JsonNode::Kind::kArray); }
  bool end_array() { return Close(); }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& error) {
    return Fail(error.what());
  }

  const std::string& error() const { return error_; }
  JsonNode& root() { return root_; }

 private:
  template <typename T>
  bool Integer(T value) {
    char buffer[24];
    auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    return Number(std::string(buffer, result.ptr));
  }

  bool Number(std::string text) {
    JsonNode node;
    node.kind = JsonNode::Kind::kNumber;
    node.text = std::move(text);
    return Add(std::move(node)) != nullptr;
  }

  JsonNode* Add(JsonNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return &root_;
    }
    JsonNode* parent = stack_.back();
    if (parent->kind == JsonNode::Kind::kArray) {
      parent->elements.push_back(std::move(node));
      return &parent->elements.back();
    }
    parent->members.push_back(JsonMember{std::move(pending_key_), std::move(node)});
    return &parent->members.back().value;
  }

  bool Open(JsonNode::Kind kind) {
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      return Fail(absl::StrCat("JSON is nested more than ", max_depth_, " levels deep"));
    }
    JsonNode node;
    node.kind = kind;
    stack_.push_back(Add(std::move(node)));
    return true;
  }

  bool Close() {
    stack_.pop_back();
    return true;
  }

  bool Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }

  int max_depth_;
  JsonNode root_;
  std::vector<JsonNode*> stack_;
  std::string pending_key_;
  std::string error_;
};

}  // namespace

absl::StatusOr<JsonNode> ParseJsonTree(std::string_view text, int max_depth) {
  TreeBuilder builder(max_depth);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception& e) {
    // SAX reports errors through parse_error; this is a safety net.
    return absl::InvalidArgumentError(absl::StrCat("invalid JSON: ", e.what()));
  }
  if (!ok) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid JSON: ", builder.error().empty() ? "parse failed" : builder.error()));
  }
  return std::move(builder.root());
}

nlohmann::json ToNlohmann(const JsonNode& node) {
  switch (node.kind) {
    case JsonNode::Kind::kNull:
      return nullptr;
    case JsonNode::Kind::kBool:
      return node.boolean;
    case JsonNode::Kind::kNumber:
      return nlohmann::json::parse(node.text, nullptr,
                                   /*allow_exceptions=*/false);
    case JsonNode::Kind::kString:
      return node.text;
    case JsonNode::Kind::kArray: {
      nlohmann::json array = nlohmann::json::array();
      for (const JsonNode& element : node.elements) array.push_back(ToNlohmann(element));
      return array;
    }
    case JsonNode::Kind::kObject: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& [key, member] : node.members) object[key] = ToNlohmann(member);
      return object;
    }
  }
  return nullptr;
}

}  // namespace orgiam::cty::internal
