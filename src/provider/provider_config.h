#ifndef ORGIAM_PROVIDER_PROVIDER_CONFIG_H_
#define ORGIAM_PROVIDER_PROVIDER_CONFIG_H_

// The provider block, resolved: environment variables filled in for unset credentials,
// defaults applied, durations parsed, endpoints checked (https://, or http:// to a loopback
// host only; a bare domain means https://) and CA bundles found readable.

#include <chrono>
#include <optional>
#include <string>

#include "cty/value.h"
#include "framework/diagnostics.h"

namespace orgiam::provider {

struct VendorConfig {
  // Normalised by util::ParseEndpoint: scheme://host[:port][/path], no trailing slash.
  std::string endpoint;
  std::string token;      // secret: never logged or echoed
  std::string org_id;     // ZITADEL only
  double rate_limit = 0;  // requests per second; 0 = off
  // PEM bundle of the CAs that verify this vendor's server certificate; empty = the system's.
  std::string ca_file;
  // The first attribute of the block whose value is only known after apply (ConfigureProvider
  // during a plan), e.g. "vultr.api_key"; empty when all are known. When set, the other fields
  // are incomplete and the vendor cannot be called until the apply configures it.
  std::string unknown;
};

struct ProviderConfig {
  std::optional<VendorConfig> vultr;
  std::optional<VendorConfig> zitadel;
  std::optional<VendorConfig> motherduck;
  int max_retries = 5;
  std::chrono::milliseconds request_timeout{30000};
};

// A vendor counts as configured when its block is present or its credential environment
// variable is set; a block with values known only after apply is returned with `unknown`. Problems
// become diagnostics on the exact attribute (zitadel.domain also for a refused ZITADEL_DOMAIN);
// secrets are never echoed in them. Nothing is sent anywhere.
ProviderConfig ResolveProviderConfig(const cty::Value& config, framework::Diagnostics* diagnostics);

}  // namespace orgiam::provider

#endif  // ORGIAM_PROVIDER_PROVIDER_CONFIG_H_
