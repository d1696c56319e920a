#ifndef ORGIAM_CTY_INTERNAL_JSON_STRING_H_
#define ORGIAM_CTY_INTERNAL_JSON_STRING_H_

#include <string>
#include <string_view>

namespace orgiam::cty::internal {

// Appends `text` as a JSON string literal: quotes, backslash escapes and
// \u00XX for the other control characters; every other byte as it is.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_JSON_STRING_H_
