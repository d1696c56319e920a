#ifndef ORGIAM_FRAMEWORK_RESOURCE_H_
#define ORGIAM_FRAMEWORK_RESOURCE_H_

// -----------------------------------------------------------------------------
// File: resource.h
// -----------------------------------------------------------------------------
//
// The interfaces a vendor implements: `Resource` for each managed resource, `DataSource` for
// each data source, `EphemeralResource` for each ephemeral resource, and `Provider`, the one
// object behind the protocol. The generic machinery lives in the framework and tfproto:
// decoding and checking Terraform's values against the schema (schemas/<kind>/<type>.json),
// schema validation, the plan engine (defaults, computed -> unknown, requires_replace,
// write-only nulling; framework/plan_engine.h) and keeping partial state on failure.
// An implementation only maps values to its vendor's API.
//
// Values. Every cty::Value handed in or returned is an object of the schema's implied type
// (`Schema::implied_type`), or a null of it. Build results with framework::ObjectBuilder and
// read attributes with framework::GetString/GetBool/GetInt/GetStrings (object_builder.h). A
// misspelt attribute name is a programming error: it aborts in strict mode (debug builds, and
// every test run, through ORGIAM_STRICT=1) and otherwise becomes an "internal error in the
// provider" diagnostic (util/misuse.h). Errors meant for the user go to `Diagnostics`.
//
// Concurrency. Terraform calls a provider from many threads at once: Create, Read, Update,
// Delete and Import of different instances (and of different types) run in parallel, on
// one shared object per type, and a plan's ValidateConfig/ModifyPlan calls run alongside
// them. Implementations therefore keep no per-call state in members; anything shared (the API
// client behind framework::ApiSlot, caches) must be thread-safe. One instance is never the
// subject of two concurrent calls of one apply.
//
// Registration. A type is implemented once: its file names the type once, in a
// `Register...()` function that calls `Registry::AddResource` (or AddDataSource /
// AddEphemeral) with that name, and its vendor's register.cc calls that function. The
// registry aborts at start-up on a type without a schema or registered twice; the
// registration test fails on a schema without an implementation. See
// docs/adding-a-resource.md.
//
// Example: a resource with a required `name` and a computed `id`
// (schemas/resources/orgiam_example_thing.json):
//
//   constexpr char kTypeName[] = "orgiam_example_thing";
//
//   const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }
//
//   class ThingResource : public framework::VendorResource<ExampleApi> {  // vendor_type.h
//    public:
//     using VendorType::VendorType;  // keeps the vendor's ApiSlot
//
//     cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
//                       framework::Diagnostics* diagnostics) override {
//       std::shared_ptr<ExampleApi> api = ConfiguredApi(diagnostics);
//       if (!api) return cty::Value();  // null: nothing was created
//       absl::StatusOr<Thing> thing = api->CreateThing(framework::GetString(planned, "name"));
//       if (!thing.ok()) {
//         diagnostics->AddError("Could not create the thing", thing.status().ToString());
//         return cty::Value();
//       }
//       return framework::ObjectBuilder(Schema(), planned).SetString("id", thing->id).Build();
//     }
//     std::optional<cty::Value> Read(const cty::Value& state,
//                                    framework::Diagnostics* diagnostics) override {
//       ...  // std::nullopt only on the vendor's own "not found"
//     }
//     cty::Value Update(...) override { ... }
//     void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override { ... }
//     std::optional<cty::Value> Import(const std::string& id,
//                                      framework::Diagnostics* diagnostics) override {
//       return framework::ObjectBuilder(Schema()).SetString("id", id).Build();
//     }
//   };
//
//   void RegisterThingResource(const ExampleSlot* api, framework::Registry* registry) {
//     registry->AddResource(kTypeName, std::make_unique<ThingResource>(api));
//   }

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cty/path.h"
#include "cty/value.h"
#include "framework/diagnostics.h"
#include "framework/schema.h"

namespace orgiam::framework {

// PlanRequest
//
// Everything ModifyPlan learns about one planning call beyond the generic plan. The
// references point into the caller's frame: valid for the call only.
struct PlanRequest {
  const cty::Value& prior;   // the prior state; null on create
  const cty::Value& config;  // the configuration; may hold unknowns
  // Where ModifyPlan adds the path of an attribute whose planned change must replace the
  // object, beyond the attributes the schema marks `requires_replace` (which the engine has
  // already added). The attribute's planned value must differ from the prior (unknown
  // counts), or Terraform does not replace. Never null during ModifyPlan; appending is the
  // only use.
  std::vector<cty::Path>* requires_replace = nullptr;
};

// Resource
//
// One managed resource type (`resource "orgiam_..."`). One object serves every instance
// of the type, from many threads at once (see "Concurrency" above).
class Resource {
 public:
  virtual ~Resource() = default;

  // Rules beyond what the schema declares (which the framework has already checked), e.g.
  // "set a or b". `config` may hold unknowns: check only what is known.
  virtual void ValidateConfig(const cty::Value& /*config*/, Diagnostics* /*diagnostics*/) const {}

  // Adjusts the generic plan, e.g. marks attributes that the update will change as unknown,
  // or asks for a replacement through `request.requires_replace`. `planned` is non-null; the
  // generic engine has already applied defaults, unknowns for computed attributes and prior
  // values for use_state_for_unknown. Not called for a destroy.
  virtual void ModifyPlan(const PlanRequest& /*request*/, cty::Value* /*planned*/,
                          Diagnostics* /*diagnostics*/) const {}

  // Destroy planning: errors here stop a destroy before anything is deleted (e.g. a
  // deletion_protection flag).
  virtual void ValidateDestroy(const cty::Value& /*prior*/, Diagnostics* /*diagnostics*/) const {}

  // Creates the object and returns the new state. On failure, adds errors and returns the
  // best partial state: a null value if nothing was created (no state is kept), or the
  // object that exists (Terraform keeps it, tainted, so that nothing is stranded).
  // Attributes known in `planned` are a promise to Terraform: the engine keeps them, and
  // fills only the unknowns from the returned value.
  virtual cty::Value Create(const cty::Value& planned, const cty::Value& config,
                            Diagnostics* diagnostics) = 0;

  // Refreshes `state` (never null) from the API. Returns std::nullopt when the object is gone
  // (the vendor's own "not found" only): Terraform drops it from state and plans a create.
  // On any other failure add an error; the return value is then ignored and the state kept
  // as it was.
  virtual std::optional<cty::Value> Read(const cty::Value& state, Diagnostics* diagnostics) = 0;

  // Changes the object in place from `prior` to `planned`. Returning a null value means
  // "nothing changed": the prior state is kept as it is (the rule is in ApplyChange,
  // plan_engine.cc), which is what an update that fails before touching the API returns.
  // An update that failed half-way returns what the object now is, with errors.
  virtual cty::Value Update(const cty::Value& prior, const cty::Value& planned,
                            const cty::Value& config, Diagnostics* diagnostics) = 0;

  // Deletes the object. With errors, the object stays in state; without, it leaves.
  virtual void Delete(const cty::Value& prior, Diagnostics* diagnostics) = 0;

  // Turns an import id (a `terraform import` argument or an `import` block's id, already
  // checked against the schema's import rules) into a state skeleton that Terraform's
  // following Read fills. std::nullopt without errors means "no such object": tfproto then
  // reports "Cannot import non-existent remote object" with the schema's import_help.
  virtual std::optional<cty::Value> Import(const std::string& id, Diagnostics* diagnostics) = 0;
};

// DataSource
//
// One data source type (`data "orgiam_..."`). One object serves every instance, from many
// threads at once.
class DataSource {
 public:
  virtual ~DataSource() = default;
  // As Resource::ValidateConfig.
  virtual void ValidateConfig(const cty::Value& /*config*/, Diagnostics* /*diagnostics*/) const {}
  // Returns a wholly known value of the schema's type (no unknowns, computed attributes
  // filled); with errors the value is ignored. "Not found" is an error for a data source.
  virtual cty::Value Read(const cty::Value& config, Diagnostics* diagnostics) = 0;
};

// EphemeralResource
//
// One ephemeral resource type (`ephemeral "orgiam_..."`): a credential minted for one
// Terraform run, never stored in state or plan. Open, Renew and Close of different instances
// run concurrently.
class EphemeralResource {
 public:
  virtual ~EphemeralResource() = default;
  struct Opened {
    cty::Value result;         // a wholly known value of the schema's type
    std::string private_data;  // handed back on Renew and Close; empty: nothing to close
    std::optional<std::chrono::system_clock::time_point> renew_at;  // nullopt: no Renew
  };
  // As Resource::ValidateConfig.
  virtual void ValidateConfig(const cty::Value& /*config*/, Diagnostics* /*diagnostics*/) const {}
  // Mints the credential. Even with errors, a non-empty `private_data` is kept so that Close
  // can revoke whatever was created.
  virtual Opened Open(const cty::Value& config, Diagnostics* diagnostics) = 0;
  // Returns the new renew time, or std::nullopt for no further renewal.
  virtual std::optional<std::chrono::system_clock::time_point> Renew(
      const std::string& /*private_data*/, Diagnostics* /*diagnostics*/) {
    return std::nullopt;
  }
  // Revokes what Open created, for each Open that returned `private_data`: called by
  // Terraform, or at provider shutdown for what Terraform left open. Must tolerate an object
  // that is already gone.
  virtual void Close(const std::string& private_data, Diagnostics* diagnostics) = 0;
};

// Provider
//
// The provider's behaviour behind the protocol (src/provider/orgiam_provider.cc). tfproto
// calls the Find methods from any thread; they only read the registry filled at
// construction.
class Provider {
 public:
  virtual ~Provider() = default;
  // The provider block, once per process before any resource call that needs an API.
  virtual void Configure(const cty::Value& config, Diagnostics* diagnostics) = 0;
  // nullptr when the type is unknown (tfproto diagnoses it); the object lives as long as the
  // provider.
  virtual Resource* FindResource(std::string_view type_name) = 0;
  virtual DataSource* FindDataSource(std::string_view type_name) = 0;
  virtual EphemeralResource* FindEphemeral(std::string_view type_name) = 0;
  // Before a resource of `resource_type` is planned (create, update or destroy): an error when
  // the configuration lacks what the apply will need (the vendor's provider block), so that
  // the plan fails where the apply would. Called after Configure.
  virtual void CheckPlannable(std::string_view /*resource_type*/,
                              Diagnostics* /*diagnostics*/) const {}
  // StopProvider: cancel in-flight calls; the process keeps serving.
  virtual void Stop() = 0;
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_RESOURCE_H_
