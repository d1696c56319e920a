// Error bodies that are not the vendor's: what a diagnostic may show of them.

#include "http/error_body.h"

#include <gtest/gtest.h>

#include <string>

namespace orgiam::http {
namespace {

constexpr char kToken[] = "AB12CD34EF56GH78IJ90KL12MN34OP56QR78";

TEST(MaskCredentialsTest, MasksWhatFollowsAnAuthorizationScheme) {
  EXPECT_EQ(MaskCredentials("Authorization: Bearer abc.def-ghi"), "Authorization: Bearer ***");
  EXPECT_EQ(MaskCredentials("authorization=Basic dXNlcjpwYXNz"), "authorization=Basic ***");
  EXPECT_EQ(MaskCredentials("sent bearer x1 along"), "sent bearer *** along");
}

TEST(MaskCredentialsTest, MasksValuesOfSecretKeys) {
  EXPECT_EQ(MaskCredentials(R"({"password":"hunter2","name":"bot"})"),
            R"({"password":"***","name":"bot"})");
  EXPECT_EQ(MaskCredentials("client_secret=s3cr3t&user=ci"), "client_secret=***&user=ci");
  EXPECT_EQ(MaskCredentials("X-Api-Key: k1"), "X-Api-Key: ***");
  // A key without a value is only a word.
  EXPECT_EQ(MaskCredentials("the token expired"), "the token expired");
}

TEST(MaskCredentialsTest, MasksTokenShapedRunsButKeepsIdsAndWords) {
  EXPECT_EQ(MaskCredentials(std::string("key ") + kToken + " seen"), "key *** seen");
  const std::string uuid = "cb676a46-66fd-4dfb-b839-443f2e6c0b60";
  EXPECT_EQ(MaskCredentials("user " + uuid + " not found"), "user " + uuid + " not found");
  EXPECT_EQ(MaskCredentials("Errors.User.NotFound (QUERY-Dfbg2)"),
            "Errors.User.NotFound (QUERY-Dfbg2)");
  EXPECT_EQ(MaskCredentials("internationalization"), "internationalization");
}

TEST(PrintableExcerptTest, IsShortPrintableAsciiAndSaysWhenCut) {
  std::string body = "<html>\r\n<title>\x01Gateway\xc3\xa9</title>\t\t";
  body += std::string(5000, 'x');
  const std::string excerpt = PrintableExcerpt(body, 40);
  EXPECT_EQ(excerpt.substr(0, 32), "<html> <title> Gateway?" "?</title>");
  EXPECT_EQ(excerpt.size(), 43u);
  EXPECT_EQ(excerpt.substr(40), "...");
  for (char c : excerpt) {
    EXPECT_TRUE(c >= 0x20 && c < 0x7f) << static_cast<int>(c);
  }
  EXPECT_EQ(PrintableExcerpt("short"), "short");
}

TEST(DescribeForeignBodyTest, AProxyPageThatEchoesTheRequestShowsNoCredential) {
  Response response;
  response.status = 502;
  response.headers["content-type"] = "text/html; charset=utf-8";
  response.body = std::string("<html><body><h1>Bad Gateway</h1><pre>GET /v2/users HTTP/1.1\n") +
                  "Authorization: Bearer " + kToken + "\nHost: api.vultr.com</pre>" +
                  std::string(3000, ' ') + "</body></html>";
  const std::string text = DescribeForeignBody(response);
  EXPECT_EQ(text.find(kToken), std::string::npos) << text;
  EXPECT_EQ(text.find("AB12CD34"), std::string::npos) << text;
  EXPECT_NE(text.find("HTTP 502"), std::string::npos) << text;
  EXPECT_NE(text.find("text/html"), std::string::npos) << text;
  EXPECT_NE(text.find(std::to_string(response.body.size()) + " bytes"), std::string::npos);
  EXPECT_NE(text.find("Bad Gateway"), std::string::npos) << text;
  EXPECT_LT(text.size(), 250u) << text;
}

TEST(DescribeForeignBodyTest, SaysWhenThereIsNoBodyOrType) {
  Response response;
  response.status = 404;
  EXPECT_EQ(DescribeForeignBody(response), "HTTP 404, no content type, 0 bytes");
}

TEST(VendorMessageTest, KeepsTheVendorsWordsButNotEchoedSecrets) {
  EXPECT_EQ(VendorMessage("Invalid email address."), "Invalid email address.");
  EXPECT_EQ(VendorMessage(std::string("bad key ") + kToken), "bad key ***");
  EXPECT_EQ(VendorMessage(std::string(5000, 'a')).size(), 1003u);
}

}  // namespace
}  // namespace orgiam::http
