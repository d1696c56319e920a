#ifndef ORGIAM_HTTP_MESSAGE_H_
#define ORGIAM_HTTP_MESSAGE_H_

// What vendor clients send and get back.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace orgiam::http {

// Members have default initializers so designated initializers may leave any
// out.
struct Request {
  std::string method;  // GET POST PUT PATCH DELETE
  // Appended to base_url, e.g. "/v2/users?per_page=100&cursor=abc".
  std::string path;
  std::string body = {};  // JSON text or empty
  // Extra headers, e.g. {"x-zitadel-orgid", "123"}.
  std::vector<std::pair<std::string, std::string>> headers = {};
  // A POST that only reads (a search): retried like a GET, on kept-alive connections.
  bool read_only = false;
};

struct Response {
  int status = 0;
  std::string body = {};
  // Lower-cased names; repeated headers joined by ", ".
  std::map<std::string, std::string> headers = {};

  // A 2xx status: the vendor did what was asked.
  bool ok() const { return status >= 200 && status <= 299; }
};

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_MESSAGE_H_
