// The endpoint rule: https:// always, http:// only to a loopback host, a bare domain means
// https://, and none of the tricks that make a URL name another host than it seems to.

#include "util/endpoint_url.h"

#include <gtest/gtest.h>

#include <string>

namespace orgiam::util {
namespace {

std::string Refusal(const std::string& text) {
  const absl::StatusOr<EndpointUrl> endpoint = ParseEndpoint(text);
  EXPECT_FALSE(endpoint.ok()) << text << " was accepted as " << endpoint->url;
  return endpoint.ok() ? "" : std::string(endpoint.status().message());
}

TEST(EndpointUrlTest, HttpsAnywhere) {
  for (const char* text : {"https://api.vultr.com", "https://api.vultr.com/",
                           "HTTPS://API.Vultr.com", "https://acme.zitadel.cloud:8443/base//",
                           "https://10.0.0.1", "https://[2001:db8::1]:443", "https://localhost"}) {
    const absl::StatusOr<EndpointUrl> endpoint = ParseEndpoint(text);
    ASSERT_TRUE(endpoint.ok()) << text << ": " << endpoint.status();
    EXPECT_EQ(endpoint->scheme, "https") << text;
  }
  EXPECT_EQ(ParseEndpoint("HTTPS://API.Vultr.com/")->url, "https://api.vultr.com");
  EXPECT_EQ(ParseEndpoint("https://acme.zitadel.cloud:8443/base//")->url,
            "https://acme.zitadel.cloud:8443/base");
}

TEST(EndpointUrlTest, BareDomainMeansHttps) {
  absl::StatusOr<EndpointUrl> endpoint = ParseEndpoint("acme.zitadel.cloud");
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->url, "https://acme.zitadel.cloud");
  EXPECT_FALSE(endpoint->loopback);
  endpoint = ParseEndpoint("acme.example:8443/api/");
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->url, "https://acme.example:8443/api");
  EXPECT_EQ(endpoint->port, 8443);
  // Bare loopback names get https too: plain http is never guessed.
  EXPECT_EQ(ParseEndpoint("localhost:9000")->url, "https://localhost:9000");
  EXPECT_EQ(ParseEndpoint("127.0.0.1:9000")->url, "https://127.0.0.1:9000");
}

TEST(EndpointUrlTest, HttpOnlyToLoopback) {
  for (const char* text : {"http://127.0.0.1:8080", "http://127.255.3.4", "http://localhost:1",
                           "http://LOCALHOST", "http://[::1]:9000/x", "http://[0:0:0:0:0:0:0:1]"}) {
    const absl::StatusOr<EndpointUrl> endpoint = ParseEndpoint(text);
    ASSERT_TRUE(endpoint.ok()) << text << ": " << endpoint.status();
    EXPECT_TRUE(endpoint->loopback) << text;
    EXPECT_EQ(endpoint->scheme, "http");
  }
  for (const char* text :
       {"http://api.vultr.com", "http://127.0.0.1.example.com", "http://localhost.evil",
        "http://evil.localhost", "http://128.0.0.1", "http://10.0.0.1", "http://[::2]",
        "http://[::ffff:127.0.0.1]", "http://127.1", "http://2130706433", "http://0x7f000001",
        "http://127.000.0.1", "http://0177.0.0.1"}) {
    EXPECT_NE(Refusal(text).find("http:// is allowed only to a loopback host"), std::string::npos)
        << text;
  }
}

TEST(EndpointUrlTest, UserInfoIsRefused) {
  for (const char* text : {"http://127.0.0.1@evil.com", "https://user:pass@api.vultr.com",
                           "http://localhost:80@evil.com/", "evil.com@127.0.0.1"}) {
    EXPECT_NE(Refusal(text).find("user info"), std::string::npos) << text;
  }
}

TEST(EndpointUrlTest, PortMustBeInRange) {
  for (const char* text :
       {"https://api.vultr.com:99999", "https://api.vultr.com:0",
        "https://api.vultr.com:", "https://api.vultr.com:65536", "https://api.vultr.com:8o",
        "http://[::1]:", "acme.example:-1", "https://api.vultr.com:0000443"}) {
    EXPECT_NE(Refusal(text).find("port must be a number from 1 to 65535"), std::string::npos)
        << text;
  }
  EXPECT_EQ(ParseEndpoint("https://api.vultr.com:65535")->port, 65535);
  EXPECT_EQ(ParseEndpoint("https://api.vultr.com:1")->port, 1);
}

TEST(EndpointUrlTest, OtherSchemesAndMalformedUrlsAreRefused) {
  EXPECT_NE(Refusal("ftp://api.vultr.com").find("must start with https://"), std::string::npos);
  EXPECT_NE(Refusal("file:///etc/passwd").find("must start with https://"), std::string::npos);
  EXPECT_NE(Refusal("https:api.vultr.com").find("two slashes"), std::string::npos);
  EXPECT_NE(Refusal("http:/127.0.0.1").find("two slashes"), std::string::npos);
  EXPECT_NE(Refusal("https://api.vultr.com/?x=1").find("query"), std::string::npos);
  EXPECT_NE(Refusal("https://api.vultr.com#frag").find("fragment"), std::string::npos);
  EXPECT_NE(Refusal("https://evil.com\\@127.0.0.1").find("backslash"), std::string::npos);
  EXPECT_NE(Refusal("https://api vultr.com").find("whitespace"), std::string::npos);
  EXPECT_NE(Refusal("https://api.vultr.com\n").find("whitespace"), std::string::npos);
  EXPECT_NE(Refusal("https://").find("no host"), std::string::npos);
  EXPECT_NE(Refusal("https://:443").find("no host"), std::string::npos);
  EXPECT_NE(Refusal("").find("empty"), std::string::npos);
  EXPECT_NE(Refusal("https://a..b").find("DNS name"), std::string::npos);
  EXPECT_NE(Refusal("https://127.0.0.1%2f.evil").find("DNS name"), std::string::npos);
  EXPECT_NE(Refusal("https://[::1").find("lacks a ]"), std::string::npos);
  EXPECT_NE(Refusal("https://[::1]x").find("after its IPv6"), std::string::npos);
  EXPECT_NE(Refusal("https://[zz::1]").find("IPv6"), std::string::npos);
  EXPECT_NE(Refusal("https://[::1%25eth0]").find("IPv6"), std::string::npos);
}

TEST(EndpointUrlTest, RefusalsNeverRepeatTheValue) {
  for (const char* text : {"https://user:s3cret@api.vultr.com", "http://s3cret.example",
                           "https://s3cret.example:99999"}) {
    EXPECT_EQ(Refusal(text).find("s3cret"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace orgiam::util
