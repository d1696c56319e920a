#include "vultr_common.h"

#include <charconv>

#include "ids.h"
#include "text.h"

namespace orgiam::sandbox {
namespace {

constexpr std::string_view kCursorPrefix = "next__";

}  // namespace

void VultrError(httplib::Response& res, int status, std::string_view message) {
  SendJson(res, status, {{"error", message}, {"status", status}});
}

void VultrStatusError(httplib::Response& res, int status) {
  switch (status) {
    case 401:
      VultrError(res, status, "Invalid API token.");
      break;
    case 429:
      VultrError(res, status, "rate limit exceeded");
      break;
    case 502:
      VultrError(res, status, "Bad gateway.");
      break;
    case 503:
      VultrError(res, status, "Service temporarily unavailable.");
      break;
    default:
      VultrError(res, status, "Internal server error.");
      break;
  }
}

bool IsValidEmail(std::string_view email) {
  if (email.empty() || email.size() > 254) return false;
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (char c : email) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == ',' ||
        c == ';' || c == '"') {
      return false;
    }
  }
  const std::string_view domain = email.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos) return false;
  if (domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return false;
  }
  return true;
}

const std::vector<std::string>& VultrAclNames() {
  static const auto* const kAcls = new std::vector<std::string>{
      "abuse",         "activity_logs",      "alerts",       "billing",  "dns",
      "firewall",      "loadbalancer",       "manage_users", "objstore", "provisioning",
      "subscriptions", "subscriptions_view", "support",      "upgrade"};
  return *kAcls;
}

std::string EncodeCursor(std::int64_t seq) {
  return Base64UrlEncode(std::string(kCursorPrefix) + std::to_string(seq));
}

bool ReadPageRequest(const httplib::Request& req, httplib::Response& res, PageRequest* page) {
  if (const auto per_page = QueryParam(req, "per_page"); per_page && !per_page->empty()) {
    long long value = 0;
    const char* end = per_page->data() + per_page->size();
    const auto [ptr, ec] = std::from_chars(per_page->data(), end, value);
    if (ec != std::errc() || ptr != end || value < 1) {
      VultrError(res, 400, "Invalid per_page value. It must be between 1 and 500.");
      return false;
    }
    page->per_page = static_cast<std::size_t>(std::min<long long>(value, 500));
  }
  if (const auto cursor = QueryParam(req, "cursor"); cursor && !cursor->empty()) {
    const auto decoded = Base64UrlDecode(*cursor);
    long long seq = 0;
    bool ok = decoded.has_value() && decoded->rfind(kCursorPrefix, 0) == 0;
    if (ok) {
      const char* begin = decoded->data() + kCursorPrefix.size();
      const char* end = decoded->data() + decoded->size();
      const auto [ptr, ec] = std::from_chars(begin, end, seq);
      ok = ec == std::errc() && ptr == end && seq > 0;
    }
    if (!ok) {
      VultrError(res, 400, "Invalid cursor.");
      return false;
    }
    page->from_seq = seq;
  }
  return true;
}

bool ReadVultrBool(const Json& value, bool* out) {
  if (value.is_boolean()) {
    *out = value.get<bool>();
    return true;
  }
  if (value.is_string()) {
    const std::string text = AsciiLower(value.get<std::string>());
    if (text == "yes" || text == "true") {
      *out = true;
      return true;
    }
    if (text == "no" || text == "false") {
      *out = false;
      return true;
    }
  }
  return false;
}

}  // namespace orgiam::sandbox
