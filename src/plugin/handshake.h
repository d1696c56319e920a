#ifndef ORGIAM_PLUGIN_HANDSHAKE_H_
#define ORGIAM_PLUGIN_HANDSHAKE_H_

// The go-plugin handshake: the magic cookie Terraform sets in the environment,
// the choice of application protocol version, and the single line the plugin
// prints on stdout.

#include <string>

#include "absl/strings/string_view.h"

namespace orgiam::plugin {

inline constexpr absl::string_view kMagicCookieKey = "TF_PLUGIN_MAGIC_COOKIE";
inline constexpr absl::string_view kMagicCookieValue =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

// go-plugin's core protocol version; Terraform rejects anything else.
inline constexpr int kCoreProtocolVersion = 1;
// The only application protocol this provider speaks (tfplugin6).
inline constexpr int kAppProtocolVersion = 6;

// True when `value` (the cookie variable's content, or null when unset) is the
// expected cookie.
bool MagicCookieMatches(const char* value);

struct VersionChoice {
  int version = kAppProtocolVersion;
  // False when the host's list did not contain our version. We still answer
  // with it, as go-plugin does, so that the host reports a precise
  // incompatibility error.
  bool offered_by_host = false;
};

// Picks the protocol version from PLUGIN_PROTOCOL_VERSIONS ("5,6", "6,5", " 6
// ", ...). An empty list means the host did not say; we then answer with our
// own version.
VersionChoice NegotiateProtocolVersion(absl::string_view host_versions);

// Standard-alphabet base64 without '=' padding (Go's base64.RawStdEncoding).
// Terraform rejects padded input in the handshake's certificate field.
std::string RawStdBase64(absl::string_view bytes);

// "1|<version>|<network>|<address>|grpc|<RawStdBase64(cert_der)>" plus '\n'. An
// empty `cert_der` leaves the last field empty (plaintext server).
std::string FormatHandshakeLine(int app_version, absl::string_view network,
                                absl::string_view address, absl::string_view cert_der);

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_HANDSHAKE_H_
