#ifndef ORGIAM_TESTS_SANDBOX_SANDBOX_HARNESS_H_
#define ORGIAM_TESTS_SANDBOX_SANDBOX_HARNESS_H_

// Starts the real orgiam-sandbox binary for a test and talks HTTP to it.

#include <memory>
#include <string>
#include <vector>

#include "httplib_wrap.h"
#include "nlohmann/json.hpp"
#include "subprocess.h"

namespace orgiam::sandbox::testing {

using Json = nlohmann::json;

inline constexpr char kToken[] = "sandbox-token";

struct Reply {
  int status = 0;  // 0: no response (connection error)
  std::string body;
  Json json;  // parsed body, or discarded
  httplib::Headers headers;
  std::string content_type;
};

class SandboxServer {
 public:
  // Starts `orgiam-sandbox --port 0 <extra_args>` and reads the URL from its
  // first line.
  explicit SandboxServer(std::vector<std::string> extra_args = {});
  ~SandboxServer();
  SandboxServer(const SandboxServer&) = delete;
  SandboxServer& operator=(const SandboxServer&) = delete;

  const std::string& url() const { return url_; }
  bool started() const { return !url_.empty(); }

  // Sends `signal` and waits; returns the exit status (-1 if it did not exit
  // normally).
  int Stop(int signal_number);

  // A vendor call with the bearer token (or `token` when given; "" sends none).
  Reply Call(const std::string& method, const std::string& path, const Json& body = nullptr,
             const httplib::Headers& extra_headers = {});
  Reply CallWithToken(const std::string& token, const std::string& method, const std::string& path,
                      const std::string& raw_body, const httplib::Headers& extra_headers = {});
  // An admin call, with the sandbox token (or `token`; "" sends none).
  Reply Admin(const std::string& method, const std::string& path, const Json& body = nullptr,
              const std::string& token = kToken);
  // A request with exactly `headers` (plus what httplib adds: Host unless given,
  // Content-Length for a body).
  Reply Raw(const std::string& method, const std::string& path, const httplib::Headers& headers,
            const std::string& body = "");
  // Writes `request` (a whole HTTP/1.1 request, verbatim) on a new connection
  // and returns everything read until the server closes it or `timeout_ms`
  // passes without data.
  std::string SendRaw(const std::string& request, int timeout_ms = 3000);
  int port() const;

  Json State() { return Admin("GET", "/_sandbox/state").json; }
  Json Stats() { return Admin("GET", "/_sandbox/stats").json; }

 private:
  // Started and stopped by tests/support's launcher.
  std::unique_ptr<orgiam::testing::Server> server_;
  std::string url_;
};

// Runs `orgiam-sandbox args...` to completion (for flag and start-up errors).
int RunSandboxToExit(const std::vector<std::string>& args, std::string* output);

}  // namespace orgiam::sandbox::testing

#endif  // ORGIAM_TESTS_SANDBOX_SANDBOX_HARNESS_H_
