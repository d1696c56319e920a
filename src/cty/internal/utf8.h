#ifndef ORGIAM_CTY_INTERNAL_UTF8_H_
#define ORGIAM_CTY_INTERNAL_UTF8_H_

#include <string_view>

namespace orgiam::cty::internal {

// Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF), as
// Go's utf8.ValidString.
bool IsValidUtf8(std::string_view text);

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_UTF8_H_
