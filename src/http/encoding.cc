#include "http/encoding.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace orgiam::http {

std::string PercentEncode(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppend(&out, "%", absl::Hex(c, absl::kZeroPad2));
    }
  }
  return out;
}

absl::StatusOr<std::string> PathSegment(const std::string& value, const std::string& what) {
  // "%2e%2E" is "..", to a server (or proxy) that decodes the path before routing it.
  std::string decoded_dots = absl::StrReplaceAll(value, {{"%2e", "."}, {"%2E", "."}});
  if (value.empty() || decoded_dots == "." || decoded_dots == "..") {
    return absl::InvalidArgumentError(absl::StrCat(
        "the ", what, " is ", value.empty() ? "empty" : absl::StrCat("\"", value, "\""),
        ", which is not an id; nothing was sent"));
  }
  return PercentEncode(std::string(value));
}

std::string JsonString(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return (it != object.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

}  // namespace orgiam::http
