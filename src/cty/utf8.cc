#include "cty/utf8.h"

#include <cstdint>

#include "cty/internal/utf8.h"

namespace orgiam::cty {
namespace {

// Offset of the first byte that does not start a valid sequence; text.size()
// if there is none.
size_t FirstInvalid(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<uint8_t>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const Utf8Sequence sequence = NextUtf8Sequence(text, pos);
    if (!sequence.valid) return pos;
    pos += sequence.length;
  }
  return pos;
}

}  // namespace

namespace internal {

bool IsValidUtf8(std::string_view text) { return FirstInvalid(text) == text.size(); }

}  // namespace internal

Utf8Sequence NextUtf8Sequence(std::string_view text, size_t pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data()) + pos;
  const size_t available = text.size() - pos;
  const uint8_t lead = p[0];
  if (lead < 0x80) return {1, true, lead};
  size_t trailing = 0;
  uint8_t second_min = 0x80;
  uint8_t second_max = 0xbf;
  char32_t code_point = 0;
  if (lead >= 0xc2 && lead <= 0xdf) {
    trailing = 1;
    code_point = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    trailing = 2;
    code_point = lead & 0x0f;
    if (lead == 0xe0) second_min = 0xa0;  // no overlongs
    if (lead == 0xed) second_max = 0x9f;  // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    trailing = 3;
    code_point = lead & 0x07;
    if (lead == 0xf0) second_min = 0x90;  // no overlongs
    if (lead == 0xf4) second_max = 0x8f;  // nothing above U+10FFFF
  } else {
    return {};  // a continuation byte, C0, C1 or F5..FF
  }
  for (size_t i = 1; i <= trailing; ++i) {
    if (i >= available) return {.length = i};
    const uint8_t min = i == 1 ? second_min : 0x80;
    const uint8_t max = i == 1 ? second_max : 0xbf;
    if (p[i] < min || p[i] > max) return {.length = i};
    code_point = (code_point << 6) | (p[i] & 0x3f);
  }
  return {trailing + 1, true, code_point};
}

std::string ToValidUtf8(std::string_view text) {
  constexpr std::string_view kReplacement = "\xef\xbf\xbd";  // U+FFFD
  size_t pos = FirstInvalid(text);
  std::string out(text.substr(0, pos));
  while (pos < text.size()) {
    const Utf8Sequence sequence = NextUtf8Sequence(text, pos);
    if (sequence.valid) {
      out.append(text.substr(pos, sequence.length));
    } else {
      out.append(kReplacement);
    }
    pos += sequence.length;
  }
  return out;
}

size_t Utf8PrefixLength(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  // text[max_bytes] is the first byte left out; while it continues a
  // character, back off to that character's start (at most three bytes in
  // valid text).
  size_t length = max_bytes;
  while (length > 0 && max_bytes - length < 3 &&
         (static_cast<uint8_t>(text[length]) & 0xc0) == 0x80) {
    --length;
  }
  if ((static_cast<uint8_t>(text[length]) & 0xc0) == 0x80) return max_bytes;  // not UTF-8
  return length;
}

}  // namespace orgiam::cty
