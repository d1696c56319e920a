#include "http/redact.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"

namespace orgiam::http::internal {
namespace {

bool IsSafeParameter(std::string_view name, std::string_view value) {
  static constexpr std::string_view kPaging[] = {"per_page", "page_size", "limit", "offset",
                                                 "page"};
  const bool paging = std::find(std::begin(kPaging), std::end(kPaging), name) != std::end(kPaging);
  return paging && !value.empty() && value.size() <= 9 &&
         std::all_of(value.begin(), value.end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string RedactPath(std::string_view path) {
  // A fragment is never sent; drop it along with anything odd after it.
  path = path.substr(0, path.find('#'));
  const size_t question = path.find('?');
  if (question == std::string_view::npos) return std::string(path);
  std::vector<std::string> parts;
  std::string_view query = path.substr(question + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    const std::string_view name = pair.substr(0, equals);
    if (equals == std::string_view::npos) {
      parts.emplace_back(name);
      continue;
    }
    const std::string_view value = pair.substr(equals + 1);
    parts.push_back(std::string(name) + "=" +
                    (IsSafeParameter(name, value) ? std::string(value) : std::string("***")));
  }
  std::string out(path.substr(0, question));
  if (!parts.empty()) out += "?" + absl::StrJoin(parts, "&");
  return out;
}

}  // namespace orgiam::http::internal
