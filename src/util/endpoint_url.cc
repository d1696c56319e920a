#include "util/endpoint_url.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace orgiam::util {
namespace {

constexpr size_t kMaxLength = 2048;
constexpr char kLoopbackRule[] =
    "http:// is allowed only to a loopback host (an IPv4 address in 127.0.0.0/8, [::1] or "
    "localhost); any other endpoint must use https://";

absl::Status Refused(std::string_view why) { return absl::InvalidArgumentError(std::string(why)); }

// One to three digits without a leading zero, at most 255.
bool IsOctet(std::string_view part) {
  if (part.empty() || part.size() > 3) return false;
  if (!std::all_of(part.begin(), part.end(), absl::ascii_isdigit)) return false;
  if (part.size() > 1 && part.front() == '0') return false;
  int value = 0;
  for (char c : part) value = value * 10 + (c - '0');
  return value <= 255;
}

// Exactly four octets "a.b.c.d": the only IPv4 form judged loopback. Other numeric forms
// ("127.1", "2130706433") are mere host names here, so they never get http://.
bool IsDottedQuad(std::string_view host, int* first_octet) {
  int parts = 0;
  while (true) {
    const size_t dot = host.find('.');
    const std::string_view part = host.substr(0, dot);
    if (!IsOctet(part)) return false;
    if (parts == 0) {
      int value = 0;
      for (char c : part) value = value * 10 + (c - '0');
      *first_octet = value;
    }
    ++parts;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return parts == 4;
}

// Letters, digits, '-' and '_' in non-empty labels of at most 63 characters.
bool IsDnsName(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  size_t label = 0;
  for (char c : host) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    if (++label > 63) return false;
  }
  return label > 0;
}

}  // namespace

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost") return true;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    const std::string literal(host.substr(1, host.size() - 2));
    in6_addr address{};
    return inet_pton(AF_INET6, literal.c_str(), &address) == 1 &&
           std::memcmp(&address, &in6addr_loopback, sizeof(address)) == 0;
  }
  int first = -1;
  return IsDottedQuad(host, &first) && first == 127;
}

absl::StatusOr<EndpointUrl> ParseEndpoint(std::string_view text) {
  if (text.empty()) return Refused("the endpoint is empty");
  if (text.size() > kMaxLength) {
    return Refused(absl::StrCat("the endpoint is longer than ", kMaxLength, " characters"));
  }
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) {
      return Refused(
          "the endpoint contains whitespace, control or non-ASCII characters (write an "
          "internationalised domain name in its xn-- form)");
    }
    if (c == '\\') return Refused("the endpoint contains a backslash");
    if (c == '?' || c == '#') {
      return Refused("the endpoint is a base URL: it cannot have a query (?) or fragment (#)");
    }
  }
  EndpointUrl endpoint;
  std::string_view rest = text;
  if (const size_t separator = text.find("://"); separator != std::string_view::npos) {
    endpoint.scheme = absl::AsciiStrToLower(
        absl::string_view(text.data(), separator));  // absl::string_view: Debian's Abseil
    rest.remove_prefix(separator + 3);
    if (endpoint.scheme != "https" && endpoint.scheme != "http") {
      return Refused(absl::StrCat("the endpoint must start with https:// (", kLoopbackRule, ")"));
    }
  } else if (absl::StartsWithIgnoreCase(absl::string_view(text.data(), text.size()), "http:") ||
             absl::StartsWithIgnoreCase(absl::string_view(text.data(), text.size()), "https:")) {
    return Refused("the endpoint must start with https:// (two slashes after the colon)");
  } else {
    endpoint.scheme = "https";  // a bare domain
  }

  const size_t slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos) {
    return Refused(
        "the endpoint cannot contain user info (\"user@host\"): credentials go in the token "
        "attributes, and the host is what follows the @");
  }
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return Refused("the endpoint's IPv6 address lacks a ]");
    host = authority.substr(0, close + 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return Refused("the endpoint has characters after its IPv6 ]");
      port = after.substr(1);
      if (port.empty()) return Refused("the endpoint's port must be a number from 1 to 65535");
    }
    const std::string literal(host.substr(1, host.size() - 2));
    in6_addr address{};
    if (inet_pton(AF_INET6, literal.c_str(), &address) != 1) {
      return Refused("the endpoint's host is not a valid IPv6 address");
    }
  } else {
    const size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return Refused("the endpoint's port must be a number from 1 to 65535");
    }
    if (host.empty()) return Refused("the endpoint names no host");
    if (!IsDnsName(host)) {
      return Refused(
          "the endpoint's host must be a DNS name (letters, digits, '-', '.') or an IP address");
    }
  }
  if (!port.empty()) {
    int value = 0;
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), absl::ascii_isdigit) ||
        !absl::SimpleAtoi(absl::string_view(port.data(), port.size()), &value) || value < 1 ||
        value > 65535) {
      return Refused("the endpoint's port must be a number from 1 to 65535");
    }
    endpoint.port = value;
  }
  endpoint.host = absl::AsciiStrToLower(absl::string_view(host.data(), host.size()));
  endpoint.loopback = IsLoopbackHost(endpoint.host);
  if (endpoint.scheme == "http" && !endpoint.loopback) return Refused(kLoopbackRule);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  endpoint.path = std::string(path);
  endpoint.url =
      absl::StrCat(endpoint.scheme, "://", endpoint.host,
                   endpoint.port != 0 ? absl::StrCat(":", endpoint.port) : "", endpoint.path);
  return endpoint;
}

}  // namespace orgiam::util
