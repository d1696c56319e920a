#include "cty/number.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cty/internal/limits.h"

namespace orgiam::cty {
namespace {

constexpr std::string_view kPositiveInfinity = "+Inf";
constexpr std::string_view kNegativeInfinity = "-Inf";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

absl::Status Invalid(std::string_view text) {
  constexpr size_t kQuoteLimit = 64;
  return absl::InvalidArgumentError(absl::StrCat("invalid number \"",
                                                 std::string(text.substr(0, kQuoteLimit)),
                                                 text.size() > kQuoteLimit ? "..." : "", "\""));
}

// Splits canonical text into sign, integer digits and fraction digits (no '.').
struct Parts {
  bool negative;
  std::string_view integer;
  std::string_view fraction;
};

Parts Split(std::string_view text) {
  Parts parts{false, text, {}};
  if (!parts.integer.empty() && parts.integer.front() == '-') {
    parts.negative = true;
    parts.integer.remove_prefix(1);
  }
  if (size_t dot = parts.integer.find('.'); dot != std::string_view::npos) {
    parts.fraction = parts.integer.substr(dot + 1);
    parts.integer = parts.integer.substr(0, dot);
  }
  return parts;
}

// Compares the magnitudes of two finite canonical numbers.
int CompareMagnitude(const Parts& a, const Parts& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
  if (int c = a.integer.compare(b.integer); c != 0) return c < 0 ? -1 : 1;
  // Canonical fractions have no trailing zeros, so plain lexicographic order is
  // numeric order.
  if (int c = a.fraction.compare(b.fraction); c != 0) return c < 0 ? -1 : 1;
  return 0;
}

}  // namespace

Number::Number() : text_("0") {}

Number Number::FromInt64(int64_t value) {
  std::array<char, 24> buffer;
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return Number(std::string(buffer.data(), result.ptr));
}

Number Number::FromUint64(uint64_t value) {
  std::array<char, 24> buffer;
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return Number(std::string(buffer.data(), result.ptr));
}

Number Number::FromDouble(double value) {
  if (std::isnan(value)) return Number();
  if (std::isinf(value)) {
    return Number(std::string(value > 0 ? kPositiveInfinity : kNegativeInfinity));
  }
  // Shortest round-trip digits, maybe with an exponent; Parse canonicalizes.
  std::array<char, 64> buffer;
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  auto parsed = Parse(std::string_view(buffer.data(), result.ptr - buffer.data()));
  return parsed.ok() ? *std::move(parsed) : Number();
}

absl::StatusOr<Number> Number::Parse(std::string_view text) {
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  std::string_view rest = text.substr(pos);
  if (rest == "Inf" || rest == "inf") {
    return Number(std::string(negative ? kNegativeInfinity : kPositiveInfinity));
  }

  // Mantissa: integer digits, optional fraction; at least one digit.
  const size_t int_begin = pos;
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  std::string_view int_digits = text.substr(int_begin, pos - int_begin);
  std::string_view frac_digits;
  if (pos < text.size() && text[pos] == '.') {
    const size_t frac_begin = ++pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    frac_digits = text.substr(frac_begin, pos - frac_begin);
  }
  if (int_digits.empty() && frac_digits.empty()) return Invalid(text);

  // Exponent, kept as a bounded integer; the digit cap below rejects anything
  // larger anyway.
  int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool exp_negative = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      exp_negative = text[pos] == '-';
      ++pos;
    }
    const size_t exp_begin = pos;
    while (pos < text.size() && IsDigit(text[pos])) {
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[pos] - '0');
      ++pos;
    }
    if (pos == exp_begin) return Invalid(text);
    if (exp_negative) exponent = -exponent;
  }
  if (pos != text.size()) return Invalid(text);

  // value = digits * 10^scale; digits lose leading and trailing zeros.
  std::string digits;
  digits.reserve(int_digits.size() + frac_digits.size());
  digits.append(int_digits).append(frac_digits);
  int64_t scale = exponent - static_cast<int64_t>(frac_digits.size());
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return Number();
  const size_t last = digits.find_last_not_of('0');
  scale += static_cast<int64_t>(digits.size() - 1 - last);
  digits = digits.substr(first, last - first + 1);

  // Bound the expanded text before building it.
  const int64_t length = static_cast<int64_t>(digits.size());
  const int64_t expanded = scale >= 0 ? length + scale : std::max(length, -scale) + 2;
  if (expanded > static_cast<int64_t>(internal::kMaxNumberChars)) {
    return absl::InvalidArgumentError(absl::StrCat("number \"", std::string(text.substr(0, 64)),
                                                   "\" exceeds ", internal::kMaxNumberChars,
                                                   " digits"));
  }

  std::string canonical;
  canonical.reserve(static_cast<size_t>(expanded) + 1);
  if (negative) canonical.push_back('-');
  if (scale >= 0) {
    canonical.append(digits).append(static_cast<size_t>(scale), '0');
  } else {
    const int64_t point = length + scale;  // digits before the decimal point
    if (point > 0) {
      canonical.append(digits, 0, static_cast<size_t>(point))
          .append(1, '.')
          .append(digits, static_cast<size_t>(point));
    } else {
      canonical.append("0.").append(static_cast<size_t>(-point), '0').append(digits);
    }
  }
  return Number(std::move(canonical));
}

bool Number::IsInteger() const { return !IsInfinity() && text_.find('.') == std::string::npos; }

bool Number::IsInfinity() const { return text_ == kPositiveInfinity || text_ == kNegativeInfinity; }

bool Number::IsNegative() const { return text_.front() == '-'; }

std::optional<int64_t> Number::AsInt64() const {
  if (!IsInteger()) return std::nullopt;
  int64_t value = 0;
  auto result = std::from_chars(text_.data(), text_.data() + text_.size(), value);
  if (result.ec != std::errc() || result.ptr != text_.data() + text_.size()) return std::nullopt;
  return value;
}

std::optional<uint64_t> Number::AsUint64() const {
  if (!IsInteger() || IsNegative()) return std::nullopt;
  uint64_t value = 0;
  auto result = std::from_chars(text_.data(), text_.data() + text_.size(), value);
  if (result.ec != std::errc() || result.ptr != text_.data() + text_.size()) return std::nullopt;
  return value;
}

double Number::AsDouble() const {
  if (text_ == kPositiveInfinity) return std::numeric_limits<double>::infinity();
  if (text_ == kNegativeInfinity) return -std::numeric_limits<double>::infinity();
  double value = 0;
  auto result = std::from_chars(text_.data(), text_.data() + text_.size(), value);
  if (result.ec == std::errc::result_out_of_range) {
    // Overflow (a non-zero integer part) or underflow.
    const Parts parts = Split(text_);
    const bool huge = parts.integer != "0";
    value = huge ? std::numeric_limits<double>::infinity() : 0.0;
    return parts.negative ? -value : value;
  }
  return value;
}

bool Number::ExactlyDouble() const {
  if (IsInfinity()) return true;
  const double value = AsDouble();
  if (!std::isfinite(value)) return false;
  // A double m * 2^-f (m odd, f > 0) has exactly f decimal places, and an
  // exactly representable decimal has as many places as the double; comparing
  // the exact digits settles it.
  const size_t places = Split(text_).fraction.size();
  int binary_exponent = 0;
  double mantissa = std::frexp(value, &binary_exponent);
  int fraction_bits = 0;
  if (mantissa != 0) {
    // Scale the mantissa to a 53-bit integer and drop its trailing zero bits.
    auto bits = static_cast<uint64_t>(std::ldexp(std::fabs(mantissa), 53));
    int exponent = binary_exponent - 53;
    while ((bits & 1) == 0) {
      bits >>= 1;
      ++exponent;
    }
    fraction_bits = exponent < 0 ? -exponent : 0;
  }
  if (static_cast<size_t>(fraction_bits) != places) return false;
  std::array<char, 1536> buffer;
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                              std::chars_format::fixed, static_cast<int>(places));
  if (result.ec != std::errc()) return false;
  return std::string_view(buffer.data(), result.ptr - buffer.data()) == text_;
}

int Number::Compare(const Number& other) const {
  if (text_ == other.text_) return 0;
  // -Inf < finite < +Inf
  auto rank = [](const Number& n) {
    if (n.text_ == kNegativeInfinity) return 0;
    if (n.text_ == kPositiveInfinity) return 2;
    return 1;
  };
  if (int ra = rank(*this), rb = rank(other); ra != rb) return ra < rb ? -1 : 1;
  const Parts a = Split(text_);
  const Parts b = Split(other.text_);
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  const int magnitude = CompareMagnitude(a, b);
  return a.negative ? -magnitude : magnitude;
}

}  // namespace orgiam::cty
