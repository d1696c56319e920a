#ifndef ORGIAM_TESTS_CONFORMANCE_TEST_CERTS_H_
#define ORGIAM_TESTS_CONFORMANCE_TEST_CERTS_H_

// Certificates for the test client, made the way go-plugin makes Terraform's: a
// self-signed ECDSA certificate (P-521 by default) for "localhost" usable as
// client and server cert.

#include <string>

namespace orgiam::conformance {

struct PemPair {
  std::string cert_pem;
  std::string key_pem;
};

// `curve` is an OpenSSL group name such as "P-521" or "P-256".
PemPair MakeClientCertificate(const std::string& curve = "P-521");

// DER -> PEM ("-----BEGIN CERTIFICATE-----"); empty string if the DER does not
// parse.
std::string DerToPem(const std::string& der);

// Decodes standard-alphabet base64, with or without padding; false on bad
// input.
bool DecodeBase64(const std::string& text, std::string* out);

struct CertFacts {
  bool parsed = false;
  bool san_has_localhost = false;
  bool is_ca = false;
  bool has_server_auth = false;
  std::string curve;             // e.g. "prime256v1"
  long not_before_offset_s = 0;  // notBefore - now (negative = in the past)
  bool self_signature_valid = false;
};

CertFacts InspectCertificate(const std::string& der);

}  // namespace orgiam::conformance

#endif  // ORGIAM_TESTS_CONFORMANCE_TEST_CERTS_H_
