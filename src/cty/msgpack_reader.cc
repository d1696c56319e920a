#include "cty/internal/msgpack_reader.h"

#include <bit>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "util/status_macros.h"

namespace orgiam::cty::internal {
namespace {

using Family = MsgpackHeader::Family;

absl::Status Truncated() { return absl::InvalidArgumentError("msgpack data is truncated"); }

}  // namespace

absl::StatusOr<uint64_t> MsgpackReader::ReadBigEndian(int bytes) {
  if (remaining() < static_cast<size_t>(bytes)) return Truncated();
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<uint8_t>(data_[pos_++]);
  return value;
}

absl::StatusOr<MsgpackHeader> MsgpackReader::ReadHeader() {
  if (AtEnd()) return Truncated();
  const uint8_t code = static_cast<uint8_t>(data_[pos_++]);
  MsgpackHeader h;

  // Sized families: payload length (str/bin/ext) or item count (array/map).
  auto sized = [&](Family family, int length_bytes) -> absl::StatusOr<MsgpackHeader> {
    ASSIGN_OR_RETURN(uint64_t length, ReadBigEndian(length_bytes));
    h.family = family;
    h.length = static_cast<uint32_t>(length);
    return h;
  };

  absl::StatusOr<MsgpackHeader> result;
  if (code <= 0x7f) {
    h.family = Family::kUint;
    h.uint_value = code;
    result = h;
  } else if (code <= 0x8f) {
    h.family = Family::kMap;
    h.length = code & 0x0f;
    result = h;
  } else if (code <= 0x9f) {
    h.family = Family::kArray;
    h.length = code & 0x0f;
    result = h;
  } else if (code <= 0xbf) {
    h.family = Family::kStr;
    h.length = code & 0x1f;
    result = h;
  } else if (code >= 0xe0) {
    h.family = Family::kInt;
    h.int_value = static_cast<int8_t>(code);
    result = h;
  } else {
    switch (code) {
      case 0xc0:
        h.family = Family::kNil;
        result = h;
        break;
      case 0xc2:
      case 0xc3:
        h.family = Family::kBool;
        h.boolean = code == 0xc3;
        result = h;
        break;
      case 0xc4:
        result = sized(Family::kBin, 1);
        break;
      case 0xc5:
        result = sized(Family::kBin, 2);
        break;
      case 0xc6:
        result = sized(Family::kBin, 4);
        break;
      case 0xc7:
      case 0xc8:
      case 0xc9: {
        result = sized(Family::kExt, code == 0xc7 ? 1 : (code == 0xc8 ? 2 : 4));
        if (!result.ok()) break;
        if (AtEnd()) return Truncated();
        result->ext_type = static_cast<int8_t>(data_[pos_++]);
        break;
      }
      case 0xca: {
        ASSIGN_OR_RETURN(uint64_t bits, ReadBigEndian(4));
        h.family = Family::kFloat32;
        h.float_value = std::bit_cast<float>(static_cast<uint32_t>(bits));
        result = h;
        break;
      }
      case 0xcb: {
        ASSIGN_OR_RETURN(uint64_t bits, ReadBigEndian(8));
        h.family = Family::kFloat64;
        h.float_value = std::bit_cast<double>(bits);
        result = h;
        break;
      }
      case 0xcc:
      case 0xcd:
      case 0xce:
      case 0xcf: {
        ASSIGN_OR_RETURN(h.uint_value, ReadBigEndian(1 << (code - 0xcc)));
        h.family = Family::kUint;
        result = h;
        break;
      }
      case 0xd0:
      case 0xd1:
      case 0xd2:
      case 0xd3: {
        const int bytes = 1 << (code - 0xd0);
        ASSIGN_OR_RETURN(uint64_t bits, ReadBigEndian(bytes));
        // Sign-extend from the encoded width.
        const int shift = 64 - 8 * bytes;
        h.int_value = static_cast<int64_t>(bits << shift) >> shift;
        h.family = Family::kInt;
        result = h;
        break;
      }
      case 0xd4:
      case 0xd5:
      case 0xd6:
      case 0xd7:
      case 0xd8: {
        if (AtEnd()) return Truncated();
        h.family = Family::kExt;
        h.length = 1u << (code - 0xd4);
        h.ext_type = static_cast<int8_t>(data_[pos_++]);
        result = h;
        break;
      }
      case 0xd9:
        result = sized(Family::kStr, 1);
        break;
      case 0xda:
        result = sized(Family::kStr, 2);
        break;
      case 0xdb:
        result = sized(Family::kStr, 4);
        break;
      case 0xdc:
        result = sized(Family::kArray, 2);
        break;
      case 0xdd:
        result = sized(Family::kArray, 4);
        break;
      case 0xde:
        result = sized(Family::kMap, 2);
        break;
      case 0xdf:
        result = sized(Family::kMap, 4);
        break;
      default:  // 0xc1 is reserved
        return absl::InvalidArgumentError(absl::StrFormat("invalid msgpack byte 0x%02x", code));
    }
  }
  if (!result.ok()) return result;

  // Reject impossible lengths up front: every item needs at least one byte.
  const uint64_t needed = result->family == Family::kMap ? 2ull * result->length
                          : (result->family == Family::kArray || result->family == Family::kStr ||
                             result->family == Family::kBin || result->family == Family::kExt)
                              ? result->length
                              : 0;
  if (needed > remaining()) return Truncated();
  return result;
}

absl::StatusOr<std::string_view> MsgpackReader::ReadPayload(uint32_t length) {
  if (remaining() < length) return Truncated();
  std::string_view payload = data_.substr(pos_, length);
  pos_ += length;
  return payload;
}

absl::StatusOr<std::string_view> MsgpackReader::ReadString() {
  ASSIGN_OR_RETURN(MsgpackHeader h, ReadHeader());
  if (!h.IsString()) return absl::InvalidArgumentError("a string is required");
  return ReadPayload(h.length);
}

absl::Status MsgpackReader::Skip() {
  // Each header consumes at least one byte, so this loop ends within the
  // input's length.
  uint64_t pending = 1;
  while (pending > 0) {
    --pending;
    ASSIGN_OR_RETURN(MsgpackHeader h, ReadHeader());
    switch (h.family) {
      case Family::kArray:
        pending += h.length;
        break;
      case Family::kMap:
        pending += 2ull * h.length;
        break;
      case Family::kStr:
      case Family::kBin:
      case Family::kExt:
        RETURN_IF_ERROR(ReadPayload(h.length).status());
        break;
      default:
        break;
    }
  }
  return absl::OkStatus();
}

}  // namespace orgiam::cty::internal
