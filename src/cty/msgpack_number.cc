#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cty/internal/msgpack_values.h"
#include "util/status_macros.h"

namespace orgiam::cty::internal {

absl::StatusOr<Number> DecodeNumber(MsgpackReader& reader, const MsgpackHeader& header) {
  using Family = MsgpackHeader::Family;
  switch (header.family) {
    case Family::kUint:
      return Number::FromUint64(header.uint_value);
    case Family::kInt:
      return Number::FromInt64(header.int_value);
    case Family::kFloat32:
    case Family::kFloat64:
      if (std::isnan(header.float_value)) {
        return absl::InvalidArgumentError("NaN is not a valid number");
      }
      return Number::FromDouble(header.float_value);
    case Family::kStr:
    case Family::kBin: {
      ASSIGN_OR_RETURN(std::string_view text, reader.ReadPayload(header.length));
      return Number::Parse(text);
    }
    default:
      return absl::InvalidArgumentError("number is required");
  }
}

void EncodeNumber(MsgpackWriter& writer, const Number& number) {
  if (number.IsInfinity()) {
    writer.Float64(number.AsDouble());
  } else if (auto i = number.AsInt64()) {
    writer.Int(*i);
  } else if (auto u = number.AsUint64()) {
    writer.Uint(*u);
  } else if (!number.IsInteger() && number.ExactlyDouble()) {
    writer.Float64(number.AsDouble());
  } else {
    writer.Str(number.text());
  }
}

}  // namespace orgiam::cty::internal
