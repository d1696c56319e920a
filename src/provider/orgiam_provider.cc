#include "provider/orgiam_provider.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

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
      : vultr_("vultr",
               "This resource needs the Vultr API: add a `vultr { api_key = ... }` block to the "
               "orgiam provider, or set VULTR_API_KEY."),
        zitadel_("zitadel",
                 "This resource needs the ZITADEL API: add a `zitadel { domain = ..., token = ... "
                 "}` block to the orgiam provider, or set ZITADEL_DOMAIN and ZITADEL_TOKEN."),
        motherduck_("motherduck",
                    "This resource needs the MotherDuck API: add a `motherduck { token = ... }` "
                    "block to the orgiam provider, or set MOTHERDUCK_TOKEN.") {
    // Each resource type needs the vendor whose Register function added it.
    RegisterFor(&vultr_, [&] { vultr::RegisterVultr(&vultr_, &registry_); });
    RegisterFor(&zitadel_, [&] { zitadel::RegisterZitadel(&zitadel_, &registry_); });
    RegisterFor(&motherduck_, [&] { motherduck::RegisterMotherduck(&motherduck_, &registry_); });
  }

  void Configure(const cty::Value& config, framework::Diagnostics* diagnostics) override {
    const ProviderConfig resolved = ResolveProviderConfig(config, diagnostics);
    if (diagnostics->HasError()) return;
    if (Usable(resolved.vultr, &vultr_)) {
      vultr_.Set(
          std::make_shared<vultr::VultrApi>(ClientOptionsFor("vultr", *resolved.vultr, resolved)));
    }
    if (Usable(resolved.zitadel, &zitadel_)) {
      zitadel_.Set(std::make_shared<zitadel::ZitadelApi>(
          ClientOptionsFor("zitadel", *resolved.zitadel, resolved), resolved.zitadel->org_id));
    }
    if (Usable(resolved.motherduck, &motherduck_)) {
      motherduck_.Set(std::make_shared<motherduck::MotherduckApi>(
          ClientOptionsFor("motherduck", *resolved.motherduck, resolved)));
    }
    ORGIAM_LOG(kDebug, "orgiam", "provider configured",
               {{"vultr", resolved.vultr ? resolved.vultr->endpoint : "-"},
                {"zitadel", resolved.zitadel ? resolved.zitadel->endpoint : "-"},
                {"motherduck", resolved.motherduck ? resolved.motherduck->endpoint : "-"}});
  }

  void CheckPlannable(std::string_view resource_type,
                      framework::Diagnostics* diagnostics) const override {
    const auto it = vendor_of_.find(resource_type);
    if (it != vendor_of_.end()) it->second->CheckPlannable(diagnostics);
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
  // True when `vendor` can be called; otherwise records on `slot` why not (absent, or
  // known only after apply).
  static bool Usable(const std::optional<VendorConfig>& vendor, framework::VendorSlot* slot) {
    if (!vendor) {
      slot->MarkAbsent();
      return false;
    }
    if (!vendor->unknown.empty()) {
      slot->MarkUnknown(vendor->unknown);
      return false;
    }
    return true;
  }

  template <typename Register>
  void RegisterFor(const framework::VendorSlot* slot, Register&& register_vendor) {
    const std::vector<std::string> before = registry_.Names(framework::SchemaKind::kResource);
    register_vendor();
    for (std::string& name : registry_.Names(framework::SchemaKind::kResource)) {
      if (!std::binary_search(before.begin(), before.end(), name)) {
        vendor_of_.emplace(std::move(name), slot);
      }
    }
  }

  vultr::VultrSlot vultr_;
  zitadel::ZitadelSlot zitadel_;
  motherduck::MotherduckSlot motherduck_;
  framework::Registry registry_;
  // Resource type -> the vendor it calls; filled at construction, read-only afterwards.
  std::map<std::string, const framework::VendorSlot*, std::less<>> vendor_of_;
};

}  // namespace

std::unique_ptr<framework::Provider> MakeOrgiamProvider() {
  return std::make_unique<OrgiamProvider>();
}

std::unique_ptr<tfproto::ProviderService> MakeProviderService() {
  return std::make_unique<tfproto::ProviderService>(MakeOrgiamProvider());
}

}  // namespace orgiam::provider
