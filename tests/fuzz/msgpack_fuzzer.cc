// libFuzzer target for the cty codecs. The first input byte picks a schema
// (and, with its high bit set, JSON instead of msgpack); the rest is the
// encoded value. Whatever decodes must re-encode, decode again to an equal
// value, and re-encode to the same bytes.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cty/codec.h"
#include "cty/type.h"
#include "cty/value.h"

namespace orgiam::cty {
namespace {

const std::vector<Type>& FuzzTypes() {
  static const auto* const types = [] {
    const Type item = Type::Object({{"id", Type::Number()},
                                    {"tags", Type::Map(Type::String())},
                                    {"v", Type::List(Type::Number())}});
    const Type rich = Type::Object({
        {"s", Type::String()},
        {"n", Type::Number()},
        {"b", Type::Bool()},
        {"l", Type::List(Type::String())},
        {"st", Type::Set(Type::Number())},
        {"m", Type::Map(Type::Bool())},
        {"o",
         Type::Object({{"x", Type::Number()}, {"y", Type::Tuple({Type::String(), Type::Bool()})}})},
        {"d", Type::Dynamic()},
        {"nested", Type::List(item)},
        {"items", Type::Set(item)},
    });
    return new std::vector<Type>{
        rich,                                                                          // 0
        Type::Dynamic(),                                                               // 1
        Type::List(Type::Map(Type::Number())),                                         // 2
        Type::Set(Type::Dynamic()),                                                    // 3
        Type::String(),                                                                // 4
        Type::Number(),                                                                // 5
        Type::Tuple({Type::String(), Type::Number(), Type::Bool(), Type::Dynamic()}),  // 6
        Type::Map(Type::Set(Type::List(Type::String()))),                              // 7
    };
  }();
  return *types;
}

[[noreturn]] void Fail(const char* what, const Value& value) {
  std::fprintf(stderr, "round trip failed: %s\nvalue: %s\n", what, value.DebugString().c_str());
  std::abort();
}

void CheckMsgpack(std::string_view input, const Type& type) {
  auto value = DecodeMsgpack(input, type);
  if (!value.ok()) return;
  auto encoded = EncodeMsgpack(*value, type);
  if (!encoded.ok()) Fail(std::string(encoded.status().message()).c_str(), *value);
  auto again = DecodeMsgpack(*encoded, type);
  if (!again.ok()) Fail(std::string(again.status().message()).c_str(), *value);
  if (*again != *value) Fail("second decode differs", *value);
  auto reencoded = EncodeMsgpack(*again, type);
  if (!reencoded.ok() || *reencoded != *encoded) Fail("encoding is not canonical", *value);
}

void CheckJson(std::string_view input, const Type& type) {
  auto value = DecodeJson(input, type);
  if (!value.ok()) return;
  // JSON cannot carry infinities or non-UTF-8 strings; such values may fail to
  // encode.
  auto encoded = EncodeJson(*value, type);
  if (encoded.ok()) {
    auto again = DecodeJson(*encoded, type);
    if (!again.ok()) Fail(std::string(again.status().message()).c_str(), *value);
    if (*again != *value) Fail("second JSON decode differs", *value);
  }
  auto msgpack = EncodeMsgpack(*value, type);
  if (!msgpack.ok()) Fail(std::string(msgpack.status().message()).c_str(), *value);
  auto back = DecodeMsgpack(*msgpack, type);
  if (!back.ok() || *back != *value) Fail("msgpack after JSON differs", *value);
}

}  // namespace
}  // namespace orgiam::cty

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& types = orgiam::cty::FuzzTypes();
  const orgiam::cty::Type& type = types[(data[0] & 0x7f) % types.size()];
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 0x80) {
    orgiam::cty::CheckJson(input, type);
  } else {
    orgiam::cty::CheckMsgpack(input, type);
  }
  return 0;
}
