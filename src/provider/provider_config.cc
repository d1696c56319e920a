#include "provider/provider_config.h"

#include <cmath>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "framework/validators.h"

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

std::optional<VendorConfig> ResolveVendor(const cty::Value& config, const std::string& block,
                                          const char* token_attribute, const char* token_env,
                                          const char* default_endpoint, double default_rate_limit,
                                          framework::Diagnostics* diagnostics) {
  const cty::Value& value = config.GetAttr(block);
  const cty::Path path = cty::Path().Attr(block);
  const std::string env_token = Env(token_env);
  if (value.IsNull() && env_token.empty()) return std::nullopt;
  VendorConfig vendor;
  vendor.rate_limit = default_rate_limit;
  vendor.endpoint = default_endpoint;
  vendor.token = env_token;
  // An unknown token already has its own error; "missing" would be a second, wrong one.
  bool token_unknown = false;
  if (!value.IsNull() && value.IsKnown()) {
    token_unknown = !value.GetAttr(token_attribute).IsKnown();
    const std::string token =
        ReadString(value, token_attribute, path.Attr(token_attribute), diagnostics);
    if (!token.empty()) vendor.token = token;
    if (value.type().attributes().count("endpoint")) {
      const std::string endpoint =
          ReadString(value, "endpoint", path.Attr("endpoint"), diagnostics);
      if (!endpoint.empty()) vendor.endpoint = endpoint;
    }
    if (value.type().attributes().count("rate_limit")) {
      const cty::Value& rate = value.GetAttr("rate_limit");
      if (rate.IsKnown() && !rate.IsNull()) vendor.rate_limit = rate.AsNumber().AsDouble();
    }
  }
  while (!vendor.endpoint.empty() && vendor.endpoint.back() == '/') vendor.endpoint.pop_back();
  if (vendor.token.empty() && !token_unknown) {
    diagnostics->AddError("Missing credentials",
                          absl::StrCat("The ", block, " block needs ", token_attribute,
                                       " (or the environment "
                                       "variable ",
                                       token_env, ")."),
                          path);
  }
  return vendor;
}

}  // namespace

ProviderConfig ResolveProviderConfig(const cty::Value& config,
                                     framework::Diagnostics* diagnostics) {
  ProviderConfig resolved;
  if (config.IsNull() || !config.IsKnown()) return resolved;
  resolved.vultr = ResolveVendor(config, "vultr", "api_key", "VULTR_API_KEY",
                                 "https://api.vultr.com", kDefaultVultrRateLimit, diagnostics);
  resolved.motherduck =
      ResolveVendor(config, "motherduck", "token", "MOTHERDUCK_TOKEN", "https://api.motherduck.com",
                    kDefaultMotherduckRateLimit, diagnostics);
  resolved.zitadel = ResolveVendor(config, "zitadel", "token", "ZITADEL_TOKEN", "",
                                   kDefaultZitadelRateLimit, diagnostics);
  if (resolved.zitadel) {
    const cty::Value& block = config.GetAttr("zitadel");
    const cty::Path path = cty::Path().Attr("zitadel");
    if (!block.IsNull()) {
      const std::string domain = ReadString(block, "domain", path.Attr("domain"), diagnostics);
      if (!domain.empty()) resolved.zitadel->endpoint = domain;
      resolved.zitadel->org_id = ReadString(block, "org_id", path.Attr("org_id"), diagnostics);
    }
    if (resolved.zitadel->endpoint.empty()) resolved.zitadel->endpoint = Env("ZITADEL_DOMAIN");
    while (!resolved.zitadel->endpoint.empty() && resolved.zitadel->endpoint.back() == '/') {
      resolved.zitadel->endpoint.pop_back();
    }
    if (resolved.zitadel->endpoint.empty()) {
      diagnostics->AddError("Missing ZITADEL domain",
                            "The zitadel block needs domain (or the environment variable "
                            "ZITADEL_DOMAIN), e.g. https://acme.zitadel.cloud.",
                            path);
    }
  }
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
