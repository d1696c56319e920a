#include "test_certs.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace orgiam::testing {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

std::string BioString(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return n > 0 ? std::string(data, static_cast<size_t>(n)) : std::string();
}

void Check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("OpenSSL: ") + what);
}

X509Ptr ParseDer(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

std::string CertPem(X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert);
  return BioString(bio.get());
}

std::string KeyPem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  return BioString(bio.get());
}

// A v3 certificate for `key`, valid from 30 s ago for an hour, with subject O=`organization`,
// CN=`common_name` and `extensions` (OpenSSL config syntax). Without an issuer it is
// self-signed.
X509Ptr BuildCertificate(EVP_PKEY* key, const std::string& organization,
                         const std::string& common_name,
                         const std::vector<std::pair<int, std::string>>& extensions, X509* issuer,
                         EVP_PKEY* issuer_key, const EVP_MD* digest) {
  static std::atomic<long> serial{0};
  X509Ptr cert(X509_new());
  Check(X509_set_version(cert.get(), X509_VERSION_3) == 1, "version");
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()),
                   static_cast<long>(std::time(nullptr)) * 1000 + (++serial % 1000));
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -30);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(organization.c_str()), -1, -1,
                             0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509_set_issuer_name(cert.get(), issuer != nullptr ? X509_get_subject_name(issuer) : name);
  X509_set_pubkey(cert.get(), key);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer != nullptr ? issuer : cert.get(), cert.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] : extensions) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    Check(ext != nullptr, "extension");
    X509_add_ext(cert.get(), ext, -1);
    X509_EXTENSION_free(ext);
  }
  Check(X509_sign(cert.get(), issuer_key != nullptr ? issuer_key : key, digest) != 0, "sign");
  return cert;
}

}  // namespace

PemPair MakeClientCertificate(const std::string& curve) {
  PkeyPtr key(EVP_EC_gen(curve.c_str()));
  Check(key != nullptr, "keygen");
  X509Ptr cert = BuildCertificate(key.get(), "HashiCorp", "localhost",
                                  {
                                      {NID_basic_constraints, "critical,CA:TRUE"},
                                      {NID_key_usage,
                                       "critical,digitalSignature,keyEncipherment,keyAgreement,"
                                       "keyCertSign"},
                                      {NID_ext_key_usage, "clientAuth,serverAuth"},
                                      {NID_subject_alt_name, "DNS:localhost"},
                                  },
                                  nullptr, nullptr, EVP_sha512());
  return {CertPem(cert.get()), KeyPem(key.get())};
}

CertificateAuthority MakeCertificateAuthority(const std::string& common_name) {
  PkeyPtr key(EVP_EC_gen("P-256"));
  Check(key != nullptr, "keygen");
  X509Ptr cert = BuildCertificate(key.get(), "orgiam tests", common_name,
                                  {
                                      {NID_basic_constraints, "critical,CA:TRUE"},
                                      {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                      {NID_subject_key_identifier, "hash"},
                                  },
                                  nullptr, nullptr, EVP_sha256());
  return {CertPem(cert.get()), KeyPem(key.get())};
}

PemPair IssueServerCertificate(const CertificateAuthority& ca,
                               const std::vector<std::string>& dns_names,
                               const std::vector<std::string>& ip_addresses) {
  BioPtr ca_cert_bio(BIO_new_mem_buf(ca.cert_pem.data(), static_cast<int>(ca.cert_pem.size())));
  X509Ptr ca_cert(PEM_read_bio_X509(ca_cert_bio.get(), nullptr, nullptr, nullptr));
  BioPtr ca_key_bio(BIO_new_mem_buf(ca.key_pem.data(), static_cast<int>(ca.key_pem.size())));
  PkeyPtr ca_key(PEM_read_bio_PrivateKey(ca_key_bio.get(), nullptr, nullptr, nullptr));
  Check(ca_cert != nullptr && ca_key != nullptr, "reading the CA");
  std::string names;
  for (const std::string& dns : dns_names) names += (names.empty() ? "DNS:" : ",DNS:") + dns;
  for (const std::string& ip : ip_addresses) names += (names.empty() ? "IP:" : ",IP:") + ip;
  Check(!names.empty(), "a server certificate needs a name");
  PkeyPtr key(EVP_EC_gen("P-256"));
  Check(key != nullptr, "keygen");
  const std::string common_name = dns_names.empty() ? ip_addresses.front() : dns_names.front();
  X509Ptr cert = BuildCertificate(key.get(), "orgiam tests", common_name,
                                  {
                                      {NID_basic_constraints, "critical,CA:FALSE"},
                                      {NID_key_usage, "critical,digitalSignature"},
                                      {NID_ext_key_usage, "serverAuth"},
                                      {NID_subject_alt_name, names},
                                      {NID_authority_key_identifier, "keyid"},
                                  },
                                  ca_cert.get(), ca_key.get(), EVP_sha256());
  return {CertPem(cert.get()), KeyPem(key.get())};
}

std::string DerToPem(const std::string& der) {
  X509Ptr cert = ParseDer(der);
  if (cert == nullptr) return "";
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert.get());
  return BioString(bio.get());
}

bool DecodeBase64(const std::string& text, std::string* out) {
  std::string padded = text;
  while (padded.size() % 4 != 0) padded.push_back('=');
  out->assign(padded.size() / 4 * 3 + 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out->data()),
                                reinterpret_cast<const unsigned char*>(padded.data()),
                                static_cast<int>(padded.size()));
  if (n < 0) return false;
  // EVP_DecodeBlock counts padding as zero bytes; drop them.
  size_t length = static_cast<size_t>(n);
  for (size_t i = padded.size(); i > 0 && padded[i - 1] == '='; --i) --length;
  out->resize(length);
  return true;
}

CertFacts InspectCertificate(const std::string& der) {
  CertFacts facts;
  X509Ptr cert = ParseDer(der);
  if (cert == nullptr) return facts;
  facts.parsed = true;

  auto* names = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr));
  for (int i = 0; names != nullptr && i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
    if (name->type == GEN_DNS) {
      const auto* data = ASN1_STRING_get0_data(name->d.dNSName);
      const std::string dns(reinterpret_cast<const char*>(data),
                            static_cast<size_t>(ASN1_STRING_length(name->d.dNSName)));
      if (dns == "localhost") facts.san_has_localhost = true;
    }
  }
  GENERAL_NAMES_free(names);

  facts.is_ca = X509_check_ca(cert.get()) > 0;
  facts.has_server_auth = (X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER) != 0;

  EVP_PKEY* key = X509_get0_pubkey(cert.get());
  char group[64] = {0};
  size_t group_len = 0;
  if (key != nullptr &&
      EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof(group), &group_len) == 1) {
    facts.curve = group;
  }
  facts.self_signature_valid = key != nullptr && X509_verify(cert.get(), key) == 1;

  int days = 0, seconds = 0;
  if (ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notBefore(cert.get())) == 1) {
    facts.not_before_offset_s = days * 86400L + seconds;
  }
  return facts;
}

}  // namespace orgiam::testing
