#ifndef ORGIAM_TESTS_SUPPORT_TEST_CERTS_H_
#define ORGIAM_TESTS_SUPPORT_TEST_CERTS_H_

// Certificates for tests, made with OpenSSL:
//  - the test client's, the way go-plugin makes Terraform's: a self-signed ECDSA certificate
//    (P-521 by default) for "localhost" usable as client and server cert;
//  - a private CA and server certificates it issues, for TLS servers that stand in for a vendor
//    API (tls_test_server.h).

#include <string>
#include <vector>

namespace orgiam::testing {

struct PemPair {
  std::string cert_pem;
  std::string key_pem;
};

// `curve` is an OpenSSL group name such as "P-521" or "P-256".
PemPair MakeClientCertificate(const std::string& curve = "P-521");

// A private certificate authority: a self-signed P-256 CA certificate and its key.
struct CertificateAuthority {
  std::string cert_pem;
  std::string key_pem;
};
CertificateAuthority MakeCertificateAuthority(const std::string& common_name = "orgiam test CA");

// A P-256 server certificate issued by `ca`, valid for an hour, whose subjectAltName lists
// `dns_names` and `ip_addresses` ("127.0.0.1", "::1").
PemPair IssueServerCertificate(const CertificateAuthority& ca,
                               const std::vector<std::string>& dns_names,
                               const std::vector<std::string>& ip_addresses = {});

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

}  // namespace orgiam::testing

#endif  // ORGIAM_TESTS_SUPPORT_TEST_CERTS_H_
