#include "provider/orgiam_provider.h"

#include "motherduck/register.h"
#include "provider/provider_config.h"
#include "tfproto/provider_service.h"
#include "util/log.h"
#include "vultr/register.h"
#include "zitadel/register.h"

namespace orgiam::provider {
namespace {

http::ClientOptions ClientOptionsFor(const char* vendor, const VendorConfig& config,
                                     const ProviderConfig& provider) {
  http::ClientOptions options;
  options.vendor = vendor;
  options.base_url = config.endpoint;
  options.bearer_token = config.token;
  options.ca_file = config.ca_file;
  options.rate_limit_per_s = config.rate_limit;
  options.max_retries = provider.max_retries;
  options.request_timeout = provider.request_timeout;
  options.connect_timeout = std::min(provider.request_timeout, std::chrono::milliseconds(10000));
  return options;
}

class OrgiamProvider : public framework::Provider {
 public:
  OrgiamProvider()
      : vultr_(
            "This resource needs the Vultr API: add a `vultr { api_key = ... }` block to the "
            "orgiam provider, or set VULTR_API_KEY."),
        zitadel_(
            "This resource needs the ZITADEL API: add a `zitadel { domain = ..., token = ... "
            "}` block to the orgiam provider, or set ZITADEL_DOMAIN and ZITADEL_TOKEN."),
        motherduck_(
            "This resource needs the MotherDuck API: add a `motherduck { token = ... }` "
            "block to the orgiam provider, or set MOTHERDUCK_TOKEN.") {
    vultr::RegisterVultr(&vultr_, &registry_);
    zitadel::RegisterZitadel(&zitadel_, &registry_);
    motherduck::RegisterMotherduck(&motherduck_, &registry_);
  }

  void Configure(const cty::Value& config, framework::Diagnostics* diagnostics) override {
    const ProviderConfig resolved = ResolveProviderConfig(config, diagnostics);
    if (diagnostics->HasError()) return;
    if (resolved.vultr) {
      vultr_.Set(
          std::make_shared<vultr::VultrApi>(ClientOptionsFor("vultr", *resolved.vultr, resolved)));
    }
    if (resolved.zitadel) {
      zitadel_.Set(std::make_shared<zitadel::ZitadelApi>(
          ClientOptionsFor("zitadel", *resolved.zitadel, resolved), resolved.zitadel->org_id));
    }
    if (resolved.motherduck) {
      motherduck_.Set(std::make_shared<motherduck::MotherduckApi>(
          ClientOptionsFor("motherduck", *resolved.motherduck, resolved)));
    }
    ORGIAM_LOG(kDebug, "orgiam", "provider configured",
               {{"vultr", resolved.vultr ? resolved.vultr->endpoint : "-"},
                {"zitadel", resolved.zitadel ? resolved.zitadel->endpoint : "-"},
                {"motherduck", resolved.motherduck ? resolved.motherduck->endpoint : "-"}});
  }

  framework::Resource* FindResource(std::string_view type_name) override {
    return registry_.FindResource(type_name);
  }
  framework::DataSource* FindDataSource(std::string_view type_name) override {
    return registry_.FindDataSource(type_name);
  }
  framework::EphemeralResource* FindEphemeral(std::string_view type_name) override {
    return registry_.FindEphemeral(type_name);
  }

  void Stop() override {
    if (auto api = vultr_.Peek()) api->CancelAll();
    if (auto api = zitadel_.Peek()) api->CancelAll();
    if (auto api = motherduck_.Peek()) api->CancelAll();
  }

 private:
  vultr::VultrSlot vultr_;
  zitadel::ZitadelSlot zitadel_;
  motherduck::MotherduckSlot motherduck_;
  framework::Registry registry_;
};

}  // namespace

std::unique_ptr<framework::Provider> MakeOrgiamProvider() {
  return std::make_unique<OrgiamProvider>();
}

std::unique_ptr<tfproto::ProviderService> MakeProviderService() {
  return std::make_unique<tfproto::ProviderService>(MakeOrgiamProvider());
}

}  // namespace orgiam::provider
