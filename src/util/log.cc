#include "util/log.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace orgiam::log {
namespace {

std::atomic<Level> g_level{Level::kOff};

const char* LevelName(Level level) {
  switch (level) {
    case Level::kTrace:
      return "[TRACE]";
    case Level::kDebug:
      return "[DEBUG]";
    case Level::kInfo:
      return "[INFO]";
    case Level::kWarn:
      return "[WARN]";
    case Level::kError:
      return "[ERROR]";
    case Level::kOff:
      break;
  }
  return "[DEBUG]";
}

// The fields every line leads with, in this order; a duration may carry its unit.
constexpr std::string_view kLeadingKeys[] = {"method", "path", "status", "duration"};

// Position of `key` among kLeadingKeys, or the count of them for any other key.
size_t LeadingRank(std::string_view key) {
  for (size_t i = 0; i < std::size(kLeadingKeys); ++i) {
    if (key == kLeadingKeys[i] ||
        (key.starts_with(kLeadingKeys[i]) && key.substr(kLeadingKeys[i].size()).starts_with("_"))) {
      return i;
    }
  }
  return std::size(kLeadingKeys);
}

// Appends `text` with control characters escaped, so that an entry never spans lines.
void AppendEscaped(std::string_view text, bool quote_marks, std::string* out) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out->append("\\n");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (c == '\t') {
      out->append("\\t");
    } else if (byte < 0x20 || byte == 0x7f) {
      absl::StrAppend(out, "\\x", absl::Hex(byte, absl::kZeroPad2));
    } else if (quote_marks && (c == '"' || c == '\\')) {
      out->push_back('\\');
      out->push_back(c);
    } else {
      out->push_back(c);
    }
  }
}

void AppendValue(std::string_view value, std::string* out) {
  const bool plain = !value.empty() && std::none_of(value.begin(), value.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return c == ' ' || c == '"' || c == '=' || c == '\\' || byte < 0x20 || byte == 0x7f;
  });
  if (plain) {
    out->append(value);
    return;
  }
  out->push_back('"');
  AppendEscaped(value, /*quote_marks=*/true, out);
  out->push_back('"');
}

}  // namespace

Level ParseLevel(std::string_view text) {
  const std::string lower = absl::AsciiStrToLower(std::string(text));
  if (lower == "trace" || lower == "json") return Level::kTrace;
  if (lower == "debug") return Level::kDebug;
  if (lower == "info") return Level::kInfo;
  if (lower == "warn") return Level::kWarn;
  if (lower == "error") return Level::kError;
  return Level::kOff;
}

void InitFromEnvironment() {
  const char* provider = std::getenv("TF_LOG_PROVIDER");
  const char* general = std::getenv("TF_LOG");
  const char* chosen = (provider != nullptr && *provider != '\0') ? provider : general;
  SetLevel(chosen == nullptr ? Level::kOff : ParseLevel(chosen));
}

void SetLevel(Level level) { g_level.store(level, std::memory_order_relaxed); }

Level CurrentLevel() { return g_level.load(std::memory_order_relaxed); }

std::string FormatLine(Level level, std::string_view module, std::string_view message,
                       std::initializer_list<Field> fields) {
  std::string line = absl::StrCat(LevelName(level), " ");
  AppendEscaped(message, /*quote_marks=*/false, &line);
  line.append(": @module=");
  AppendValue(module.empty() ? "orgiam" : module, &line);
  std::vector<const Field*> ordered;
  ordered.reserve(fields.size());
  for (const Field& field : fields) ordered.push_back(&field);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Field* a, const Field* b) {
    return LeadingRank(a->first) < LeadingRank(b->first);
  });
  for (const Field* field : ordered) {
    line.push_back(' ');
    AppendEscaped(field->first, /*quote_marks=*/false, &line);
    line.push_back('=');
    AppendValue(field->second, &line);
  }
  return line;
}

void Write(Level level, std::string_view module, std::string_view message,
           std::initializer_list<Field> fields) {
  std::string line = FormatLine(level, module, message, fields);
  line.push_back('\n');
  static std::mutex write_mutex;
  std::lock_guard<std::mutex> lock(write_mutex);
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(STDERR_FILENO, line.data() + written, line.size() - written);
    if (n <= 0) return;
    written += static_cast<size_t>(n);
  }
}

}  // namespace orgiam::log
