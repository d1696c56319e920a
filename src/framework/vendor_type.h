#ifndef ORGIAM_FRAMEWORK_VENDOR_TYPE_H_
#define ORGIAM_FRAMEWORK_VENDOR_TYPE_H_

// The base of every resource, data source and ephemeral resource that talks to one vendor's
// API. Types are registered before the provider is configured, so each keeps the vendor's
// ApiSlot and fetches the client per call; this base holds that slot once for all of them:
//
//   class ThingResource : public framework::VendorResource<ExampleApi> {
//    public:
//     using VendorType::VendorType;
//     ...
//       std::shared_ptr<ExampleApi> api = ConfiguredApi(diagnostics);
//       if (!api) return cty::Value();  // the "Provider not configured" error is added
//   };

#include <memory>
#include <string>
#include <utility>

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
template <typename Api>
using VendorDataSource = VendorType<DataSource, Api>;
template <typename Api>
using VendorEphemeral = VendorType<EphemeralResource, Api>;

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_VENDOR_TYPE_H_
