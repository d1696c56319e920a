#ifndef ORGIAM_SANDBOX_VULTR_COMMON_H_
#define ORGIAM_SANDBOX_VULTR_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http_util.h"
#include "httplib_wrap.h"

namespace orgiam::sandbox {

// {"error": message, "status": status}, Vultr's shape for every 4xx/5xx.
void VultrError(httplib::Response& res, int status, std::string_view message);
// The bodies of 401, 429 and 5xx answers.
void VultrStatusError(httplib::Response& res, int status);

// A pragmatic address check: one '@', a non-empty local part, a dotted domain,
// no spaces or control characters, at most 254 bytes.
bool IsValidEmail(std::string_view email);

// The ACL names the API accepts: the list of the OpenAPI spec's
// CreateUserRequest (vultr-ruby / vultr-csharp docs, plus activity_logs in the
// newer spec's generated Dart client).
const std::vector<std::string>& VultrAclNames();

// Cursor pagination (?per_page=&cursor=). The cursor is
// base64url("next__<seq>").
struct PageRequest {
  std::size_t per_page = 100;
  std::int64_t from_seq = 0;
};

// Reads per_page (default 100; values above 500 are capped at 500; below 1 or
// not a number is a 400) and cursor (a 400 when it does not decode). On failure
// the error response is already written and false is returned.
bool ReadPageRequest(const httplib::Request& req, httplib::Response& res, PageRequest* page);

std::string EncodeCursor(std::int64_t seq);

// {key: [view(item)...], "meta": {"total": N, "links": {"next": cursor|"",
// "prev": ""}}}, items in creation order starting at the cursor.
template <typename T, typename View>
Json PageJson(const char* key, const std::vector<T>& items, const PageRequest& page, View view) {
  Json list = Json::array();
  std::string next;
  for (const T& item : items) {
    if (item.seq < page.from_seq) continue;
    if (list.size() == page.per_page) {
      next = EncodeCursor(item.seq);
      break;
    }
    list.push_back(view(item));
  }
  return {{key, std::move(list)},
          {"meta", {{"total", items.size()}, {"links", {{"next", next}, {"prev", ""}}}}}};
}

// Accepts a JSON bool, or the strings "yes"/"no"/"true"/"false" (any case), as
// Vultr's documentation sends "yes" where govultr sends true.
bool ReadVultrBool(const Json& value, bool* out);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_VULTR_COMMON_H_
