#ifndef ORGIAM_CTY_NUMBER_H_
#define ORGIAM_CTY_NUMBER_H_

// An arbitrary-precision decimal number, as cty numbers are. Stored as canonical decimal text
// so that integers beyond 2^53 and long decimals survive a round trip unchanged. Canonical
// form: optional '-', no leading zeros, no trailing fractional zeros, no exponent, "0" for
// zero (never "-0"); or "+Inf" / "-Inf". Two numbers are equal iff their canonical texts are.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace orgiam::cty {

class Number {
 public:
  Number();  // zero
  static Number FromInt64(int64_t value);
  static Number FromUint64(uint64_t value);
  // Uses the shortest decimal that round-trips the double (as Go's strconv 'f', -1 does).
  // NaN is not a cty number: returns zero. Infinities map to +Inf / -Inf.
  static Number FromDouble(double value);
  // Accepts JSON-number syntax and Go's big.Float text forms: "12", "-0.50", "1e30",
  // "1.5E-3", "+Inf", "-Inf", "Inf". Anything else is InvalidArgument.
  static absl::StatusOr<Number> Parse(std::string_view text);

  const std::string& text() const { return text_; }  // canonical decimal
  bool IsInteger() const;
  bool IsInfinity() const;
  bool IsNegative() const;
  std::optional<int64_t> AsInt64() const;    // nullopt if not an integer or out of range
  std::optional<uint64_t> AsUint64() const;  // nullopt if not a non-negative integer in range
  // Nearest double (for encoding non-integers); exact iff ExactlyDouble().
  double AsDouble() const;
  bool ExactlyDouble() const;

  int Compare(const Number& other) const;  // -1, 0, 1 (numerical order)
  bool operator==(const Number& other) const { return text_ == other.text_; }
  bool operator!=(const Number& other) const { return text_ != other.text_; }

 private:
  explicit Number(std::string canonical) : text_(std::move(canonical)) {}
  std::string text_;
};

}  // namespace orgiam::cty

#endif  // ORGIAM_CTY_NUMBER_H_
