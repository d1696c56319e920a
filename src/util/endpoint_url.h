#ifndef ORGIAM_UTIL_ENDPOINT_URL_H_
#define ORGIAM_UTIL_ENDPOINT_URL_H_

// The rule for every vendor endpoint (vultr.endpoint, zitadel.domain, motherduck.endpoint and
// the environment variables read for them): https:// always, http:// only to a loopback host.
// The provider configuration checks it before any client exists and the HTTP client checks it
// again before each request, so it lives below both.

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace orgiam::util {

struct EndpointUrl {
  std::string scheme;  // "https" or "http", lower case
  // Lower case; an IPv6 literal keeps its brackets ("[::1]").
  std::string host;
  int port = 0;      // 0 when the URL names none (443 for https, 80 for http)
  std::string path;  // "" or "/..." without a trailing slash
  // 127.0.0.0/8 as a dotted quad, [::1] or localhost.
  bool loopback = false;
  // scheme://host[:port]path: what requests are sent to.
  std::string url;
};

// Parses and checks an endpoint. A bare domain ("acme.zitadel.cloud", "localhost:8443/api")
// means https. Refused, with a message that states the rule (it never repeats the value):
// another scheme, http:// to a host that is not loopback, user info ("user@host"), a port
// outside 1-65535, a query or fragment, whitespace or control characters, and host names that
// are not plain DNS names or IP literals.
absl::StatusOr<EndpointUrl> ParseEndpoint(std::string_view text);

// True for a host (as in EndpointUrl::host) that is loopback by the rule above.
bool IsLoopbackHost(std::string_view host);

}  // namespace orgiam::util

#endif  // ORGIAM_UTIL_ENDPOINT_URL_H_
