// Refined unknowns: msgpack ext type 12 whose payload is a map with
// small-integer keys (1 nullness, 2 string prefix, 3/4 number bounds, 5/6
// collection length bounds).

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cty/internal/limits.h"
#include "cty/internal/msgpack_values.h"
#include "cty/internal/utf8.h"
#include "util/status_macros.h"

namespace orgiam::cty::internal {
namespace {

using Family = MsgpackHeader::Family;

enum Key : int64_t {
  kNullness = 1,
  kStringPrefix = 2,
  kNumberLower = 3,
  kNumberUpper = 4,
  kLengthMin = 5,
  kLengthMax = 6,
};

absl::Status Malformed(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("malformed unknown value refinements: ", why));
}

bool IsCollection(const Type& type) { return type.IsCollection(); }

absl::StatusOr<int64_t> ReadInt64(MsgpackReader& reader) {
  ASSIGN_OR_RETURN(MsgpackHeader h, reader.ReadHeader());
  if (h.family == Family::kInt) return h.int_value;
  if (h.family == Family::kUint && h.uint_value <= static_cast<uint64_t>(INT64_MAX)) {
    return static_cast<int64_t>(h.uint_value);
  }
  return Malformed("expected an integer");
}

// A number bound: [number, inclusive].
absl::StatusOr<std::pair<Number, bool>> ReadBound(MsgpackReader& reader) {
  ASSIGN_OR_RETURN(MsgpackHeader array, reader.ReadHeader());
  if (array.family != Family::kArray || array.length != 2) {
    return Malformed("a number bound must be a [number, bool] array");
  }
  ASSIGN_OR_RETURN(MsgpackHeader number_header, reader.ReadHeader());
  ASSIGN_OR_RETURN(Number number, DecodeNumber(reader, number_header));
  ASSIGN_OR_RETURN(MsgpackHeader inclusive, reader.ReadHeader());
  if (inclusive.family != Family::kBool) {
    return Malformed("a number bound must be a [number, bool] array");
  }
  return std::make_pair(std::move(number), inclusive.boolean);
}

// The refinement map; empty when nothing applies. With `nullness_only`, keeps
// only key 1.
std::string EncodePayload(const Refinements& r, const Type& type, bool nullness_only) {
  std::string body;
  MsgpackWriter writer(body);
  uint32_t entries = 0;
  if (r.not_null) {
    writer.Uint(kNullness);
    writer.Bool(!*r.not_null);  // the wire says "is null"
    ++entries;
  }
  if (!nullness_only) {
    switch (type.kind()) {
      case Type::Kind::kString:
        if (r.string_prefix && !r.string_prefix->empty()) {
          writer.Uint(kStringPrefix);
          writer.Str(*r.string_prefix);
          ++entries;
        }
        break;
      case Type::Kind::kNumber:
        for (const auto& [key, bound] :
             {std::pair{kNumberLower, &r.number_lower}, std::pair{kNumberUpper, &r.number_upper}}) {
          if (!*bound) continue;
          writer.Uint(key);
          writer.ArrayHeader(2);
          EncodeNumber(writer, (*bound)->first);
          writer.Bool((*bound)->second);
          ++entries;
        }
        break;
      case Type::Kind::kList:
      case Type::Kind::kSet:
      case Type::Kind::kMap:
        if (r.length_min) {
          writer.Uint(kLengthMin);
          writer.Int(*r.length_min);
          ++entries;
        }
        if (r.length_max) {
          writer.Uint(kLengthMax);
          writer.Int(*r.length_max);
          ++entries;
        }
        break;
      default:
        break;
    }
  }
  if (entries == 0) return {};
  std::string payload;
  MsgpackWriter(payload).MapHeader(entries);
  payload.append(body);
  return payload;
}

}  // namespace

absl::StatusOr<Refinements> DecodeRefinements(std::string_view payload, const Type& type) {
  if (payload.size() > kMaxRefinementBytes) {
    return absl::InvalidArgumentError("oversize unknown value refinement");
  }
  MsgpackReader reader(payload);
  ASSIGN_OR_RETURN(MsgpackHeader map, reader.ReadHeader());
  if (map.family != Family::kMap) return Malformed("not a map");
  Refinements r;
  if (type.IsDynamic()) return r;  // an unknown of unknown type cannot be refined

  for (uint32_t i = 0; i < map.length; ++i) {
    ASSIGN_OR_RETURN(MsgpackHeader key_header, reader.ReadHeader());
    if (!key_header.IsInteger()) return Malformed("non-integer key");
    const int64_t key = key_header.family == Family::kInt ? key_header.int_value
                        : key_header.uint_value > static_cast<uint64_t>(INT64_MAX)
                            ? INT64_MAX
                            : static_cast<int64_t>(key_header.uint_value);
    switch (key) {
      case kNullness: {
        ASSIGN_OR_RETURN(MsgpackHeader h, reader.ReadHeader());
        if (h.family != Family::kBool) return Malformed("nullness is not a bool");
        r.not_null = !h.boolean;
        break;
      }
      case kStringPrefix: {
        if (type.kind() != Type::Kind::kString) {
          return Malformed("string prefix refinement for a non-string type");
        }
        auto prefix = reader.ReadString();
        if (!prefix.ok()) return Malformed("string prefix is not a string");
        if (!IsValidUtf8(*prefix)) return Malformed("string prefix is not valid UTF-8");
        r.string_prefix = std::string(*prefix);
        break;
      }
      case kNumberLower:
      case kNumberUpper: {
        if (type.kind() != Type::Kind::kNumber) {
          return Malformed("number bound refinement for a non-number type");
        }
        ASSIGN_OR_RETURN(auto bound, ReadBound(reader));
        (key == kNumberLower ? r.number_lower : r.number_upper) = std::move(bound);
        break;
      }
      case kLengthMin:
      case kLengthMax: {
        if (!IsCollection(type)) return Malformed("length refinement for a non-collection type");
        ASSIGN_OR_RETURN(int64_t bound, ReadInt64(reader));
        (key == kLengthMin ? r.length_min : r.length_max) = bound;
        break;
      }
      default:
        // Keys from future Terraform versions are skipped.
        RETURN_IF_ERROR(reader.Skip());
    }
  }
  // Trailing payload bytes are ignored, as go-cty reserves them for future use.
  return r;
}

void EncodeUnknown(MsgpackWriter& writer, const Refinements& refinements, const Type& type) {
  std::string payload;
  if (!type.IsDynamic() && !refinements.empty()) {
    payload = EncodePayload(refinements, type, /*nullness_only=*/false);
    // Stay within what decoders accept; nullness alone always fits.
    if (payload.size() > kMaxRefinementBytes) {
      payload = EncodePayload(refinements, type, /*nullness_only=*/true);
    }
  }
  if (payload.empty()) {
    writer.Ext(0, std::string_view("\0", 1));
  } else {
    writer.Ext(kRefinedUnknownExt, payload);
  }
}

}  // namespace orgiam::cty::internal
