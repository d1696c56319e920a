#ifndef ORGIAM_SANDBOX_ROUTER_H_
#define ORGIAM_SANDBOX_ROUTER_H_

#include <functional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "httplib_wrap.h"

namespace orgiam::sandbox {

enum class Vendor { kVultr, kZitadel, kMotherDuck };

// A handler sees the path parameters in req.matches[1..], in template order.
using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

using AppHandler = void (*)(App&, const httplib::Request&, httplib::Response&);

// Adapts a free function taking the App to a Handler.
inline Handler Bind(App& app, AppHandler fn) {
  return [&app, fn](const httplib::Request& req, httplib::Response& res) { fn(app, req, res); };
}

// Registers routes written as templates ("/v2/users/{id}"). Vendor routes go
// through the request pipeline: latency, then either the scripted fault of the
// route (see Faults::TakeScripted) or rate limit (429), injected 5xx, bearer
// authentication (401), the handler, then possibly a dropped connection; each
// is counted in the stats under "METHOD template". Admin routes skip all of
// that but need the sandbox token (request_guard.h). Every route, and the
// fallbacks, first check the Host header. POST, PUT and PATCH read a body only
// when the request frames one (Content-Length or chunked); otherwise the body
// is empty.
class Router {
 public:
  Router(httplib::Server& server, App& app) : server_(server), app_(app) {}

  void Route(Vendor vendor, std::string_view method, std::string_view path_template,
             Handler handler);
  void Admin(std::string_view method, std::string_view path_template, Handler handler);
  // Last: any other path in ZITADEL's API space gets the gateway's JSON 404
  // (or 405) without an error id (zitadel_common.h ZitadelRoutingError); any
  // other path a plain-text 404, as a web server with no such route would
  // answer. Clients tell either from a vendor's JSON "not found".
  void AddFallbacks();

 private:
  void Add(std::string_view method, std::string_view path_template,
           httplib::Server::Handler handler);
  void AddPattern(std::string_view method, const std::string& pattern,
                  httplib::Server::Handler handler);
  void Serve(Vendor vendor, const std::string& route, const Handler& handler,
             const httplib::Request& req, httplib::Response& res);

  bool HasZitadelRouteForOtherMethod(const std::string& method, const std::string& path) const;

  struct PathRoute {
    std::string method;
    std::regex pattern;
  };

  httplib::Server& server_;
  App& app_;
  std::vector<PathRoute> zitadel_routes_;  // filled while routes are registered
};

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_ROUTER_H_
