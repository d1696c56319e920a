#ifndef ORGIAM_UTIL_LOG_H_
#define ORGIAM_UTIL_LOG_H_

// hclog-compatible JSON logging on stderr. Terraform's plugin client parses each stderr line
// that is a JSON object as an hclog entry (@level, @message, @timestamp, @module, plus any
// other key as a key=value pair). The level comes from TF_LOG_PROVIDER, else TF_LOG; when a
// level is off, the ORGIAM_LOG macro skips formatting its arguments entirely.
//
// Never pass secrets (passwords, tokens, API keys, Authorization headers) as messages or
// fields: log lines reach Terraform's own log at TF_LOG=trace.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace orgiam::log {

enum class Level { kTrace = 0, kDebug = 1, kInfo = 2, kWarn = 3, kError = 4, kOff = 5 };

// Parses "trace", "DEBUG", "json" (= trace) and so on; anything unrecognised is kOff.
Level ParseLevel(std::string_view text);

// Re-reads TF_LOG_PROVIDER / TF_LOG. Called once at start-up; tests may call it again.
void InitFromEnvironment();

// Overrides the level (tests, the sandbox).
void SetLevel(Level level);

Level CurrentLevel();

inline bool Enabled(Level level) {
  return level != Level::kOff && static_cast<int>(level) >= static_cast<int>(CurrentLevel());
}

using Field = std::pair<std::string_view, std::string>;

// Writes one JSON line to stderr, atomically with respect to other threads.
void Write(Level level, std::string_view module, std::string_view message,
           std::initializer_list<Field> fields = {});

}  // namespace orgiam::log

// ORGIAM_LOG(kDebug, "http", "request sent", {{"method", "GET"}, {"status", "200"}});
#define ORGIAM_LOG(level, module, ...)                                        \
  do {                                                                        \
    if (::orgiam::log::Enabled(::orgiam::log::Level::level)) {                \
      ::orgiam::log::Write(::orgiam::log::Level::level, module, __VA_ARGS__); \
    }                                                                         \
  } while (false)

#endif  // ORGIAM_UTIL_LOG_H_
