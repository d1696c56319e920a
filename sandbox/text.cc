#include "text.h"

#include <algorithm>
#include <iterator>

namespace orgiam::sandbox {
namespace {

struct Range {
  char32_t lo;
  char32_t hi;
};

constexpr Range kLetters[] = {
#include "unicode_letters_table.inc"
};

}  // namespace

std::optional<std::u32string> DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead < 0x80) {
      cp = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1;
      cp = lead & 0x1F;
      min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2;
      cp = lead & 0x0F;
      min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3;
      cp = lead & 0x07;
      min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (extra > text.size() - i - 1) return std::nullopt;  // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cont = static_cast<unsigned char>(text[i + k]);
      if ((cont & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cont & 0x3F);
    }
    if (extra > 0 && cp < min) return std::nullopt;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

bool IsUnicodeLetter(char32_t code_point) {
  const auto* end = std::end(kLetters);
  const auto* it = std::upper_bound(std::begin(kLetters), end, code_point,
                                    [](char32_t cp, const Range& range) { return cp < range.lo; });
  if (it == std::begin(kLetters)) return false;
  --it;
  return code_point >= it->lo && code_point <= it->hi;
}

std::size_t Utf16Length(const std::u32string& text) {
  std::size_t n = 0;
  for (char32_t cp : text) n += cp > 0xFFFF ? 2 : 1;
  return n;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace orgiam::sandbox
