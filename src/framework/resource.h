#ifndef ORGIAM_FRAMEWORK_RESOURCE_H_
#define ORGIAM_FRAMEWORK_RESOURCE_H_

// The interfaces a vendor implements for each managed resource, data source and ephemeral
// resource. The generic machinery (plan engine, write-only handling, partial state on
// failure) lives in the framework; implementations only talk to their API.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "cty/path.h"
#include "cty/value.h"
#include "framework/diagnostics.h"
#include "framework/schema.h"

namespace orgiam::framework {

// Everything an implementation learns about one planning call beyond the generic plan.
struct PlanRequest {
  const cty::Value& prior;   // null on create
  const cty::Value& config;  // may hold unknowns
  // Where ModifyPlan adds an attribute whose planned change must replace the object (beyond
  // the schema's requires_replace). The attribute's planned value must differ from the prior
  // (unknown counts), or Terraform does not replace.
  std::vector<cty::Path>* requires_replace = nullptr;
};

class Resource {
 public:
  virtual ~Resource() = default;

  // Rules beyond what the schema declares. `config` may hold unknowns.
  virtual void ValidateConfig(const cty::Value& /*config*/, Diagnostics* /*diagnostics*/) const {}

  // Adjusts the generic plan (e.g. marks attributes that the update will change as unknown).
  // `planned` is non-null; the generic engine has already applied defaults, unknowns for
  // computed attributes and prior values for use_state_for_unknown.
  virtual void ModifyPlan(const PlanRequest& /*request*/, cty::Value* /*planned*/,
                          Diagnostics* /*diagnostics*/) const {}

  // Destroy planning: errors here stop a destroy before anything is deleted.
  virtual void ValidateDestroy(const cty::Value& /*prior*/, Diagnostics* /*diagnostics*/) const {}

  // Returns the new state; on failure adds errors and returns the best partial state
  // (a null value if nothing was created).
  virtual cty::Value Create(const cty::Value& planned, const cty::Value& config,
                            Diagnostics* diagnostics) = 0;
  // std::nullopt means the object is gone.
  virtual std::optional<cty::Value> Read(const cty::Value& state, Diagnostics* diagnostics) = 0;
  virtual cty::Value Update(const cty::Value& prior, const cty::Value& planned,
                            const cty::Value& config, Diagnostics* diagnostics) = 0;
  virtual void Delete(const cty::Value& prior, Diagnostics* diagnostics) = 0;
  // Turns an import id into a state skeleton that Read then fills.
  virtual std::optional<cty::Value> Import(const std::string& id, Diagnostics* diagnostics) = 0;
};

class DataSource {
 public:
  virtual ~DataSource() = default;
  virtual void ValidateConfig(const cty::Value& /*config*/, Diagnostics* /*diagnostics*/) const {}
  // Returns a wholly known value of the schema's type.
  virtual cty::Value Read(const cty::Value& config, Diagnostics* diagnostics) = 0;
};

class EphemeralResource {
 public:
  virtual ~EphemeralResource() = default;
  struct Opened {
    cty::Value result;
    std::string private_data;  // handed back on Renew and Close
    std::optional<std::chrono::system_clock::time_point> renew_at;
  };
  virtual void ValidateConfig(const cty::Value& /*config*/, Diagnostics* /*diagnostics*/) const {}
  virtual Opened Open(const cty::Value& config, Diagnostics* diagnostics) = 0;
  // Returns the new renew time, if any.
  virtual std::optional<std::chrono::system_clock::time_point> Renew(
      const std::string& /*private_data*/, Diagnostics* /*diagnostics*/) {
    return std::nullopt;
  }
  virtual void Close(const std::string& private_data, Diagnostics* diagnostics) = 0;
};

// The provider's behaviour behind the protocol.
class Provider {
 public:
  virtual ~Provider() = default;
  virtual void Configure(const cty::Value& config, Diagnostics* diagnostics) = 0;
  // nullptr when the type is unknown or not implemented.
  virtual Resource* FindResource(std::string_view type_name) = 0;
  virtual DataSource* FindDataSource(std::string_view type_name) = 0;
  virtual EphemeralResource* FindEphemeral(std::string_view type_name) = 0;
  // StopProvider: cancel in-flight calls; the process keeps serving.
  virtual void Stop() = 0;
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_RESOURCE_H_
