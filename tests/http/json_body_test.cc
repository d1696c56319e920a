#include "http/json_body.h"

#include <gtest/gtest.h>

#include <string>

namespace orgiam::http {
namespace {

Response WithBody(std::string body, int status = 200) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

TEST(JsonBodyTest, ParsesObjects) {
  auto parsed = ParseJsonBody(WithBody(R"({"user":{"id":"u1"}})"), "vultr POST /v2/users");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ((*parsed)["user"]["id"], "u1");
}

TEST(JsonBodyTest, ErrorsNameTheContextButNotTheBody) {
  auto parsed = ParseJsonBody(WithBody("{\"api_key\": \"SECRET", 201), "vultr POST /v2/users");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInternal);
  const std::string message(parsed.status().message());
  EXPECT_NE(message.find("vultr POST /v2/users"), std::string::npos) << message;
  EXPECT_NE(message.find("HTTP 201"), std::string::npos) << message;
  EXPECT_EQ(message.find("SECRET"), std::string::npos) << message;
  EXPECT_FALSE(ParseJsonBody(WithBody("")).ok());
  EXPECT_FALSE(ParseJsonBody(WithBody("\xff\xfe")).ok());
}

TEST(JsonBodyTest, RefusesDeepNesting) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_FALSE(ParseJsonBody(WithBody(deep)).ok());
  const std::string fine = std::string(100, '[') + std::string(100, ']');
  EXPECT_TRUE(ParseJsonBody(WithBody(fine)).ok());
  // Brackets inside strings do not count.
  EXPECT_TRUE(ParseJsonBody(WithBody("\"" + std::string(1000, '[') + "\\\"\"")).ok());
}

}  // namespace
}  // namespace orgiam::http
