#include "router.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <regex>
#include <utility>

#include "credentials.h"
#include "faults.h"
#include "http_util.h"
#include "motherduck_common.h"
#include "request_guard.h"
#include "text.h"
#include "vultr_common.h"
#include "zitadel_common.h"

namespace orgiam::sandbox {
namespace {

// "/v2/users/{id}" -> "/v2/users/([^/]+)"; literal parts are escaped.
std::string TemplateToRegex(std::string_view path_template) {
  std::string out;
  for (std::size_t i = 0; i < path_template.size(); ++i) {
    const char c = path_template[i];
    if (c == '{') {
      const std::size_t close = path_template.find('}', i);
      if (close != std::string_view::npos) {
        out += "([^/]+)";
        i = close;
        continue;
      }
    }
    if (std::string_view(".^$|()[]*+?\\{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

void StatusError(Vendor vendor, httplib::Response& res, int status) {
  switch (vendor) {
    case Vendor::kVultr:
      VultrStatusError(res, status);
      break;
    case Vendor::kZitadel:
      ZitadelStatusError(res, status);
      break;
    case Vendor::kMotherDuck:
      MotherDuckStatusError(res, status);
      break;
  }
}

const char* VendorName(Vendor vendor) {
  switch (vendor) {
    case Vendor::kVultr:
      return "vultr";
    case Vendor::kZitadel:
      return "zitadel";
    case Vendor::kMotherDuck:
      return "motherduck";
  }
  return "";
}

// Replaces whatever the handler answered with a scripted status and body.
void ReplaceAnswer(httplib::Response& res, int status, std::string body) {
  // A fresh response: the handler's headers, body and content provider go.
  res = httplib::Response();
  SendJsonText(res, status, std::move(body));
}

void NotFoundText(httplib::Response& res) {
  res.status = 404;
  res.set_content("Not Found\n", "text/plain; charset=utf-8");
}

bool HasBodyFraming(const httplib::Request& req) {
  return req.has_header("Content-Length") ||
         AsciiLower(req.get_header_value("Transfer-Encoding")).find("chunked") != std::string::npos;
}

// A POST, PUT or PATCH handler that reads the body only when the request frames
// one. cpp-httplib 0.11 otherwise reads a request without Content-Length or
// Transfer-Encoding until the client closes the connection, and answers 400
// after its read timeout; HTTP/1.1 (RFC 9112 section 6.3) says such a request
// has no body, which is how a real server treats `curl -X POST URL`.
httplib::Server::HandlerWithContentReader WithOptionalBody(httplib::Server::Handler handler) {
  return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res,
                                        const httplib::ContentReader& content_reader) {
    if (!HasBodyFraming(req)) {
      handler(req, res);
      return;
    }
    std::string body;
    const bool read = content_reader([&body](const char* data, std::size_t length) {
      body.append(data, length);
      return true;
    });
    if (!read) {
      // 413 (over the payload limit) is set by httplib; the error handler
      // writes the plain-text answer.
      if (res.status < 400) res.status = 400;
      return;
    }
    httplib::Request with_body = req;  // the captures still point into req.path
    with_body.body = std::move(body);
    handler(with_body, res);
  };
}

}  // namespace

void Router::Add(std::string_view method, std::string_view path_template,
                 httplib::Server::Handler handler) {
  AddPattern(method, TemplateToRegex(path_template), std::move(handler));
}

void Router::AddPattern(std::string_view method, const std::string& pattern,
                        httplib::Server::Handler handler) {
  if (method == "GET") {
    server_.Get(pattern, std::move(handler));
  } else if (method == "POST") {
    server_.Post(pattern, WithOptionalBody(std::move(handler)));
  } else if (method == "PUT") {
    server_.Put(pattern, WithOptionalBody(std::move(handler)));
  } else if (method == "PATCH") {
    server_.Patch(pattern, WithOptionalBody(std::move(handler)));
  } else if (method == "DELETE") {
    server_.Delete(pattern, std::move(handler));
  }
}

void Router::Route(Vendor vendor, std::string_view method, std::string_view path_template,
                   Handler handler) {
  std::string route = std::string(method) + " " + std::string(path_template);
  app_.faults.AddRoute(route);
  if (vendor == Vendor::kZitadel) {
    zitadel_routes_.push_back({std::string(method), std::regex(TemplateToRegex(path_template))});
  }
  Add(method, path_template,
      [this, vendor, route = std::move(route), handler = std::move(handler)](
          const httplib::Request& req, httplib::Response& res) {
        Serve(vendor, route, handler, req, res);
      });
}

void Router::Admin(std::string_view method, std::string_view path_template, Handler handler) {
  Add(method, path_template,
      [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        if (!CheckHost(app_, req, res) || !CheckAdminAccess(app_, req, res)) return;
        try {
          handler(req, res);
        } catch (const std::exception& e) {
          SendJson(res, 500, {{"error", e.what()}});
        }
      });
}

bool Router::HasZitadelRouteForOtherMethod(const std::string& method,
                                           const std::string& path) const {
  return std::any_of(zitadel_routes_.begin(), zitadel_routes_.end(), [&](const PathRoute& r) {
    return r.method != method && std::regex_match(path, r.pattern);
  });
}

void Router::AddFallbacks() {
  for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
    AddPattern(
        method, ".*",
        [this, method = std::string(method)](const httplib::Request& req, httplib::Response& res) {
          if (!CheckHost(app_, req, res)) return;
          if (IsZitadelApiPath(req.path)) {
            // ZITADEL's gateway routes before it authenticates: no token needed.
            ZitadelRoutingError(res, HasZitadelRouteForOtherMethod(method, req.path) ? 405 : 404);
          } else {
            NotFoundText(res);
          }
          if (req.path.rfind("/_sandbox/", 0) != 0) {
            app_.stats.Record(method + " (unmatched)", res.status, false);
          }
        });
  }
}

void Router::Serve(Vendor vendor, const std::string& route, const Handler& handler,
                   const httplib::Request& req, httplib::Response& res) {
  if (!CheckHost(app_, req, res)) return;  // not a request for this server: not counted
  const std::int64_t latency_ms = app_.faults.Get().latency_ms;
  if (latency_ms > 0) app_.faults.Wait(std::chrono::milliseconds(latency_ms));
  const auto carry_out = [&] {
    try {
      handler(req, res);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "orgiam-sandbox: %s failed: %s\n", route.c_str(), e.what());
      StatusError(vendor, res, 500);
    }
  };
  const bool authenticated = AcceptsBearerToken(app_, vendor, BearerToken(req).value_or(""));
  // A scripted rule comes first, and a request it applies to sees no random
  // fault.
  const ScriptedFault scripted = app_.faults.TakeScripted(route, authenticated);
  bool fault = scripted.action != ScriptAction::kNone;
  bool drop = false;
  int retry_after_s = 0;
  switch (scripted.action) {
    case ScriptAction::kError:
      StatusError(vendor, res, scripted.status);
      if (scripted.status == 429) res.set_header("Retry-After", "1");
      break;
    case ScriptAction::kDropAfterCommit:
      carry_out();
      drop = true;
      break;
    case ScriptAction::kHold:
      carry_out();
      app_.faults.Wait(std::chrono::milliseconds(scripted.hold_ms));
      break;
    case ScriptAction::kBody:
      carry_out();
      ReplaceAnswer(res, scripted.status, scripted.body);
      break;
    case ScriptAction::kNone:
      if (!app_.faults.Admit(std::string(VendorName(vendor)) + " " + req.remote_addr,
                             &retry_after_s)) {
        StatusError(vendor, res, 429);
        res.set_header("Retry-After", std::to_string(retry_after_s));
        fault = true;
      } else if (const int status = app_.faults.PickServerError(); status != 0) {
        StatusError(vendor, res, status);
        fault = true;
      } else if (!authenticated) {
        StatusError(vendor, res, 401);
      } else {
        carry_out();
        // The request has been carried out (and persisted); now maybe lose the
        // answer.
        if (app_.faults.PickDrop()) {
          drop = true;
          fault = true;
        }
      }
      break;
  }
  app_.stats.Record(route, res.status, fault);
  if (drop && !DropConnection(req)) {
    std::fprintf(stderr, "orgiam-sandbox: could not find the socket to drop for %s\n",
                 route.c_str());
  }
}

}  // namespace orgiam::sandbox
