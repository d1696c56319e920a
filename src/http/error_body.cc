#include "http/error_body.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace orgiam::http {
namespace {

// Long enough for any key or token shape, short enough that a sentence survives.
constexpr size_t kMinTokenLength = 20;
// What is masked before cutting, so that a credential is never cut in half and half shown.
constexpr size_t kScanBytes = 2048;

bool IsWordChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         c == '~' || c == '+' || c == '/';
}

struct Word {
  size_t begin = 0;
  size_t end = 0;
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordChar(text[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < text.size() && IsWordChar(text[i])) ++i;
    words.push_back({.begin = begin, .end = i});
  }
  return words;
}

std::string Lower(std::string_view word) { return absl::AsciiStrToLower(std::string(word)); }

bool IsSchemeWord(std::string_view word) {
  const std::string lower = Lower(word);
  return lower == "bearer" || lower == "basic";
}

bool IsSecretKey(std::string_view word) {
  const std::string lower = Lower(word);
  for (const char* key : {"password", "passwd", "secret", "token", "api_key", "apikey", "api-key",
                          "authorization", "cookie", "credential"}) {
    if (lower.find(key) != std::string::npos) return true;
  }
  return false;
}

// Whether only quotes and spaces, then ':' or '=', lie between the key and the next word.
bool IsFollowedByAssignment(std::string_view text, size_t from, size_t to) {
  bool assigned = false;
  for (size_t i = from; i < to; ++i) {
    const char c = text[i];
    if (c == ':' || c == '=') {
      if (assigned) return false;
      assigned = true;
    } else if (c != '"' && c != '\'' && c != ' ' && c != '\t') {
      return false;
    }
  }
  return assigned;
}

// 8-4-4-4-12 hex digits: an object id (users, keys, tokens), which messages must keep.
bool IsUuid(std::string_view word) {
  if (word.size() != 36) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? word[i] != '-' : !absl::ascii_isxdigit(static_cast<unsigned char>(word[i]))) {
      return false;
    }
  }
  return true;
}

bool LooksLikeToken(std::string_view word) {
  if (word.size() < kMinTokenLength || IsUuid(word)) return false;
  bool letter = false;
  bool digit = false;
  for (char c : word) {
    letter = letter || absl::ascii_isalpha(static_cast<unsigned char>(c));
    digit = digit || absl::ascii_isdigit(static_cast<unsigned char>(c));
  }
  return letter && digit;
}

}  // namespace

std::string MaskCredentials(std::string_view text) {
  const std::vector<Word> words = Words(text);
  std::vector<bool> masked(words.size(), false);
  const auto word = [&](size_t i) {
    return text.substr(words[i].begin, words[i].end - words[i].begin);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    if (LooksLikeToken(word(i))) masked[i] = true;
    if (i + 1 >= words.size()) continue;
    if (IsSchemeWord(word(i))) {
      masked[i + 1] = true;
    } else if (IsSecretKey(word(i)) &&
               IsFollowedByAssignment(text, words[i].end, words[i + 1].begin)) {
      // "Authorization: Bearer X" masks X; "password=X" masks X.
      masked[IsSchemeWord(word(i + 1)) && i + 2 < words.size() ? i + 2 : i + 1] = true;
    }
  }
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!masked[i]) continue;
    out.append(text.substr(copied, words[i].begin - copied)).append("***");
    copied = words[i].end;
  }
  out.append(text.substr(copied));
  return out;
}

std::string PrintableExcerpt(std::string_view text, size_t max_chars) {
  std::string printable;
  for (char c : text.substr(0, kScanBytes)) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      if (!printable.empty() && printable.back() != ' ') printable.push_back(' ');
    } else if (byte >= 0x80) {
      printable.push_back('?');
    } else if (c != ' ' || (!printable.empty() && printable.back() != ' ')) {
      printable.push_back(c);
    }
  }
  std::string excerpt = MaskCredentials(printable);
  while (!excerpt.empty() && excerpt.back() == ' ') excerpt.pop_back();
  if (excerpt.size() > max_chars || text.size() > kScanBytes) {
    excerpt.resize(std::min(excerpt.size(), max_chars));
    excerpt += "...";
  }
  return excerpt;
}

std::string DescribeForeignBody(const Response& response) {
  const auto type = response.headers.find("content-type");
  const std::string content_type =
      type == response.headers.end() ? "no content type" : PrintableExcerpt(type->second, 60);
  std::string text = absl::StrCat("HTTP ", response.status, ", ", content_type, ", ",
                                  response.body.size(), " bytes");
  if (!response.body.empty()) absl::StrAppend(&text, ": \"", PrintableExcerpt(response.body), "\"");
  return text;
}

std::string VendorMessage(std::string_view message) {
  constexpr size_t kMaxMessageBytes = 1000;
  std::string masked = MaskCredentials(message.substr(0, kMaxMessageBytes));
  if (message.size() > kMaxMessageBytes) masked += "...";
  return masked;
}

}  // namespace orgiam::http
