#include "util/log.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <string>

#include "absl/strings/ascii.h"
#include "nlohmann/json.hpp"

namespace orgiam::log {
namespace {

std::atomic<Level> g_level{Level::kOff};

// hclog's layout: 2006-01-02T15:04:05.000000Z07:00 (exactly six fractional digits).
std::string Timestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[40];
  const size_t n = std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%S", &utc);
  char fraction[16];
  std::snprintf(fraction, sizeof(fraction), ".%06lldZ", static_cast<long long>(micros % 1000000));
  return std::string(buffer, n) + fraction;
}

const char* LevelName(Level level) {
  switch (level) {
    case Level::kTrace:
      return "trace";
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
    case Level::kOff:
      break;
  }
  return "off";
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

void Write(Level level, std::string_view module, std::string_view message,
           std::initializer_list<Field> fields) {
  nlohmann::json entry = nlohmann::json::object();
  entry["@level"] = LevelName(level);
  entry["@message"] = std::string(message);
  entry["@module"] = std::string(module.empty() ? "orgiam" : module);
  entry["@timestamp"] = Timestamp();
  for (const auto& [key, value] : fields) entry[std::string(key)] = value;
  // Invalid UTF-8 in a field must not throw: replace it.
  std::string line = entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
