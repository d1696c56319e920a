#include "clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace orgiam::sandbox {
namespace {

struct Parts {
  std::tm tm{};
  std::int64_t micros_in_second = 0;
};

Parts Split(std::int64_t micros) {
  std::int64_t seconds = micros / kMicrosPerSecond;
  std::int64_t rest = micros % kMicrosPerSecond;
  if (rest < 0) {
    rest += kMicrosPerSecond;
    --seconds;
  }
  Parts parts;
  const auto t = static_cast<std::time_t>(seconds);
  gmtime_r(&t, &parts.tm);
  parts.micros_in_second = rest;
  return parts;
}

std::string FormatBase(const std::tm& tm) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buffer;
}

bool Digits(std::string_view text, std::size_t pos, std::size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

}  // namespace

std::int64_t Clock::NowMicros() const {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() +
         offset_s_.load() * kMicrosPerSecond;
}

std::string FormatVultrTime(std::int64_t micros) { return FormatBase(Split(micros).tm) + "+00:00"; }

std::string FormatRfc3339Micros(std::int64_t micros) {
  const Parts parts = Split(micros);
  char fraction[16];
  std::snprintf(fraction, sizeof fraction, ".%06lldZ",
                static_cast<long long>(parts.micros_in_second));
  return FormatBase(parts.tm) + fraction;
}

std::string FormatRfc3339Millis(std::int64_t micros) {
  const Parts parts = Split(micros);
  char fraction[24];
  std::snprintf(fraction, sizeof fraction, ".%03lldZ",
                static_cast<long long>(parts.micros_in_second / 1000));
  return FormatBase(parts.tm) + fraction;
}

std::optional<std::int64_t> ParseRfc3339(std::string_view text) {
  int year, month, day, hour, minute, second;
  if (!Digits(text, 0, 4, &year) || text.size() < 19 || text[4] != '-' ||
      !Digits(text, 5, 2, &month) || text[7] != '-' || !Digits(text, 8, 2, &day) ||
      (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !Digits(text, 11, 2, &hour) ||
      text[13] != ':' || !Digits(text, 14, 2, &minute) || text[16] != ':' ||
      !Digits(text, 17, 2, &second)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  std::int64_t micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::int64_t scale = 100000;
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      micros += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  if (pos >= text.size()) return std::nullopt;
  std::int64_t offset_s = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int oh, om;
    if (!Digits(text, pos + 1, 2, &oh) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !Digits(text, pos + 4, 2, &om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_s = (oh * 3600 + om * 60) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  const std::time_t seconds = timegm(&tm);
  return (static_cast<std::int64_t>(seconds) - offset_s) * kMicrosPerSecond + micros;
}

}  // namespace orgiam::sandbox
