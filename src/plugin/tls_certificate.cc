#include "plugin/tls_certificate.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "util/status_macros.h"

namespace orgiam::plugin {
namespace {

constexpr long kBackdateSeconds = 30;                        // clock skew margin
constexpr long kValiditySeconds = 30L * 365 * 24 * 60 * 60;  // like go-plugin's client cert

struct BioDeleter {
  void operator()(BIO* p) const { BIO_free(p); }
};
struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Deleter {
  void operator()(X509* p) const { X509_free(p); }
};
struct ExtDeleter {
  void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
};
struct BnDeleter {
  void operator()(BIGNUM* p) const { BN_free(p); }
};

// Builds an error status carrying OpenSSL's most recent error text, and clears
// the queue.
absl::Status OpenSslError(absl::string_view what) {
  unsigned long code = ERR_get_error();
  char text[256] = "unknown OpenSSL error";
  if (code != 0) ERR_error_string_n(code, text, sizeof(text));
  ERR_clear_error();
  return absl::InternalError(absl::StrCat("TLS certificate: ", what, ": ", text));
}

absl::StatusOr<std::string> BioContents(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  if (size <= 0 || data == nullptr) return OpenSslError("empty PEM output");
  return std::string(data, static_cast<size_t>(size));
}

absl::Status AddExtension(X509* cert, X509V3_CTX* ctx, int nid, const char* value) {
  std::unique_ptr<X509_EXTENSION, ExtDeleter> ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value));
  if (ext == nullptr || X509_add_ext(cert, ext.get(), -1) != 1) {
    return OpenSslError(absl::StrCat("extension ", OBJ_nid2sn(nid)));
  }
  return absl::OkStatus();
}

absl::Status SetRandomSerial(X509* cert) {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof(bytes)) != 1) return OpenSslError("random serial");
  bytes[0] &= 0x7f;  // keep the serial positive
  std::unique_ptr<BIGNUM, BnDeleter> bn(BN_bin2bn(bytes, sizeof(bytes), nullptr));
  if (bn == nullptr || BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert)) == nullptr) {
    return OpenSslError("serial");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ServerCertificate> GenerateServerCertificate() {
  std::unique_ptr<EVP_PKEY, PkeyDeleter> key(EVP_EC_gen("P-256"));
  if (key == nullptr) return OpenSslError("key generation");

  std::unique_ptr<X509, X509Deleter> cert(X509_new());
  if (cert == nullptr) return OpenSslError("X509_new");
  if (X509_set_version(cert.get(), X509_VERSION_3) != 1) return OpenSslError("version");
  RETURN_IF_ERROR(SetRandomSerial(cert.get()));
  if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds) == nullptr) {
    return OpenSslError("validity");
  }

  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto* org = reinterpret_cast<const unsigned char*>("orgiam");
  const auto* cn = reinterpret_cast<const unsigned char*>("localhost");
  if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, org, -1, -1, 0) != 1 ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) != 1 ||
      X509_set_issuer_name(cert.get(), name) != 1) {
    return OpenSslError("subject");
  }
  if (X509_set_pubkey(cert.get(), key.get()) != 1) return OpenSslError("public key");

  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  const std::pair<int, const char*> extensions[] = {
      {NID_basic_constraints, "critical,CA:TRUE"},
      {NID_key_usage, "critical,digitalSignature,keyEncipherment,keyAgreement,keyCertSign"},
      {NID_ext_key_usage, "serverAuth,clientAuth"},
      {NID_subject_alt_name, "DNS:localhost"},
      {NID_subject_key_identifier, "hash"},
  };
  for (const auto& [nid, value] : extensions) {
    RETURN_IF_ERROR(AddExtension(cert.get(), &ctx, nid, value));
  }
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return OpenSslError("signing");

  ServerCertificate out;
  std::unique_ptr<BIO, BioDeleter> cert_bio(BIO_new(BIO_s_mem()));
  std::unique_ptr<BIO, BioDeleter> key_bio(BIO_new(BIO_s_mem()));
  if (cert_bio == nullptr || key_bio == nullptr) return OpenSslError("BIO_new");
  if (PEM_write_bio_X509(cert_bio.get(), cert.get()) != 1) return OpenSslError("PEM cert");
  if (PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
      1) {
    return OpenSslError("PEM key");
  }
  ASSIGN_OR_RETURN(out.cert_pem, BioContents(cert_bio.get()));
  ASSIGN_OR_RETURN(out.key_pem, BioContents(key_bio.get()));

  int der_len = i2d_X509(cert.get(), nullptr);
  if (der_len <= 0) return OpenSslError("DER length");
  out.cert_der.resize(static_cast<size_t>(der_len));
  auto* der_out = reinterpret_cast<unsigned char*>(out.cert_der.data());
  if (i2d_X509(cert.get(), &der_out) != der_len) return OpenSslError("DER encoding");
  return out;
}

void InitOpenSslForPlugin() {
  OPENSSL_init_crypto(OPENSSL_INIT_NO_ADD_ALL_CIPHERS | OPENSSL_INIT_NO_ADD_ALL_DIGESTS, nullptr);
}

}  // namespace orgiam::plugin
