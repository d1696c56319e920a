// libFuzzer target for the cty JSON value decoder (DecodeJson, src/cty/json_codec.cc), the codec
// of DynamicValue.json and raw_state.json. The first input byte picks a schema type; the last
// choice instead reads a type from the input as well ("<type JSON>\n<value JSON>"), so that
// Type::FromJsonString and arbitrary types are exercised too. The rest is the JSON text.
//
// Whatever decodes must: re-encode as JSON (unless it holds an infinity or non-UTF-8 text,
// which JSON cannot carry), decode again to an equal value and re-encode to the same bytes;
// encode as msgpack and decode back to an equal value; and print (DebugString). A type read
// from the input must survive ToJsonString/FromJsonString unchanged.
//
// Two known gaps in src/cty are tolerated below, narrowly, until they are fixed (then remove
// KnownNumberOverflow and KnownFloat64Rounding):
// - a number beyond double range decodes from a JSON string ("-1.5e608") but not from a bare
//   JSON number, which is what EncodeJson writes (nlohmann's lexer rejects it with "number
//   overflow", json_tree.cc), so such a value does not survive a JSON round trip;
// - a non-integer that is exactly a double but is not that double's shortest decimal
//   (1234567890123140.75) is written as msgpack float64 (EncodeNumber) and read back as the
//   shortest decimal (Number::FromDouble: 1234567890123140.8), a different number.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "cty/codec.h"
#include "cty/number.h"
#include "cty/type.h"
#include "cty/value.h"

namespace orgiam::cty {
namespace {

const std::vector<Type>& FuzzTypes() {
  static const auto* const types = [] {
    const Type member = Type::Object({{"id", Type::String()},
                                      {"roles", Type::Set(Type::String())},
                                      {"meta", Type::Map(Type::String())}});
    return new std::vector<Type>{
        Type::Dynamic(),                         // 0
        Type::Object({{"name", Type::String()},  // 1
                      {"enabled", Type::Bool()},
                      {"ttl", Type::Number()},
                      {"acl", Type::List(Type::String())},
                      {"members", Type::Set(member)},
                      {"labels", Type::Map(Type::String())},
                      {"extra", Type::Dynamic()},
                      {"pair", Type::Tuple({Type::Number(), Type::Dynamic()})}}),
        Type::List(Type::Dynamic()),                             // 2
        Type::Map(Type::List(Type::Number())),                   // 3
        Type::Set(Type::Tuple({Type::String(), Type::Bool()})),  // 4
        Type::String(),                                          // 5
        Type::Number(),                                          // 6
        Type::Bool(),                                            // 7
    };
  }();
  return *types;
}

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "cty JSON fuzz check failed: %s\n%s\n", what, detail.c_str());
  std::abort();
}

[[noreturn]] void Fail(const char* what, const Value& value) {
  Fail(what, "value: " + value.DebugString());
}

bool KnownNumberOverflow(const absl::Status& status) {
  return absl::StrContains(status.message(), "number overflow");
}

// True if `value` holds a number of the second gap above: written as a float64 that reads back
// as another number.
bool KnownFloat64Rounding(const Value& value) {
  if (value.IsNullOrUnknown()) return false;
  switch (value.type().kind()) {
    case Type::Kind::kNumber: {
      const Number& number = value.AsNumber();
      return !number.IsInfinity() && !number.IsInteger() && number.ExactlyDouble() &&
             Number::FromDouble(number.AsDouble()) != number;
    }
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple:
      for (const Value& element : value.Elements()) {
        if (KnownFloat64Rounding(element)) return true;
      }
      return false;
    case Type::Kind::kMap:
    case Type::Kind::kObject:
      for (const auto& [key, element] : value.Entries()) {
        if (KnownFloat64Rounding(element)) return true;
      }
      return false;
    default:
      return false;
  }
}

void CheckType(const Type& type) {
  const std::string text = type.ToJsonString();
  auto again = Type::FromJsonString(text);
  if (!again.ok()) Fail("type JSON does not parse back", text);
  if (*again != type) Fail("type differs after a JSON round trip", text);
}

void CheckValue(std::string_view text, const Type& type) {
  auto value = DecodeJson(text, type);
  if (!value.ok()) return;
  (void)value->DebugString();

  auto encoded = EncodeJson(*value, type);
  if (encoded.ok()) {
    auto again = DecodeJson(*encoded, type);
    if (!again.ok() && KnownNumberOverflow(again.status())) return;
    if (!again.ok()) Fail(std::string(again.status().message()).c_str(), *value);
    if (*again != *value) Fail("second JSON decode differs", *value);
    auto reencoded = EncodeJson(*again, type);
    if (!reencoded.ok() || *reencoded != *encoded) Fail("JSON encoding is not canonical", *value);
  }

  auto msgpack = EncodeMsgpack(*value, type);
  if (!msgpack.ok()) Fail(std::string(msgpack.status().message()).c_str(), *value);
  auto back = DecodeMsgpack(*msgpack, type);
  if (!back.ok()) Fail(std::string(back.status().message()).c_str(), *value);
  if (*back != *value && !KnownFloat64Rounding(*value)) {
    Fail("msgpack after JSON differs", *value);
  }
}

}  // namespace
}  // namespace orgiam::cty

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& types = orgiam::cty::FuzzTypes();
  const size_t choice = data[0] % (types.size() + 1);
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (choice < types.size()) {
    orgiam::cty::CheckValue(input, types[choice]);
    return 0;
  }
  const size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  auto type = orgiam::cty::Type::FromJsonString(input.substr(0, newline));
  if (!type.ok()) return 0;
  orgiam::cty::CheckType(*type);
  orgiam::cty::CheckValue(input.substr(newline + 1), *type);
  return 0;
}
