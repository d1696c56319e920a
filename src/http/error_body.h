#ifndef ORGIAM_HTTP_ERROR_BODY_H_
#define ORGIAM_HTTP_ERROR_BODY_H_

// Error bodies as they may appear in a diagnostic. A body that is not the vendor's own error
// (a proxy's page, an HTML login page, a gateway that echoes the request) is never shown as
// is: it may be large, binary, or carry the very Authorization header the provider sent.

#include <string>
#include <string_view>

#include "http/message.h"

namespace orgiam::http {

// `text` with whatever looks like a credential masked as "***": the value after "Bearer" or
// "Basic", after an Authorization header name, after keys such as password, token, secret or
// api_key (in JSON, form or header spelling), and long runs of letters and digits mixed (the
// shape of API keys and tokens).
std::string MaskCredentials(std::string_view text);

// A short, printable ASCII excerpt of `text` (controls and non-ASCII bytes become spaces or
// '?', runs of whitespace collapse), masked, at most `max_chars` long with "…" when cut.
std::string PrintableExcerpt(std::string_view text, size_t max_chars = 120);

// How a foreign error body is described: `HTTP 502, text/html, 1843 bytes: "<html>…"`.
std::string DescribeForeignBody(const Response& response);

// A message the vendor sent in its own error body, masked and bounded (vendors echo input).
std::string VendorMessage(std::string_view message);

}  // namespace orgiam::http

#endif  // ORGIAM_HTTP_ERROR_BODY_H_
