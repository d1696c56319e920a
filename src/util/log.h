#ifndef ORGIAM_UTIL_LOG_H_
#define ORGIAM_UTIL_LOG_H_

// Logging on stderr, one line per entry, in the form Terraform shows without reordering:
//
//   [DEBUG] HTTP request: @module=http method=GET path=/v2/users status=200 duration_ms=12 ...
//
// Why not hclog JSON: go-plugin (the Terraform side) decodes a JSON line into a Go map and
// re-emits its keys in map order, which differs from line to line. A line that is not JSON
// is logged by go-plugin as it is, at the level its "[LEVEL]" prefix names, so this format
// keeps both the level and the field order in what TF_LOG=trace prints. Fields always come
// as @module, method, path, status, duration, then the rest in the order given; values with
// spaces, quotes, '=' or control characters are quoted, so that each entry stays one line.
// The level comes from TF_LOG_PROVIDER, else TF_LOG; when a level is off, the ORGIAM_LOG
// macro skips formatting its arguments entirely.
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

// The line Write emits (without its newline), e.g. for tests.
std::string FormatLine(Level level, std::string_view module, std::string_view message,
                       std::initializer_list<Field> fields = {});

// Writes one line to stderr, atomically with respect to other threads.
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
