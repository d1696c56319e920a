#ifndef ORGIAM_CTY_CODEC_H_
#define ORGIAM_CTY_CODEC_H_

// Wire codecs for cty values: Terraform's msgpack encoding (DynamicValue.msgpack) and cty JSON
// (DynamicValue.json, UpgradeResourceState raw_state.json). Decoding is strict and total: any
// byte sequence either decodes to a value conforming to `type` or yields InvalidArgument, never
// a crash, with bounded recursion depth.

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "cty/type.h"
#include "cty/value.h"

namespace orgiam::cty {

// msgpack, go-cty rules: nil = null; ext (any type id) = unknown, type 12 payload parsed as
// refinements; dynamic = [bin/str type JSON, value]; numbers from every int/uint/float width
// or a decimal string; objects must carry exactly the type's attributes.
absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes, const Type& type);

// Encodes `value` as `type` (which may differ only where `type` has Dynamic: such parts are
// wrapped as [type JSON, value]). Unknowns become d4 00 00, or ext 12 when refined. Fails if
// the value does not conform to the type.
absl::StatusOr<std::string> EncodeMsgpack(const Value& value, const Type& type);

// cty JSON. Missing object attributes decode as null, extra ones are an error; dynamic is
// {"value": v, "type": T}. Numbers keep full precision. Unknowns cannot be encoded.
absl::StatusOr<Value> DecodeJson(std::string_view text, const Type& type);
absl::StatusOr<std::string> EncodeJson(const Value& value, const Type& type);

}  // namespace orgiam::cty

#endif  // ORGIAM_CTY_CODEC_H_
