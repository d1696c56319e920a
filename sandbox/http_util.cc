#include "http_util.h"

#include <memory>
#include <utility>

#include "text.h"

namespace orgiam::sandbox {

std::string Dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void SendJson(httplib::Response& res, int status, const Json& body) {
  SendJsonText(res, status, Dump(body));
}

void SendJsonText(httplib::Response& res, int status, std::string body) {
  res.status = status;
  if (body.empty()) {
    // A content provider of length 0 is never asked for data, and httplib
    // then sends no answer at all.
    res.set_content(std::string(), "application/json");
    return;
  }
  // cpp-httplib 0.11 brotli-compresses a plain body at its highest quality for any client that
  // accepts "br" (libcurl does): about 1 ms of CPU per small response, most of the sandbox's
  // time in a benchmark. A body of known length from a content provider is sent as it is.
  auto text = std::make_shared<const std::string>(std::move(body));
  res.set_content_provider(text->size(), "application/json",
                           [text](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(text->data() + offset, length);
                           });
}

void SendNoContent(httplib::Response& res, int status) {
  res.status = status;
  res.body.clear();
}

std::optional<Json> ParseBody(std::string_view body) {
  bool blank = true;
  for (char c : body) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      blank = false;
      break;
    }
  }
  if (blank) return Json::object();
  Json parsed = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

const Json* Member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> QueryParam(const httplib::Request& req, const std::string& name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

std::optional<std::string> BearerToken(const httplib::Request& req) {
  if (!req.has_header("Authorization")) return std::nullopt;
  const std::string value = req.get_header_value("Authorization");
  constexpr std::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() || AsciiLower(value.substr(0, kScheme.size())) != kScheme) {
    return std::nullopt;
  }
  return value.substr(kScheme.size());
}

}  // namespace orgiam::sandbox
