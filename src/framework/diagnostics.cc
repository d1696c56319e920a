#include "framework/diagnostics.h"

#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "cty/utf8.h"

namespace orgiam::framework {
namespace {

// Zero-width and bidirectional formatting characters: invisible, and able to make a quoted id
// read differently from what it is.
bool IsInvisibleFormat(char32_t c) {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
}

void AppendHex(std::string* out, uint32_t value, int digits) {
  constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
    out->push_back(kHex[(value >> shift) & 0xf]);
}

}  // namespace

std::string WireText(std::string_view text, size_t max_bytes) {
  std::string valid = cty::ToValidUtf8(text);
  if (valid.size() <= max_bytes) return valid;
  // The note is sized for the largest count it can show, so the result stays within the bound.
  auto note = [](size_t omitted) {
    return absl::StrCat(" [... ", omitted, " more bytes not shown]");
  };
  const size_t note_bytes = note(valid.size()).size();
  if (note_bytes >= max_bytes) return valid.substr(0, cty::Utf8PrefixLength(valid, max_bytes));
  const size_t kept = cty::Utf8PrefixLength(valid, max_bytes - note_bytes);
  const size_t omitted = valid.size() - kept;
  valid.resize(kept);
  valid += note(omitted);
  return valid;
}

std::string QuotedExcerpt(std::string_view text, size_t max_chars) {
  std::string out = "\"";
  size_t pos = 0;
  for (size_t chars = 0; pos < text.size() && chars < max_chars; ++chars) {
    const cty::Utf8Sequence sequence = cty::NextUtf8Sequence(text, pos);
    const char32_t c = sequence.code_point;
    if (!sequence.valid) {
      for (size_t i = 0; i < sequence.length; ++i) {
        out += "\\x";
        AppendHex(&out, static_cast<uint8_t>(text[pos + i]), 2);
      }
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x80 && cty::IsControlCharacter(c)) {
      out += "\\x";
      AppendHex(&out, c, 2);
    } else if (cty::IsControlCharacter(c) || IsInvisibleFormat(c)) {
      out += "\\u";
      AppendHex(&out, c, 4);
    } else {
      out.append(text.substr(pos, sequence.length));
    }
    pos += sequence.length;
  }
  out += '"';
  if (pos < text.size()) out += "...";
  return out;
}

void Diagnostics::AddError(std::string summary, std::string detail,
                           std::optional<cty::Path> attribute) {
  items_.push_back(Diagnostic{Diagnostic::Severity::kError, std::move(summary), std::move(detail),
                              std::move(attribute)});
}

void Diagnostics::AddWarning(std::string summary, std::string detail,
                             std::optional<cty::Path> attribute) {
  items_.push_back(Diagnostic{Diagnostic::Severity::kWarning, std::move(summary), std::move(detail),
                              std::move(attribute)});
}

void Diagnostics::AddStatus(const absl::Status& status, std::string summary,
                            std::optional<cty::Path> attribute) {
  AddError(std::move(summary), std::string(status.message()), std::move(attribute));
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasError() const {
  for (const Diagnostic& d : items_) {
    if (d.severity == Diagnostic::Severity::kError) return true;
  }
  return false;
}

}  // namespace orgiam::framework
