#ifndef ORGIAM_SANDBOX_REQUEST_GUARD_H_
#define ORGIAM_SANDBOX_REQUEST_GUARD_H_

#include "app.h"
#include "httplib_wrap.h"

namespace orgiam::sandbox {

// Which requests the sandbox answers at all, and which reach its admin routes.
// Each check writes its error answer ({"error": …, "status": N}) and returns
// false when the request is refused.

// The Host header must name the address the sandbox is bound to:
// 127.0.0.1:PORT, localhost:PORT or [::1]:PORT. Anything else (a missing Host
// included) is 421 Misdirected Request, so a web page whose DNS name was
// rebound to 127.0.0.1 cannot reach the sandbox.
bool CheckHost(const App& app, const httplib::Request& req, httplib::Response& res);

// Admin routes (/_sandbox/…): an Origin header, when present, must be the
// sandbox's own origin (http:// + one of the hosts above), else 403, so a
// cross-site browser request is refused; then "Authorization: Bearer <sandbox
// token>" is required, else 401 with WWW-Authenticate.
bool CheckAdminAccess(const App& app, const httplib::Request& req, httplib::Response& res);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_REQUEST_GUARD_H_
