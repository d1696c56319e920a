#ifndef ORGIAM_TESTS_SUPPORT_STATUS_MATCHERS_H_
#define ORGIAM_TESTS_SUPPORT_STATUS_MATCHERS_H_

// gmock matchers for absl::Status and absl::StatusOr<T>, for every test target (link
// orgiam_test_matchers):
//   EXPECT_THAT(ParseThing(text), IsOk());
//   EXPECT_THAT(api.GetUser("x"), StatusIs(absl::StatusCode::kNotFound));
//   EXPECT_THAT(api.GetUser("x"), StatusHasSubstr("is the endpoint right?"));

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace orgiam::testing {

inline const absl::Status& StatusOf(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

MATCHER(IsOk, "is OK") {
  const absl::Status& status = ::orgiam::testing::StatusOf(arg);
  if (!status.ok()) *result_listener << "which is " << status.ToString();
  return status.ok();
}

MATCHER_P(StatusIs, code, "has status code " + absl::StatusCodeToString(code)) {
  const absl::Status& status = ::orgiam::testing::StatusOf(arg);
  *result_listener << "which is " << (status.ok() ? std::string("OK") : status.ToString());
  return status.code() == code;
}

MATCHER_P(StatusHasSubstr, text, "is an error containing \"" + std::string(text) + "\"") {
  const absl::Status& status = ::orgiam::testing::StatusOf(arg);
  if (status.ok()) {
    *result_listener << "which is OK";
    return false;
  }
  const std::string message(status.message());
  *result_listener << "whose message is \"" << message << "\"";
  return message.find(text) != std::string::npos;
}

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_STATUS_MATCHERS_H_
