#ifndef ORGIAM_CTY_INTERNAL_JSON_TREE_H_
#define ORGIAM_CTY_INTERNAL_JSON_TREE_H_

// A JSON document tree that keeps every number's source text, so that cty
// numbers of any precision survive (nlohmann::json would squeeze them
// through int64, uint64 or double).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"

namespace orgiam::cty::internal {

struct JsonMember;

struct JsonNode {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // string value, or the number exactly as written
  std::vector<JsonNode> elements;
  std::vector<JsonMember> members;  // in document order, duplicates kept
};

struct JsonMember {
  std::string key;
  JsonNode value;
};

// Parses strict JSON (RFC 8259, UTF-8) without recursion; nesting deeper than
// `max_depth` arrays/objects is an error.
absl::StatusOr<JsonNode> ParseJsonTree(std::string_view text, int max_depth);

// Converts a (small) tree to nlohmann::json, e.g. for Type::FromJson. Numbers
// become doubles or integers; fine for type expressions, which hold none.
nlohmann::json ToNlohmann(const JsonNode& node);

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_JSON_TREE_H_
