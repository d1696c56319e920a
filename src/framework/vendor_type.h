#ifndef ORGIAM_FRAMEWORK_VENDOR_TYPE_H_
#define ORGIAM_FRAMEWORK_VENDOR_TYPE_H_

// The base of every resource, data source and ephemeral resource that talks to one vendor's
// API. Types are registered before the provider is configured, so each keeps the vendor's
// ApiSlot and fetches the client per call; this base holds that slot once for all of them:
//
//   class ThingResource : public framework::VendorResource<ExampleApi> {
//    public:
//     using VendorType::VendorType;  // VendorDataSource::VendorDataSource for a data source
//     ...
//       std::shared_ptr<ExampleApi> api = ConfiguredApi(diagnostics);
//       if (!api) return cty::Value();  // the "Provider not configured" error is added
//   };

#include <memory>
#include <string>
#include <utility>

#include "cty/value.h"
#include "framework/api_slot.h"
#include "framework/diagnostics.h"
#include "framework/resource.h"

namespace orgiam::framework {

template <typename Interface, typename Api>
class VendorType : public Interface {
 public:
  explicit VendorType(const ApiSlot<Api>* slot) : slot_(slot) {}

 protected:
  // The configured client, or nullptr after an error that says which block to configure.
  std::shared_ptr<Api> ConfiguredApi(Diagnostics* diagnostics) const {
    return slot_->Get(diagnostics);
  }

  // The vendor's slot, for ApiSlot::Run and ApiSlot::Peek.
  const ApiSlot<Api>& slot() const { return *slot_; }

 private:
  const ApiSlot<Api>* const slot_;
};

template <typename Api>
using VendorResource = VendorType<Resource, Api>;

// A data source reads nothing without its vendor: Read adds the "Provider not configured"
// error itself and hands the configured client to ReadWith.
template <typename Api>
class VendorDataSource : public VendorType<DataSource, Api> {
 public:
  using VendorType<DataSource, Api>::VendorType;

  cty::Value Read(const cty::Value& config, Diagnostics* diagnostics) final {
    const std::shared_ptr<Api> api = this->ConfiguredApi(diagnostics);
    if (api == nullptr) return cty::Value();
    return ReadWith(*api, config, diagnostics);
  }

 protected:
  // As DataSource::Read, with the vendor's client.
  virtual cty::Value ReadWith(Api& api, const cty::Value& config, Diagnostics* diagnostics) = 0;
};

// The same for an ephemeral resource's Open; Close and Renew stay as EphemeralResource has
// them (a Close must run even when the provider is being shut down).
template <typename Api>
class VendorEphemeral : public VendorType<EphemeralResource, Api> {
 public:
  using VendorType<EphemeralResource, Api>::VendorType;

  EphemeralResource::Opened Open(const cty::Value& config, Diagnostics* diagnostics) final {
    const std::shared_ptr<Api> api = this->ConfiguredApi(diagnostics);
    if (api == nullptr) return EphemeralResource::Opened{};
    return OpenWith(*api, config, diagnostics);
  }

 protected:
  // As EphemeralResource::Open, with the vendor's client.
  virtual EphemeralResource::Opened OpenWith(Api& api, const cty::Value& config,
                                             Diagnostics* diagnostics) = 0;
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_VENDOR_TYPE_H_
