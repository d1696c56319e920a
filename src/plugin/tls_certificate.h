#ifndef ORGIAM_PLUGIN_TLS_CERTIFICATE_H_
#define ORGIAM_PLUGIN_TLS_CERTIFICATE_H_

// The server half of go-plugin's AutoMTLS: a throw-away self-signed certificate
// made at start-up. Terraform pins exactly this certificate (it arrives in the
// handshake line) as its only root and verifies the name "localhost" against
// its DNS SAN.

#include <string>

#include "absl/status/statusor.h"

namespace orgiam::plugin {

struct ServerCertificate {
  std::string cert_pem;
  std::string key_pem;  // PKCS#8; never log it.
  std::string cert_der;
};

// ECDSA P-256, CN=localhost, SAN DNS:localhost, valid from 30 s ago for 30
// years, CA:TRUE, KeyUsage
// digitalSignature|keyEncipherment|keyAgreement|keyCertSign, EKU
// serverAuth+clientAuth, random 128-bit serial.
absl::StatusOr<ServerCertificate> GenerateServerCertificate();

// Called once before gRPC or the certificate touch OpenSSL. Without it, the
// first SSL initialisation registers every legacy cipher and digest name,
// which OpenSSL 3 then copies into its provider name map on the first
// algorithm fetch: about half a millisecond of start-up for names nothing here looks up
// (TLS and the certificate fetch their algorithms from the provider by name).
void InitOpenSslForPlugin();

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_TLS_CERTIFICATE_H_
