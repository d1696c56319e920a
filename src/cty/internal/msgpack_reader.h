#ifndef ORGIAM_CTY_INTERNAL_MSGPACK_READER_H_
#define ORGIAM_CTY_INTERNAL_MSGPACK_READER_H_

// A bounds-checked msgpack tokenizer over a byte buffer. It never reads past
// the end and never recurses; the value decoders build on it.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"

namespace orgiam::cty::internal {

// The header of one msgpack item. For str, bin and ext the payload follows and
// is read with MsgpackReader::ReadPayload; an array is followed by `length`
// items, a map by `length` pairs.
struct MsgpackHeader {
  enum class Family : uint8_t {
    kNil,
    kBool,
    kInt,   // negative fixint and int 8..64 (value in int_value)
    kUint,  // positive fixint and uint 8..64 (value in uint_value)
    kFloat32,
    kFloat64,
    kStr,
    kBin,
    kArray,
    kMap,
    kExt,
  };

  Family family = Family::kNil;
  bool boolean = false;
  int64_t int_value = 0;
  uint64_t uint_value = 0;
  double float_value = 0;
  uint32_t length = 0;
  int8_t ext_type = 0;

  bool IsInteger() const { return family == Family::kInt || family == Family::kUint; }
  bool IsString() const { return family == Family::kStr || family == Family::kBin; }
};

class MsgpackReader {
 public:
  explicit MsgpackReader(std::string_view data) : data_(data) {}

  size_t remaining() const { return data_.size() - pos_; }
  bool AtEnd() const { return pos_ == data_.size(); }

  // Reads the next item's header. The lengths of arrays and maps are checked
  // against the bytes left (every item takes at least one byte), so callers may
  // reserve() by them.
  absl::StatusOr<MsgpackHeader> ReadHeader();

  // Reads the payload that follows a str, bin or ext header.
  absl::StatusOr<std::string_view> ReadPayload(uint32_t length);

  // Reads a str or bin item whole.
  absl::StatusOr<std::string_view> ReadString();

  // Skips one complete item, however deeply nested, without recursion.
  absl::Status Skip();

 private:
  absl::StatusOr<uint64_t> ReadBigEndian(int bytes);

  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_MSGPACK_READER_H_
