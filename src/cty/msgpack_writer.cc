#include "cty/internal/msgpack_writer.h"

#include <bit>
#include <limits>

namespace orgiam::cty::internal {

void MsgpackWriter::BigEndian(uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out_.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void MsgpackWriter::Nil() { out_.push_back(static_cast<char>(0xc0)); }

void MsgpackWriter::Bool(bool value) { out_.push_back(static_cast<char>(value ? 0xc3 : 0xc2)); }

void MsgpackWriter::Int(int64_t value) {
  if (value >= 0) {
    Uint(static_cast<uint64_t>(value));
  } else if (value >= -32) {
    out_.push_back(static_cast<char>(value));  // negative fixint
  } else if (value >= std::numeric_limits<int8_t>::min()) {
    out_.push_back(static_cast<char>(0xd0));
    BigEndian(static_cast<uint64_t>(value), 1);
  } else if (value >= std::numeric_limits<int16_t>::min()) {
    out_.push_back(static_cast<char>(0xd1));
    BigEndian(static_cast<uint64_t>(value), 2);
  } else if (value >= std::numeric_limits<int32_t>::min()) {
    out_.push_back(static_cast<char>(0xd2));
    BigEndian(static_cast<uint64_t>(value), 4);
  } else {
    out_.push_back(static_cast<char>(0xd3));
    BigEndian(static_cast<uint64_t>(value), 8);
  }
}

void MsgpackWriter::Uint(uint64_t value) {
  if (value <= 0x7f) {
    out_.push_back(static_cast<char>(value));  // positive fixint
  } else if (value <= std::numeric_limits<uint8_t>::max()) {
    out_.push_back(static_cast<char>(0xcc));
    BigEndian(value, 1);
  } else if (value <= std::numeric_limits<uint16_t>::max()) {
    out_.push_back(static_cast<char>(0xcd));
    BigEndian(value, 2);
  } else if (value <= std::numeric_limits<uint32_t>::max()) {
    out_.push_back(static_cast<char>(0xce));
    BigEndian(value, 4);
  } else {
    out_.push_back(static_cast<char>(0xcf));
    BigEndian(value, 8);
  }
}

void MsgpackWriter::Float64(double value) {
  out_.push_back(static_cast<char>(0xcb));
  BigEndian(std::bit_cast<uint64_t>(value), 8);
}

void MsgpackWriter::Str(std::string_view value) {
  const size_t n = value.size();
  if (n <= 31) {
    out_.push_back(static_cast<char>(0xa0 | n));
  } else if (n <= std::numeric_limits<uint8_t>::max()) {
    out_.push_back(static_cast<char>(0xd9));
    BigEndian(n, 1);
  } else if (n <= std::numeric_limits<uint16_t>::max()) {
    out_.push_back(static_cast<char>(0xda));
    BigEndian(n, 2);
  } else {
    out_.push_back(static_cast<char>(0xdb));
    BigEndian(n, 4);
  }
  out_.append(value);
}

void MsgpackWriter::Bin(std::string_view value) {
  const size_t n = value.size();
  if (n <= std::numeric_limits<uint8_t>::max()) {
    out_.push_back(static_cast<char>(0xc4));
    BigEndian(n, 1);
  } else if (n <= std::numeric_limits<uint16_t>::max()) {
    out_.push_back(static_cast<char>(0xc5));
    BigEndian(n, 2);
  } else {
    out_.push_back(static_cast<char>(0xc6));
    BigEndian(n, 4);
  }
  out_.append(value);
}

void MsgpackWriter::ArrayHeader(uint32_t length) {
  if (length <= 15) {
    out_.push_back(static_cast<char>(0x90 | length));
  } else if (length <= std::numeric_limits<uint16_t>::max()) {
    out_.push_back(static_cast<char>(0xdc));
    BigEndian(length, 2);
  } else {
    out_.push_back(static_cast<char>(0xdd));
    BigEndian(length, 4);
  }
}

void MsgpackWriter::MapHeader(uint32_t length) {
  if (length <= 15) {
    out_.push_back(static_cast<char>(0x80 | length));
  } else if (length <= std::numeric_limits<uint16_t>::max()) {
    out_.push_back(static_cast<char>(0xde));
    BigEndian(length, 2);
  } else {
    out_.push_back(static_cast<char>(0xdf));
    BigEndian(length, 4);
  }
}

void MsgpackWriter::Ext(int8_t type, std::string_view payload) {
  const size_t n = payload.size();
  switch (n) {
    case 1:
      out_.push_back(static_cast<char>(0xd4));
      break;
    case 2:
      out_.push_back(static_cast<char>(0xd5));
      break;
    case 4:
      out_.push_back(static_cast<char>(0xd6));
      break;
    case 8:
      out_.push_back(static_cast<char>(0xd7));
      break;
    case 16:
      out_.push_back(static_cast<char>(0xd8));
      break;
    default:
      if (n <= std::numeric_limits<uint8_t>::max()) {
        out_.push_back(static_cast<char>(0xc7));
        BigEndian(n, 1);
      } else if (n <= std::numeric_limits<uint16_t>::max()) {
        out_.push_back(static_cast<char>(0xc8));
        BigEndian(n, 2);
      } else {
        out_.push_back(static_cast<char>(0xc9));
        BigEndian(n, 4);
      }
  }
  out_.push_back(static_cast<char>(type));
  out_.append(payload);
}

}  // namespace orgiam::cty::internal
