#include "provider/provider_config.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "framework/validators.h"
#include "util/endpoint_url.h"

namespace orgiam::provider {
namespace {

constexpr double kDefaultVultrRateLimit = 30;
constexpr double kDefaultZitadelRateLimit = 50;
constexpr double kDefaultMotherduckRateLimit = 20;

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// Reads a string attribute of `block`; unknown values (a provider block that depends on
// resources not yet created) are reported because the provider needs them now.
std::string ReadString(const cty::Value& block, const std::string& name, const cty::Path& path,
                       framework::Diagnostics* diagnostics) {
  const cty::Value& value = block.GetAttr(name);
  if (!value.IsKnown()) {
    diagnostics->AddError("Provider configuration not yet known",
                          absl::StrCat(path.ToString(),
                                       " depends on a value that is only known after apply. "
                                       "The provider needs it to plan; set it from a variable "
                                       "or apply the dependency first (-target)."),
                          path);
    return "";
  }
  return value.IsNull() ? std::string() : value.AsString();
}

// Replaces `*endpoint` by its normalised form, or reports why it is refused on `path`.
// `source` names where the value came from: the attribute, or the environment variable read
// for it.
void CheckEndpoint(std::string* endpoint, const cty::Path& path, const std::string& source,
                   framework::Diagnostics* diagnostics) {
  const absl::StatusOr<util::EndpointUrl> parsed = util::ParseEndpoint(*endpoint);
  if (parsed.ok()) {
    *endpoint = parsed->url;
    return;
  }
  // User info may be a password: such a value is not repeated.
  const bool shown = endpoint->find('@') == std::string::npos;
  diagnostics->AddError(
      "Endpoint refused",
      absl::StrCat(source, " is refused: ", parsed.status().message(),
                   shown ? absl::StrCat(". Got \"", *endpoint, "\"") : std::string(),
                   ". Nothing was sent to it."),
      path);
  endpoint->clear();
}

// The bundle must be a readable file holding at least one PEM certificate: otherwise every
// request would fail later with a less telling TLS error.
void CheckCaFile(const std::string& ca_file, const cty::Path& path,
                 framework::Diagnostics* diagnostics) {
  constexpr size_t kMaxBundle = 16u << 20;
  std::ifstream in(ca_file, std::ios::binary);
  if (!in) {
    const int error = errno;
    diagnostics->AddError("CA bundle not readable",
                          absl::StrCat("Attribute ", path.ToString(), ": cannot read \"", ca_file,
                                       "\": ", std::strerror(error),
                                       ". Set it to a PEM file of the CA certificates that "
                                       "issued the server's certificate."),
                          path);
    return;
  }
  std::string content;
  content.resize(kMaxBundle + 1);
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    diagnostics->AddError(
        "CA bundle not readable",
        absl::StrCat("Attribute ", path.ToString(), ": cannot read \"", ca_file, "\"."), path);
  } else if (content.size() > kMaxBundle) {
    diagnostics->AddError("CA bundle too large",
                          absl::StrCat("Attribute ", path.ToString(), ": \"", ca_file,
                                       "\" is larger than 16 MiB; it should be a PEM bundle of "
                                       "CA certificates."),
                          path);
  } else if (content.find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    diagnostics->AddError(
        "CA bundle without certificates",
        absl::StrCat("Attribute ", path.ToString(), ": \"", ca_file,
                     "\" holds no PEM certificate (-----BEGIN CERTIFICATE-----)."),
        path);
  }
}

struct VendorSpec {
  const char* block = "";
  const char* token_attribute = "";
  const char* token_env = "";
  // The attribute holding the base URL, and the environment variable read when it is unset
  // (nullptr: none).
  const char* endpoint_attribute = "endpoint";
  const char* endpoint_env = nullptr;
  const char* default_endpoint = "";
  double default_rate_limit = 0;
};

std::optional<VendorConfig> ResolveVendor(const cty::Value& config, const VendorSpec& spec,
                                          framework::Diagnostics* diagnostics) {
  const std::string block = spec.block;
  const cty::Value& value = config.GetAttr(block);
  const cty::Path path = cty::Path().Attr(block);
  const std::string env_token = Env(spec.token_env);
  if (value.IsNull() && env_token.empty()) return std::nullopt;
  VendorConfig vendor;
  vendor.rate_limit = spec.default_rate_limit;
  vendor.token = env_token;
  // A value known only after apply (a credential another resource computes) is no error at
  // plan: the vendor is marked unknown and checked again when the apply configures it.
  if (!value.IsKnown()) {
    vendor.unknown = block;
    return vendor;
  }
  const auto read = [&](const std::string& name) {
    const cty::Value& attribute = value.GetAttr(name);
    if (!attribute.IsKnown()) {
      if (vendor.unknown.empty()) vendor.unknown = path.Attr(name).ToString();
      return std::string();
    }
    return attribute.IsNull() ? std::string() : attribute.AsString();
  };
  const cty::Path endpoint_path = path.Attr(spec.endpoint_attribute);
  std::string endpoint_source = absl::StrCat("Attribute ", endpoint_path.ToString());
  const auto has = [&value](const char* name) { return value.type().attributes().count(name) > 0; };
  if (!value.IsNull()) {
    const std::string token = read(spec.token_attribute);
    if (!token.empty()) vendor.token = token;
    if (has(spec.endpoint_attribute)) vendor.endpoint = read(spec.endpoint_attribute);
    if (has("rate_limit")) {
      const cty::Value& rate = value.GetAttr("rate_limit");
      if (rate.IsKnown() && !rate.IsNull()) vendor.rate_limit = rate.AsNumber().AsDouble();
    }
    if (has("org_id")) vendor.org_id = read("org_id");
    if (has("ca_file")) {
      vendor.ca_file = read("ca_file");
      if (!vendor.ca_file.empty()) CheckCaFile(vendor.ca_file, path.Attr("ca_file"), diagnostics);
    }
  }
  // What is unknown now is checked at apply; checking the rest would report a missing value
  // that is merely not known yet.
  if (!vendor.unknown.empty()) return vendor;
  // A value from the environment is held to exactly the same rule as a configured one.
  if (vendor.endpoint.empty() && spec.endpoint_env != nullptr) {
    vendor.endpoint = Env(spec.endpoint_env);
    endpoint_source = absl::StrCat("The environment variable ", spec.endpoint_env, " (read for ",
                                   endpoint_path.ToString(), ")");
  }
  if (vendor.endpoint.empty()) vendor.endpoint = spec.default_endpoint;
  if (!vendor.endpoint.empty()) {
    CheckEndpoint(&vendor.endpoint, endpoint_path, endpoint_source, diagnostics);
  } else if (spec.endpoint_env != nullptr) {
    diagnostics->AddError("Missing ZITADEL domain",
                          absl::StrCat("The ", block, " block needs ", spec.endpoint_attribute,
                                       " (or the environment variable ", spec.endpoint_env,
                                       "), e.g. https://acme.zitadel.cloud."),
                          path);
  }
  if (vendor.token.empty()) {
    diagnostics->AddError("Missing credentials",
                          absl::StrCat("The ", block, " block needs ", spec.token_attribute,
                                       " (or the environment variable ", spec.token_env, ")."),
                          path);
  }
  return vendor;
}

}  // namespace

ProviderConfig ResolveProviderConfig(const cty::Value& config,
                                     framework::Diagnostics* diagnostics) {
  ProviderConfig resolved;
  if (config.IsNull() || !config.IsKnown()) return resolved;
  resolved.vultr = ResolveVendor(config,
                                 {.block = "vultr",
                                  .token_attribute = "api_key",
                                  .token_env = "VULTR_API_KEY",
                                  .default_endpoint = "https://api.vultr.com",
                                  .default_rate_limit = kDefaultVultrRateLimit},
                                 diagnostics);
  resolved.motherduck = ResolveVendor(config,
                                      {.block = "motherduck",
                                       .token_attribute = "token",
                                       .token_env = "MOTHERDUCK_TOKEN",
                                       .default_endpoint = "https://api.motherduck.com",
                                       .default_rate_limit = kDefaultMotherduckRateLimit},
                                      diagnostics);
  resolved.zitadel = ResolveVendor(config,
                                   {.block = "zitadel",
                                    .token_attribute = "token",
                                    .token_env = "ZITADEL_TOKEN",
                                    .endpoint_attribute = "domain",
                                    .endpoint_env = "ZITADEL_DOMAIN",
                                    .default_rate_limit = kDefaultZitadelRateLimit},
                                   diagnostics);
  const cty::Value& retries = config.GetAttr("max_retries");
  if (retries.IsKnown() && !retries.IsNull()) {
    resolved.max_retries = static_cast<int>(retries.AsNumber().AsInt64().value_or(5));
  }
  const cty::Path timeout_path = cty::Path().Attr("request_timeout");
  const std::string timeout = ReadString(config, "request_timeout", timeout_path, diagnostics);
  if (!timeout.empty()) {
    absl::StatusOr<double> seconds = framework::ParseGoDuration(timeout);
    if (seconds.ok() && *seconds > 0) {
      resolved.request_timeout =
          std::chrono::milliseconds(static_cast<int64_t>(std::ceil(*seconds * 1000)));
    }
  }
  return resolved;
}

}  // namespace orgiam::provider
