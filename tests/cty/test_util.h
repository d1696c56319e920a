#ifndef ORGIAM_TESTS_CTY_TEST_UTIL_H_
#define ORGIAM_TESTS_CTY_TEST_UTIL_H_

#include <cctype>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "status_matchers.h"

namespace orgiam::cty::testing {

// "c7 09 0c" -> bytes. Text inside single quotes is taken literally: "92 c4 08
// '\"string\"'".
inline std::string Bytes(std::string_view spec) {
  std::string out;
  for (size_t i = 0; i < spec.size();) {
    const char c = spec[i];
    if (c == '\'') {
      const size_t end = spec.find('\'', i + 1);
      out.append(spec.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (std::isxdigit(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::stoi(std::string(spec.substr(i, 2)), nullptr, 16)));
      i += 2;
    } else {
      ++i;
    }
  }
  return out;
}

inline std::string Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (!out.empty()) out.push_back(' ');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xf]);
  }
  return out;
}

using ::orgiam::testing::IsOk;
using ::orgiam::testing::StatusHasSubstr;
using ::orgiam::testing::StatusIs;

}  // namespace orgiam::cty::testing

#endif  // ORGIAM_TESTS_CTY_TEST_UTIL_H_
