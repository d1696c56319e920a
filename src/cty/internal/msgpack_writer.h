#ifndef ORGIAM_CTY_INTERNAL_MSGPACK_WRITER_H_
#define ORGIAM_CTY_INTERNAL_MSGPACK_WRITER_H_

// Appends msgpack items to a string, always in the most compact format (as
// vmihailenco/msgpack does for Terraform), so that Terraform-produced encodings
// re-encode byte for byte.

#include <cstdint>
#include <string>
#include <string_view>

namespace orgiam::cty::internal {

class MsgpackWriter {
 public:
  explicit MsgpackWriter(std::string& out) : out_(out) {}

  void Nil();
  void Bool(bool value);
  void Int(int64_t value);  // non-negative values use the uint formats
  void Uint(uint64_t value);
  void Float64(double value);
  void Str(std::string_view value);
  void Bin(std::string_view value);
  void ArrayHeader(uint32_t length);
  void MapHeader(uint32_t length);
  // fixext 1/2/4/8/16 when the payload size allows, else ext 8/16/32.
  void Ext(int8_t type, std::string_view payload);

 private:
  void BigEndian(uint64_t value, int bytes);

  std::string& out_;
};

}  // namespace orgiam::cty::internal

#endif  // ORGIAM_CTY_INTERNAL_MSGPACK_WRITER_H_
