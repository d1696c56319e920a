#ifndef ORGIAM_FRAMEWORK_VENDOR_TYPE_H_
#define ORGIAM_FRAMEWORK_VENDOR_TYPE_H_

// How a type that talks to one vendor's API gets that vendor's client. Types are registered
// before the provider is configured, so each keeps the vendor's ApiSlot and fetches the
// client per call.
//
// A managed resource is a class:
//
//   class ThingResource : public framework::VendorResource<ExampleApi> {
//    public:
//     using VendorType::VendorType;
//     ...
//       std::shared_ptr<ExampleApi> api = ConfiguredApi(diagnostics);
//       if (!api) return cty::Value();  // the "Provider not configured" error is added
//   };
//
// A data source is one function of the client, and an ephemeral resource two (Open, and the
// Close that undoes it from the ids Open kept); the adapters below add the "Provider not
// configured" error before calling them:
//
//   cty::Value ReadThings(ExampleApi& api, const cty::Value& config,
//                         framework::Diagnostics* diagnostics) { ... }
//   registry->AddDataSource(kTypeName, framework::VendorDataSource(slot, &ReadThings));
//
//   EphemeralResource::Opened OpenThing(ExampleApi& api, const cty::Value& config,
//                                       framework::Diagnostics* diagnostics) {
//     ...
//     opened.private_data = framework::EncodePrivateIds({{"thing_id", thing->id}});
//   }
//   absl::Status DeleteThing(ExampleApi& api, const framework::PrivateIds& ids) {
//     return api.DeleteThing(ids.at("thing_id"));
//   }
//   registry->AddEphemeral(
//       kTypeName, framework::VendorEphemeral(slot, &OpenThing,
//                                             {.ids = {"thing_id"},
//                                              .failure_summary = "Could not delete the thing",
//                                              .close = &DeleteThing}));

#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "cty/value.h"
#include "framework/api_slot.h"
#include "framework/diagnostics.h"
#include "framework/private_ids.h"
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

// A managed resource the vendor cannot change: every configurable attribute replaces it (its
// schema's `requires_replace`, or a ModifyPlan rule such as ReplaceWhenInstantChanges). What
// Terraform can still plan in place is another spelling of a value the vendor already holds
// (the same instant written with another offset): Update sends nothing and keeps the plan.
template <typename Api>
class ReplaceOnlyVendorResource : public VendorResource<Api> {
 public:
  using VendorResource<Api>::VendorResource;

  cty::Value Update(const cty::Value& /*prior*/, const cty::Value& planned,
                    const cty::Value& /*config*/, Diagnostics* /*diagnostics*/) final {
    return planned;
  }
};

// DataSource::Read with the vendor's client. Thread-safety as DataSource::Read: the function
// is called from many threads at once.
template <typename Api>
using ReadFunction = cty::Value (*)(Api& api, const cty::Value& config, Diagnostics* diagnostics);

// EphemeralResource::Open with the vendor's client. Its private data is EncodePrivateIds of
// the ids Close needs.
template <typename Api>
using OpenFunction = EphemeralResource::Opened (*)(Api& api, const cty::Value& config,
                                                   Diagnostics* diagnostics);

// EphemeralResource::Close with the vendor's client: `close` undoes an Open, given the ids that
// Open kept, each of `ids` present. Private data without them, and a failure of `close`, give
// one error titled `failure_summary`. `close` must treat an object that is already gone as
// closed (return OK).
template <typename Api>
struct CloseWith {
  std::vector<std::string> ids;
  std::string failure_summary;
  absl::Status (*close)(Api& api, const PrivateIds& ids) = nullptr;
};

namespace vendor_type_internal {

template <typename Api>
class FunctionDataSource final : public VendorType<DataSource, Api> {
 public:
  FunctionDataSource(const ApiSlot<Api>* slot, ReadFunction<Api> read)
      : VendorType<DataSource, Api>(slot), read_(read) {}

  cty::Value Read(const cty::Value& config, Diagnostics* diagnostics) override {
    const std::shared_ptr<Api> api = this->ConfiguredApi(diagnostics);
    if (api == nullptr) return cty::Value();
    return read_(*api, config, diagnostics);
  }

 private:
  const ReadFunction<Api> read_;
};

template <typename Api>
class FunctionEphemeral final : public VendorType<EphemeralResource, Api> {
 public:
  FunctionEphemeral(const ApiSlot<Api>* slot, OpenFunction<Api> open, CloseWith<Api> close)
      : VendorType<EphemeralResource, Api>(slot), open_(open), close_(std::move(close)) {}

  EphemeralResource::Opened Open(const cty::Value& config, Diagnostics* diagnostics) override {
    const std::shared_ptr<Api> api = this->ConfiguredApi(diagnostics);
    if (api == nullptr) return EphemeralResource::Opened{};
    return open_(*api, config, diagnostics);
  }

  // Also called at provider shutdown for what Terraform left open: the client is still
  // configured then.
  void Close(const std::string& private_data, Diagnostics* diagnostics) override {
    const std::optional<PrivateIds> ids =
        DecodePrivateIds(private_data, close_.ids, close_.failure_summary, diagnostics);
    if (!ids) return;
    const std::shared_ptr<Api> api = this->ConfiguredApi(diagnostics);
    if (api == nullptr) return;
    if (const absl::Status status = close_.close(*api, *ids); !status.ok()) {
      diagnostics->AddStatus(status, close_.failure_summary);
    }
  }

 private:
  const OpenFunction<Api> open_;
  const CloseWith<Api> close_;
};

}  // namespace vendor_type_internal

// The data source whose Read is `read`, called with the configured client.
template <typename Api>
std::unique_ptr<DataSource> VendorDataSource(const ApiSlot<Api>* slot, ReadFunction<Api> read) {
  return std::make_unique<vendor_type_internal::FunctionDataSource<Api>>(slot, read);
}

// The ephemeral resource whose Open is `open` and whose Close is `close`, both called with the
// configured client. It has no Renew.
template <typename Api>
std::unique_ptr<EphemeralResource> VendorEphemeral(const ApiSlot<Api>* slot, OpenFunction<Api> open,
                                                   std::type_identity_t<CloseWith<Api>> close) {
  return std::make_unique<vendor_type_internal::FunctionEphemeral<Api>>(slot, open,
                                                                        std::move(close));
}

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_VENDOR_TYPE_H_
