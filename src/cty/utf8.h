#ifndef ORGIAM_CTY_UTF8_H_
#define ORGIAM_CTY_UTF8_H_

// UTF-8 helpers for text that leaves the provider in protobuf string fields,
// which must be valid UTF-8. The validity rules are those of
// cty/internal/utf8.h (no overlongs, no surrogates, nothing above U+10FFFF),
// which shares this implementation.

#include <cstddef>
#include <string>
#include <string_view>

namespace orgiam::cty {

struct Utf8Sequence {
  // Bytes of the character, or of the maximal ill-formed subpart (at least 1).
  size_t length = 1;
  bool valid = false;
  char32_t code_point = U'\uFFFD';  // U+FFFD when not valid
};

// The sequence that starts at byte `pos` (which must be < text.size()), by
// Table 3-7 of the Unicode standard (well-formed UTF-8 byte sequences).
Utf8Sequence NextUtf8Sequence(std::string_view text, size_t pos);

// `text` with every ill-formed sequence replaced by U+FFFD, one replacement
// per maximal subpart (the practice Unicode §3.9 recommends, as WHATWG
// decoders do). Valid text comes back unchanged.
std::string ToValidUtf8(std::string_view text);

// The longest prefix length of `text` that is at most `max_bytes` and does not
// split a character. Meant for valid UTF-8: in other text the cut may split
// an ill-formed sequence.
size_t Utf8PrefixLength(std::string_view text, size_t max_bytes);

// C0 controls, DEL and C1 controls (general category Cc).
constexpr bool IsControlCharacter(char32_t c) { return c < 0x20 || (c >= 0x7f && c <= 0x9f); }

}  // namespace orgiam::cty

#endif  // ORGIAM_CTY_UTF8_H_
