#ifndef ORGIAM_FRAMEWORK_REGISTRY_H_
#define ORGIAM_FRAMEWORK_REGISTRY_H_

// Implementations by type name. Filled once at start-up, read-only afterwards (so lookups
// need no lock).

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "framework/resource.h"

namespace orgiam::framework {

class Registry {
 public:
  void AddResource(std::string type_name, std::unique_ptr<Resource> resource) {
    resources_[std::move(type_name)] = std::move(resource);
  }
  void AddDataSource(std::string type_name, std::unique_ptr<DataSource> source) {
    data_sources_[std::move(type_name)] = std::move(source);
  }
  void AddEphemeral(std::string type_name, std::unique_ptr<EphemeralResource> ephemeral) {
    ephemerals_[std::move(type_name)] = std::move(ephemeral);
  }

  Resource* FindResource(std::string_view name) const { return Find(resources_, name); }
  DataSource* FindDataSource(std::string_view name) const { return Find(data_sources_, name); }
  EphemeralResource* FindEphemeral(std::string_view name) const { return Find(ephemerals_, name); }

 private:
  template <typename T>
  static T* Find(const std::map<std::string, std::unique_ptr<T>, std::less<>>& table,
                 std::string_view name) {
    auto it = table.find(name);
    return it == table.end() ? nullptr : it->second.get();
  }

  std::map<std::string, std::unique_ptr<Resource>, std::less<>> resources_;
  std::map<std::string, std::unique_ptr<DataSource>, std::less<>> data_sources_;
  std::map<std::string, std::unique_ptr<EphemeralResource>, std::less<>> ephemerals_;
};

}  // namespace orgiam::framework

#endif  // ORGIAM_FRAMEWORK_REGISTRY_H_
