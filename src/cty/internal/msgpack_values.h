#ifndef ORGIAM_CTY_INTERNAL_MSGPACK_VALUES_H_
#define ORGIAM_CTY_INTERNAL_MSGPACK_VALUES_H_

// msgpack forms of the pieces shared by values and refinements: numbers and the
// ext 12 refinement payload.

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "cty/internal/msgpack_reader.h"
#include "cty/internal/msgpack_writer.h"
#include "cty/number.h"
#include "cty/type.h"
#include "cty/value.h"

namespace orgiam::cty::internal {

// The ext type of a refined unknown.
inline constexpr int8_t kRefinedUnknownExt = 12;

// A number from any int/uint width, float32/float64 (NaN rejected) or a decimal
// str/bin item whose header has already been read.
absl::StatusOr<Number> DecodeNumber(MsgpackReader& reader, const MsgpackHeader& header);

// int / uint formats for integers in int64/uint64 range, float64 for ±Inf and
// for non-integers a double holds exactly, else the decimal text as a str.
void EncodeNumber(MsgpackWriter& writer, const Number& number);

// Parses an ext 12 payload for an unknown of `type`. Unknown keys are skipped;
// keys that cannot apply to `type` are errors; every refinement is ignored for
// Dynamic (as go-cty does).
absl::StatusOr<Refinements> DecodeRefinements(std::string_view payload, const Type& type);

// Writes an unknown of `type`: ext 12 with the refinements that apply to
// `type`, or the plain d4 00 00 when none do.
void EncodeUnknown(MsgpackWriter& writer, const Refinements& refinements, const Type& type);

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_MSGPACK_VALUES_H_
