#include "plugin/handshake.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace orgiam::plugin {

bool MagicCookieMatches(const char* value) {
  return value != nullptr && absl::string_view(value) == kMagicCookieValue;
}

VersionChoice NegotiateProtocolVersion(absl::string_view host_versions) {
  VersionChoice choice;
  if (absl::StripAsciiWhitespace(host_versions).empty()) {
    choice.offered_by_host = true;
    return choice;
  }
  // The host's order is random (a Go map), so only membership matters.
  for (absl::string_view item : absl::StrSplit(host_versions, ',')) {
    int version = 0;
    if (absl::SimpleAtoi(absl::StripAsciiWhitespace(item), &version) &&
        version == kAppProtocolVersion) {
      choice.offered_by_host = true;
    }
  }
  return choice;
}

std::string RawStdBase64(absl::string_view bytes) {
  std::string encoded;
  absl::Base64Escape(bytes, &encoded);
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  return encoded;
}

std::string FormatHandshakeLine(int app_version, absl::string_view network,
                                absl::string_view address, absl::string_view cert_der) {
  return absl::StrCat(kCoreProtocolVersion, "|", app_version, "|", network, "|", address, "|grpc|",
                      cert_der.empty() ? "" : RawStdBase64(cert_der), "\n");
}

}  // namespace orgiam::plugin
