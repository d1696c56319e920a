#include "request_guard.h"

#include <string>
#include <string_view>

#include "http_util.h"
#include "text.h"

namespace orgiam::sandbox {
namespace {

void GuardError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, {{"error", message}, {"status", status}});
}

// Whether `authority` (host:port, lower-cased) names this sandbox.
bool IsOwnAuthority(const App& app, const std::string& authority) {
  const std::string port = ":" + std::to_string(app.port.load());
  for (const char* host : {"127.0.0.1", "localhost", "[::1]"}) {
    if (authority == host + port) return true;
  }
  return false;
}

std::string OwnAuthorities(const App& app) {
  const std::string port = std::to_string(app.port.load());
  return "127.0.0.1:" + port + ", localhost:" + port + " or [::1]:" + port;
}

// Compares without an early exit, so the time taken does not tell how much of a
// guessed token was right.
bool SameSecret(std::string_view given, std::string_view expected) {
  if (expected.empty()) return false;
  unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ expected[i % expected.size()]);
  }
  return diff == 0;
}

}  // namespace

bool CheckHost(const App& app, const httplib::Request& req, httplib::Response& res) {
  const std::string host = AsciiLower(req.get_header_value("Host"));
  if (IsOwnAuthority(app, host)) return true;
  GuardError(res, 421,
             "Misdirected Request: this server answers only for the Host " + OwnAuthorities(app));
  return false;
}

bool CheckAdminAccess(const App& app, const httplib::Request& req, httplib::Response& res) {
  if (req.has_header("Origin")) {
    const std::string origin = AsciiLower(req.get_header_value("Origin"));
    constexpr std::string_view kScheme = "http://";
    if (!origin.starts_with(kScheme) || !IsOwnAuthority(app, origin.substr(kScheme.size()))) {
      GuardError(res, 403, "Forbidden: admin requests from another origin are refused");
      return false;
    }
  }
  if (!SameSecret(BearerToken(req).value_or(""), app.token)) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"orgiam-sandbox\"");
    GuardError(res, 401,
               "Unauthorized: admin routes need the header Authorization: Bearer <sandbox "
               "token> (--token or ORGIAM_SANDBOX_TOKEN)");
    return false;
  }
  return true;
}

}  // namespace orgiam::sandbox
